package dev.thefactory.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.Complexity;
import dev.thefactory.api.Phase;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.spi.StandardTasks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The planner's budgets, caps, grouping and task ids. */
class PlannerTest {

    private final Planner planner = new Planner();

    static ProjectSpec spec(Complexity complexity, List<String> core, List<String> extended) {
        return ProjectSpec.builder("Inventory Service", ProjectType.API_SERVICE)
                .description("Keeps stock")
                .complexity(complexity)
                .features(core, extended)
                .build();
    }

    static List<String> features(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + " feature number " + i).toList();
    }

    @ParameterizedTest
    @CsvSource({"SIMPLE, 20", "MODERATE, 50", "COMPLEX, 100", "EXTREME, 200"})
    void theAgentBudgetGrowsWithComplexityAndThePlanStaysWithinIt(Complexity complexity, int budget) {
        BuildPlan plan = planner.plan(spec(complexity, features("core", 4), features("extended", 3)));

        assertThat(AgentLimits.budget(complexity)).isEqualTo(budget);
        assertThat(plan.agentBudget()).isEqualTo(budget);
        assertThat(plan.plannedAgents()).isLessThanOrEqualTo(budget)
                .isEqualTo(plan.tasks().size() + plan.tasks().stream().mapToInt(PlannedTask::childAllowance).sum());
        assertThat(plan.notes()).as("7 features fit every budget: simple has 20 - 7 fixed tasks - 6 reserved = 7 slots").isEmpty();
    }

    @Test
    void theStandardTasksArePlannedInPhaseOrderWithOneDesignTaskPerFeature() {
        BuildPlan plan = planner.plan(spec(Complexity.MODERATE, List.of("Add items", "Remove items"),
                List.of("Export CSV")));

        assertThat(plan.tasks(Phase.ANALYZE)).extracting(PlannedTask::id).containsExactly(StandardTasks.ANALYZE);
        assertThat(plan.tasks(Phase.DESIGN)).extracting(PlannedTask::id).hasSize(4)
                .startsWith(StandardTasks.DESIGN_ARCHITECTURE)
                .anySatisfy(id -> assertThat(id).startsWith("design/feature/add-items-"))
                .anySatisfy(id -> assertThat(id).startsWith("design/feature/export-csv-"));
        assertThat(plan.tasks(Phase.STRUCTURE)).extracting(PlannedTask::id).containsExactly(StandardTasks.STRUCTURE);
        assertThat(plan.tasks(Phase.GENERATE)).extracting(PlannedTask::id).containsExactly(
                StandardTasks.GENERATE_BUILD, StandardTasks.GENERATE_CODE, StandardTasks.GENERATE_TESTS,
                StandardTasks.GENERATE_DOCS);
        assertThat(plan.tasks(Phase.VALIDATE_OUTPUT)).isEmpty();
        assertThat(plan.tasks()).allSatisfy(t -> {
            assertThat(t.task().depth()).isZero();
            assertThat(t.task().parentId()).isNull();
            assertThat(t.weight()).isPositive();
        });
    }

    @ParameterizedTest
    @EnumSource(Complexity.class)
    void childAllowancesRespectThePerRoleCaps(Complexity complexity) {
        BuildPlan plan = planner.plan(spec(complexity, features("core", 3), List.of()));

        assertThat(plan.tasks()).allSatisfy(t -> {
            assertThat(t.childAllowance()).isLessThanOrEqualTo(3 * AgentLimits.childCap(t.task().role()));
            assertThat(t.maxChildren()).isLessThanOrEqualTo(AgentLimits.childCap(t.task().role()))
                    .isLessThanOrEqualTo(t.childAllowance());
        });
        assertThat(plan.task(StandardTasks.GENERATE_CODE)).get()
                .satisfies(t -> assertThat(t.maxChildren()).as("GENERATE tasks are served first").isPositive());
    }

    @Test
    void theCapsPerRoleAndTheDepthLimitAreFixed() {
        assertThat(AgentLimits.childCap(AgentRole.ARCHITECT)).isEqualTo(10);
        assertThat(AgentLimits.childCap(AgentRole.DEVELOPER)).isEqualTo(8);
        assertThat(AgentLimits.childCap(AgentRole.BUILDER)).isEqualTo(8);
        assertThat(AgentLimits.childCap(AgentRole.TESTER)).isEqualTo(3);
        assertThat(AgentLimits.childCap(AgentRole.DOCUMENTER)).isEqualTo(3);
        assertThat(AgentLimits.childCap(AgentRole.REVIEWER)).isEqualTo(3);
        assertThat(AgentLimits.MAX_DEPTH).isEqualTo(10);
        assertThat(AgentLimits.maxChildren(AgentRole.DEVELOPER, 9, 100)).isEqualTo(8);
        assertThat(AgentLimits.maxChildren(AgentRole.DEVELOPER, 10, 100)).as("nothing below depth 10").isZero();
        assertThat(AgentLimits.maxChildren(AgentRole.DEVELOPER, 3, 2)).as("the allowance bounds too").isEqualTo(2);
        assertThatThrownBy(() -> AgentLimits.maxChildren(AgentRole.TESTER, -1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("depth must be >= 0 but was -1");
        assertThatThrownBy(() -> AgentLimits.maxChildren(AgentRole.TESTER, 0, -2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowance must be >= 0 but was -2");
    }

    @Test
    void childAllowancesSplitTheLeftoverEvenlyFirstChildrenFirst() {
        int[] split = IntStream.range(0, 3).map(i -> AgentLimits.childAllowance(7, 3, i)).toArray();

        assertThat(split).containsExactly(3, 2, 2);
        assertThat(Arrays.stream(split).sum()).isEqualTo(7);
        assertThatThrownBy(() -> AgentLimits.childAllowance(1, 2, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 <= index < children");
    }

    @Test
    void featuresBeyondTheBudgetAreGroupedEveryOneKeptAndANoteSaysSo() {
        List<String> core = features("core", 30);
        List<String> extended = features("extended", 12);
        BuildPlan plan = planner.plan(spec(Complexity.SIMPLE, core, extended));

        List<PlannedTask> designs = plan.tasks(Phase.DESIGN).stream()
                .filter(t -> t.id().startsWith(StandardTasks.DESIGN_FEATURE_PREFIX)).toList();
        assertThat(plan.plannedAgents()).isLessThanOrEqualTo(20);
        assertThat(designs.size()).isLessThan(42);
        assertThat(plan.notes()).singleElement().asString()
                .contains("Grouped 42 features into " + designs.size() + " design tasks", "agent budget of 20",
                        "complexity simple", "Raise the spec's complexity");
        List<String> covered = new ArrayList<>();
        for (PlannedTask design : designs) {
            String scope = design.task().parameters().get(StandardTasks.PARAM_SCOPE);
            assertThat(scope).isIn("core", "extended");
            covered.addAll(design.task().parameters().get(StandardTasks.PARAM_FEATURES).lines().toList());
            assertThat(design.id()).matches("design/feature/[a-z0-9-]+");
        }
        List<String> all = new ArrayList<>(core);
        all.addAll(extended);
        assertThat(covered).as("every feature once, in order").containsExactlyElementsOf(all);
    }

    @Test
    void featuresSharingAPrefixGetDistinctIds() {
        String longPrefix = "Synchronise the remote inventory with the local warehouse ledger ";
        BuildPlan plan = planner.plan(spec(Complexity.MODERATE, List.of(longPrefix + "nightly", longPrefix + "hourly"),
                List.of(longPrefix + "nightly")));

        List<String> ids = plan.tasks(Phase.DESIGN).stream().map(PlannedTask::id).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void aPlanOverItsBudgetOrWithRepeatedIdsIsRejected() {
        BuildPlan plan = planner.plan(spec(Complexity.SIMPLE, features("core", 2), List.of()));
        List<PlannedTask> repeated = new ArrayList<>(plan.tasks());
        repeated.add(plan.tasks().get(0));

        assertThatThrownBy(() -> new BuildPlan(Complexity.SIMPLE, 20, repeated, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'analyze' repeats");
        assertThatThrownBy(() -> new BuildPlan(Complexity.SIMPLE, 5, plan.tasks(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("but the budget is 5");
    }
}

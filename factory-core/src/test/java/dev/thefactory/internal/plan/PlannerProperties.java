package dev.thefactory.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.Complexity;
import dev.thefactory.api.Phase;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.spi.StandardTasks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the planner over generated specs: determinism (resume relies on it) and the bounds. */
class PlannerProperties {

    @Provide
    Arbitrary<List<String>> featureLists() {
        Arbitrary<String> feature = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz ÄéßØ-_0123456789")
                .ofMinLength(1).ofMaxLength(60).filter(s -> !s.isBlank());
        return feature.list().ofMaxSize(80);
    }

    @Property(tries = 200)
    void theSameSpecAlwaysGivesTheSamePlanWithTheSameIds(@ForAll("featureLists") List<String> core,
            @ForAll("featureLists") List<String> extended, @ForAll Complexity complexity) {
        ProjectSpec spec = PlannerTest.spec(complexity, core, extended);
        ProjectSpec copy = PlannerTest.spec(complexity, new ArrayList<>(core), new ArrayList<>(extended));

        BuildPlan first = new Planner().plan(spec);
        BuildPlan second = new Planner().plan(copy);

        assertThat(second).isEqualTo(first);
        assertThat(second.tasks()).extracting(PlannedTask::id)
                .containsExactlyElementsOf(first.tasks().stream().map(PlannedTask::id).toList())
                .doesNotHaveDuplicates();
    }

    @Property(tries = 200)
    void everyPlanFitsItsBudgetAndDesignsEveryFeatureOnce(@ForAll("featureLists") List<String> core,
            @ForAll("featureLists") List<String> extended, @ForAll Complexity complexity) {
        BuildPlan plan = new Planner().plan(PlannerTest.spec(complexity, core, extended));

        assertThat(plan.plannedAgents()).isLessThanOrEqualTo(AgentLimits.budget(complexity));
        List<String> designed = new ArrayList<>();
        for (PlannedTask task : plan.tasks(Phase.DESIGN)) {
            if (task.id().startsWith(StandardTasks.DESIGN_FEATURE_PREFIX)) {
                designed.addAll(List.of(task.task().parameters().get(StandardTasks.PARAM_FEATURES).split("\n", -1)));
            }
        }
        List<String> all = new ArrayList<>(core);
        all.addAll(extended);
        assertThat(designed).containsExactlyElementsOf(all);
        boolean grouped = plan.tasks(Phase.DESIGN).size() - 1 < all.size();
        assertThat(plan.notes()).as("a note exactly when features were grouped").hasSize(grouped ? 1 : 0);
        assertThat(new HashSet<>(plan.tasks().stream().map(PlannedTask::id).toList())).hasSize(plan.tasks().size());
    }
}

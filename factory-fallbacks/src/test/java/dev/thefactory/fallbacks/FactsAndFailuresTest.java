package dev.thefactory.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.AgentException;
import dev.thefactory.api.AgentRole;
import dev.thefactory.api.Phase;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.spi.AgentContext;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.StandardTasks;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What the tasks publish, and how they fail on facts they cannot use. */
class FactsAndFailuresTest {

    private record Context(ProjectSpec spec, Map<String, String> facts, int maxChildren) implements AgentContext {
        @Override
        public String buildId() {
            return "b";
        }
    }

    private static AgentTask task(String id, Phase phase, Map<String, String> parameters) {
        return new AgentTask(id, phase, AgentRole.DEVELOPER, id, null, 0, parameters);
    }

    @Test
    void theTodoSpecIsUnderstoodAsTasksWithTheRightFieldsAndOperations() throws Exception {
        CoreDriver.Build build = CoreDriver.build(Specs.todo(ProjectType.WEB_APP));
        assertThat(build.facts().get("simple.analysis.entities")).isEqualTo("Task");
        assertThat(build.facts().get("simple.analysis.entity.Task")).contains("field title string required",
                "field dueDate date optional", "field priority level optional", "field completed boolean optional",
                "status complete completed set", "filter completed", "update priority")
                .contains("operations create,list,get,update,delete,status,find");
        assertThat(build.facts().get("simple.design.feature.core.000")).isEqualTo("`POST /api/tasks`");
        assertThat(build.facts().get("simple.design.feature.core.002")).isEqualTo("`POST /api/tasks/{id}/complete`");
        assertThat(build.files().get("docs/usage.md")).contains("| Mark tasks complete | `POST /api/tasks/{id}/complete` |");
        assertThat(build.files().get("pom.xml")).contains("<groupId>com.example.todoapp</groupId>",
                "<artifactId>todo-app</artifactId>", "<maven.compiler.release>17</maven.compiler.release>",
                "<artifactId>junit-jupiter</artifactId>", "<version>5.14.1</version>",
                "<artifactId>maven-surefire-plugin</artifactId>", "<version>3.5.4</version>",
                "<artifactId>maven-compiler-plugin</artifactId>", "<version>3.14.0</version>",
                "<artifactId>maven-resources-plugin</artifactId>", "<version>3.3.1</version>",
                "<mainClass>com.example.todoapp.Main</mainClass>");
        assertThat(build.files().get("pom.xml").split("<dependency>", -1)).hasSize(2);
        assertThat(build.files().get("src/main/resources/application.properties")).contains("server.port=8080");
    }

    @Test
    void aFeatureItCannotPlaceIsReportedNotGuessed() throws Exception {
        ProjectSpec spec = Specs.todo(ProjectType.CLI_TOOL).toBuilder()
                .features(Specs.todo(ProjectType.CLI_TOOL).features().core(), java.util.List.of("Be delightful"))
                .build();
        CoreDriver.Build build = CoreDriver.build(spec);
        assertThat(build.notes()).anyMatch(n -> n.startsWith("Feature 'Be delightful' is not generated"));
        String readme = build.files().get("README.md");
        assertThat(readme.substring(readme.indexOf("## Features"), readme.indexOf("## Not implemented")))
                .doesNotContain("Be delightful");
        assertThat(readme.substring(readme.indexOf("## Not implemented")))
                .contains("`extended-1` \"Be delightful\": " + build.claim("extended-1").reason());
        assertThat(build.claim("extended-1").status()).isEqualTo(dev.thefactory.api.RequirementStatus.NOT_IMPLEMENTED);
        assertThat(build.claim("extended-1").reason()).contains("not generated");
    }

    @Test
    void laterTasksFailPermanentlyWhenTheAnalysisFactsAreMissingOrBroken() throws Exception {
        ProjectSpec spec = Specs.todo(ProjectType.CLI_TOOL);
        try (OrchestratorBackend backend = new SimpleBackendProvider().create(new BackendContext("b", spec))) {
            AgentTask structure = task(StandardTasks.STRUCTURE, Phase.STRUCTURE, Map.of());
            assertThatThrownBy(() -> backend.agent(structure).execute(structure, new Context(spec, Map.of(), 0)))
                    .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.isTransient()).isFalse())
                    .hasMessageContaining("simple.analysis.entities");
            Map<String, String> broken = new TreeMap<>(CoreDriver.build(spec).facts());
            broken.put("simple.analysis.entity.Task", "plural tasks\nfield class string required");
            AgentTask code = task(StandardTasks.GENERATE_CODE, Phase.GENERATE, Map.of());
            assertThatThrownBy(() -> backend.agent(code).execute(code, new Context(spec, broken, 0)))
                    .isInstanceOf(AgentException.class).hasMessageContaining("simple.analysis.entity.Task");
        }
    }

    @Test
    void aFeatureDesignTaskCoversEveryFeatureTheBudgetGroupedIntoIt() throws Exception {
        ProjectSpec spec = Specs.todo(ProjectType.CLI_TOOL);
        Map<String, String> analysis = new TreeMap<>(CoreDriver.build(spec).facts());
        analysis.keySet().removeIf(k -> !k.startsWith("simple.analysis."));
        try (OrchestratorBackend backend = new SimpleBackendProvider().create(new BackendContext("b", spec))) {
            AgentTask design = task(StandardTasks.DESIGN_FEATURE_PREFIX + "core-group", Phase.DESIGN,
                    Map.of(StandardTasks.PARAM_FEATURES, "List all tasks\nDelete tasks",
                            StandardTasks.PARAM_SCOPE, "core"));
            Map<String, String> facts = backend.agent(design).execute(design, new Context(spec, analysis, 0)).facts();
            assertThat(facts).containsOnly(Map.entry("simple.design.feature.core.001", "`task list`"),
                    Map.entry("simple.design.feature.core.003", "`task delete <id>`"));
            AgentTask unknown = task(StandardTasks.DESIGN_FEATURE_PREFIX + "x", Phase.DESIGN,
                    Map.of(StandardTasks.PARAM_FEATURES, "Fly to the moon", StandardTasks.PARAM_SCOPE, "core"));
            assertThatThrownBy(() -> backend.agent(unknown).execute(unknown, new Context(spec, analysis, 0)))
                    .isInstanceOf(AgentException.class).hasMessageContaining("'Fly to the moon'");
        }
    }

    @Test
    void aFeatureDesignTaskNeedsItsParameters() {
        ProjectSpec spec = Specs.todo(ProjectType.CLI_TOOL);
        try (OrchestratorBackend backend = new SimpleBackendProvider().create(new BackendContext("b", spec))) {
            AgentTask design = task(StandardTasks.DESIGN_FEATURE_PREFIX + "x", Phase.DESIGN, Map.of());
            assertThatThrownBy(() -> backend.agent(design).execute(design, new Context(spec, Map.of(), 0)))
                    .isInstanceOf(AgentException.class).hasMessageContaining(StandardTasks.PARAM_FEATURES);
        }
    }

    @Test
    void aChildNamingAnUnknownEntityFailsPermanently() throws Exception {
        ProjectSpec spec = Specs.todo(ProjectType.CLI_TOOL);
        Map<String, String> facts = CoreDriver.build(spec).facts();
        try (OrchestratorBackend backend = new SimpleBackendProvider().create(new BackendContext("b", spec))) {
            AgentTask child = new AgentTask("generate/code/entity-ghost", Phase.GENERATE, AgentRole.DEVELOPER, "x",
                    "generate/code", 1, Map.of("entities", "Ghost"));
            assertThatThrownBy(() -> backend.agent(child).execute(child, new Context(spec, facts, 0)))
                    .isInstanceOf(AgentException.class).hasMessageContaining("'Ghost'");
        }
    }
}

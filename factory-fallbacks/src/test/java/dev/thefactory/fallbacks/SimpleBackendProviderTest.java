package dev.thefactory.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.AgentException;
import dev.thefactory.api.AgentRole;
import dev.thefactory.api.Phase;
import dev.thefactory.api.ProjectType;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.OrchestratorBackendProvider;
import dev.thefactory.spi.StandardTasks;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The provider, its registration, and the backend's task dispatch. */
class SimpleBackendProviderTest {

    private static AgentTask task(String id, String parentId) {
        return new AgentTask(id, Phase.GENERATE, AgentRole.DEVELOPER, id, parentId, parentId == null ? 0 : 1,
                Map.of());
    }

    @Test
    void isRegisteredAsAServiceAndIsAlwaysHealthy() {
        List<OrchestratorBackendProvider> providers = ServiceLoader.load(OrchestratorBackendProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertThat(providers).hasAtLeastOneElementOfType(SimpleBackendProvider.class);
        SimpleBackendProvider provider = new SimpleBackendProvider();
        assertThat(provider.id()).isEqualTo("simple");
        assertThat(provider.tier()).isEqualTo(BackendTier.STANDALONE);
        assertThat(provider.health().healthy()).isTrue();
    }

    @Test
    void hasAnAgentForEveryStandardTaskAndTheGenerateChildren() {
        try (OrchestratorBackend backend = new SimpleBackendProvider()
                .create(new BackendContext("b", Specs.todo(ProjectType.CLI_TOOL)))) {
            assertThat(backend.id()).isEqualTo("simple");
            for (String id : List.of(StandardTasks.ANALYZE, StandardTasks.DESIGN_ARCHITECTURE,
                    StandardTasks.DESIGN_FEATURE_PREFIX + "core-0", StandardTasks.STRUCTURE,
                    StandardTasks.GENERATE_BUILD, StandardTasks.GENERATE_CODE, StandardTasks.GENERATE_TESTS,
                    StandardTasks.GENERATE_DOCS)) {
                assertThat(backend.agent(task(id, null))).as(id).isNotNull();
            }
            assertThat(backend.agent(task("generate/code/entity-task", "generate/code"))).isNotNull();
        }
    }

    @Test
    void refusesATaskItHasNoAgentForWithAPermanentFailureNamingIt() {
        try (OrchestratorBackend backend = new SimpleBackendProvider()
                .create(new BackendContext("b", Specs.todo(ProjectType.CLI_TOOL)))) {
            for (AgentTask unknown : List.of(task("review/everything", null), task("design/feature/", null),
                    task("generate/code/child", null), task("generate/codes", null),
                    task("generate/docs/extra", "generate/code"))) {
                assertThatThrownBy(() -> backend.agent(unknown))
                        .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.isTransient()).isFalse())
                        .hasMessageContaining("'" + unknown.id() + "'");
            }
        }
    }

    @Test
    void rejectsANullContext() {
        assertThatThrownBy(() -> new SimpleBackendProvider().create(null))
                .isInstanceOf(NullPointerException.class).hasMessage("context");
    }
}

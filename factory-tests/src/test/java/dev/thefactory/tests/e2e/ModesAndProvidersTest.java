package dev.thefactory.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.BackendUnavailableException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.RequirementSection;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.ProviderSkipped;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modes, explicit backends, and providers that fail to load or whose health check throws. */
class ModesAndProvidersTest {

    @TempDir
    Path tmp;

    @Test
    void minimalModeRunsEveryBackendPhaseOnTheMinimalBackend() throws Exception {
        BuildResult result = Builds.builder(Builds.spec("example_todo_app.md"), Mode.MINIMAL, tmp.resolve("out"),
                Builds.events()).requireFeatures(FeatureRequirement.NONE).build().run();

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.coverage().section(RequirementSection.CORE)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED));
        assertThat(result.phases()).extracting(PhaseResult::backend).containsOnly("core", "minimal");
        assertThat(result.outputDirectory().resolve("pom.xml")).isRegularFile();
        ExampleSpecsBuildTest.assertMetadataMatches(result.outputDirectory(), result);
        new GeneratedProject(result.outputDirectory()).compile(tmp.resolve("classes"));
    }

    @Test
    void integratedModeWithoutAnIntegratedBackendFailsAtOnceNamingWhatWasLookedFor() {
        assertThatThrownBy(() -> Builds.builder(Builds.spec("example_todo_app.md"), Mode.INTEGRATED,
                tmp.resolve("out"), Builds.events()).build().run())
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("INTEGRATED")
                .satisfies(e -> assertThat(((BackendUnavailableException) e).recoveryOptions()).isNotEmpty());
        assertThat(tmp.resolve("out").resolve("todo-app")).doesNotExist();
    }

    @Test
    void anExplicitBackendIsUsedForEveryBackendPhase() throws Exception {
        BuildResult result = Builds.builder(Builds.spec("example_simple.md"), Mode.AUTO, tmp.resolve("out"),
                Builds.events()).backend("minimal").requireFeatures(FeatureRequirement.NONE).build().run();

        assertThat(result.phases()).extracting(PhaseResult::backend).containsOnly("core", "minimal");
    }

    @Test
    void providersThatFailToLoadOrWhoseHealthThrowsAreReportedAndSkipped() throws Exception {
        List<BuildEvent> events = Builds.events();
        try (URLClassLoader loader = Builds.providers(tmp.resolve("services"),
                TestProviders.ExplodesOnLoad.class.getName(), TestProviders.HealthThrows.class.getName())) {
            BuildResult result = Builds.builder(Builds.spec("example_simple.md"), Mode.AUTO, tmp.resolve("out"),
                    events).classLoader(loader).requireFeatures(FeatureRequirement.NONE).build().run();

            assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
            assertThat(result.phases()).extracting(PhaseResult::backend).doesNotContain("explodes", "health-throws");
        }
        List<ProviderSkipped> skipped = events.stream().filter(ProviderSkipped.class::isInstance)
                .map(ProviderSkipped.class::cast).toList();
        assertThat(skipped).extracting(Object::toString).anySatisfy(s -> assertThat(s).contains("boom"));
        assertThat(skipped).extracting(Object::toString)
                .anySatisfy(s -> assertThat(s).contains("health endpoint returned 500"));
    }
}

package dev.thefactory.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.CircuitState;
import dev.thefactory.api.FallbackRecord;
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.RequirementsNotMetException;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.CircuitStateChanged;
import dev.thefactory.api.event.RetryScheduled;
import dev.thefactory.tests.kit.ProjectSnapshot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recovery the brief asks for, end to end with injected faults: retries, circuit breaker, fallback, failure. */
class RecoveryTest {

    @TempDir
    Path tmp;

    @Test
    void transientFaultsAreRetriedAndTheProjectIsByteIdenticalToAFaultFreeBuild() throws Exception {
        BuildResult clean = Builds.builder(Builds.spec("example_todo_app.md"), Mode.STANDALONE, tmp.resolve("clean"),
                Builds.events()).build().run();
        List<BuildEvent> events = Builds.events();
        BuildResult flaky = Builds.builder(Builds.spec("example_todo_app.md"), Mode.STANDALONE, tmp.resolve("flaky"),
                events).faults(FaultInjection.parse("transient-rate=0.3,seed=11")).build().run();

        assertThat(flaky.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(flaky.retries()).isPositive();
        assertThat(events).filteredOn(RetryScheduled.class::isInstance).hasSize(flaky.retries());
        assertThat(flaky.fallbacks()).isEqualTo(clean.fallbacks());
        assertThat(ProjectSnapshot.of(flaky.outputDirectory())).isEqualTo(ProjectSnapshot.of(clean.outputDirectory()));
    }

    @Test
    void anUnreachableBackendOpensItsCircuitAndThePhaseFallsBack() throws Exception {
        List<BuildEvent> events = Builds.events();
        BuildResult result = Builds.builder(Builds.spec("example_todo_app.md"), Mode.STANDALONE, tmp.resolve("out"),
                events).faults(FaultInjection.parse("fail-backend=simple,seed=3")).requireFeatures(FeatureRequirement.NONE)
                .build().run();

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.fallbacks()).extracting(FallbackRecord::from, FallbackRecord::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("simple", "minimal"));
        assertThat(result.phases()).filteredOn(p -> p.phase() == Phase.GENERATE).extracting(PhaseResult::backend)
                .containsExactly("minimal");
        assertThat(events).filteredOn(CircuitStateChanged.class::isInstance).map(CircuitStateChanged.class::cast)
                .anySatisfy(e -> {
                    assertThat(e.backend()).isEqualTo("simple");
                    assertThat(e.to()).isEqualTo(CircuitState.OPEN);
                });
        assertThat(result.circuits()).containsEntry("simple", CircuitState.OPEN);
        assertThat(result.retries()).isPositive();
    }

    @Test
    void permanentFailuresEverywhereFailExplicitlyAndPublishNothing() throws Exception {
        Path out = tmp.resolve("out");
        BuildFailedException failure = catchThrowableOfType(BuildFailedException.class,
                () -> Builds.builder(Builds.spec("example_todo_app.md"), Mode.STANDALONE, out, Builds.events())
                        // publish whatever is built: the whole cascade, minimal included, is tried
                        .requireFeatures(FeatureRequirement.NONE)
                        .faults(FaultInjection.parse("permanent-rate=1.0,seed=1")).build().run());

        assertThat(failure).isNotNull();
        assertThat(failure.result().status()).isEqualTo(BuildStatus.FAILED);
        assertThat(failure.result().outputDirectory()).isNull();
        assertThat(failure.backendsTried()).containsExactly("simple", "minimal");
        // keyed by task id, then by the backend each attempt ran on: one attempt each (permanent failures)
        assertThat(failure.attemptsPerTask()).isNotEmpty().allSatisfy((task, perBackend) -> {
            assertThat(task).doesNotContain("(").doesNotContain(" ");
            assertThat(perBackend).isNotEmpty().allSatisfy((backend, attempts) -> {
                assertThat(backend).isIn("simple", "minimal");
                assertThat(attempts).isOne();
            });
        });
        assertThat(failure.attemptsPerTask().values())
                .anySatisfy(perBackend -> assertThat(perBackend).containsKey("simple"))
                .anySatisfy(perBackend -> assertThat(perBackend).containsKey("minimal"));
        assertThat(failure.recoveryOptions()).isNotEmpty();
        assertThat(failure.getMessage()).containsIgnoringCase("permanent");
        // nothing published: the output directory the build created is removed again
        assertThat(out).doesNotExist();
    }

    @Test
    void theExampleWithErrorsShowsRetriesAFallbackAndSucceeds() throws Exception {
        List<BuildEvent> events = Builds.events();
        BuildResult result = Builds.builder(Builds.spec("example_with_errors.md"), Mode.AUTO, tmp.resolve("out"),
                events).requireFeatures(FeatureRequirement.NONE).build().run();

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.retries()).isGreaterThanOrEqualTo(2);
        assertThat(result.fallbacks()).isNotEmpty();
        ExampleSpecsBuildTest.assertMetadataMatches(result.outputDirectory(), result);
    }

    @Test
    void theExampleWithErrorsFailsUnderTheDefaultPolicyWithoutTryingMinimalWhichImplementsNoFeature() {
        Path out = tmp.resolve("strict");
        BuildFailedException failure = catchThrowableOfType(BuildFailedException.class,
                () -> Builds.builder(Builds.spec("example_with_errors.md"), Mode.AUTO, out, Builds.events())
                        .build().run());

        assertThat(failure).isNotNull();
        assertThat(failure).isNotInstanceOf(RequirementsNotMetException.class);
        assertThat(failure.backendsTried()).as("minimal could not meet the policy, so it is not tried")
                .containsExactly("simple");
        assertThat(failure.result().notes()).anyMatch(n -> n.startsWith("Backend 'minimal' was not tried"));
        assertThat(failure.result().outputDirectory()).isNull();
        assertThat(out.resolve("flaky-notes")).doesNotExist();
    }
}

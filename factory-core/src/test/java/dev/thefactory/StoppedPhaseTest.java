package dev.thefactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.PhaseStatus;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.event.AgentSpawned;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.BuildListener;
import dev.thefactory.api.event.PhaseFailed;
import dev.thefactory.api.event.PhaseStarted;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build stopped through its handle while a phase runs records that phase as {@link PhaseStatus.INTERRUPTED} (not
 * failed), its {@code factory.phase} observation as {@code cancelled}, and fails with the interruption as its cause.
 * The build is held inside the phase by a listener (a latch, never a sleep) until the stop interrupts it.
 */
class StoppedPhaseTest {

    private static final String SPEC = """
            # Tree Demo

            A small project for interruption tests.

            ## Type: cli_tool

            ## Complexity: simple

            ## FEATURES

            - Count the leaves of a tree
            - Print the tree
            """;

    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path tmp;

    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final List<Observation.Context> stopped = Collections.synchronizedList(new ArrayList<>());

    StoppedPhaseTest() {
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
    }

    /** Holds the thread that reports the first matching event until it is interrupted (the stop). */
    private static final class Hold implements BuildListener {
        private final Predicate<BuildEvent> where;
        final CountDownLatch reached = new CountDownLatch(1);
        final List<BuildEvent> events = new CopyOnWriteArrayList<>();

        Hold(Predicate<BuildEvent> where) {
            this.where = where;
        }

        @Override
        public void onEvent(BuildEvent event) {
            events.add(event);
            if (reached.getCount() > 0 && where.test(event)) {
                reached.countDown();
                try {
                    new CountDownLatch(1).await(WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private BuildHandle start(Hold hold) {
        return Factory.builder().spec(SPEC, SpecFormat.MARKDOWN).mode(Mode.STANDALONE)
                .outputDirectory(tmp.resolve("out")).requireFeatures(FeatureRequirement.NONE)
                .checkpoints(CheckpointRepositories.inMemory()).observationRegistry(registry).build().start(hold);
    }

    private static BuildFailedException failureOf(BuildHandle handle) {
        Throwable thrown = catchThrowable(() -> handle.result().join());
        assertThat(thrown).isInstanceOf(CompletionException.class).hasCauseInstanceOf(BuildFailedException.class);
        return (BuildFailedException) thrown.getCause();
    }

    private static PhaseResult phase(BuildFailedException failure, Phase phase) {
        return failure.result().phases().stream().filter(p -> p.phase() == phase).findFirst().orElseThrow();
    }

    private Observation.Context phaseObservation(Phase phase) {
        synchronized (stopped) {
            return stopped.stream().filter(c -> c.getName().equals("factory.phase"))
                    .filter(c -> phase.id().equals(value(c, "phase"))).reduce((a, b) -> b).orElseThrow();
        }
    }

    private static String value(Observation.Context context, String key) {
        KeyValue value = context.getLowCardinalityKeyValue(key);
        return value == null ? null : value.getValue();
    }

    @Test
    void aBuildCancelledWhileATaskOfGenerateRunsRecordsGenerateInterruptedAndItsObservationCancelled()
            throws Exception {
        Hold hold = new Hold(e -> e instanceof AgentSpawned spawned && spawned.phase() == Phase.GENERATE);
        BuildHandle handle = start(hold);
        assertThat(hold.reached.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("a GENERATE task started").isTrue();

        assertThat(handle.cancel()).isTrue();

        BuildFailedException failure = failureOf(handle);
        assertThat(failure.result().status()).isEqualTo(BuildStatus.INTERRUPTED);
        assertThat(phase(failure, Phase.GENERATE).status()).isEqualTo(PhaseStatus.INTERRUPTED);
        assertThat(failure.result().phases()).noneMatch(p -> p.status() == PhaseStatus.FAILED);
        assertThat(hold.events).noneMatch(e -> e instanceof PhaseFailed);
        Observation.Context generate = phaseObservation(Phase.GENERATE);
        assertThat(value(generate, "outcome")).isEqualTo("cancelled");
        assertThat(generate.getError()).as("a stop is not recorded as an error").isNull();
    }

    @Test
    void aBuildStoppedInValidateOutputIsInterruptedThereOnTheCoreWithTheInterruptionAsItsCause() throws Exception {
        Hold hold = new Hold(e -> e instanceof PhaseStarted started && started.phase() == Phase.VALIDATE_OUTPUT);
        BuildHandle handle = start(hold);
        assertThat(hold.reached.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("VALIDATE_OUTPUT started").isTrue();

        assertThat(handle.result().cancel(true)).isFalse();

        BuildFailedException failure = failureOf(handle);
        assertThat(failure.result().status()).isEqualTo(BuildStatus.INTERRUPTED);
        assertThat(failure.getCause()).isInstanceOf(InterruptedException.class);
        assertThat(failure.getMessage()).contains("interrupted in phase VALIDATE_OUTPUT")
                .doesNotContain("VALIDATE_OUTPUT on backend");
        PhaseResult validate = phase(failure, Phase.VALIDATE_OUTPUT);
        assertThat(validate.status()).isEqualTo(PhaseStatus.INTERRUPTED);
        assertThat(validate.backend()).isEqualTo("core");
        assertThat(value(phaseObservation(Phase.VALIDATE_OUTPUT), "outcome")).isEqualTo("cancelled");
        assertThat(failure.result().validation().tests().unchecked()).as("the project did not fail validation")
                .contains("the build was interrupted").doesNotContain("failed validation");
    }
}

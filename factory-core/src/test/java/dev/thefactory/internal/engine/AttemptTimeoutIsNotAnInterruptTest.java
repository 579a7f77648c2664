package dev.thefactory.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.CircuitBreakerSettings;
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.GeneratedTestSettings;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.TimeoutSettings;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.RetryScheduled;
import dev.thefactory.fixtures.TreeBackendProvider;
import dev.thefactory.internal.output.OutputQuotas;
import dev.thefactory.internal.state.InMemoryCheckpointRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 9, bug 3): an attempt that runs past {@code TimeoutSettings.taskAttempt} is interrupted by the
 * engine, and an agent that honours the interrupt throws {@link InterruptedException}. That is a transient failure of
 * the attempt (retried, then a fallback), never a user interrupt of the build.
 */
class AttemptTimeoutIsNotAnInterruptTest {

    @TempDir
    Path dir;

    @Test
    void aSlowInterruptHonouringAgentWithTwoAttemptsFallsBackInsteadOfEndingInterrupted() {
        List<BuildEvent> events = new CopyOnWriteArrayList<>();
        TreeBackendProvider slow = new TreeBackendProvider(task -> {
            if (task.phase() == Phase.ANALYZE) {
                Thread.sleep(60_000); // honours the interrupt of the attempt's time limit
            }
        });
        EngineConfig config = new EngineConfig(Mode.STANDALONE, dir.resolve("out").toAbsolutePath(),
                List.of(events::add), null, new InMemoryCheckpointRepository(), 2, Duration.ofMinutes(2), 0,
                RetrySettings.defaults().withMaxAttempts(2).withDelays(Duration.ZERO, Duration.ZERO),
                CircuitBreakerSettings.defaults(), TimeoutSettings.defaults().withTaskAttempt(Duration.ofMillis(150)),
                FaultInjection.none(), Clock.systemUTC(), OutputQuotas.defaults(), EngineConfig.NO_PATTERNS,
                FeatureRequirement.NONE, GeneratedTestSettings.disabled(), false);

        BuildResult result = EngineFixture.engine(config, EngineFixture.SPEC, null, slow).run();

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.fallbacks()).singleElement().satisfies(fallback -> {
            assertThat(fallback.phase()).isEqualTo(Phase.ANALYZE);
            assertThat(fallback.from()).isEqualTo(TreeBackendProvider.ID);
            assertThat(fallback.to()).isEqualTo("minimal");
            assertThat(fallback.reason()).contains("time limit of 150 ms");
        });
        assertThat(events).filteredOn(RetryScheduled.class::isInstance).as("the time-out was retried once")
                .isNotEmpty();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}

package dev.thefactory.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.BuildFailedException;
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
import dev.thefactory.fixtures.TreeBackendProvider;
import dev.thefactory.internal.output.OutputQuotas;
import dev.thefactory.internal.state.InMemoryCheckpointRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 9, bug 6): a user's clock is for timestamps only. With {@code Clock.fixed(...)} the watchdog's
 * stall detection and the phase deadline still fire, because they run on monotonic time.
 */
class FixedClockWatchdogTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseTheAgent() {
        release.countDown();
    }

    private TreeBackendProvider stallingIn(String taskId) {
        return new TreeBackendProvider(task -> {
            if (task.id().equals(taskId)) {
                release.await(20, TimeUnit.SECONDS);
            }
        });
    }

    @Test
    void aStalledAgentIsCaughtByTheWatchdogUnderAFixedClock() {
        EngineConfig config = EngineFixture.config(dir.resolve("out"), new InMemoryCheckpointRepository(), 4,
                Duration.ofMillis(300), FIXED, 0);
        BuildEngine engine = EngineFixture.engine(config, EngineFixture.SPEC, null, stallingIn("generate/tests"));

        long start = System.nanoTime();
        assertThatThrownBy(engine::run).isInstanceOfSatisfying(BuildFailedException.class, failure -> {
            assertThat(failure.result().status()).isEqualTo(BuildStatus.FAILED);
            assertThat(failure.getMessage()).contains("stalled in phase GENERATE", "watchdog limit of 300 ms",
                    "tasks still running: generate/tests");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("long before the agent gave up on its own")
                .isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void thePhaseDeadlineFiresUnderAFixedClock() {
        EngineConfig config = new EngineConfig(Mode.STANDALONE, dir.resolve("out").toAbsolutePath(), List.of(), null,
                new InMemoryCheckpointRepository(), 4, Duration.ofMinutes(2), 0, RetrySettings.none(),
                CircuitBreakerSettings.defaults(), TimeoutSettings.defaults().withPhase(Duration.ofMillis(300)),
                FaultInjection.none(), FIXED, OutputQuotas.defaults(), EngineConfig.NO_PATTERNS,
                FeatureRequirement.NONE, GeneratedTestSettings.disabled(), false);
        BuildEngine engine = EngineFixture.engine(config, EngineFixture.SPEC, null, stallingIn("generate/tests"));

        long start = System.nanoTime();
        BuildResult result = engine.run();

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.fallbacks()).singleElement().satisfies(fallback -> {
            assertThat(fallback.phase()).isEqualTo(Phase.GENERATE);
            assertThat(fallback.reason()).contains("time limit of 300 ms (TimeoutSettings.phase)");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(result.phases()).filteredOn(p -> p.phase() == Phase.GENERATE).singleElement()
                .satisfies(generate -> assertThat(generate.durationMillis())
                        .as("measured on monotonic time, not on the fixed clock").isGreaterThanOrEqualTo(300));
    }
}

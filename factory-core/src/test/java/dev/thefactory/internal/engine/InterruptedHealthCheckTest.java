package dev.thefactory.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.ProviderSkipped;
import dev.thefactory.fixtures.TestBackendProvider;
import dev.thefactory.fixtures.TreeBackendProvider;
import dev.thefactory.internal.state.InMemoryCheckpointRepository;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.HealthStatus;
import dev.thefactory.spi.OrchestratorBackend;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: a build interrupted while it checked its backends' health (an early Ctrl+C in the CLI) reported the
 * backends whose check it cut short as skipped, "unhealthy: the health check was interrupted", before it ended
 * INTERRUPTED. A check cut short says nothing of its backend: the build ends INTERRUPTED and reports no backend.
 */
class InterruptedHealthCheckTest {

    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    /** A STANDALONE provider, after {@code tree} in the cascade, whose health check waits until it is interrupted. */
    private static final class StuckHealthCheck extends TestBackendProvider {
        final CountDownLatch checking = new CountDownLatch(1);

        StuckHealthCheck() {
            super("zz-stuck", BackendTier.STANDALONE);
        }

        @Override
        public HealthStatus health() {
            checking.countDown();
            try {
                new CountDownLatch(1).await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HealthStatus.up();
        }

        @Override
        public OrchestratorBackend create(BackendContext context) {
            throw new UnsupportedOperationException("never chosen: its health check is cut short");
        }
    }

    @Test
    void aBuildInterruptedDuringTheHealthChecksEndsInterruptedAndReportsNoBackendSkipped() throws Exception {
        List<BuildEvent> events = new CopyOnWriteArrayList<>();
        StuckHealthCheck stuck = new StuckHealthCheck();
        BuildEngine engine = EngineFixture.engine(EngineFixture.config(dir.resolve("out"),
                new InMemoryCheckpointRepository(), events::add), EngineFixture.SPEC, null,
                new TreeBackendProvider(), stuck);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread build = new Thread(() -> {
            try {
                engine.run();
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        }, "interrupted-build");

        build.start();
        assertThat(stuck.checking.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the health check started").isTrue();
        build.interrupt();
        build.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));

        assertThat(build.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOfSatisfying(BuildFailedException.class, f -> {
            assertThat(f.result().status()).isEqualTo(BuildStatus.INTERRUPTED);
            assertThat(f.getMessage()).contains("was interrupted before phase VALIDATE_SPEC", "nothing was published");
        });
        assertThat(events).as("the healthy tree backend and the minimal one were not skipped, nor the stuck one")
                .noneMatch(ProviderSkipped.class::isInstance);
        assertThat(dir.resolve("out")).doesNotExist();
    }
}

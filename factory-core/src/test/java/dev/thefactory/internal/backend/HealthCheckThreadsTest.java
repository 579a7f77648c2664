package dev.thefactory.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.HealthStatus;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.OrchestratorBackendProvider;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Regression (issue 9, bug 9): a health check that hangs is really cancelled at the timeout: its thread is
 * interrupted and gone when {@link BackendResolver#health} returns, so hung checks leave no thread behind.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HealthCheckThreadsTest {

    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void release() {
        never.countDown();
    }

    /** A provider whose health check blocks until interrupted (or the test ends). */
    private class HangingProvider implements OrchestratorBackendProvider {

        private final String id;
        private final AtomicBoolean interrupted = new AtomicBoolean();

        HangingProvider(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public BackendTier tier() {
            return BackendTier.INTEGRATED;
        }

        @Override
        public HealthStatus health() {
            try {
                never.await();
                return HealthStatus.up();
            } catch (InterruptedException e) {
                interrupted.set(true);
                Thread.currentThread().interrupt();
                return HealthStatus.down("interrupted");
            }
        }

        @Override
        public OrchestratorBackend create(BackendContext context) {
            throw new UnsupportedOperationException("not used by this test");
        }
    }

    private static long liveThreadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().equals(name))
                .count();
    }

    @Test
    void aHungHealthCheckIsInterruptedAndLeavesNoThreadBehind() {
        BackendResolver resolver = new BackendResolver(Duration.ofMillis(50));

        for (int i = 0; i < 5; i++) {
            HangingProvider hanging = new HangingProvider("hung-" + i);
            DiscoveredProvider provider = new DiscoveredProvider(hanging, hanging.id(), BackendTier.INTEGRATED,
                    HangingProvider.class.getName(), "test");

            HealthStatus health = resolver.health(provider);

            assertThat(health.healthy()).isFalse();
            assertThat(health.detail()).contains("did not answer within 50 ms");
            assertThat(hanging.interrupted).as("the check's thread was interrupted").isTrue();
            assertThat(liveThreadsNamed("factory-health-" + hanging.id())).as("threads left behind").isZero();
        }
    }

    @Test
    void aHealthyCheckAnswersAndItsThreadEnds() {
        BackendResolver resolver = new BackendResolver(Duration.ofSeconds(5));
        OrchestratorBackendProvider quick = new HangingProvider("quick") {
            @Override
            public HealthStatus health() {
                return HealthStatus.up();
            }
        };

        HealthStatus health = resolver.health(new DiscoveredProvider(quick, "quick", BackendTier.INTEGRATED,
                "Quick", "test"));

        assertThat(health.healthy()).isTrue();
    }
}

package dev.thefactory.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A factory's attempt pool: daemon threads that end when idle, and a close that ends them and refuses new work. */
class AttemptPoolTest {

    private static final Duration LIMIT = Duration.ofMinutes(1);
    private static final Duration GRACE = Duration.ofSeconds(1);

    @Test
    void itsThreadsAreDaemonsThatEndWhenIdleSoAnUnclosedPoolKeepsNothingAlive() throws Exception {
        AttemptPool pool = new AttemptPool(Duration.ofMillis(20));
        AtomicReference<Thread> worker = new AtomicReference<>();

        String value = AttemptRunner.start(pool, () -> {
            worker.set(Thread.currentThread());
            return "done";
        }, LIMIT, GRACE, "attempt", "[test]").outcome().get(10, TimeUnit.SECONDS);

        assertThat(value).isEqualTo("done");
        assertThat(worker.get().getName()).startsWith("factory-attempt-");
        assertThat(worker.get().isDaemon()).isTrue();
        worker.get().join(TimeUnit.SECONDS.toMillis(10));
        assertThat(worker.get().isAlive()).as("an idle thread ends after the keep-alive").isFalse();
        assertThat(pool.isClosed()).isFalse();
    }

    @Test
    void closeInterruptsARunningAttemptWaitsForItsThreadAndRefusesNewOnes() throws Exception {
        AttemptPool pool = new AttemptPool();
        CountDownLatch running = new CountDownLatch(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        AttemptRunner.Attempt<String> attempt = AttemptRunner.start(pool, () -> {
            worker.set(Thread.currentThread());
            running.countDown();
            new CountDownLatch(1).await(); // until interrupted
            return "never";
        }, LIMIT, GRACE, "attempt", "[test]");
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        pool.close();

        assertThat(pool.isClosed()).isTrue();
        assertThat(attempt.outcome()).as("close waited for the interrupted attempt to end").isDone();
        worker.get().join(TimeUnit.SECONDS.toMillis(10));
        assertThat(worker.get().isAlive()).as("its thread ended").isFalse();
        assertThatThrownBy(() -> attempt.outcome().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(InterruptedException.class);
        assertThatThrownBy(() -> AttemptRunner.start(pool, () -> "late", LIMIT, GRACE, "attempt", "[test]"))
                .isInstanceOf(RejectedExecutionException.class);
        pool.close(); // idempotent
    }

    @Test
    void theSharedPoolIsNeverClosed() {
        AttemptPool.shared().close();
        assertThat(AttemptPool.shared().isClosed()).isFalse();
    }

    @Test
    void theKeepAliveMustBePositive() {
        assertThatThrownBy(() -> new AttemptPool(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keepAlive must be positive but was PT0S");
    }
}

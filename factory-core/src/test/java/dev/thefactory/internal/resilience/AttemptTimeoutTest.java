package dev.thefactory.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.CircuitBreakerSettings;
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.Phase;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.TimeoutSettings;
import dev.thefactory.api.event.CircuitStateChanged;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** These tests use real time for the attempt limit (200 ms) and the grace (50 ms), as the limit guards real hangs. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AttemptTimeoutTest {

    private static final TimeoutSettings SHORT = TimeoutSettings.defaults().withTaskAttempt(Duration.ofMillis(200));
    private static final Duration GRACE = Duration.ofMillis(50);

    private static Harness harness(RetrySettings retry, CircuitBreakerSettings circuit) {
        return new Harness(retry, circuit, SHORT, FaultInjection.none(), GRACE);
    }

    /** Spins until released, ignoring interrupts, as a badly written agent would. */
    private static void ignoreInterruptsUntil(CountDownLatch release) {
        while (release.getCount() > 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    @Test
    void anAttemptThatRespondsToTheInterruptTimesOutTransiently() {
        Harness harness = harness(RetrySettings.none(), Harness.lenientCircuit());
        AtomicReference<String> threadName = new AtomicReference<>();
        AtomicBoolean interrupted = new AtomicBoolean();
        long start = System.nanoTime();

        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.GENERATE, "slow", () -> {
            threadName.set(Thread.currentThread().getName());
            try {
                Thread.sleep(10_000);
                return "too late";
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
        })).isInstanceOfSatisfying(TaskFailureException.class, failure -> {
            assertThat(failure.isTransient()).isTrue();
            assertThat(failure.getCause()).isInstanceOfSatisfying(AttemptTimeoutException.class, timeout -> {
                assertThat(timeout.abandoned()).isFalse();
                assertThat(timeout.limit()).isEqualTo(Duration.ofMillis(200));
                assertThat(timeout.getCause()).isInstanceOf(InterruptedException.class);
                assertThat(timeout.getMessage()).contains("'slow'", "200 ms", "TimeoutSettings.taskAttempt");
            });
        });

        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(elapsedMillis).isBetween(190L, 2_000L);
        assertThat(interrupted).isTrue();
        assertThat(threadName.get()).startsWith("factory-attempt-");
    }

    @Test
    void anAttemptThatIgnoresTheInterruptIsAbandonedAndItsLateResultDiscarded() throws Exception {
        Harness harness = harness(Harness.exactRetry(2, 10, 100, 2.0), Harness.lenientCircuit());
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch lateResultReturned = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        long start = System.nanoTime();

        String result = harness.policies.executeTask("simple", Phase.GENERATE, "stuck", () -> {
            if (calls.incrementAndGet() == 1) {
                try {
                    ignoreInterruptsUntil(release);
                    return "late result of the abandoned attempt";
                } finally {
                    lateResultReturned.countDown();
                }
            }
            return "fresh result of the retry";
        });

        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(result).isEqualTo("fresh result of the retry");
        assertThat(elapsedMillis).isLessThan(2_000L);
        assertThat(lateResultReturned.getCount()).as("the abandoned attempt is still running").isEqualTo(1);

        release.countDown();
        assertThat(lateResultReturned.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(calls).hasValue(2);
        assertThat(harness.policies.retries()).isEqualTo(1);
    }

    @Test
    void anAbandonedAttemptFailsTheTaskWithATransientTimeoutWhenNoRetryIsLeft() {
        Harness harness = harness(RetrySettings.none(), Harness.lenientCircuit());
        CountDownLatch release = new CountDownLatch(1);
        try {
            assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.GENERATE, "stuck", () -> {
                ignoreInterruptsUntil(release);
                return "late";
            })).isInstanceOfSatisfying(TaskFailureException.class, failure -> {
                assertThat(failure.isTransient()).isTrue();
                assertThat(failure.attempts()).isEqualTo(1);
                assertThat(failure.getCause()).isInstanceOfSatisfying(AttemptTimeoutException.class,
                        timeout -> assertThat(timeout.abandoned()).isTrue());
            });
        } finally {
            release.countDown();
        }
    }

    @Test
    void aTimeoutCountsAsAFailureInTheCircuitBreaker() {
        Harness harness = harness(RetrySettings.none(), new CircuitBreakerSettings(1, 1, Duration.ofSeconds(30), 1));

        assertThatThrownBy(() -> harness.policies.executeTask("slow-backend", Phase.GENERATE, "t", () -> {
            Thread.sleep(10_000);
            return "never";
        })).isInstanceOf(TaskFailureException.class);

        assertThat(harness.policies.isCircuitOpen("slow-backend")).isTrue();
        assertThat(harness.events(CircuitStateChanged.class)).hasSize(1);
    }

    @Test
    void interruptingTheWaitingThreadCancelsTheTaskAndKeepsTheInterruptFlag() throws Exception {
        // a breaker that would open at one failure: the cancelled attempt must not count as one
        Harness harness = new Harness(RetrySettings.defaults(), new CircuitBreakerSettings(1, 1, Duration.ofSeconds(30),
                1), TimeoutSettings.defaults(), FaultInjection.none());
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch attemptInterrupted = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();

        Thread caller = new Thread(() -> {
            try {
                harness.policies.executeTask("simple", Phase.GENERATE, "long", () -> {
                    started.countDown();
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                        attemptInterrupted.countDown();
                        throw e;
                    }
                    return "never";
                });
            } catch (Throwable t) {
                thrown.set(t);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        }, "test-caller");
        caller.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(5_000);

        assertThat(thrown.get()).isInstanceOfSatisfying(TaskFailureException.class, failure -> {
            assertThat(failure.isTransient()).isFalse();
            assertThat(failure.getCause()).isInstanceOf(InterruptedException.class);
            assertThat(failure.getMessage()).contains("interrupted");
        });
        assertThat(flagKept).isTrue();
        assertThat(attemptInterrupted.await(5, TimeUnit.SECONDS)).as("the running attempt was interrupted too")
                .isTrue();
        assertThat(harness.policies.circuitState("simple")).isEqualTo("CLOSED");
    }
}

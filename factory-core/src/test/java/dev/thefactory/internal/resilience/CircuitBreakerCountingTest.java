package dev.thefactory.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.CircuitBreakerSettings;
import dev.thefactory.api.CircuitState;
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.Phase;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.TimeoutSettings;
import dev.thefactory.api.event.CircuitStateChanged;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the circuit breaker counts. Regression (issue 9, bug 10): under the default settings, one refused connection on
 * the first attempt of each task, each retried successfully, must not open the circuit (it used to, so the whole
 * project came from the next backend). Time is virtual: no test here waits.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CircuitBreakerCountingTest {

    /** The default retry, without jitter so that the delays are exact. */
    private static final RetrySettings RETRY = RetrySettings.defaults().withJitter(0.0);

    private static Harness harness(CircuitBreakerSettings circuit) {
        return new Harness(RETRY, circuit, TimeoutSettings.defaults(), FaultInjection.none());
    }

    /** @return an attempt that fails with a refused connection the first time, then succeeds */
    private static Callable<String> recoversOnRetry(AtomicInteger calls) {
        return () -> {
            if (calls.incrementAndGet() == 1) {
                throw new ConnectException("Connection refused");
            }
            return "ok";
        };
    }

    @Test
    void aBackendThatRecoversOnRetryIsNotAbandonedUnderTheDefaults() throws Exception {
        Harness harness = harness(CircuitBreakerSettings.defaults());

        for (int i = 0; i < 12; i++) {
            AtomicInteger calls = new AtomicInteger();
            assertThat(harness.policies.executeTask("simple", Phase.DESIGN, "design/" + i, recoversOnRetry(calls)))
                    .isEqualTo("ok");
            assertThat(calls).hasValue(2);
        }

        assertThat(harness.policies.circuitState("simple")).isEqualTo("CLOSED");
        assertThat(harness.events(CircuitStateChanged.class)).isEmpty();
        assertThat(harness.policies.retries()).isEqualTo(12);
    }

    @Test
    void firstAttemptsFailingAllAtOnceDoNotOpenTheCircuitWhenTheirRetriesSucceed() throws Exception {
        Harness harness = harness(CircuitBreakerSettings.defaults());
        int tasks = 4;
        CyclicBarrier together = new CyclicBarrier(tasks);
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            String task = "design/" + i;
            AtomicInteger calls = new AtomicInteger();
            results.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return harness.policies.executeTask("simple", Phase.DESIGN, task, () -> {
                        if (calls.incrementAndGet() == 1) {
                            together.await(10, TimeUnit.SECONDS); // every first attempt fails at the same moment
                            throw new ConnectException("Connection refused");
                        }
                        return "ok";
                    });
                } catch (TaskFailureException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }

        for (CompletableFuture<String> result : results) {
            assertThat(result.get(15, TimeUnit.SECONDS)).isEqualTo("ok");
        }
        assertThat(harness.policies.circuitState("simple")).isEqualTo("CLOSED");
        assertThat(harness.events(CircuitStateChanged.class)).isEmpty();
    }

    @Test
    void anUnreachableBackendOpensTheCircuitOnceItsFirstTaskHasUsedUpItsAttempts() throws Exception {
        Harness harness = harness(CircuitBreakerSettings.defaults());
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.DESIGN, "design", () -> {
            calls.incrementAndGet();
            throw new ConnectException("Connection refused");
        })).isInstanceOfSatisfying(TaskFailureException.class, failure -> {
            assertThat(failure.attempts()).isEqualTo(5);
            assertThat(failure.isCircuitOpen()).isFalse();
        });
        assertThat(calls).hasValue(5);
        assertThat(harness.policies.circuitState("simple")).isEqualTo("OPEN");
        assertThat(harness.scheduler.retryDelaysMillis()).containsExactly(100L, 200L, 400L, 800L);

        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.DESIGN, "next", () -> "never"))
                .isInstanceOfSatisfying(TaskFailureException.class, failure -> {
                    assertThat(failure.isCircuitOpen()).isTrue();
                    assertThat(failure.attempts()).isZero();
                });
    }

    @Test
    void failuresOfATaskThatFailedForGoodCountButItsRecoveredNeighboursDoNot() throws Exception {
        Harness harness = harness(CircuitBreakerSettings.defaults().withThresholds(3, 4));
        AtomicInteger first = new AtomicInteger();
        assertThat(harness.policies.executeTask("simple", Phase.DESIGN, "a", recoversOnRetry(first))).isEqualTo("ok");
        assertThat(harness.policies.circuitState("simple")).isEqualTo("CLOSED");

        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.DESIGN, "b", () -> {
            throw new IOException("broken pipe");
        })).isInstanceOf(TaskFailureException.class);

        assertThat(harness.policies.circuitState("simple")).as("b's failed attempts count once it failed for good")
                .isEqualTo("OPEN");
        assertThat(harness.events(CircuitStateChanged.class)).singleElement()
                .satisfies(change -> assertThat(change.to()).isEqualTo(CircuitState.OPEN));
        assertThat(harness.policies.circuitStates()).containsEntry("simple", CircuitState.OPEN);
    }

    @Test
    void countsAsFailureChoosesWhatCountsLikeFailsafesHandleIf() {
        CircuitBreakerSettings onlyRefusals = CircuitBreakerSettings.defaults()
                .withCountsAsFailure(failure -> failure instanceof ConnectException);
        Harness harness = new Harness(RetrySettings.none(), onlyRefusals, TimeoutSettings.defaults(),
                FaultInjection.none());

        for (int i = 0; i < 5; i++) {
            String task = "disk/" + i;
            assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.GENERATE, task, () -> {
                throw new IOException("disk full");
            })).isInstanceOf(TaskFailureException.class);
        }
        assertThat(harness.policies.circuitState("simple")).as("not a failure of the backend").isEqualTo("CLOSED");

        for (int i = 0; i < 3; i++) {
            String task = "net/" + i;
            assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.GENERATE, task, () -> {
                throw new ConnectException("Connection refused");
            })).isInstanceOf(TaskFailureException.class);
        }
        assertThat(harness.policies.circuitState("simple")).isEqualTo("OPEN");
    }

    @Test
    void aPredicateThatThrowsCountsTheFailure() {
        CircuitBreakerSettings broken = CircuitBreakerSettings.defaults().withThresholds(1, 1)
                .withCountsAsFailure(failure -> {
                    throw new IllegalStateException("bug in the predicate");
                });
        Harness harness = new Harness(RetrySettings.none(), broken, TimeoutSettings.defaults(),
                FaultInjection.none());

        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.GENERATE, "t", () -> {
            throw new IOException("x");
        })).isInstanceOf(TaskFailureException.class);

        assertThat(harness.policies.circuitState("simple")).isEqualTo("OPEN");
    }
}

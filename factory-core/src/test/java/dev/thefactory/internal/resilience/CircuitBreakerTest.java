package dev.thefactory.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.AgentException;
import dev.thefactory.api.CircuitBreakerSettings;
import dev.thefactory.api.CircuitState;
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.Phase;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.TimeoutSettings;
import dev.thefactory.api.event.CircuitStateChanged;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CircuitBreakerTest {

    private static final CircuitBreakerSettings THREE_OF_FOUR = new CircuitBreakerSettings(3, 4, Duration.ofSeconds(30),
            2);

    private final Harness harness = new Harness(RetrySettings.none(), THREE_OF_FOUR, TimeoutSettings.defaults(),
            FaultInjection.none());

    private void fail(String backend) {
        assertThatThrownBy(() -> harness.policies.executeTask(backend, Phase.GENERATE, "failing", () -> {
            throw new IOException("connection refused");
        })).isInstanceOf(TaskFailureException.class);
    }

    private void succeed(String backend) throws Exception {
        assertThat(harness.policies.executeTask(backend, Phase.GENERATE, "working", () -> "ok")).isEqualTo("ok");
    }

    private List<String> transitions() {
        return harness.events(CircuitStateChanged.class).stream()
                .map(e -> e.backend() + ":" + e.from() + "->" + e.to()).toList();
    }

    @Test
    void opensWhenTheFailureThresholdIsReachedAndThenFailsTasksAtOnce() {
        fail("simple");
        fail("simple");
        assertThat(harness.policies.circuitState("simple")).isEqualTo("CLOSED");
        fail("simple");

        assertThat(harness.policies.isCircuitOpen("simple")).isTrue();
        assertThat(harness.policies.circuitState("simple")).isEqualTo("OPEN");
        assertThat(transitions()).containsExactly("simple:CLOSED->OPEN");

        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.GENERATE, "refused", () -> {
            calls.incrementAndGet();
            return "never";
        })).isInstanceOfSatisfying(TaskFailureException.class, failure -> {
            assertThat(failure.isCircuitOpen()).isTrue();
            assertThat(failure.attempts()).isZero();
            assertThat(failure.isTransient()).isFalse();
            assertThat(failure.backendId()).isEqualTo("simple");
            assertThat(failure.taskId()).isEqualTo("refused");
            assertThat(failure.getCause()).isInstanceOfSatisfying(CircuitOpenException.class, cause -> {
                assertThat(cause.state()).isEqualTo("OPEN");
                assertThat(cause.backend()).contains("simple");
                assertThat(cause.getMessage()).contains("'simple'", "OPEN", "30000 ms");
                assertThat(cause.recoveryOptions()).isNotEmpty();
            });
        });
        assertThat(calls).hasValue(0);
    }

    @Test
    void breakersAreKeptPerBackend() throws Exception {
        fail("simple");
        fail("simple");
        fail("simple");

        assertThat(harness.policies.isCircuitOpen("simple")).isTrue();
        assertThat(harness.policies.isCircuitOpen("minimal")).isFalse();
        assertThat(harness.policies.circuitState("never-used")).isEqualTo("CLOSED");
        succeed("minimal");
    }

    @Test
    void onlyTheLastWindowOfAttemptsCounts() throws Exception {
        // window 4, threshold 3: F S S S F F keeps at most 2 failures in any 4 consecutive outcomes
        fail("simple");
        succeed("simple");
        succeed("simple");
        succeed("simple");
        fail("simple");
        fail("simple");
        assertThat(harness.policies.circuitState("simple")).isEqualTo("CLOSED");

        fail("simple"); // now S F F F is the window
        assertThat(harness.policies.circuitState("simple")).isEqualTo("OPEN");
    }

    @Test
    void goesHalfOpenExactlyAfterTheDelayAndClosesAfterEnoughSuccesses() throws Exception {
        fail("simple");
        fail("simple");
        fail("simple");

        harness.clock.advance(Duration.ofSeconds(30).minusMillis(1));
        assertThat(harness.policies.circuitState("simple")).isEqualTo("OPEN");
        harness.clock.advance(Duration.ofMillis(1));
        assertThat(harness.policies.circuitState("simple")).isEqualTo("HALF_OPEN");
        assertThat(harness.policies.isCircuitOpen("simple")).isFalse();

        succeed("simple");
        assertThat(harness.policies.circuitState("simple")).isEqualTo("HALF_OPEN");
        succeed("simple");
        assertThat(harness.policies.circuitState("simple")).isEqualTo("CLOSED");

        assertThat(transitions()).containsExactly("simple:CLOSED->OPEN", "simple:OPEN->HALF_OPEN",
                "simple:HALF_OPEN->CLOSED");
        List<CircuitStateChanged> events = harness.events(CircuitStateChanged.class);
        assertThat(events.get(0).time()).isEqualTo(Harness.START);
        assertThat(events.get(1).time()).isEqualTo(Harness.START.plusSeconds(30));
        assertThat(events).allSatisfy(e -> assertThat(e.buildId()).isEqualTo("b-test"));

        // closed again with a fresh window: two failures do not reopen it
        fail("simple");
        fail("simple");
        assertThat(harness.policies.circuitState("simple")).isEqualTo("CLOSED");
    }

    @Test
    void aFailureWhileHalfOpenReopensTheCircuitForAnotherFullDelay() throws Exception {
        fail("simple");
        fail("simple");
        fail("simple");
        harness.clock.advance(Duration.ofSeconds(30));
        succeed("simple");
        fail("simple");

        assertThat(harness.policies.circuitState("simple")).isEqualTo("OPEN");
        assertThat(transitions()).containsExactly("simple:CLOSED->OPEN", "simple:OPEN->HALF_OPEN",
                "simple:HALF_OPEN->OPEN");

        harness.clock.advance(Duration.ofSeconds(29));
        assertThat(harness.policies.circuitState("simple")).isEqualTo("OPEN");
        harness.clock.advance(Duration.ofSeconds(1));
        assertThat(harness.policies.circuitState("simple")).isEqualTo("HALF_OPEN");
    }

    @Test
    void countingEveryAttemptLetsAnOpeningCircuitStopTheRetries() {
        Harness retrying = new Harness(Harness.exactRetry(10, 100, 1000, 2.0),
                THREE_OF_FOUR.withCounting(CircuitBreakerSettings.Counting.EVERY_ATTEMPT),
                TimeoutSettings.defaults(), FaultInjection.none());
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retrying.policies.executeTask("simple", Phase.GENERATE, "t", () -> {
            calls.incrementAndGet();
            throw new IOException("connection reset");
        })).isInstanceOfSatisfying(TaskFailureException.class, failure -> {
            assertThat(failure.isCircuitOpen()).isTrue();
            assertThat(failure.attempts()).isEqualTo(3);
            assertThat(failure.getMessage()).contains("circuit breaker", "'simple'");
        });

        assertThat(calls).hasValue(3);
        assertThat(retrying.policies.retries()).as("the refused fourth attempt is no retry").isEqualTo(2);
        assertThat(retrying.policies.isCircuitOpen("simple")).isTrue();
    }

    @Test
    void aRetryWaitingOutTheOpenDelayFindsTheCircuitHalfOpen() throws Exception {
        // a breaker that opens at the first failure for 100 ms, and a retry delay of 100 ms of virtual time
        CircuitBreakerSettings eager = new CircuitBreakerSettings(1, 1, Duration.ofMillis(100), 1)
                .withCounting(CircuitBreakerSettings.Counting.EVERY_ATTEMPT);
        Harness retrying = new Harness(Harness.exactRetry(2, 100, 100, 1.0), eager, TimeoutSettings.defaults(),
                FaultInjection.none());
        AtomicInteger calls = new AtomicInteger();

        String result = retrying.policies.executeTask("simple", Phase.GENERATE, "t", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IOException("blip");
            }
            return "recovered";
        });

        assertThat(result).isEqualTo("recovered");
        assertThat(retrying.policies.circuitState("simple")).isEqualTo("CLOSED");
        assertThat(retrying.events(CircuitStateChanged.class)).extracting(CircuitStateChanged::to)
                .containsExactly(CircuitState.OPEN, CircuitState.HALF_OPEN, CircuitState.CLOSED);
        // the result's view: the last recorded state per backend
        assertThat(retrying.policies.circuitStates()).containsExactly(Map.entry("simple", CircuitState.CLOSED));
    }

    @Test
    void aZeroDelayGoesHalfOpenAtTheNextQuery() {
        CircuitBreakerSettings instant = new CircuitBreakerSettings(1, 1, Duration.ZERO, 1);
        Harness zero = new Harness(RetrySettings.none(), instant, TimeoutSettings.defaults(), FaultInjection.none());

        assertThatThrownBy(() -> zero.policies.executeTask("simple", Phase.GENERATE, "t", () -> {
            throw new IOException("blip");
        })).isInstanceOf(TaskFailureException.class);

        assertThat(zero.policies.circuitState("simple")).isEqualTo("HALF_OPEN");
    }

    @Test
    void anAgentsDeclaredFailuresDoNotCountAgainstItsBackend() {
        Harness retrying = new Harness(Harness.exactRetry(10, 100, 1000, 2.0), THREE_OF_FOUR,
                TimeoutSettings.defaults(), FaultInjection.none());
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retrying.policies.executeTask("simple", Phase.GENERATE, "t", () -> {
            calls.incrementAndGet();
            throw AgentException.transientFailure("the model is overloaded, try again");
        })).isInstanceOfSatisfying(TaskFailureException.class, failure -> {
            assertThat(failure.isCircuitOpen()).isFalse();
            assertThat(failure.attempts()).isEqualTo(10);
        });

        assertThat(calls).hasValue(10);
        assertThat(retrying.policies.isCircuitOpen("simple")).isFalse();
        assertThat(retrying.events(CircuitStateChanged.class)).isEmpty();
    }
}

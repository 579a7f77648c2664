package dev.thefactory.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.CircuitBreakerSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BackendCircuitBreakerTest {

    private final MutableClock clock = new MutableClock(Harness.START);
    private final List<BackendCircuitBreaker.Transition> transitions = new ArrayList<>();
    private final BackendCircuitBreaker breaker = new BackendCircuitBreaker("simple",
            new CircuitBreakerSettings(2, 2, Duration.ofSeconds(10), 2), clock, transitions::add);

    private void open() {
        breaker.recordFailure(breaker.tryAcquire());
        breaker.recordFailure(breaker.tryAcquire());
        assertThat(breaker.state()).isEqualTo(BackendCircuitBreaker.State.OPEN);
    }

    @Test
    void anOpenCircuitRefusesAndReportsTheRemainingDelay() {
        open();
        clock.advance(Duration.ofSeconds(4));

        assertThat(breaker.tryAcquire()).isEqualTo(BackendCircuitBreaker.REFUSED);
        assertThat(breaker.remainingDelay()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void halfOpenLetsOnlySuccessThresholdTrialAttemptsRunAtOnce() {
        open();
        clock.advance(Duration.ofSeconds(10));

        long first = breaker.tryAcquire();
        long second = breaker.tryAcquire();
        assertThat(first).isNotEqualTo(BackendCircuitBreaker.REFUSED);
        assertThat(second).isNotEqualTo(BackendCircuitBreaker.REFUSED);
        assertThat(breaker.tryAcquire()).isEqualTo(BackendCircuitBreaker.REFUSED);

        breaker.release(first);
        long third = breaker.tryAcquire();
        assertThat(third).isNotEqualTo(BackendCircuitBreaker.REFUSED);

        breaker.recordSuccess(second);
        breaker.recordSuccess(third);
        assertThat(breaker.state()).isEqualTo(BackendCircuitBreaker.State.CLOSED);
    }

    @Test
    void anOutcomeFromBeforeATransitionChangesNothing() {
        long stale = breaker.tryAcquire();
        open();
        clock.advance(Duration.ofSeconds(10));
        assertThat(breaker.state()).isEqualTo(BackendCircuitBreaker.State.HALF_OPEN);

        breaker.recordFailure(stale);

        assertThat(breaker.state()).isEqualTo(BackendCircuitBreaker.State.HALF_OPEN);
    }

    @Test
    void transitionsAreReportedInOrder() {
        open();
        clock.advance(Duration.ofSeconds(10));
        breaker.recordFailure(breaker.tryAcquire());
        clock.advance(Duration.ofSeconds(10));
        breaker.recordSuccess(breaker.tryAcquire());
        breaker.recordSuccess(breaker.tryAcquire());

        assertThat(transitions).extracting(t -> t.from() + "->" + t.to()).containsExactly("CLOSED->OPEN",
                "OPEN->HALF_OPEN", "HALF_OPEN->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
        assertThat(transitions).allSatisfy(t -> assertThat(t.backendId()).isEqualTo("simple"));
    }
}

package dev.thefactory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerSettingsTest {

    @Test
    void defaultsOpenAtThreeOfTenForThirtySecondsAndCloseAfterTwoSuccesses() {
        CircuitBreakerSettings defaults = CircuitBreakerSettings.defaults();

        assertThat(defaults).isEqualTo(new CircuitBreakerSettings(3, 10, Duration.ofSeconds(30), 2));
        assertThat(defaults.failureThreshold()).isEqualTo(3);
        assertThat(defaults.failureWindow()).isEqualTo(10);
        assertThat(defaults.delay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.successThreshold()).isEqualTo(2);
        assertThat(defaults.counting()).isEqualTo(CircuitBreakerSettings.Counting.FINISHED_TASKS);
        assertThat(defaults.countsAsFailure()).isSameAs(CircuitBreakerSettings.BACKEND_FAILURES);
    }

    @Test
    void backendFailuresAreEverythingButAnAgentsDeclaredFailure() {
        assertThat(CircuitBreakerSettings.BACKEND_FAILURES.test(new java.net.ConnectException("refused"))).isTrue();
        assertThat(CircuitBreakerSettings.BACKEND_FAILURES.test(new java.util.concurrent.TimeoutException()))
                .isTrue();
        assertThat(CircuitBreakerSettings.BACKEND_FAILURES.test(new IllegalStateException())).isTrue();
        assertThat(CircuitBreakerSettings.BACKEND_FAILURES.test(AgentException.transientFailure("busy")))
                .isFalse();
        assertThat(CircuitBreakerSettings.BACKEND_FAILURES).hasToString("BACKEND_FAILURES");
    }

    @Test
    void withersChangeOnlyTheirComponent() {
        java.util.function.Predicate<Throwable> refusals = failure -> failure instanceof java.net.ConnectException;
        CircuitBreakerSettings changed = CircuitBreakerSettings.defaults().withThresholds(5, 20)
                .withSuccessThreshold(1).withCounting(CircuitBreakerSettings.Counting.EVERY_ATTEMPT)
                .withCountsAsFailure(refusals);

        assertThat(changed).isEqualTo(new CircuitBreakerSettings(5, 20, Duration.ofSeconds(30), 1,
                CircuitBreakerSettings.Counting.EVERY_ATTEMPT, refusals));
    }

    @Test
    void countingAndThePredicateMustNotBeNull() {
        assertThatThrownBy(() -> CircuitBreakerSettings.defaults().withCounting(null))
                .isInstanceOf(NullPointerException.class).hasMessage("counting");
        assertThatThrownBy(() -> CircuitBreakerSettings.defaults().withCountsAsFailure(null))
                .isInstanceOf(NullPointerException.class).hasMessage("countsAsFailure");
    }

    /** Regression (issue 9, bug 7): an absurd delay is refused where it is set. */
    @Test
    void anAbsurdDelayIsRefusedNamingTheArgumentAndTheMaximum() {
        assertThatThrownBy(() -> CircuitBreakerSettings.defaults().withDelay(Duration.ofDays(200_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("delay must be at most 365 days (PT8760H, CircuitBreakerSettings.MAX_DELAY) but was "
                        + "PT4800000H");
        assertThat(CircuitBreakerSettings.defaults().withDelay(CircuitBreakerSettings.MAX_DELAY).delay())
                .isEqualTo(Duration.ofDays(365));
    }

    @Test
    void thresholdsMustBePositive() {
        assertThatThrownBy(() -> new CircuitBreakerSettings(0, 10, Duration.ofSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("failureThreshold must be >= 1 but was 0");
        assertThatThrownBy(() -> new CircuitBreakerSettings(1, 0, Duration.ofSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("failureWindow must be >= 1 but was 0");
        assertThatThrownBy(() -> new CircuitBreakerSettings(1, 1, Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("successThreshold must be >= 1 but was 0");
    }

    @Test
    void theThresholdMustFitInTheWindowAndTheMessageNamesBoth() {
        assertThatThrownBy(() -> new CircuitBreakerSettings(6, 5, Duration.ofSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("failureThreshold must be <= failureWindow but failureThreshold was 6 and failureWindow "
                        + "was 5; raise failureWindow or lower failureThreshold");
        assertThat(new CircuitBreakerSettings(5, 5, Duration.ofSeconds(1), 1).failureWindow()).isEqualTo(5);
    }

    @Test
    void theDelayMustNotBeNullOrNegative() {
        assertThatThrownBy(() -> CircuitBreakerSettings.defaults().withDelay(null))
                .isInstanceOf(NullPointerException.class).hasMessage("delay");
        assertThatThrownBy(() -> CircuitBreakerSettings.defaults().withDelay(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("delay must be >= 0 but was PT-1S");
        assertThat(CircuitBreakerSettings.defaults().withDelay(Duration.ZERO).delay()).isZero();
    }
}

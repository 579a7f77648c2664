package dev.thefactory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerSettingsTest {

    @Test
    void defaultsOpenAtThreeOfTenForThirtySecondsAndCloseAfterTwoSuccesses() {
        assertThat(CircuitBreakerSettings.defaults())
                .isEqualTo(new CircuitBreakerSettings(3, 10, Duration.ofSeconds(30), 2));
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

package dev.thefactory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetrySettingsTest {

    @Test
    void defaultsAreFiveAttemptsFromOneHundredMillisToTwoSecondsDoublingWithAQuarterJitter() {
        RetrySettings defaults = RetrySettings.defaults();

        assertThat(defaults.maxAttempts()).isEqualTo(5);
        assertThat(defaults.initialDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(defaults.maxDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.multiplier()).isEqualTo(2.0);
        assertThat(defaults.jitter()).isEqualTo(0.25);
    }

    @Test
    void noneIsOneAttempt() {
        assertThat(RetrySettings.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void maxAttemptsMustBeAtLeastOne() {
        assertThatThrownBy(() -> RetrySettings.defaults().withMaxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("maxAttempts must be >= 1 but was 0");
        assertThat(RetrySettings.defaults().withMaxAttempts(1).maxAttempts()).isEqualTo(1);
    }

    @Test
    void delaysMustNotBeNullOrNegative() {
        assertThatThrownBy(() -> new RetrySettings(3, null, Duration.ofSeconds(1), 2.0, 0.0))
                .isInstanceOf(NullPointerException.class).hasMessage("initialDelay");
        assertThatThrownBy(() -> new RetrySettings(3, Duration.ZERO, null, 2.0, 0.0))
                .isInstanceOf(NullPointerException.class).hasMessage("maxDelay");
        assertThatThrownBy(() -> RetrySettings.defaults().withDelays(Duration.ofMillis(-1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("initialDelay must be >= 0 but was PT-0.001S");
    }

    @Test
    void initialDelayMustNotExceedMaxDelayAndTheMessageNamesBoth() {
        assertThatThrownBy(() -> RetrySettings.defaults().withDelays(Duration.ofSeconds(3), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("initialDelay must be <= maxDelay but initialDelay was PT3S and maxDelay was PT2S; "
                        + "raise maxDelay or lower initialDelay");
        assertThat(RetrySettings.defaults().withDelays(Duration.ofSeconds(1), Duration.ofSeconds(1)).maxDelay())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void multiplierMustBeAFiniteNumberOfAtLeastOne() {
        assertThatThrownBy(() -> new RetrySettings(3, Duration.ZERO, Duration.ZERO, 0.5, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("multiplier must be a finite number >= 1.0 but was 0.5; use 1.0 for a fixed delay");
        assertThatThrownBy(() -> new RetrySettings(3, Duration.ZERO, Duration.ZERO, Double.NaN, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("but was NaN");
        assertThatThrownBy(() -> new RetrySettings(3, Duration.ZERO, Duration.ZERO, Double.POSITIVE_INFINITY, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("but was Infinity");
    }

    @Test
    void jitterMustBeAFractionBetweenZeroAndOne() {
        assertThatThrownBy(() -> RetrySettings.defaults().withJitter(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("jitter must be between 0.0 and 1.0 (a fraction of the delay) but was 1.5");
        assertThatThrownBy(() -> RetrySettings.defaults().withJitter(-0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("but was -0.1");
        assertThatThrownBy(() -> RetrySettings.defaults().withJitter(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("but was NaN");
        assertThat(RetrySettings.defaults().withJitter(0.0).jitter()).isZero();
        assertThat(RetrySettings.defaults().withJitter(1.0).jitter()).isEqualTo(1.0);
    }

    @Test
    void withersChangeOnlyTheirComponent() {
        RetrySettings changed = RetrySettings.defaults().withMaxAttempts(7);

        assertThat(changed).isEqualTo(new RetrySettings(7, Duration.ofMillis(100), Duration.ofSeconds(2), 2.0, 0.25));
    }

    /** Regression (issue 9, bug 7): an absurd delay is refused where it is set. */
    @Test
    void anAbsurdDelayIsRefusedNamingTheArgumentAndTheMaximum() {
        assertThatThrownBy(() -> RetrySettings.defaults().withDelays(Duration.ofMillis(100), Duration.ofDays(200_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxDelay must be at most 365 days (PT8760H, RetrySettings.MAX_DELAY) but was PT4800000H");
        assertThatThrownBy(() -> RetrySettings.defaults().withDelays(Duration.ofDays(400), Duration.ofDays(400)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("initialDelay must be at most 365 days");
        assertThat(RetrySettings.defaults().withDelays(Duration.ZERO, RetrySettings.MAX_DELAY).maxDelay())
                .isEqualTo(Duration.ofDays(365));
    }
}

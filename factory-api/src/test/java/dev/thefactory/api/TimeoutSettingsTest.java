package dev.thefactory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeoutSettingsTest {

    @Test
    void defaultsAreOneMinutePerAttemptTenPerPhaseThirtyPerBuild() {
        assertThat(TimeoutSettings.defaults())
                .isEqualTo(new TimeoutSettings(Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofMinutes(30)));
    }

    @Test
    void everyLimitMustBePositive() {
        assertThatThrownBy(() -> TimeoutSettings.defaults().withTaskAttempt(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("taskAttempt must be > 0 but was PT0S");
        assertThatThrownBy(() -> TimeoutSettings.defaults().withPhase(Duration.ofSeconds(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("phase must be > 0 but was PT-5S");
        assertThatThrownBy(() -> TimeoutSettings.defaults().withBuild(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("build must be > 0 but was PT0S");
    }

    @Test
    void nullLimitsAreNamed() {
        assertThatThrownBy(() -> new TimeoutSettings(null, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(NullPointerException.class).hasMessage("taskAttempt");
        assertThatThrownBy(() -> TimeoutSettings.defaults().withPhase(null))
                .isInstanceOf(NullPointerException.class).hasMessage("phase");
        assertThatThrownBy(() -> TimeoutSettings.defaults().withBuild(null))
                .isInstanceOf(NullPointerException.class).hasMessage("build");
    }

    @Test
    void withersChangeOnlyTheirLimit() {
        TimeoutSettings changed = TimeoutSettings.defaults().withTaskAttempt(Duration.ofMillis(200))
                .withBuild(Duration.ofMinutes(1));

        assertThat(changed).isEqualTo(new TimeoutSettings(Duration.ofMillis(200), Duration.ofMinutes(10),
                Duration.ofMinutes(1)));
    }

    /** Regression (issue 9, bug 7): an absurd limit is refused where it is set, not blamed on every backend later. */
    @Test
    void anAbsurdLimitIsRefusedWhereItIsSetNamingTheArgumentAndTheMaximum() {
        assertThatThrownBy(() -> TimeoutSettings.defaults().withTaskAttempt(Duration.ofDays(200_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("taskAttempt must be at most 365 days (PT8760H, TimeoutSettings.MAX_LIMIT) but was "
                        + "PT4800000H");
        assertThatThrownBy(() -> TimeoutSettings.defaults().withPhase(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("phase must be at most 365 days");
        assertThatThrownBy(() -> TimeoutSettings.defaults().withBuild(TimeoutSettings.MAX_LIMIT.plusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("build must be at most 365 days");
        assertThat(TimeoutSettings.defaults().withBuild(TimeoutSettings.MAX_LIMIT).build())
                .isEqualTo(Duration.ofDays(365));
    }
}

package dev.thefactory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "500ms, 500",
        "90s, 90000",
        "90, 90000",
        "' 2m ', 120000",
        "2min, 120000",
        "1h, 3600000",
        "2 M, 120000",
        "PT1M30S, 90000",
        "pt5m, 300000",
        "P1D, 86400000"
    })
    void readsEveryDocumentedForm(String text, long millis) {
        assertThat(Durations.parse(text)).contains(Duration.ofMillis(millis));
        assertThat(Durations.require("--x", text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "0", "0s", "PT0S", "-5s", "PT-5S", "5 minutes", "1.5s", "s", "5d", "ms5",
        "9999999999999h", "P", "PT"})
    void refusesWhatNamesNoPositiveDuration(String text) {
        assertThat(Durations.parse(text)).isEmpty();
        assertThatThrownBy(() -> Durations.require("--test-timeout", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--test-timeout must be a positive duration")
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("PT1M30S");
    }

    @Test
    void nullIsNoDuration() {
        assertThat(Durations.parse(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 999, 1000, 1500, 59_000, 60_000, 90_000, 3_600_000, 5_400_000, 86_400_000})
    void formatIsReadBackExactly(long millis) {
        Duration d = Duration.ofMillis(millis);
        assertThat(Durations.parse(Durations.format(d))).contains(d);
    }

    @Test
    void formatUsesTheLargestWholeUnit() {
        assertThat(Durations.format(Duration.ofSeconds(120))).isEqualTo("2m");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ofDays(1))).isEqualTo("24h");
    }
}

package dev.thefactory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The defaults written in docs/error-handling.md are a second copy of the constants: this keeps them equal (the
 * tables once said 3 attempts and "5 of 10" while the code said 5 and 3 of 10).
 */
class ResilienceDefaultsDocumentedTest {

    private static String doc() throws IOException {
        Path doc = Path.of("..", "docs", "error-handling.md");
        return Files.readString(doc);
    }

    private static String row(String component, String value) {
        return "| `" + component + "` | " + value + " |";
    }

    @Test
    void theRetryTableStatesTheDefaults() throws IOException {
        RetrySettings defaults = RetrySettings.defaults();

        assertThat(doc()).contains(row("maxAttempts", String.valueOf(defaults.maxAttempts())),
                row("initialDelay", defaults.initialDelay().toMillis() + " ms"),
                row("maxDelay", defaults.maxDelay().toSeconds() + " s"),
                row("multiplier", String.valueOf(defaults.multiplier())),
                row("jitter", String.valueOf(defaults.jitter())));
    }

    @Test
    void theCircuitBreakerTableStatesTheDefaults() throws IOException {
        CircuitBreakerSettings defaults = CircuitBreakerSettings.defaults();

        assertThat(doc()).contains(row("failureThreshold", String.valueOf(defaults.failureThreshold())),
                row("failureWindow", String.valueOf(defaults.failureWindow())),
                row("delay", defaults.delay().toSeconds() + " s"),
                row("successThreshold", String.valueOf(defaults.successThreshold())),
                row("counting", "`" + defaults.counting() + "`"),
                row("countsAsFailure", "`" + defaults.countsAsFailure() + "`"));
    }

    @Test
    void theTimeoutTableStatesTheDefaults() throws IOException {
        TimeoutSettings defaults = TimeoutSettings.defaults();

        assertThat(doc()).contains(row("taskAttempt", defaults.taskAttempt().toSeconds() + " s"),
                row("phase", defaults.phase().toMinutes() + " min"),
                row("build", defaults.build().toMinutes() + " min"));
    }
}

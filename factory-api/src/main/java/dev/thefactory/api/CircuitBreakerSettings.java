package dev.thefactory.api;

import java.time.Duration;
import java.util.Objects;

/**
 * The circuit breaker kept per backend during a build. It <em>opens</em> when {@code failureThreshold} of the
 * last {@code failureWindow} task attempts on that backend failed; while open, tasks on the backend fail at once
 * (and the build falls back to the next backend). After {@code delay} it goes <em>half-open</em> and lets attempts
 * through again: {@code successThreshold} successes in a row close it, one failure opens it again.
 *
 * <p>What counts as a failure is what says the <em>backend</em> is unwell: an I/O error (such as a refused
 * connection), an attempt that ran out of time, or an unexpected exception. An {@link AgentException} does not count:
 * it is the agent's considered answer about its task (retried when transient), and the backend that gave it is
 * working. So a flaky agent is retried task by task without tripping the circuit, while an unreachable service opens
 * it within one task's attempts.
 *
 * <p>Immutable and thread-safe. No component may be null.
 *
 * @param failureThreshold how many failures within the window open the circuit; {@code >= 1}; default 3
 * @param failureWindow    how many of the most recent attempts are considered; {@code >= failureThreshold};
 *                         default 10
 * @param delay            how long the circuit stays open before going half-open; {@code >= 0}; default 30 s
 * @param successThreshold how many successes in a row close a half-open circuit; {@code >= 1}; default 2
 */
public record CircuitBreakerSettings(int failureThreshold, int failureWindow, Duration delay, int successThreshold) {

    private static final CircuitBreakerSettings DEFAULTS =
            new CircuitBreakerSettings(3, 10, Duration.ofSeconds(30), 2);

    /**
     * @throws NullPointerException     when {@code delay} is null
     * @throws IllegalArgumentException when a value is out of range, or {@code failureThreshold > failureWindow}
     */
    public CircuitBreakerSettings {
        Objects.requireNonNull(delay, "delay");
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be >= 1 but was " + failureThreshold);
        }
        if (failureWindow < 1) {
            throw new IllegalArgumentException("failureWindow must be >= 1 but was " + failureWindow);
        }
        if (failureThreshold > failureWindow) {
            throw new IllegalArgumentException("failureThreshold must be <= failureWindow but failureThreshold was "
                    + failureThreshold + " and failureWindow was " + failureWindow
                    + "; raise failureWindow or lower failureThreshold");
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must be >= 0 but was " + delay);
        }
        if (successThreshold < 1) {
            throw new IllegalArgumentException("successThreshold must be >= 1 but was " + successThreshold);
        }
    }

    /** @return opens at 5 failures of the last 10 attempts, half-open after 30 s, closes after 2 successes */
    public static CircuitBreakerSettings defaults() {
        return DEFAULTS;
    }

    /**
     * @param openDelay how long the circuit stays open before going half-open
     * @return a copy with that delay
     * @throws NullPointerException     when {@code openDelay} is null
     * @throws IllegalArgumentException when {@code openDelay} is negative
     */
    public CircuitBreakerSettings withDelay(Duration openDelay) {
        return new CircuitBreakerSettings(failureThreshold, failureWindow, openDelay, successThreshold);
    }
}

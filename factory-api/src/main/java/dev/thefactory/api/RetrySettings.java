package dev.thefactory.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How transient task failures are retried: up to {@code maxAttempts} attempts in all, waiting between them with
 * exponential backoff ({@code initialDelay}, then times {@code multiplier} per retry, capped at {@code maxDelay})
 * and a random jitter of up to {@code ±jitter × delay}. Permanent failures (validation errors, an agent's
 * permanent error) are never retried, whatever these settings say.
 *
 * <p>Example: the defaults make 5 attempts, waiting about 100, 200, 400 and 800 ms before the second to fifth;
 * this makes 3 attempts and waits at most 1 s:
 * <pre>{@code
 * Factory.builder().retry(RetrySettings.defaults().withMaxAttempts(3).withDelays(Duration.ofMillis(100),
 *         Duration.ofSeconds(1)))
 * }</pre>
 *
 * <p>Immutable and thread-safe. No component may be null.
 *
 * @param maxAttempts  the most attempts per task, the first one included; {@code >= 1} ({@code 1} means no retry);
 *                     default 5
 * @param initialDelay the delay before the first retry; {@code >= 0} and at most {@link #MAX_DELAY}; default 100 ms
 * @param maxDelay     the largest delay between two attempts (before jitter); {@code >= initialDelay} and at most
 *                     {@link #MAX_DELAY}; default 2 s
 * @param multiplier   the factor the delay grows by per retry; {@code >= 1.0} ({@code 1.0} means a fixed delay);
 *                     default 2.0
 * @param jitter       the random spread as a fraction of the delay, applied both ways; {@code 0.0..1.0}
 *                     ({@code 0} means none); default 0.25
 */
public record RetrySettings(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier,
                            double jitter) {

    /** The largest delay accepted, for {@code initialDelay} and {@code maxDelay}: 365 days. */
    public static final Duration MAX_DELAY = Duration.ofDays(365);

    private static final RetrySettings DEFAULTS =
            new RetrySettings(5, Duration.ofMillis(100), Duration.ofSeconds(2), 2.0, 0.25);

    private static final RetrySettings NONE = new RetrySettings(1, Duration.ZERO, Duration.ZERO, 1.0, 0.0);

    /**
     * @throws NullPointerException     when a duration is null
     * @throws IllegalArgumentException when a value is out of range (a delay negative or longer than
     *                                  {@link #MAX_DELAY}), or {@code initialDelay > maxDelay}
     */
    public RetrySettings {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1 but was " + maxAttempts
                    + "; use 1 for no retry");
        }
        if (initialDelay.isNegative()) {
            throw new IllegalArgumentException("initialDelay must be >= 0 but was " + initialDelay);
        }
        if (maxDelay.isNegative()) {
            throw new IllegalArgumentException("maxDelay must be >= 0 but was " + maxDelay);
        }
        if (initialDelay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("initialDelay must be at most " + MAX_DELAY.toDays() + " days ("
                    + MAX_DELAY + ", RetrySettings.MAX_DELAY) but was " + initialDelay);
        }
        if (maxDelay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("maxDelay must be at most " + MAX_DELAY.toDays() + " days (" + MAX_DELAY
                    + ", RetrySettings.MAX_DELAY) but was " + maxDelay);
        }
        if (initialDelay.compareTo(maxDelay) > 0) {
            throw new IllegalArgumentException("initialDelay must be <= maxDelay but initialDelay was "
                    + initialDelay + " and maxDelay was " + maxDelay + "; raise maxDelay or lower initialDelay");
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number >= 1.0 but was " + multiplier
                    + "; use 1.0 for a fixed delay");
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be between 0.0 and 1.0 (a fraction of the delay) but was "
                    + jitter);
        }
    }

    /** @return 5 attempts, 100 ms initial delay, 2 s maximum delay, multiplier 2.0, jitter 0.25 */
    public static RetrySettings defaults() {
        return DEFAULTS;
    }

    /** @return one attempt and no retry */
    public static RetrySettings none() {
        return NONE;
    }

    /**
     * @param attempts the most attempts per task, the first one included
     * @return a copy with that many attempts
     * @throws IllegalArgumentException when {@code attempts < 1}
     */
    public RetrySettings withMaxAttempts(int attempts) {
        return new RetrySettings(attempts, initialDelay, maxDelay, multiplier, jitter);
    }

    /**
     * @param initial the delay before the first retry
     * @param max     the largest delay
     * @return a copy with those delays
     * @throws NullPointerException     when a delay is null
     * @throws IllegalArgumentException when a delay is negative or longer than {@link #MAX_DELAY}, or
     *                                  {@code initial > max}
     */
    public RetrySettings withDelays(Duration initial, Duration max) {
        return new RetrySettings(maxAttempts, initial, max, multiplier, jitter);
    }

    /**
     * @param fraction the random spread as a fraction of the delay, {@code 0.0..1.0}
     * @return a copy with that jitter
     * @throws IllegalArgumentException when {@code fraction} is outside {@code 0.0..1.0}
     */
    public RetrySettings withJitter(double fraction) {
        return new RetrySettings(maxAttempts, initialDelay, maxDelay, multiplier, fraction);
    }
}

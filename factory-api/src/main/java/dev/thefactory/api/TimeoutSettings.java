package dev.thefactory.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Time limits of a build. A task attempt that runs past {@code taskAttempt} is interrupted and counts as a
 * transient failure (so it may be retried); a phase past {@code phase} and a build past {@code build} fail with a
 * timeout. The limits are independent: whichever deadline comes first applies.
 *
 * <p>Every limit is measured on monotonic time ({@link System#nanoTime()}), never on the clock given to the factory,
 * which only stamps events and records. Each limit is at most {@link #MAX_LIMIT} (365 days): a larger one is refused
 * where it is set, rather than overflowing later.
 *
 * <p>Immutable and thread-safe. No component may be null.
 *
 * @param taskAttempt the longest one attempt of one task may run; {@code > 0} and at most {@link #MAX_LIMIT};
 *                    default 60 s
 * @param phase       the longest one phase may run, its retries included; {@code > 0} and at most
 *                    {@link #MAX_LIMIT}; default 10 min
 * @param build       the longest a whole build may run; {@code > 0} and at most {@link #MAX_LIMIT}; default 30 min
 */
public record TimeoutSettings(Duration taskAttempt, Duration phase, Duration build) {

    /** The largest limit accepted: 365 days. */
    public static final Duration MAX_LIMIT = Duration.ofDays(365);

    private static final TimeoutSettings DEFAULTS =
            new TimeoutSettings(Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofMinutes(30));

    /**
     * @throws NullPointerException     when a duration is null
     * @throws IllegalArgumentException when a duration is zero, negative or longer than {@link #MAX_LIMIT}
     */
    public TimeoutSettings {
        requirePositive(taskAttempt, "taskAttempt");
        requirePositive(phase, "phase");
        requirePositive(build, "build");
    }

    /** @return 60 s per task attempt, 10 min per phase, 30 min per build */
    public static TimeoutSettings defaults() {
        return DEFAULTS;
    }

    /**
     * @param limit the longest one task attempt may run
     * @return a copy with that limit
     * @throws NullPointerException     when {@code limit} is null
     * @throws IllegalArgumentException when {@code limit} is not positive or longer than {@link #MAX_LIMIT}
     */
    public TimeoutSettings withTaskAttempt(Duration limit) {
        return new TimeoutSettings(limit, phase, build);
    }

    /**
     * @param limit the longest one phase may run
     * @return a copy with that limit
     * @throws NullPointerException     when {@code limit} is null
     * @throws IllegalArgumentException when {@code limit} is not positive or longer than {@link #MAX_LIMIT}
     */
    public TimeoutSettings withPhase(Duration limit) {
        return new TimeoutSettings(taskAttempt, limit, build);
    }

    /**
     * @param limit the longest a build may run
     * @return a copy with that limit
     * @throws NullPointerException     when {@code limit} is null
     * @throws IllegalArgumentException when {@code limit} is not positive or longer than {@link #MAX_LIMIT}
     */
    public TimeoutSettings withBuild(Duration limit) {
        return new TimeoutSettings(taskAttempt, phase, limit);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be > 0 but was " + value);
        }
        if (value.compareTo(MAX_LIMIT) > 0) {
            throw new IllegalArgumentException(name + " must be at most " + MAX_LIMIT.toDays() + " days ("
                    + MAX_LIMIT + ", TimeoutSettings.MAX_LIMIT) but was " + value);
        }
    }
}

package dev.thefactory.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent could not perform its task, and says whether trying again may help. Agents throw it; the core
 * retries {@linkplain #isTransient() transient} ones with backoff and never retries permanent ones.
 *
 * <p>Immutable and thread-safe.
 */
public class AgentException extends FactoryException {

    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;
    private final Duration retryAfter;

    /**
     * @param message          what failed and why
     * @param cause            the cause; may be null
     * @param transientFailure true if the same task may succeed when tried again
     */
    public AgentException(String message, Throwable cause, boolean transientFailure) {
        this(message, cause, transientFailure, null);
    }

    /**
     * @param message          what failed and why
     * @param cause            the cause; may be null
     * @param transientFailure true if the same task may succeed when tried again
     * @param retryAfter       for a transient failure, the least time to wait before the next attempt (e.g. what a
     *                         service's {@code Retry-After} asked for); null for the retry policy's own delay
     * @throws IllegalArgumentException when {@code retryAfter} is negative, or given for a permanent failure
     */
    public AgentException(String message, Throwable cause, boolean transientFailure, Duration retryAfter) {
        super(message, cause, ErrorContext.NONE, List.of());
        if (retryAfter != null && (retryAfter.isNegative() || !transientFailure)) {
            throw new IllegalArgumentException("retryAfter must be >= 0 and only given for a transient failure but "
                    + "was " + retryAfter + (transientFailure ? "" : " for a permanent failure"));
        }
        this.transientFailure = transientFailure;
        this.retryAfter = retryAfter;
    }

    /**
     * @param message what failed
     * @return a failure worth retrying
     */
    public static AgentException transientFailure(String message) {
        return new AgentException(message, null, true);
    }

    /**
     * A failure worth retrying, but not before some time has passed: the core waits at least {@code retryAfter}
     * (or its own backoff, when that is longer) before the next attempt.
     *
     * @param message    what failed
     * @param retryAfter the least time to wait before the next attempt, {@code >= 0}
     * @return the failure
     */
    public static AgentException transientFailure(String message, Duration retryAfter) {
        return new AgentException(message, null, true, Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    /**
     * @param message what failed
     * @return a failure never retried
     */
    public static AgentException permanentFailure(String message) {
        return new AgentException(message, null, false);
    }

    /** @return true if trying the same task again may succeed */
    public boolean isTransient() {
        return transientFailure;
    }

    /** @return the least time to wait before the next attempt, when the failure named one */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

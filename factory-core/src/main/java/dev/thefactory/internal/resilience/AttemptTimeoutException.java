package dev.thefactory.internal.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * A task attempt ran past its time limit ({@code TimeoutSettings.taskAttempt}). It was interrupted; if it did not stop
 * within a short grace period it was abandoned and its late result discarded ({@link #abandoned()}). A timeout is a
 * transient failure, so the task may be retried. When the interrupted attempt stopped by throwing, that exception is
 * the {@linkplain #getCause() cause}; otherwise the cause is null.
 *
 * <p>Immutable apart from suppressed exceptions; safe to share between threads.
 */
public final class AttemptTimeoutException extends TimeoutException {

    private static final long serialVersionUID = 1L;

    private final Duration limit;
    private final boolean abandoned;

    /**
     * @param message   what timed out, the limit, and the fix
     * @param limit     the time limit that was exceeded
     * @param abandoned true when the attempt ignored the interrupt and was left running
     * @param cause     what the attempt threw after the interrupt; may be null
     * @throws NullPointerException when {@code message} or {@code limit} is null
     */
    public AttemptTimeoutException(String message, Duration limit, boolean abandoned, Throwable cause) {
        super(Objects.requireNonNull(message, "message"));
        this.limit = Objects.requireNonNull(limit, "limit");
        this.abandoned = abandoned;
        if (cause != null) {
            initCause(cause);
        }
    }

    /** @return the time limit that was exceeded; never null */
    public Duration limit() {
        return limit;
    }

    /** @return true when the attempt did not stop after the interrupt and was abandoned */
    public boolean abandoned() {
        return abandoned;
    }
}

package dev.thefactory.internal.resilience;

import dev.thefactory.api.Phase;
import java.util.Objects;

/**
 * A task failed for good under the build's resilience policies: it failed permanently, ran out of attempts, its
 * backend's circuit breaker was open, or the waiting thread was interrupted. {@link #getCause()} is the last failure
 * (never null); {@link #isTransient()} is that failure's classification by {@link ResiliencePolicies#isTransient}, so a
 * caller can tell "the backend kept failing" from "the task cannot succeed".
 *
 * <p>Checked, so the build engine must decide what a failed task means (normally: fall back to the next backend).
 * Immutable apart from suppressed exceptions, and safe to share between threads. No accessor returns null.
 */
public final class TaskFailureException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String taskId;
    private final String backendId;
    private final Phase phase;
    private final int attempts;
    private final boolean circuitOpen;
    private final boolean transientFailure;

    /**
     * @param message     what failed, where, after how many attempts, and what to do
     * @param cause       the last failure
     * @param taskId      the task
     * @param backendId   the backend it ran on
     * @param phase       the phase it ran in
     * @param attempts    how many attempts ran ({@code 0} when the circuit was open before the first)
     * @param circuitOpen true when the task failed because the backend's circuit breaker was open
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when {@code attempts < 0}
     */
    public TaskFailureException(String message, Throwable cause, String taskId, String backendId, Phase phase,
                                int attempts, boolean circuitOpen) {
        super(Objects.requireNonNull(message, "message"), Objects.requireNonNull(cause, "cause"));
        this.taskId = Objects.requireNonNull(taskId, "taskId");
        this.backendId = Objects.requireNonNull(backendId, "backendId");
        this.phase = Objects.requireNonNull(phase, "phase");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0 but was " + attempts);
        }
        this.attempts = attempts;
        this.circuitOpen = circuitOpen;
        this.transientFailure = ResiliencePolicies.isTransient(cause);
    }

    /** @return the id of the task that failed */
    public String taskId() {
        return taskId;
    }

    /** @return the id of the backend it ran on */
    public String backendId() {
        return backendId;
    }

    /** @return the phase it ran in */
    public Phase phase() {
        return phase;
    }

    /** @return how many attempts ran; {@code 0} when the backend's circuit was open before the first one */
    public int attempts() {
        return attempts;
    }

    /** @return true when the task failed because the backend's circuit breaker was open (or opened meanwhile) */
    public boolean isCircuitOpen() {
        return circuitOpen;
    }

    /** @return true when the last failure was transient (the task ran out of attempts, or the circuit opened) */
    public boolean isTransient() {
        return transientFailure;
    }
}

package dev.thefactory.internal.engine;

import dev.thefactory.api.Phase;
import java.util.Map;
import java.util.Objects;

/**
 * A phase failed on a backend: the cascade falls back to the next backend, or the build fails when none is left.
 * Carries the task that failed (if one did), the attempts made per failed task and whether the backend's circuit was
 * open. Internal; never leaves the engine.
 */
final class PhaseFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final Phase phase;
    private final String backend;
    private final String taskId;
    private final transient Map<String, Integer> attempts;
    private final boolean circuitOpen;

    /**
     * @param phase       the phase
     * @param backend     the backend it failed on
     * @param taskId      the failed task, or null
     * @param message     what failed and why
     * @param cause       the underlying failure, or null
     * @param attempts    attempts per failed task id
     * @param circuitOpen whether the backend's circuit was open
     */
    PhaseFailure(Phase phase, String backend, String taskId, String message, Throwable cause,
            Map<String, Integer> attempts, boolean circuitOpen) {
        super(message, cause);
        this.phase = Objects.requireNonNull(phase, "phase");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.taskId = taskId;
        this.attempts = Map.copyOf(attempts);
        this.circuitOpen = circuitOpen;
    }

    Phase phase() {
        return phase;
    }

    String backend() {
        return backend;
    }

    String taskId() {
        return taskId;
    }

    Map<String, Integer> attempts() {
        return attempts;
    }

    boolean circuitOpen() {
        return circuitOpen;
    }
}

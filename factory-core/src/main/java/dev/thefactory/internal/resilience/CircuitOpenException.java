package dev.thefactory.internal.resilience;

import dev.thefactory.api.FactoryException;
import dev.thefactory.api.Phase;
import java.time.Duration;
import java.util.List;

/**
 * A task attempt was refused because its backend's circuit breaker is open (or half-open with all its trial attempts
 * taken). Never retried on the same backend: the build falls back to the next backend instead.
 *
 * <p>Immutable apart from suppressed exceptions; safe to share between threads.
 */
public final class CircuitOpenException extends FactoryException {

    private static final long serialVersionUID = 1L;

    private final String state;

    /**
     * @param buildId        the build
     * @param phase          the phase of the refused task
     * @param taskId         the refused task
     * @param backendId      the backend whose circuit is open
     * @param state          the breaker's state, {@code OPEN} or {@code HALF_OPEN}
     * @param remainingDelay how long until an open circuit lets a trial attempt through
     */
    CircuitOpenException(String buildId, Phase phase, String taskId, String backendId, String state,
                         Duration remainingDelay) {
        super(message(backendId, taskId, state, remainingDelay), null,
                new ErrorContext(buildId, phase, taskId, backendId),
                List.of("continue on the next backend (the build does this by itself in modes AUTO and STANDALONE)",
                        "check why backend '" + backendId + "' fails and resume the build once it is healthy",
                        "tune CircuitBreakerSettings (failureThreshold, failureWindow, delay) if it opens too eagerly"));
        this.state = state;
    }

    /** @return the breaker's state when the attempt was refused: {@code OPEN} or {@code HALF_OPEN}; never null */
    public String state() {
        return state;
    }

    private static String message(String backendId, String taskId, String state, Duration remainingDelay) {
        if (state.equals("OPEN")) {
            return "the circuit breaker of backend '" + backendId + "' is OPEN after too many failed attempts, so task '"
                    + taskId + "' was not run; it lets a trial attempt through in " + remainingDelay.toMillis() + " ms";
        }
        return "the circuit breaker of backend '" + backendId + "' is HALF_OPEN and all its trial attempts are in "
                + "flight, so task '" + taskId + "' was not run";
    }
}

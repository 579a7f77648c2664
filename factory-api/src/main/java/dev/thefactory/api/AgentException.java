package dev.thefactory.api;

import java.util.List;

/**
 * An agent could not perform its task, and says whether trying again may help. Agents throw it; the core
 * retries {@linkplain #isTransient() transient} ones with backoff and never retries permanent ones.
 *
 * <p>Immutable and thread-safe.
 */
public class AgentException extends FactoryException {

    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;

    /**
     * @param message          what failed and why
     * @param cause            the cause; may be null
     * @param transientFailure true if the same task may succeed when tried again
     */
    public AgentException(String message, Throwable cause, boolean transientFailure) {
        super(message, cause, ErrorContext.NONE, List.of());
        this.transientFailure = transientFailure;
    }

    /** @param message what failed @return a failure worth retrying */
    public static AgentException transientFailure(String message) {
        return new AgentException(message, null, true);
    }

    /** @param message what failed @return a failure never retried */
    public static AgentException permanentFailure(String message) {
        return new AgentException(message, null, false);
    }

    /** @return true if trying the same task again may succeed */
    public boolean isTransient() {
        return transientFailure;
    }
}

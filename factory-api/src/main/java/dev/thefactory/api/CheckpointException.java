package dev.thefactory.api;

import java.util.List;

/**
 * A checkpoint could not be written or read. Immutable and thread-safe.
 */
public class CheckpointException extends FactoryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message         what failed, where, and the fix
     * @param cause           the I/O or parse failure; may be null
     * @param context         where it happened
     * @param recoveryOptions what to do next
     */
    public CheckpointException(String message, Throwable cause, ErrorContext context, List<String> recoveryOptions) {
        super(message, cause, context, recoveryOptions);
    }
}

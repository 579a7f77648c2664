package dev.thefactory.api;

import java.util.List;
import java.util.Optional;

/**
 * The root of every exception The Factory throws on purpose. Unchecked.
 *
 * <p>Each instance says what happened, the offending value and the fix in its message, carries the context it
 * happened in (build id, phase, task, backend — each may be absent) and {@link #recoveryOptions()} that a
 * person or a program can act on. Instances are immutable after construction (apart from suppressed exceptions)
 * and safe to share between threads.
 */
public class FactoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String buildId;
    private final Phase phase;
    private final String taskId;
    private final String backend;
    private final List<String> recoveryOptions;

    /**
     * @param message         what happened, the offending value, and the fix
     * @param cause           the underlying cause; may be null
     * @param context         where it happened; use {@link ErrorContext#NONE} when unknown
     * @param recoveryOptions things to try next, most useful first; may be empty
     */
    public FactoryException(String message, Throwable cause, ErrorContext context, List<String> recoveryOptions) {
        super(message, cause);
        this.buildId = context.buildId();
        this.phase = context.phase();
        this.taskId = context.taskId();
        this.backend = context.backend();
        this.recoveryOptions = List.copyOf(recoveryOptions);
    }

    /**
     * @param message what happened
     * @param recoveryOptions what to try next
     */
    public FactoryException(String message, List<String> recoveryOptions) {
        this(message, null, ErrorContext.NONE, recoveryOptions);
    }

    /** @return the build this happened in, if known */
    public Optional<String> buildId() {
        return Optional.ofNullable(buildId);
    }

    /** @return the phase this happened in, if known */
    public Optional<Phase> phase() {
        return Optional.ofNullable(phase);
    }

    /** @return the task this happened in, if known */
    public Optional<String> taskId() {
        return Optional.ofNullable(taskId);
    }

    /** @return the backend this happened in, if known */
    public Optional<String> backend() {
        return Optional.ofNullable(backend);
    }

    /** @return the context as one value */
    public ErrorContext context() {
        return new ErrorContext(buildId, phase, taskId, backend);
    }

    /** @return what a person or a program can do next, most useful first; never null */
    public List<String> recoveryOptions() {
        return recoveryOptions;
    }

    /**
     * Where an error happened. Every component may be null.
     *
     * @param buildId the build
     * @param phase   the phase
     * @param taskId  the task
     * @param backend the backend id
     */
    public record ErrorContext(String buildId, Phase phase, String taskId, String backend) {
        /** No context known. */
        public static final ErrorContext NONE = new ErrorContext(null, null, null, null);

        /**
         * @param buildId the build
         * @return a context naming only the build
         */
        public static ErrorContext ofBuild(String buildId) {
            return new ErrorContext(buildId, null, null, null);
        }
    }
}

package dev.thefactory.api;

import java.util.List;
import java.util.Map;

/**
 * A build failed after its retries and fallbacks were exhausted; nothing was published. CLI exit code 1.
 *
 * <p>Carries the cause chain, the {@link #result() result} so far, the attempts made per task, the backends
 * tried, and {@link #recoveryOptions()} such as the resume command. Immutable and thread-safe.
 */
public class BuildFailedException extends FactoryException {

    private static final long serialVersionUID = 1L;

    private final transient BuildResult result;
    private final Map<String, Integer> attemptsPerTask;
    private final List<String> backendsTried;

    /**
     * @param message         what failed, where, and why
     * @param cause           the last failure; may be null
     * @param context         where it happened
     * @param result          the build's result so far, with status {@link BuildStatus#FAILED}
     * @param attemptsPerTask attempts made per failed task id
     * @param backendsTried   backend ids tried, in order
     * @param recoveryOptions what to do next
     */
    public BuildFailedException(String message, Throwable cause, ErrorContext context, BuildResult result,
            Map<String, Integer> attemptsPerTask, List<String> backendsTried, List<String> recoveryOptions) {
        super(message, cause, context, recoveryOptions);
        this.result = java.util.Objects.requireNonNull(result, "result");
        this.attemptsPerTask = Map.copyOf(attemptsPerTask);
        this.backendsTried = List.copyOf(backendsTried);
    }

    /** @return the build's result so far */
    public BuildResult result() {
        return result;
    }

    /** @return attempts made per failed task id */
    public Map<String, Integer> attemptsPerTask() {
        return attemptsPerTask;
    }

    /** @return backend ids tried, in order */
    public List<String> backendsTried() {
        return backendsTried;
    }
}

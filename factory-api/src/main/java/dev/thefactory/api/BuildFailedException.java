package dev.thefactory.api;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A build ended without publishing: its retries and fallbacks were exhausted, its output failed validation, a time
 * limit or the watchdog stopped it ({@link #result()} has status {@link BuildStatus#FAILED}; CLI exit code 1), or the
 * thread running it was interrupted ({@link BuildStatus#INTERRUPTED}; CLI exit code 130). A task attempt that ran past
 * {@link TimeoutSettings#taskAttempt()} is not an interrupt of the build: it is retried and may lead to a fallback.
 *
 * <p>Carries the cause chain, the {@link #result() result} so far, the attempts made per task, the backends
 * tried, and {@link #recoveryOptions()} such as the resume command. Immutable and thread-safe.
 */
public class BuildFailedException extends FactoryException {

    private static final long serialVersionUID = 1L;

    private final transient BuildResult result;
    private final Map<String, Map<String, Integer>> attemptsPerTask;
    private final List<String> backendsTried;

    /**
     * @param message         what failed, where, and why
     * @param cause           the last failure; may be null
     * @param context         where it happened
     * @param result          the build's result so far, with status {@link BuildStatus#FAILED} or
     *                        {@link BuildStatus#INTERRUPTED}
     * @param attemptsPerTask attempts made per failed task: task id to (backend id to attempts made on that backend)
     * @param backendsTried   backend ids tried, in order
     * @param recoveryOptions what to do next
     */
    public BuildFailedException(String message, Throwable cause, ErrorContext context, BuildResult result,
            Map<String, Map<String, Integer>> attemptsPerTask, List<String> backendsTried,
            List<String> recoveryOptions) {
        super(message, cause, context, recoveryOptions);
        this.result = java.util.Objects.requireNonNull(result, "result");
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        attemptsPerTask.forEach((task, perBackend) ->
                copy.put(task, Collections.unmodifiableMap(new TreeMap<>(perBackend))));
        this.attemptsPerTask = Collections.unmodifiableMap(copy);
        this.backendsTried = List.copyOf(backendsTried);
    }

    /**
     * @return the build's result so far; its status is {@link BuildStatus#FAILED}, or {@link BuildStatus#INTERRUPTED}
     *         when the thread running the build was interrupted (or it was cancelled)
     */
    public BuildResult result() {
        return result;
    }

    /**
     * The attempts made per failed task. A task that failed on several backends of the cascade (the same task id is
     * planned again on the next backend) has one entry per backend.
     *
     * @return task id to (backend id to attempts made on that backend), both sorted; empty when no task failed (e.g.
     *         the output failed validation)
     */
    public Map<String, Map<String, Integer>> attemptsPerTask() {
        return attemptsPerTask;
    }

    /** @return backend ids tried, in order */
    public List<String> backendsTried() {
        return backendsTried;
    }
}

package dev.thefactory.internal.events;

import dev.thefactory.api.Phase;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets whatever observes a build make a task's attempt the current context of the thread that runs it, so that what
 * the agent does there (a model call, say) is recorded under that attempt. Nothing is registered unless a build is
 * observed; then {@link #within} costs a map lookup. Thread-safe.
 */
public final class TaskScopes {

    /** Opens the scope of a task's current attempt on the calling thread. */
    @FunctionalInterface
    public interface Opener {

        /**
         * @param phase  the task's phase
         * @param taskId the task
         * @return closes the scope again, on the same thread
         */
        Runnable open(Phase phase, String taskId);
    }

    private static final Map<String, Opener> OPENERS = new ConcurrentHashMap<>();

    private TaskScopes() {
    }

    /**
     * @param buildId the build
     * @param opener  opens the scopes of its tasks
     */
    public static void register(String buildId, Opener opener) {
        OPENERS.put(Objects.requireNonNull(buildId, "buildId"), Objects.requireNonNull(opener, "opener"));
    }

    /**
     * @param buildId the build
     * @param opener  the opener registered for it; another one is left in place
     */
    public static void unregister(String buildId, Opener opener) {
        OPENERS.remove(buildId, opener);
    }

    /**
     * Runs the work in the scope of the task's current attempt when the build is observed, else just runs it.
     *
     * @param <T>     what the work returns
     * @param buildId the build
     * @param phase   the task's phase
     * @param taskId  the task
     * @param work    the work
     * @return what the work returned
     * @throws Exception what the work threw
     */
    public static <T> T within(String buildId, Phase phase, String taskId, Callable<T> work) throws Exception {
        Opener opener = OPENERS.get(buildId);
        Runnable close = null;
        if (opener != null) {
            try {
                close = opener.open(phase, taskId);
            } catch (RuntimeException e) {
                close = null; // observing never fails the work
            }
        }
        try {
            return work.call();
        } finally {
            if (close != null) {
                try {
                    close.run();
                } catch (RuntimeException ignored) {
                    // observing never fails the work
                }
            }
        }
    }
}

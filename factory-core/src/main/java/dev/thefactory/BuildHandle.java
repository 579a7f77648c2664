package dev.thefactory;

import dev.thefactory.api.BuildResult;
import dev.thefactory.internal.engine.RunControl;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One build started with {@link Factory#start(dev.thefactory.api.event.BuildListener...)} (or resumed with
 * {@link Factory#startResume(String, dev.thefactory.api.event.BuildListener...)}): its id, known before any work
 * starts, its result to come, and the means to stop it.
 *
 * <pre>{@code
 * BuildHandle handle = factory.start();
 * log.info("started {}", handle.buildId());
 * handle.result().whenComplete((result, failure) -> ...);
 * ...
 * handle.cancel();   // ends INTERRUPTED with its finished work checkpointed; resume it later by its id
 * }</pre>
 *
 * <p>Each started build runs on a thread of its own named {@code factory-<buildId>} (not a daemon thread: a JVM waits
 * for a running build, which a {@link #cancel()} ends promptly), which starts the build's task threads
 * ({@code factory-<buildId>-<n>}) and ends when the build ends. {@link Factory#close()} stops it as {@link #cancel()}
 * does and waits for it to end. Every method may be called from any thread, at any time; a handle is thread-safe.
 */
public final class BuildHandle {

    private final String buildId;
    private final RunControl control;
    private final BuildFuture result;
    private final Thread thread;

    private BuildHandle(String buildId, RunControl control, Function<RunControl, BuildResult> build, Runnable ended) {
        this.buildId = buildId;
        this.control = control;
        this.result = new BuildFuture(control);
        this.thread = new Thread(() -> {
            try {
                run(build);
            } finally {
                ended.run();
            }
        }, "factory-" + buildId);
        this.thread.setDaemon(false);
    }

    /**
     * Starts a build on a new thread.
     *
     * @param buildId the build's id
     * @param control its own listeners and deadline, and the means to stop it
     * @param build   runs the build on the calling thread, as {@link Factory#run()} does
     * @param ended   run on the build's thread last, after its result future completed, however it ended
     * @return the handle of the started build
     */
    static BuildHandle start(String buildId, RunControl control, Function<RunControl, BuildResult> build,
            Runnable ended) {
        BuildHandle handle = new BuildHandle(Objects.requireNonNull(buildId, "buildId"),
                Objects.requireNonNull(control, "control"), Objects.requireNonNull(build, "build"),
                Objects.requireNonNull(ended, "ended"));
        handle.thread.start();
        return handle;
    }

    private void run(Function<RunControl, BuildResult> build) {
        BuildResult value = null;
        Throwable failure = null;
        try {
            value = build.apply(control);
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            control.detach();
            // an interrupted build leaves its thread's flag set; the future's dependents must not inherit it
            Thread.interrupted();
        }
        if (failure == null) {
            result.finish(value);
        } else {
            result.fail(failure);
            if (failure instanceof Error error) {
                throw error;
            }
        }
    }

    /** @return the build's id, as {@link BuildResult#buildId()} and every event and checkpoint of it carry it */
    public String buildId() {
        return buildId;
    }

    /**
     * The build's outcome. It completes normally with the result of a build that was published, and exceptionally
     * with the very {@link dev.thefactory.api.FactoryException} that {@link Factory#run()} (or the resume) would have
     * thrown: e.g. a {@link dev.thefactory.api.BuildFailedException} whose {@link
     * dev.thefactory.api.BuildFailedException#result() result} is {@link dev.thefactory.api.BuildStatus#INTERRUPTED}
     * after a {@link #cancel()}. ({@link CompletableFuture#join()} wraps it in a
     * {@link java.util.concurrent.CompletionException}, {@link CompletableFuture#get()} in an
     * {@link java.util.concurrent.ExecutionException}.)
     *
     * <p>Cancelling this future does what {@link #cancel()} does, and only that: the build stops, and the future still
     * completes with the build's own outcome, so neither the result nor the build id is lost. Its
     * {@link CompletableFuture#cancel(boolean) cancel} therefore returns {@code false} and
     * {@link CompletableFuture#isCancelled()} stays false. Stages derived from it ({@code thenApply} and the like) are
     * ordinary futures: cancelling one of them does not stop the build. Completing this future yourself does not
     * affect the build either.
     *
     * @return the future of the build's result; the same instance on every call
     */
    public CompletableFuture<BuildResult> result() {
        return result;
    }

    /**
     * Stops the build as an interrupt of its thread does: it ends {@link dev.thefactory.api.BuildStatus#INTERRUPTED}
     * with its finished work checkpointed and nothing published, and can be resumed under the same id
     * ({@link Factory#resume(dev.thefactory.spi.CheckpointRepository, String)}). The error's message says it was
     * cancelled. A build cancelled before its first phase (while it reads its checkpoints, takes its lock and checks its
     * backends) stops right before that phase; it saved no checkpoint, so there is nothing to resume (its recovery
     * options say to start it again). Returns at once; {@link #result()} completes when the build has
     * stopped and let go of its lock, so wait for it before resuming the build in this process (a resume started
     * earlier finds the build still locked: {@link dev.thefactory.api.StateLockedException}). Does nothing when the
     * build already ended.
     *
     * @return whether this call stopped the build: false when it had already ended or been stopped
     */
    public boolean cancel() {
        if (result.isDone()) {
            return false;
        }
        return control.stop("it was cancelled");
    }

    /** @return whether the build ended, however it ended */
    public boolean isDone() {
        return result.isDone();
    }

    @Override
    public String toString() {
        return "BuildHandle[" + buildId + (result.isDone() ? ", done" : ", running") + "]";
    }

    /** The result future: its cancel stops the build instead of dropping its outcome. */
    private static final class BuildFuture extends CompletableFuture<BuildResult> {

        private final RunControl control;

        BuildFuture(RunControl control) {
            this.control = control;
        }

        void finish(BuildResult value) {
            super.complete(value);
        }

        void fail(Throwable failure) {
            super.completeExceptionally(failure);
        }

        /** Stops the build, as {@link BuildHandle#cancel()}; the future completes with the build's outcome. */
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (!isDone()) {
                control.stop("its result future was cancelled");
            }
            return false;
        }

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new CompletableFuture<>();
        }
    }
}

package dev.thefactory.examples.cli;

import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.BuildListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * What {@code build} and {@code resume} share: the listeners (recovery messages and progress on standard error, the
 * events file), the handling of Ctrl-C (the build is interrupted, checkpointed and reported as resumable), the
 * output (a summary or one JSON object) and the exit code. One instance per execution; not thread-safe, except
 * for the listener it hands to the build.
 */
final class BuildCommandRun {

    private static final Logger LOG = LoggerFactory.getLogger(BuildCommandRun.class);

    /** How long Ctrl-C waits for the build to checkpoint and stop before the JVM exits anyway. */
    private static final long SHUTDOWN_GRACE_SECONDS = 30;

    /** Starts the build with the given listener; the build's exceptions propagate. */
    @FunctionalInterface
    interface Action {
        /**
         * @param listener receives every event of the build
         * @return the result of a build that did not throw
         */
        BuildResult run(BuildListener listener);
    }

    private final CommandLine cmd;
    private final RunOptions options;
    private final Path stateDirectory;

    /**
     * @param cmd            the command, for its output streams
     * @param options        the shared options
     * @param stateDirectory the state directory, already checked to be writable (for the resume hint)
     */
    BuildCommandRun(CommandLine cmd, RunOptions options, Path stateDirectory) {
        this.cmd = cmd;
        this.options = options;
        this.stateDirectory = stateDirectory;
    }

    /**
     * Runs the build and reports it.
     *
     * @param action starts the build
     * @return the exit code: 0 succeeded, 1 failed, 130 interrupted
     * @throws dev.thefactory.api.FactoryException other than {@link BuildFailedException}, for {@link ErrorHandler}
     */
    int execute(Action action) {
        PrintWriter err = cmd.getErr();
        EventJsonLines events = options.events == null ? null : new EventJsonLines(options.events, Json.MAPPER);
        ConsoleReporter reporter = useProgressBar()
                ? ConsoleReporter.withProgressBar(err, System.err)
                : ConsoleReporter.withProgressLines(err);
        List<BuildListener> listeners = new ArrayList<>();
        listeners.add(reporter);
        if (events != null) {
            listeners.add(events);
        }
        // The guard stays until the report is printed: on Ctrl-C the JVM exits when the guard is closed.
        try (InterruptGuard guard = new InterruptGuard(err, reporter)) {
            BuildResult result;
            BuildFailedException failure = null;
            try {
                result = action.run(event -> dispatch(listeners, event));
            } catch (BuildFailedException e) {
                failure = e;
                result = e.result();
            } finally {
                reporter.close();
                closeEvents(events, err);
            }
            // Clears the flag, so that printing the report is not disturbed by the interruption it reports.
            boolean interrupted = Thread.interrupted() | guard.interrupted()
                    || result.status() == BuildStatus.INTERRUPTED;
            return report(result, failure, interrupted);
        }
    }

    private int report(BuildResult result, BuildFailedException failure, boolean interrupted) {
        PrintWriter out = cmd.getOut();
        PrintWriter err = cmd.getErr();
        if (options.json) {
            Json.print(out, BuildReport.toJson(Json.MAPPER, result, failure));
        } else {
            out.print(BuildReport.summary(result));
            out.flush();
        }
        if (interrupted) {
            if (failure == null || ErrorHandler.offersResume(failure)) {
                err.println("Build interrupted: finished work is checkpointed. Resume with: factory resume --build "
                        + result.buildId() + " --state " + stateDirectory);
            } else {
                err.println("Build interrupted before its first checkpoint: nothing was saved, so there is nothing to "
                        + "resume. Start it again: run the same command.");
            }
            if (failure != null) {
                ErrorHandler.printRecoveryOptions(err, ErrorHandler.recoveryOptions(failure));
            }
            err.flush();
            return ExitCodes.INTERRUPTED;
        }
        if (failure != null || result.status() != BuildStatus.SUCCEEDED) {
            err.println("Build failed: " + (failure == null ? "status " + result.status() : failure.getMessage()));
            if (failure != null) {
                ErrorHandler.printRecoveryOptions(err, ErrorHandler.recoveryOptions(failure));
                if (ErrorHandler.hasOption(cmd.getParseResult(), "--debug")) {
                    failure.printStackTrace(err);
                }
            }
            err.flush();
            return ExitCodes.BUILD_FAILED;
        }
        err.println(result.fallbacks().isEmpty() ? "Build complete" : "Build complete (with fallback)");
        err.flush();
        return ExitCodes.OK;
    }

    private boolean useProgressBar() {
        return !options.json && System.console() != null;
    }

    /** Hands an event to every listener; one that throws is logged and does not keep the event from the others. */
    private static void dispatch(List<BuildListener> listeners, BuildEvent event) {
        for (BuildListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("listener {} failed on {}: {}", listener.getClass().getSimpleName(), event.type(),
                        e.toString());
            }
        }
    }

    private static void closeEvents(EventJsonLines events, PrintWriter err) {
        if (events == null) {
            return;
        }
        try {
            events.close();
        } catch (RuntimeException e) {
            err.println("Warning: " + e.getMessage() + ": " + e.getCause());
        }
        IOException failure = events.failure();
        if (failure != null) {
            err.println("Warning: the events file " + events.file() + " is incomplete: " + Directories.describe(
                    failure));
        }
    }

    /**
     * While a build runs, turns Ctrl-C (a JVM shutdown) into an interruption of the build thread and waits for the
     * build to checkpoint and stop, so that it can be resumed. The JVM then exits with 130, as for any SIGINT.
     */
    private static final class InterruptGuard implements AutoCloseable {
        private final Thread hook;
        private final CountDownLatch done = new CountDownLatch(1);
        private final AtomicBoolean interrupted = new AtomicBoolean();

        InterruptGuard(PrintWriter err, ConsoleReporter reporter) {
            Thread buildThread = Thread.currentThread();
            this.hook = new Thread(() -> {
                interrupted.set(true);
                err.println();
                err.println("Interrupt received: stopping the build at the next checkpoint...");
                err.flush();
                buildThread.interrupt();
                try {
                    if (!done.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
                        err.println("The build did not stop within " + SHUTDOWN_GRACE_SECONDS + " s; exiting."
                                + (reporter.buildId() == null ? "" : " Resume build " + reporter.buildId()
                                + " with factory resume."));
                        err.flush();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "factory-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        boolean interrupted() {
            return interrupted.get();
        }

        @Override
        public void close() {
            done.countDown();
            if (!interrupted.get()) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // The JVM began shutting down just now: the hook runs, sees the build done, and returns.
                    LOG.debug("shutdown in progress; the interrupt hook stays registered", e);
                }
            }
        }
    }
}

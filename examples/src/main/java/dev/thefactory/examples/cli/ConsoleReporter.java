package dev.thefactory.examples.cli;

import dev.thefactory.api.Phase;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.BuildListener;
import dev.thefactory.api.event.BuildStarted;
import dev.thefactory.api.event.CircuitStateChanged;
import dev.thefactory.api.event.FallbackTriggered;
import dev.thefactory.api.event.PhaseFailed;
import dev.thefactory.api.event.ProgressUpdated;
import dev.thefactory.api.event.ProviderSkipped;
import dev.thefactory.api.event.RepairRoundFinished;
import dev.thefactory.api.event.RetryScheduled;
import dev.thefactory.api.event.TaskFailed;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a build to a person on standard error: recovery messages as they happen ({@code Error detected: ...},
 * {@code Retrying (attempt 2/5) in 200 ms…}, {@code Fallback to simple: ...}, {@code Circuit simple: CLOSED -> OPEN})
 * and progress, either as a progress bar (on a terminal) or as plain lines {@code [ 42%] GENERATE … ETA 3s}, at most
 * one per phase and per 10 %.
 *
 * <p>Thread-safe: events arrive from the build's threads; everything written is written under one lock.
 */
final class ConsoleReporter implements BuildListener, AutoCloseable {

    private final PrintWriter err;
    private final ProgressDisplay progress;
    private volatile String buildId;

    private ConsoleReporter(PrintWriter err, ProgressDisplay progress) {
        this.err = Objects.requireNonNull(err, "err");
        this.progress = progress;
    }

    /**
     * @param err where messages and progress lines go
     * @return a reporter that prints progress as plain lines
     */
    static ConsoleReporter withProgressLines(PrintWriter err) {
        return new ConsoleReporter(err, new ProgressLines(err));
    }

    /**
     * @param err      where messages go
     * @param terminal the terminal's stream, where the bar is drawn (the same stream {@code err} writes to)
     * @return a reporter that draws a progress bar
     */
    static ConsoleReporter withProgressBar(PrintWriter err, PrintStream terminal) {
        return new ConsoleReporter(err, new Bar(terminal));
    }

    @Override
    public void onEvent(BuildEvent event) {
        if (event instanceof BuildStarted e) {
            buildId = e.buildId();
        } else if (event instanceof ProgressUpdated e) {
            synchronized (this) {
                progress.update(e.phase(), e.percent(), e.etaMillis());
            }
        } else if (event instanceof TaskFailed e) {
            message("Error detected: " + e.reason() + " (task " + e.task() + ")");
        } else if (event instanceof RetryScheduled e) {
            message("Retrying (attempt " + e.attempt() + "/" + e.maxAttempts() + ") in " + e.delayMillis()
                    + " ms… (task " + e.task() + ")");
        } else if (event instanceof FallbackTriggered e) {
            message("Fallback to " + e.to() + ": " + e.reason() + " (phase " + e.phase().name() + ", from "
                    + e.from() + ")");
        } else if (event instanceof CircuitStateChanged e) {
            message("Circuit " + e.backend() + ": " + e.from() + " -> " + e.to());
        } else if (event instanceof ProviderSkipped e) {
            message("Backend " + e.provider() + " skipped: " + e.reason());
        } else if (event instanceof RepairRoundFinished e) {
            message("Repair round " + e.round() + "/" + e.maxRounds() + " on " + e.backend() + ": "
                    + e.diagnostics() + " diagnostic(s), " + e.files() + " file(s) replaced, " + switch (e.outcome()) {
                        case REPAIRED -> "the output passes validation";
                        case STILL_FAILING -> e.remaining() + " problem(s) left";
                        case TASK_FAILED -> "the repair task failed";
                    });
        } else if (event instanceof PhaseFailed e) {
            message("Phase " + e.phase().name() + " failed on " + e.backend() + ": " + e.reason());
        }
        // Phases, agents, checkpoints and notices are shown in the summary and the logs, not here.
    }

    /**
     * Prints a line on standard error, above the progress bar when one is drawn.
     *
     * @param line the line
     */
    synchronized void message(String line) {
        progress.clear();
        err.println(line);
        err.flush();
        progress.redraw();
    }

    /** @return the id of the build, once it started; null before */
    String buildId() {
        return buildId;
    }

    /** Removes the progress bar (a finished bar stays as the last line). */
    @Override
    public synchronized void close() {
        progress.close();
    }

    /** Formats an estimate: {@code 3s}, {@code 2m 05s}, or {@code ?} while unknown. */
    static String eta(long etaMillis) {
        if (etaMillis < 0) {
            return "?";
        }
        long seconds = (etaMillis + 999) / 1000;
        return seconds < 60 ? seconds + "s" : String.format("%dm %02ds", seconds / 60, seconds % 60);
    }

    /** How progress is shown. Called under the reporter's lock. */
    private interface ProgressDisplay {
        void update(Phase phase, double percent, long etaMillis);

        void clear();

        void redraw();

        void close();
    }

    /** Plain lines, at most one per phase and per 10 %. */
    private static final class ProgressLines implements ProgressDisplay {
        private final PrintWriter err;
        private Phase lastPhase;
        private int lastBucket = -1;

        ProgressLines(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(Phase phase, double percent, long etaMillis) {
            int whole = (int) Math.max(0, Math.min(100, Math.floor(percent)));
            int bucket = whole / 10;
            if (phase == lastPhase && bucket <= lastBucket) {
                return;
            }
            lastPhase = phase;
            lastBucket = Math.max(bucket, lastBucket);
            err.println(String.format("[%3d%%] %s … ETA %s", whole, phase == null ? "-" : phase.name(),
                    eta(etaMillis)));
            err.flush();
        }

        @Override
        public void clear() {
            // Lines do not need clearing.
        }

        @Override
        public void redraw() {
            // Lines are not redrawn.
        }

        @Override
        public void close() {
            // Nothing is held.
        }
    }

    /** A progress bar drawn with progressbar; the estimate is the build's own, not the bar's. */
    private static final class Bar implements ProgressDisplay {
        private final PrintStream terminal;
        private final ProgressBar bar;
        private volatile long etaMillis = -1;

        Bar(PrintStream terminal) {
            this.terminal = terminal;
            this.bar = new ProgressBarBuilder()
                    .setTaskName("Building")
                    .setInitialMax(100)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setUpdateIntervalMillis(200)
                    .setConsumer(new ConsoleProgressBarConsumer(terminal))
                    .setEtaFunction(state -> etaMillis < 0 ? Optional.empty()
                            : Optional.of(Duration.ofMillis(etaMillis)))
                    .build();
        }

        @Override
        public void update(Phase phase, double percent, long eta) {
            etaMillis = eta;
            bar.stepTo((long) Math.max(bar.getCurrent(), Math.min(100, Math.floor(percent))));
            bar.setExtraMessage(phase == null ? "" : phase.name());
        }

        @Override
        public void clear() {
            terminal.print("\r\033[K");
            terminal.flush();
        }

        @Override
        public void redraw() {
            bar.refresh();
        }

        @Override
        public void close() {
            bar.close();
        }
    }
}

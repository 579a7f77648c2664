package dev.thefactory.temporal;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.event.AgentSpawned;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.BuildFinished;
import dev.thefactory.api.event.BuildListener;
import dev.thefactory.api.event.BuildStarted;
import dev.thefactory.api.event.FallbackTriggered;
import dev.thefactory.api.event.PhaseCompleted;
import dev.thefactory.api.event.PhaseFailed;
import dev.thefactory.api.event.PhaseStarted;
import dev.thefactory.api.event.RepairRoundFinished;
import dev.thefactory.api.event.TaskCompleted;
import dev.thefactory.api.event.TaskFailed;
import dev.thefactory.temporal.internal.BuildWorkflow;
import dev.thefactory.temporal.internal.Progress;
import io.temporal.client.WorkflowStub;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one build's progress for its listeners, on the client: it reads the workflow's progress log with the
 * workflow's progress query (every {@link #POLL}, on a daemon thread, and once more when the build ended) and hands
 * each new entry, as a build event, to every listener, in order.
 *
 * <p>Thread-safe: the polling thread and the caller's thread read under one lock, so events arrive once and in order.
 */
final class BuildProgress {

    /** How often the progress log is read while the build runs. */
    static final Duration POLL = Duration.ofMillis(250);

    private static final Logger LOG = LoggerFactory.getLogger(BuildProgress.class);

    private final String buildId;
    private final WorkflowStub stub;
    private final List<BuildListener> listeners;
    private int read;
    private boolean finished;
    private Thread poller;

    BuildProgress(String buildId, WorkflowStub stub, List<BuildListener> listeners) {
        this.buildId = buildId;
        this.stub = stub;
        this.listeners = List.copyOf(listeners);
    }

    /** Starts reading the progress log in the background. */
    synchronized void start() {
        poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                read(false);
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "factory-temporal-progress-" + buildId);
        poller.setDaemon(true);
        poller.start();
    }

    /**
     * Stops the background reading, reads the rest of the log, and reports the end of the build when the log did not.
     *
     * @param status          how the build ended
     * @param outputDirectory the published directory, or null
     */
    void end(BuildStatus status, Path outputDirectory) {
        Thread running;
        synchronized (this) {
            running = poller;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        read(true);
        synchronized (this) {
            if (!finished) {
                finished = true;
                deliver(new BuildFinished(buildId, Instant.now(), status, outputDirectory));
            }
        }
    }

    private synchronized void read(boolean last) {
        Progress[] entries;
        try {
            entries = stub.query(BuildWorkflow.PROGRESS, Progress[].class, read);
        } catch (RuntimeException e) {
            // no worker answers (yet), or the service is away: the next reading catches up
            if (last) {
                LOG.debug("[build {}] the progress log could not be read: {}", buildId, e.toString());
            }
            return;
        }
        for (Progress entry : entries) {
            read++;
            BuildEvent event = event(entry);
            if (event != null && !finished) {
                finished = event instanceof BuildFinished;
                deliver(event);
            }
        }
    }

    private void deliver(BuildEvent event) {
        for (BuildListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("[build {}] listener {} failed on {}: {}", buildId, listener.getClass().getName(),
                        event.type(), e.toString());
            }
        }
    }

    private BuildEvent event(Progress entry) {
        Instant time = Instant.ofEpochMilli(entry.timeMillis());
        Phase phase = entry.phase() == null ? null : Phase.valueOf(entry.phase());
        return switch (entry.type()) {
            case "BuildStarted" -> new BuildStarted(buildId, time, entry.text(), Mode.valueOf(entry.other()), null);
            case "PhaseStarted" -> new PhaseStarted(buildId, time, phase, entry.backend());
            case "PhaseCompleted" -> new PhaseCompleted(buildId, time, phase, entry.backend(), entry.durationMillis());
            case "PhaseFailed" -> new PhaseFailed(buildId, time, phase, entry.backend(), entry.text());
            case "AgentSpawned" -> new AgentSpawned(buildId, time, phase, entry.task(),
                    AgentRole.valueOf(entry.other()), entry.parent());
            case "TaskCompleted" -> new TaskCompleted(buildId, time, phase, entry.task(), entry.durationMillis(),
                    entry.files(), entry.usage());
            case "TaskFailed" -> new TaskFailed(buildId, time, phase, entry.task(), entry.text(), false);
            case "RepairRoundFinished" -> new RepairRoundFinished(buildId, time, entry.repair().backend(),
                    entry.repair().round(), entry.maxRounds(), entry.repair().diagnostics(), entry.repair().files(),
                    entry.repair().remaining(), entry.repair().outcome());
            case "FallbackTriggered" -> new FallbackTriggered(buildId, time, phase, entry.backend(), entry.other(),
                    entry.text());
            case "BuildFinished" -> new BuildFinished(buildId, time, BuildStatus.valueOf(entry.other()),
                    entry.text() == null ? null : Path.of(entry.text()));
            default -> null;
        };
    }
}

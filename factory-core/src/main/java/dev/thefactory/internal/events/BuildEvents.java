package dev.thefactory.internal.events;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.Usage;
import dev.thefactory.api.event.AgentSpawned;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.BuildFinished;
import dev.thefactory.api.event.BuildListener;
import dev.thefactory.api.event.BuildNotice;
import dev.thefactory.api.event.BuildStarted;
import dev.thefactory.api.event.CheckpointSaved;
import dev.thefactory.api.event.FallbackTriggered;
import dev.thefactory.api.event.PhaseCompleted;
import dev.thefactory.api.event.PhaseFailed;
import dev.thefactory.api.event.PhaseStarted;
import dev.thefactory.api.event.ProgressUpdated;
import dev.thefactory.api.event.ProviderSkipped;
import dev.thefactory.api.event.RepairRoundFinished;
import dev.thefactory.api.event.TaskCompleted;
import dev.thefactory.api.event.TaskFailed;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Stamps events with the build id and the time from the build's clock and hands them to a listener (normally an
 * {@link EventDispatcher}). One instance per build.
 *
 * <p>Thread-safe when the listener is. Arguments documented as "or null" may be null; all others must not be.
 */
public final class BuildEvents {

    private final String buildId;
    private final Clock clock;
    private final BuildListener sink;

    /**
     * @param buildId the build every event belongs to
     * @param clock   the build's clock
     * @param sink    where events go
     * @throws NullPointerException if an argument is null
     */
    public BuildEvents(String buildId, Clock clock, BuildListener sink) {
        this.buildId = Objects.requireNonNull(buildId, "buildId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** @return the build id */
    public String buildId() {
        return buildId;
    }

    /** @return the listener that receives the events */
    public BuildListener sink() {
        return sink;
    }

    /** @param event an event made elsewhere, delivered as is */
    public void emit(BuildEvent event) {
        sink.onEvent(event);
    }

    /**
     * @param projectName the spec's name
     * @param mode the mode
     * @param resumedFrom or null
     */
    public void buildStarted(String projectName, Mode mode, Phase resumedFrom) {
        emit(new BuildStarted(buildId, clock.instant(), projectName, mode, resumedFrom));
    }

    /**
     * @param status how it ended
     * @param outputDirectory or null
     */
    public void buildFinished(BuildStatus status, Path outputDirectory) {
        emit(new BuildFinished(buildId, clock.instant(), status, outputDirectory));
    }

    /**
     * @param phase the phase
     * @param backend the backend id or {@code core}
     */
    public void phaseStarted(Phase phase, String backend) {
        emit(new PhaseStarted(buildId, clock.instant(), phase, backend));
    }

    /**
     * @param phase the phase
     * @param backend the backend id
     * @param durationMillis time spent
     */
    public void phaseCompleted(Phase phase, String backend, long durationMillis) {
        emit(new PhaseCompleted(buildId, clock.instant(), phase, backend, durationMillis));
    }

    /**
     * @param phase the phase
     * @param backend the backend id
     * @param reason why
     */
    public void phaseFailed(Phase phase, String backend, String reason) {
        emit(new PhaseFailed(buildId, clock.instant(), phase, backend, reason));
    }

    /**
     * @param phase the phase
     * @param task the task id
     * @param role its role
     * @param parentTask or null
     */
    public void agentSpawned(Phase phase, String task, AgentRole role, String parentTask) {
        emit(new AgentSpawned(buildId, clock.instant(), phase, task, role, parentTask));
    }

    /**
     * @param phase the phase
     * @param task the task id
     * @param durationMillis time spent
     * @param files files staged
     */
    public void taskCompleted(Phase phase, String task, long durationMillis, int files) {
        taskCompleted(phase, task, durationMillis, files, Usage.NONE);
    }

    /**
     * @param phase          the phase
     * @param task           the task id
     * @param durationMillis time spent
     * @param files          files staged
     * @param usage          the task's model usage, every attempt included
     */
    public void taskCompleted(Phase phase, String task, long durationMillis, int files, Usage usage) {
        emit(new TaskCompleted(buildId, clock.instant(), phase, task, durationMillis, files, usage));
    }

    /**
     * @param phase the phase
     * @param task the task id
     * @param reason the failure
     * @param retryable whether retried
     */
    public void taskFailed(Phase phase, String task, String reason, boolean retryable) {
        emit(new TaskFailed(buildId, clock.instant(), phase, task, reason, retryable));
    }

    /**
     * @param phase the phase
     * @param from failed backend
     * @param to next backend
     * @param reason why
     */
    public void fallbackTriggered(Phase phase, String from, String to, String reason) {
        emit(new FallbackTriggered(buildId, clock.instant(), phase, from, to, reason));
    }

    /**
     * @param provider id or class name
     * @param reason why it was skipped
     */
    public void providerSkipped(String provider, String reason) {
        emit(new ProviderSkipped(buildId, clock.instant(), provider, reason));
    }

    /**
     * @param phase the phase
     * @param task the task or null
     * @param sequence the checkpoint's sequence
     */
    public void checkpointSaved(Phase phase, String task, long sequence) {
        emit(new CheckpointSaved(buildId, clock.instant(), phase, task, sequence));
    }

    /**
     * @param phase the phase
     * @param percent 0..100
     * @param etaMillis or -1
     */
    public void progress(Phase phase, double percent, long etaMillis) {
        emit(new ProgressUpdated(buildId, clock.instant(), phase, percent, etaMillis));
    }

    /**
     * @param phase the phase or null
     * @param message the notice
     */
    public void notice(Phase phase, String message) {
        emit(new BuildNotice(buildId, clock.instant(), phase, message));
    }

    /**
     * @param record    the round that ended
     * @param maxRounds the most rounds allowed
     */
    public void repairRound(dev.thefactory.api.RepairRecord record, int maxRounds) {
        emit(new RepairRoundFinished(buildId, clock.instant(), record.backend(), record.round(), maxRounds,
                record.diagnostics(), record.files(), record.remaining(), record.outcome()));
    }
}

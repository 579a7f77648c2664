package dev.thefactory.api.event;

import java.time.Instant;

/**
 * Something that happened during a build, delivered to every {@link BuildListener}. Events are immutable records
 * and safe to hand to other threads.
 *
 * <p>Every event carries the build id and the time it happened (from the build's clock). The set of event types
 * is closed, so a {@code switch} over them can be exhaustive.
 */
public sealed interface BuildEvent permits BuildStarted, PhaseStarted, PhaseCompleted, PhaseFailed,
        AgentSpawned, TaskCompleted, TaskFailed, RetryScheduled, FallbackTriggered, CircuitStateChanged,
        ProviderSkipped, CheckpointSaved, ProgressUpdated, BuildNotice, RepairRoundFinished, BuildFinished {

    /** @return the build this event belongs to */
    String buildId();

    /** @return when it happened */
    Instant time();

    /** @return the event's type name, e.g. {@code PhaseStarted}; stable across versions */
    default String type() {
        return getClass().getSimpleName();
    }
}

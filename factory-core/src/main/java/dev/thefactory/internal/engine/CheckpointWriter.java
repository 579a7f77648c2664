package dev.thefactory.internal.engine;

import dev.thefactory.api.Phase;
import dev.thefactory.internal.events.BuildEvents;
import dev.thefactory.spi.Checkpoint;
import dev.thefactory.spi.CheckpointRepository;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a build's checkpoints with increasing sequence numbers and announces each with a
 * {@link dev.thefactory.api.event.CheckpointSaved} event. A save is not disturbed by a pending interrupt of the calling
 * thread (the interrupt stays pending). Thread-safe (saves are serialized).
 */
final class CheckpointWriter {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointWriter.class);

    private final CheckpointRepository repository;
    private final String buildId;
    private final Clock clock;
    private final BuildEvents events;
    private long sequence;

    CheckpointWriter(CheckpointRepository repository, String buildId, Clock clock, BuildEvents events) {
        this(repository, buildId, clock, events, 0);
    }

    /**
     * @param lastSequence the sequence of the build's newest checkpoint (a resumed build continues after it), or 0
     */
    CheckpointWriter(CheckpointRepository repository, String buildId, Clock clock, BuildEvents events,
            long lastSequence) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.buildId = Objects.requireNonNull(buildId, "buildId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
        if (lastSequence < 0) {
            throw new IllegalArgumentException("lastSequence must be >= 0 but was " + lastSequence);
        }
        this.sequence = lastSequence;
    }

    /**
     * Saves one checkpoint.
     *
     * @param phase   the phase it follows or belongs to
     * @param taskId  the task it records, or null for a phase checkpoint
     * @param payload the {@link BuildState} JSON
     * @return its sequence number
     * @throws RuntimeException whatever the repository throws, normally a
     *                          {@link dev.thefactory.api.CheckpointException}
     */
    synchronized long save(Phase phase, String taskId, String payload) {
        long next = sequence + 1;
        // Work that finished is saved even when the build is being interrupted: an interrupt pending during the
        // write would close the repository's file channel (ClosedByInterruptException) and lose the checkpoint.
        boolean interrupted = Thread.interrupted();
        try {
            repository.save(new Checkpoint(BuildState.FORMAT_VERSION, buildId, next, phase, taskId, clock.instant(),
                    payload));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        sequence = next;
        LOG.debug("[build {}] checkpoint {} saved after {}{}", buildId, next, phase.id(),
                taskId == null ? "" : " task " + taskId);
        events.checkpointSaved(phase, taskId, next);
        return next;
    }

    /** @return the sequence number of the last checkpoint saved, 0 before the first */
    synchronized long sequence() {
        return sequence;
    }
}

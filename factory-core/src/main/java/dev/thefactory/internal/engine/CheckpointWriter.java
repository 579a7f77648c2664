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
 * {@link dev.thefactory.api.event.CheckpointSaved} event. Thread-safe (saves are serialized).
 */
final class CheckpointWriter {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointWriter.class);

    private final CheckpointRepository repository;
    private final String buildId;
    private final Clock clock;
    private final BuildEvents events;
    private long sequence;

    CheckpointWriter(CheckpointRepository repository, String buildId, Clock clock, BuildEvents events) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.buildId = Objects.requireNonNull(buildId, "buildId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
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
        repository.save(new Checkpoint(BuildState.FORMAT_VERSION, buildId, next, phase, taskId, clock.instant(),
                payload));
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

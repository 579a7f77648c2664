package dev.thefactory.internal.state;

import dev.thefactory.spi.Checkpoint;

/**
 * A checkpoint appended to a build's log but not yet known to be durable; see
 * {@link FileSystemCheckpointRepository#append(Checkpoint)}. Thread-safe; {@link #awaitDurable()} may be called any
 * number of times and from any thread.
 */
public final class PendingCheckpoint {

    private final BuildLog log;
    private final long ticket;
    private final Checkpoint checkpoint;

    PendingCheckpoint(BuildLog log, long ticket, Checkpoint checkpoint) {
        this.log = log;
        this.ticket = ticket;
        this.checkpoint = checkpoint;
    }

    /** @return the checkpoint that was appended; never null */
    public Checkpoint checkpoint() {
        return checkpoint;
    }

    /**
     * Blocks until the checkpoint is durable. Waiting threads share {@code force} calls (group commit). Not
     * interruptible: an interrupt stays pending and is seen by the caller's next blocking call.
     *
     * @throws dev.thefactory.api.CheckpointException when the checkpoint could not be made durable
     */
    public void awaitDurable() {
        log.awaitDurable(ticket, checkpoint);
    }

    @Override
    public String toString() {
        return "PendingCheckpoint[build=" + checkpoint.buildId() + ", sequence=" + checkpoint.sequence() + "]";
    }
}

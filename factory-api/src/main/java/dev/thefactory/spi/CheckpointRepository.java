package dev.thefactory.spi;

import java.util.List;
import java.util.Optional;

/**
 * Stores a build's checkpoints durably. Saving appends: earlier checkpoints stay available through
 * {@link #history}, so a resume can use the previous good one when the newest is damaged. A repository must
 * detect a damaged checkpoint (torn, truncated, corrupt) and never return it as if it were good: it leaves it
 * out of {@link #history} and {@link #latest} and reports it with a {@link dev.thefactory.api.CheckpointException}
 * only when nothing good is left.
 *
 * <p>Implementations must be thread-safe. An abstract contract test for implementers is in {@code factory-tests}.
 */
public interface CheckpointRepository {

    /**
     * Durably appends a checkpoint: when this returns, the checkpoint survives a crash of the process.
     *
     * @param checkpoint the checkpoint; its sequence must be greater than the build's latest
     * @throws dev.thefactory.api.CheckpointException when it cannot be stored
     */
    void save(Checkpoint checkpoint);

    /**
     * @param buildId the build
     * @return the newest good checkpoint of the build, if any
     */
    Optional<Checkpoint> latest(String buildId);

    /**
     * @param buildId the build
     * @return the build's good checkpoints, oldest first; empty for an unknown build
     */
    List<Checkpoint> history(String buildId);

    /**
     * Removes every checkpoint of a build. Removing an unknown build does nothing.
     *
     * @param buildId the build
     */
    void delete(String buildId);

    /** @return the ids of the builds that have checkpoints, oldest first */
    List<String> buildIds();
}

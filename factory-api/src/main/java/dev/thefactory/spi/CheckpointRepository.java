package dev.thefactory.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores a build's checkpoints durably. Saving appends: earlier checkpoints stay available through
 * {@link #history}, so a resume can use the previous good one when the newest is damaged. A repository must
 * detect a damaged checkpoint (torn, truncated, corrupt) and never return it as if it were good: it leaves it
 * out of {@link #history} and {@link #latest} and reports it through {@link #damage(String)}, so the core can surface each
 * report as a {@link dev.thefactory.api.event.BuildNotice} and a note of the result. When nothing good is left,
 * {@link #latest} is empty and {@link #damage(String)} says why; a {@link dev.thefactory.api.CheckpointException}
 * is for storage that cannot be read or written at all.
 *
 * <p>A repository may hold resources (open files, connections); {@link #close()} releases them. The core never
 * closes a repository it was given: whoever created it closes it when no build uses it any more.
 *
 * <p><strong>The single-writer lock.</strong> A repository may offer a lock per build ({@link #lock(String)}); the
 * core takes it before it reads a build's checkpoints and holds it until the build returns, so that two runs never
 * write one build at once. A durable repository that other processes can reach should offer it: without one, the core
 * keeps builds apart only within its own JVM and logs a warning once per repository class.
 *
 * <p>Implementations must be thread-safe. An abstract contract test for implementers is in {@code factory-tests}.
 */
public interface CheckpointRepository extends AutoCloseable {

    /**
     * Durably appends a checkpoint: when this returns, the checkpoint survives a crash of the process.
     *
     * @param checkpoint the checkpoint; its sequence must be greater than the build's latest
     * @throws IllegalArgumentException when its sequence is not greater than the build's latest (the message names
     *         both numbers)
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

    /**
     * Lists the builds that have checkpoints.
     *
     * @return the ids of the builds that have checkpoints, oldest first (by the creation time of each build's first
     *         checkpoint, then by id)
     */
    List<String> buildIds();

    /**
     * Takes the single-writer lock of a build without waiting. The core calls it before it reads or writes a build's
     * checkpoints and closes the returned lock when the build returns, however it ends. What an implementation must
     * keep:
     *
     * <ul>
     *   <li><strong>Exclusive per build id.</strong> While a lock is held, every further {@code lock} of the same
     *       build is refused with {@link dev.thefactory.api.StateLockedException}, naming the holder; locks of other
     *       builds are independent. A second call from the same process (from any thread, through any instance over
     *       the same storage) is refused too: locks are not reentrant.</li>
     *   <li><strong>Across processes, where the storage is shared.</strong> When other processes can write the
     *       same storage (a directory, a database), the lock must exclude them too. A repository whose storage only
     *       this instance can reach (such as one in memory) may lock within the instance.</li>
     *   <li><strong>Released by {@link BuildLock#close()} and by the holder's death.</strong> Closing releases it at
     *       once. A holder that dies without closing must not block the build for ever: where the storage can tell
     *       (an operating-system file lock, a database session lock), the lock ends with the process; otherwise it
     *       ends after a bounded time the implementation documents, so a crashed build can be resumed.</li>
     *   <li><strong>Never waits.</strong> A held lock is refused at once; the caller decides whether to try again.</li>
     * </ul>
     *
     * <p>The default returns an empty {@code Optional}: this repository offers no lock. Empty never means "held by
     * someone else" (that is the exception). For such a repository the core keeps the builds of its own JVM apart
     * and logs a warning once per repository class that other processes are not kept out.
     *
     * @param buildId the build
     * @return the held lock, or empty when this repository offers no lock of its own; never null
     * @throws NullPointerException if {@code buildId} is null
     * @throws dev.thefactory.api.StateLockedException when another holder (another process, or another caller in this
     *         one) holds the build's lock
     * @throws dev.thefactory.api.CheckpointException when the lock cannot be taken for another reason (the storage
     *         cannot be reached or written)
     */
    default Optional<BuildLock> lock(String buildId) {
        Objects.requireNonNull(buildId, "buildId");
        return Optional.empty();
    }

    /**
     * Describes the damage found in a build's stored checkpoints: each entry names where it is (file and byte
     * offset, or the repository's equivalent), what is wrong, and what was ignored because of it. Damaged
     * checkpoints are never part of {@link #history} or {@link #latest}; this is how a caller learns they existed.
     *
     * <p>The default returns an empty list, which is correct only for a repository that cannot hold damaged data
     * (such as one in memory); a repository that stores bytes anywhere must override it.
     *
     * @param buildId the build
     * @return one human-readable sentence per damaged place, in storage order; empty when nothing is damaged or the
     *         build is unknown
     */
    default List<String> damage(String buildId) {
        return List.of();
    }

    /**
     * Releases what the repository holds open (files, connections). Checkpoints already saved stay saved. Whether the
     * repository may be used after closing is up to the implementation; the ones that ship with The Factory reopen
     * what they need on the next call.
     *
     * <p>The default does nothing, which is correct for a repository that holds nothing open (such as one in
     * memory); a repository that keeps files or connections open must override it.
     */
    @Override
    default void close() {
    }
}

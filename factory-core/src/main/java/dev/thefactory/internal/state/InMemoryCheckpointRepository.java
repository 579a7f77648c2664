package dev.thefactory.internal.state;

import dev.thefactory.spi.BuildLock;
import dev.thefactory.spi.Checkpoint;
import dev.thefactory.spi.CheckpointRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link CheckpointRepository} that keeps checkpoints in this process's memory. <strong>Not durable:</strong>
 * everything is lost when the process ends, so a build saved here cannot be resumed by another process. Useful for
 * tests, embedded one-shot builds and as the reference implementation of the SPI.
 *
 * <p>Thread-safe: every method may be called from any thread; a save is visible to every read that starts after it
 * returned. Build ids are checked like the file-system repository checks them (1-128 letters, digits, {@code .},
 * {@code _} or {@code -}, not {@code .} or {@code ..}), so a build that works here also works on disk. No argument
 * may be null.
 */
public final class InMemoryCheckpointRepository implements CheckpointRepository {

    /** Insertion-ordered, so {@link #buildIds()} is oldest first. Guarded by {@code this}. */
    private final Map<String, List<Checkpoint>> builds = new LinkedHashMap<>();

    /** The builds whose lock is held. */
    private final InProcessLocks locks = new InProcessLocks("in this repository");

    /** Creates an empty repository. */
    public InMemoryCheckpointRepository() {
    }

    /**
     * @throws IllegalArgumentException if the build id is not a safe name or the sequence is not greater than the
     *                                  build's latest
     */
    @Override
    public void save(Checkpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        String buildId = BuildIds.requireValid(checkpoint.buildId());
        synchronized (this) {
            List<Checkpoint> history = builds.computeIfAbsent(buildId, id -> new ArrayList<>());
            if (!history.isEmpty()) {
                long latest = history.get(history.size() - 1).sequence();
                if (checkpoint.sequence() <= latest) {
                    throw SequenceRule.notIncreasing(buildId, checkpoint.sequence(), latest);
                }
            }
            history.add(checkpoint);
        }
    }

    /** @throws IllegalArgumentException if the build id is not a safe name */
    @Override
    public synchronized Optional<Checkpoint> latest(String buildId) {
        List<Checkpoint> history = builds.get(BuildIds.requireValid(buildId));
        return history == null || history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    /** @throws IllegalArgumentException if the build id is not a safe name */
    @Override
    public synchronized List<Checkpoint> history(String buildId) {
        List<Checkpoint> history = builds.get(BuildIds.requireValid(buildId));
        return history == null ? List.of() : List.copyOf(history);
    }

    /** @throws IllegalArgumentException if the build id is not a safe name */
    @Override
    public synchronized void delete(String buildId) {
        builds.remove(BuildIds.requireValid(buildId));
    }

    @Override
    public synchronized List<String> buildIds() {
        return List.copyOf(builds.keySet());
    }

    /**
     * Memory cannot be torn or corrupted the way a file can, so there is never damage to report.
     *
     * @throws IllegalArgumentException if the build id is not a safe name
     */
    @Override
    public List<String> damage(String buildId) {
        BuildIds.requireValid(buildId);
        return List.of();
    }

    /**
     * Takes the lock of a build within this repository: its checkpoints live in this instance only, so no other
     * process can write them and a lock within the instance keeps every writer out. The lock ends with its holder's
     * process, as the repository does.
     *
     * @throws IllegalArgumentException if the build id is not a safe name
     * @throws dev.thefactory.api.StateLockedException when the build's lock is held
     */
    @Override
    public Optional<BuildLock> lock(String buildId) {
        return Optional.of(locks.lock(BuildIds.requireValid(buildId), () -> { }));
    }

    @Override
    public String toString() {
        return "InMemoryCheckpointRepository (not durable)";
    }
}

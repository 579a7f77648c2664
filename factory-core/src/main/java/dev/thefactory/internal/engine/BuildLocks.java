package dev.thefactory.internal.engine;

import dev.thefactory.api.StateLockedException;
import dev.thefactory.internal.state.InProcessLocks;
import dev.thefactory.spi.BuildLock;
import dev.thefactory.spi.CheckpointRepository;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-writer lock a build holds while it runs, so that two runs never write one build's checkpoints and staging
 * area at once. It is the repository's own lock ({@link CheckpointRepository#lock(String)}) when the repository
 * offers one; otherwise a lock within this JVM, and a warning, once per repository class, that other processes are
 * not kept out. Never waits: a build that is locked is refused at once with a {@link StateLockedException}.
 *
 * <p>Thread-safe.
 */
final class BuildLocks {

    private static final Logger LOG = LoggerFactory.getLogger(BuildLocks.class);

    /** The locks of each repository without a lock of its own, while any is held; guarded by itself. */
    private static final Map<CheckpointRepository, InProcessLocks> IN_PROCESS = new IdentityHashMap<>();

    /** The repository classes already warned about. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private BuildLocks() {
    }

    /**
     * Takes the lock of a build.
     *
     * @param repository the build's checkpoint repository
     * @param buildId    the build
     * @return the held lock
     * @throws StateLockedException when another process, or another build in this one, holds it
     * @throws dev.thefactory.api.CheckpointException when the repository cannot take its lock for another reason
     * @throws IllegalStateException when the repository breaks the contract of {@code lock} (returns null)
     */
    static BuildLock acquire(CheckpointRepository repository, String buildId) {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(buildId, "buildId");
        Optional<BuildLock> own = repository.lock(buildId);
        if (own == null) {
            throw new IllegalStateException("Checkpoint repository " + repository.getClass().getName()
                    + " returned null from lock(\"" + buildId + "\"); it must return the held lock, or"
                    + " Optional.empty() when it offers no lock");
        }
        if (own.isPresent()) {
            return own.get();
        }
        if (WARNED.add(repository.getClass().getName())) {
            LOG.warn("Checkpoint repository {} offers no lock (CheckpointRepository.lock): builds are kept apart "
                    + "within this JVM only, so another process writing the same storage could write the same build "
                    + "at once", repository.getClass().getName());
        }
        return inProcess(repository, buildId);
    }

    private static BuildLock inProcess(CheckpointRepository repository, String buildId) {
        synchronized (IN_PROCESS) {
            InProcessLocks locks = IN_PROCESS.computeIfAbsent(repository, r -> new InProcessLocks("this process"));
            return locks.lock(buildId, () -> {
                synchronized (IN_PROCESS) {
                    if (locks.isEmpty()) {
                        IN_PROCESS.remove(repository, locks);
                    }
                }
            });
        }
    }
}

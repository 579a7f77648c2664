package dev.thefactory.internal.engine;

import dev.thefactory.api.StateLockedException;
import dev.thefactory.internal.state.FileSystemCheckpointRepository;
import dev.thefactory.spi.CheckpointRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The single-writer lock a build holds while it runs, so that two runs never write one build's checkpoints and staging
 * area at once. With a {@link FileSystemCheckpointRepository} it is the operating-system file lock of
 * {@link dev.thefactory.internal.state.BuildLock}, which dies with its process (a crashed build never blocks a resume);
 * with any other repository it is a lock within this JVM. Never waits: a build that is locked is refused at once with
 * a {@link StateLockedException}.
 *
 * <p>Thread-safe.
 */
final class BuildLocks {

    /** Builds locked in this JVM per non-file-system repository, with their holders; guarded by itself. */
    private static final Map<CheckpointRepository, Map<String, String>> IN_PROCESS = new IdentityHashMap<>();

    private BuildLocks() {
    }

    /** A held lock; closing releases it, closing twice does nothing. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * @param repository the build's checkpoint repository
     * @param buildId    the build
     * @return the held lock
     * @throws StateLockedException when another process, or another build in this one, holds it
     * @throws dev.thefactory.api.CheckpointException when the lock file cannot be created
     */
    static Held acquire(CheckpointRepository repository, String buildId) {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(buildId, "buildId");
        if (repository instanceof FileSystemCheckpointRepository files) {
            var lock = files.lock(buildId, Duration.ZERO);
            return lock::close;
        }
        String holder = "pid " + ProcessHandle.current().pid() + ", thread '" + Thread.currentThread().getName()
                + "' since " + Instant.now();
        synchronized (IN_PROCESS) {
            Map<String, String> held = IN_PROCESS.computeIfAbsent(repository, r -> new java.util.HashMap<>());
            String current = held.get(buildId);
            if (current != null) {
                throw new StateLockedException(Path.of(String.valueOf(repository.getClass().getSimpleName())), buildId,
                        current + " (this process)", Duration.ZERO);
            }
            held.put(buildId, holder);
        }
        return new Held() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (IN_PROCESS) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    Map<String, String> held = IN_PROCESS.get(repository);
                    if (held != null) {
                        held.remove(buildId);
                        if (held.isEmpty()) {
                            IN_PROCESS.remove(repository);
                        }
                    }
                }
            }
        };
    }
}

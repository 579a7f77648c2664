package dev.thefactory.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Another process (or another part of this one) holds the single-writer lock of a build (see
 * {@link dev.thefactory.spi.CheckpointRepository#lock(String)}), in a state directory or in another repository. Builds
 * and resumes do not wait for it: they are refused at once ({@link #stateDirectory()} and {@link #holder()} say
 * where and who). Nothing was written. CLI exit code 3.
 *
 * <p>With the file-system repository the lock is an operating-system file lock: it dies with the process that held
 * it, so a lock file left behind by a crashed process is never an obstacle. Immutable and thread-safe.
 */
public class StateLockedException extends FactoryException {

    private static final long serialVersionUID = 1L;

    private final String stateDirectory;
    private final String holder;

    /**
     * @param stateDirectory the state directory whose build is locked
     * @param buildId        the locked build
     * @param holder         who holds the lock as written into the lock file, e.g.
     *                       {@code pid 4711 on host ci-7 since 2026-01-01T10:00:00Z}, or a sentence saying it is
     *                       unknown
     * @param waited         how long the caller waited for the lock
     * @throws NullPointerException if an argument is null
     */
    public StateLockedException(Path stateDirectory, String buildId, String holder, Duration waited) {
        super(message(stateDirectory, buildId, holder, waited), null, ErrorContext.ofBuild(buildId),
                options(holder));
        this.stateDirectory = stateDirectory.toString();
        this.holder = holder;
    }

    private static List<String> options(String holder) {
        if (holder.endsWith("(this process)")) {
            // a build of this JVM holds it, e.g. one whose BuildHandle was cancelled and has not ended yet
            return List.of("wait until the build of this process that holds it has ended (its BuildHandle.result() "
                            + "completes; a cancelled build ends at its next checkpoint), then run again",
                    "use a checkpoint repository in another directory to run independently of it");
        }
        return List.of("wait for the other process (" + holder + ") to finish, then run again",
                "use a checkpoint repository in another directory to run independently of it",
                "if that process no longer runs, run again: its lock was released when it ended");
    }

    /**
     * For a lock that is not in a state directory: the lock a {@link dev.thefactory.spi.CheckpointRepository} of
     * another kind (a database, a remote store) offers through {@link dev.thefactory.spi.CheckpointRepository#lock}.
     * {@link #stateDirectory()} is then null.
     *
     * @param buildId the locked build
     * @param holder  who holds the lock, e.g. {@code pid 4711 on host ci-7 since 2026-01-01T10:00:00Z}, or a sentence
     *                saying it is unknown
     * @throws NullPointerException if an argument is null
     */
    public StateLockedException(String buildId, String holder) {
        super("Build " + Objects.requireNonNull(buildId, "buildId") + " is locked by "
                + Objects.requireNonNull(holder, "holder")
                + ". Only one writer may write a build's checkpoints at a time.", null, ErrorContext.ofBuild(buildId),
                List.of("wait for the holder (" + holder + ") to finish, then run again",
                        "if the holder no longer runs, run again once the repository has released its lock"));
        this.stateDirectory = null;
        this.holder = holder;
    }

    private static String message(Path stateDirectory, String buildId, String holder, Duration waited) {
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(waited, "waited");
        return "State directory " + stateDirectory + " is locked for build " + buildId + " by " + holder
                + "; waited " + waited.toMillis() + " ms. Only one writer may write a build's checkpoints at a time.";
    }

    /**
     * Returns where the lock is, for a lock in a state directory.
     *
     * @return the state directory whose build is locked, as given; null when the lock is not in a state directory
     */
    public Path stateDirectory() {
        return stateDirectory == null ? null : Path.of(stateDirectory);
    }

    /**
     * Returns who holds the lock.
     *
     * @return who holds the lock, as recorded in the lock file or reported by the repository; never null
     */
    public String holder() {
        return holder;
    }
}

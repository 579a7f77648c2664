package dev.thefactory;

import dev.thefactory.internal.state.FileSystemCheckpointRepository;
import dev.thefactory.internal.state.InMemoryCheckpointRepository;
import dev.thefactory.spi.CheckpointRepository;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The checkpoint repositories that ship with The Factory. Pass one to {@code Factory.builder().checkpoints(...)}:
 *
 * <pre>{@code
 * BuildResult result = Factory.builder()
 *         .spec(Path.of("specs/todo-app.md"))
 *         .checkpoints(CheckpointRepositories.fileSystem(Path.of(".factory/checkpoints")))
 *         .build()
 *         .run();
 * }</pre>
 *
 * <p>Durability differs: {@link #inMemory()} keeps nothing past the process, so a build cannot be resumed after the
 * process ends; {@link #fileSystem(Path)} makes each checkpoint durable (appended and forced to disk) before
 * {@code save} returns, so it survives a crash of the process or the machine, and detects and reports torn or
 * corrupt checkpoints instead of loading them. The file format, recovery rules and locking are described in
 * {@code docs/checkpoints.md}.
 *
 * <p>A repository is {@link AutoCloseable}: close a file-system repository when no build uses it any more (a build
 * releases its own open segment file when it ends, so a long-lived repository holds no file per finished build).
 *
 * <p>This class has only static methods and is thread-safe; the repositories it returns are thread-safe too.
 */
public final class CheckpointRepositories {

    private CheckpointRepositories() {
    }

    /**
     * Returns a new, empty repository in this process's memory. <strong>Not durable:</strong> its checkpoints are
     * gone when the process ends. Suited to tests and to one-shot embedded builds that never resume.
     *
     * @return a new thread-safe repository; never null
     */
    public static CheckpointRepository inMemory() {
        return new InMemoryCheckpointRepository();
    }

    /**
     * Returns a durable repository that keeps one directory per build under {@code directory} (created on the first
     * save). Each checkpoint is appended to a log segment as a checksummed record and forced to disk before
     * {@code save} returns, so a saved checkpoint survives a process or machine crash (on a disk that honours
     * flushes); a save costs one small append and one flush whatever the number of earlier checkpoints. A torn, truncated or corrupt checkpoint is never returned: it is left out of
     * {@code history} and {@code latest} (which fall back to the previous good checkpoint), logged at WARN, and
     * described by {@link CheckpointRepository#damage(String)}.
     *
     * <p>Only one process may write a build at a time: the repository's {@link CheckpointRepository#lock(String)} is
     * an operating-system file lock on {@code <directory>/<buildId>/lock}, which the core holds while the build runs
     * and which ends with the holding process.
     *
     * @param directory the state directory for checkpoints, e.g. {@code .factory/checkpoints}
     * @return a thread-safe repository; never null
     * @throws NullPointerException     if {@code directory} is null
     * @throws IllegalArgumentException if {@code directory} exists and is not a directory
     */
    public static CheckpointRepository fileSystem(Path directory) {
        return new FileSystemCheckpointRepository(Objects.requireNonNull(directory, "directory"));
    }
}

package dev.thefactory.spi;

/**
 * The held single-writer lock of one build in a {@link CheckpointRepository}, as returned by
 * {@link CheckpointRepository#lock(String)}. While it is held no other holder can take the lock of the same build in
 * the same storage: not another caller in this process and, when the repository says so, not another process.
 * Closing it releases the lock.
 *
 * <pre>{@code
 * try (BuildLock lock = repository.lock(buildId).orElseThrow()) {
 *     ... save checkpoints of buildId ...
 * }
 * }</pre>
 *
 * <p>Implementations must be thread-safe: the lock belongs to its holder, not to a thread, so any thread may close it.
 */
public interface BuildLock extends AutoCloseable {

    /**
     * Returns the build this lock is for.
     *
     * @return the locked build's id; never null
     */
    String buildId();

    /**
     * Describes who holds the lock, for messages and logs.
     *
     * @return a short description such as {@code pid 4711 on host ci-7 since 2026-01-01T10:00:00Z}; never null
     */
    String holder();

    /**
     * Releases the lock. The repository may also release what it keeps open for the build (a file handle, a
     * connection); checkpoints already saved stay saved. Closing twice does nothing.
     *
     * @throws dev.thefactory.api.CheckpointException when the storage reports a failure releasing it; the lock must
     *         then still be released as far as the repository can (for example when the process ends)
     */
    @Override
    void close();
}

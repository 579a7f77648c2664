package dev.thefactory.internal.state;

import dev.thefactory.api.CheckpointException;
import dev.thefactory.api.FactoryException.ErrorContext;
import dev.thefactory.api.StateLockedException;
import dev.thefactory.internal.util.DurableFiles;
import dev.thefactory.spi.BuildLock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-writer lock of one build in a state directory: an operating-system file lock
 * ({@link FileChannel#tryLock}) on {@code <stateDir>/<buildId>/lock}. The holder writes its pid, host and start
 * time into the file so that a refused process can say who holds it.
 *
 * <p>The operating system releases the lock when the holding process ends, however it ends, so a lock file left
 * behind by a crashed or killed process is never an obstacle; the file itself is left in place (deleting it would
 * let two processes lock two different files of the same name). Within one JVM the lock is also exclusive: a second
 * {@link #acquire} of the same build waits like another process would.
 *
 * <pre>{@code
 * try (BuildLockFile lock = BuildLockFile.acquire(stateDir, buildId, Duration.ofSeconds(10))) {
 *     ... save checkpoints of buildId ...
 * }
 * }</pre>
 *
 * <p>Thread-safe. The lock belongs to the process, not to a thread: any thread may close it, and closing twice does
 * nothing.
 */
public final class BuildLockFile implements BuildLock {

    private static final Logger LOG = LoggerFactory.getLogger(BuildLockFile.class);

    /** The name of the lock file in a build's directory. */
    public static final String FILE_NAME = "lock";

    /**
     * The locked byte range lies past the holder text, so a refused process can read the text even where locks are
     * mandatory (Windows).
     */
    private static final long REGION_START = 1L << 20;
    private static final int MAX_HOLDER_BYTES = 512;
    private static final Duration POLL = Duration.ofMillis(50);

    /** The locks this JVM holds, by lock file; guarded by itself. */
    private static final Map<Path, BuildLockFile> HELD = new HashMap<>();

    private final Path file;
    private final String buildId;
    private final String holder;
    private final FileChannel channel;
    private final FileLock fileLock;
    private boolean closed; // guarded by HELD

    private BuildLockFile(Path file, String buildId, String holder, FileChannel channel, FileLock fileLock) {
        this.file = file;
        this.buildId = buildId;
        this.holder = holder;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Waits between attempts; replaced in tests so no test sleeps. */
    interface Ticker {
        /** The real one: {@link System#nanoTime()} and {@link Thread#sleep}. */
        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };

        /** @return a monotonic time in nanoseconds */
        long nanoTime();

        /**
         * @param duration how long to wait
         * @throws InterruptedException when interrupted
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * Takes the lock of a build, polling every 50 ms until {@code wait} has elapsed.
     *
     * @param stateDir the state directory; created if missing
     * @param buildId  the build; a safe directory name
     * @param wait     how long to wait for the current holder; {@link Duration#ZERO} tries once
     * @return the held lock
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code buildId} is not a safe name or {@code wait} is negative
     * @throws StateLockedException     when the lock is still held by another process (or another part of this one)
     *                                  after {@code wait}, or the wait was interrupted (the interrupt stays set)
     * @throws CheckpointException      when the lock file cannot be created or locked
     */
    public static BuildLockFile acquire(Path stateDir, String buildId, Duration wait) {
        return acquire(stateDir, buildId, wait, Ticker.SYSTEM);
    }

    static BuildLockFile acquire(Path stateDir, String buildId, Duration wait, Ticker ticker) {
        Objects.requireNonNull(stateDir, "stateDir");
        BuildIds.requireValid(buildId);
        Objects.requireNonNull(wait, "wait");
        if (wait.isNegative()) {
            throw new IllegalArgumentException("wait must be >= 0 but was " + wait);
        }
        Path directory = stateDir.resolve(buildId);
        Path file;
        try {
            DurableFiles.SYSTEM.createDirectories(directory);
            file = directory.toRealPath().resolve(FILE_NAME);
        } catch (IOException e) {
            throw cannotLock(stateDir, buildId, directory.resolve(FILE_NAME), e);
        }
        long start = ticker.nanoTime();
        long waitNanos = saturatedNanos(wait);
        while (true) {
            Attempt attempt = tryOnce(stateDir, buildId, file);
            if (attempt.lock() != null) {
                LOG.debug("Build {}: took lock {}", buildId, file);
                return attempt.lock();
            }
            long remaining = waitNanos - (ticker.nanoTime() - start);
            if (remaining <= 0) {
                LOG.debug("Build {}: lock {} is held by {}", buildId, file, attempt.holder());
                throw new StateLockedException(stateDir, buildId, attempt.holder(), wait);
            }
            try {
                ticker.sleep(Duration.ofNanos(Math.min(remaining, POLL.toNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                StateLockedException locked = new StateLockedException(stateDir, buildId, attempt.holder(),
                        Duration.ofNanos(ticker.nanoTime() - start));
                locked.addSuppressed(e);
                throw locked;
            }
        }
    }

    private record Attempt(BuildLockFile lock, String holder) {
    }

    private static Attempt tryOnce(Path stateDir, String buildId, Path file) {
        synchronized (HELD) {
            BuildLockFile mine = HELD.get(file);
            if (mine != null) {
                // Never open the file again while this JVM holds it: on POSIX systems closing any descriptor of a
                // file releases every lock the process holds on it.
                return new Attempt(null, mine.holder + " (this process)");
            }
            FileChannel channel = null;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock fileLock;
                try {
                    fileLock = channel.tryLock(REGION_START, 1, false);
                } catch (OverlappingFileLockException e) {
                    fileLock = null; // held through a channel this class does not know; treat as held
                }
                if (fileLock == null) {
                    String holder = readHolder(channel);
                    channel.close();
                    return new Attempt(null, holder);
                }
                String holder = describeThisProcess();
                channel.truncate(0);
                ByteBuffer text = ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8));
                while (text.hasRemaining()) {
                    channel.write(text, text.position());
                }
                BuildLockFile lock = new BuildLockFile(file, buildId, holder, channel, fileLock);
                HELD.put(file, lock);
                return new Attempt(lock, holder);
            } catch (IOException e) {
                CheckpointException failure = cannotLock(stateDir, buildId, file, e);
                if (channel != null) {
                    try {
                        channel.close();
                    } catch (IOException closeFailure) {
                        failure.addSuppressed(closeFailure);
                    }
                }
                throw failure;
            }
        }
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(MAX_HOLDER_BYTES);
            while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
                // keep reading until the buffer is full or the file ends
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                return "another process (it has not written its pid yet)";
            }
            StringBuilder safe = new StringBuilder();
            text.codePoints().filter(cp -> !Character.isISOControl(cp)).limit(200).forEach(safe::appendCodePoint);
            return safe.toString();
        } catch (IOException e) {
            LOG.debug("Cannot read the holder of lock file", e);
            return "another process (its pid cannot be read: " + e.getMessage() + ")";
        }
    }

    private static String describeThisProcess() {
        return "pid " + ProcessHandle.current().pid() + " on host " + HostName.VALUE + " since " + Instant.now();
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static CheckpointException cannotLock(Path stateDir, String buildId, Path file, IOException e) {
        return new CheckpointException("Cannot create or lock " + file + " for build " + buildId + ": " + e, e,
                ErrorContext.ofBuild(buildId),
                List.of("check that " + stateDir + " is a writable directory on a file system that supports locks",
                        "use a checkpoint repository in another directory"));
    }

    /** Resolved once, lazily: a host name lookup may be slow. */
    private static final class HostName {
        static final String VALUE = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                LOG.debug("Cannot resolve the local host name for lock files", e);
                return "unknown-host";
            }
        }
    }

    /** @return the lock file */
    public Path path() {
        return file;
    }

    @Override
    public String buildId() {
        return buildId;
    }

    /**
     * Returns this process, as written into the lock file.
     *
     * @return who holds it
     */
    @Override
    public String holder() {
        return holder;
    }

    /**
     * Releases the lock; the lock file stays. Closing twice does nothing.
     *
     * @throws CheckpointException when the operating system reports a failure releasing it (the channel is closed
     *                             anyway, which releases the lock)
     */
    @Override
    public void close() {
        synchronized (HELD) {
            if (closed) {
                return;
            }
            closed = true;
            HELD.remove(file, this);
            IOException failure = null;
            try {
                fileLock.release();
            } catch (IOException e) {
                failure = e;
            }
            try {
                channel.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
            if (failure != null) {
                throw new CheckpointException("Could not release lock " + file + " of build " + buildId + ": "
                        + failure, failure, ErrorContext.ofBuild(buildId),
                        List.of("the lock is released when this process ends"));
            }
            LOG.debug("Build {}: released lock {}", buildId, file);
        }
    }

    @Override
    public String toString() {
        return "BuildLockFile[" + file + ", " + holder + "]";
    }
}

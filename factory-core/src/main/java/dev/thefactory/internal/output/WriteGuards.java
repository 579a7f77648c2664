package dev.thefactory.internal.output;

import dev.thefactory.internal.util.DurableFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tells the temporary files of writes in progress from those of writes that were interrupted, so that opening a
 * staging area never deletes a file another writer (another staging area over the same directory, in this process or
 * in another one sharing the disk) is still writing.
 *
 * <p>Every write of a staged file uses a fresh token {@code t}: before it creates its temporary file
 * {@code .factory-staging-t.tmp} it creates the <em>guard</em> {@code .factory-staging-t.lock} beside it and holds an
 * OS file lock on the guard until the temporary file is gone (moved into place, or deleted after a failure); then it
 * deletes the guard. A temporary file is abandoned, and may be deleted, only when its guard is missing (its writer
 * never got that far, or was older than guards) or its guard's lock can be taken (its writer died: the OS releases a
 * dead process's locks). Guards are deleted only by whoever holds their lock; a writer checks its guard still exists
 * once it holds the lock, so a guard deleted in between is made again.
 *
 * <p>The guards this process holds are also kept in a set, and never opened a second time while held: on POSIX
 * systems closing any descriptor of a file releases every lock the process holds on it.
 *
 * <p>Thread-safe.
 */
final class WriteGuards {

    /** Suffix of a temporary file. */
    static final String TEMP_SUFFIX = ".tmp";
    /** Suffix of a guard. */
    static final String GUARD_SUFFIX = ".lock";

    /** The guards this process holds, by absolute path; guarded by itself. */
    private static final Set<Path> HELD = new HashSet<>();
    private static final int ATTEMPTS = 5;

    private WriteGuards() {
    }

    /** A held guard of one write; closing it deletes the guard and releases it. */
    static final class Guard implements AutoCloseable {
        private final Path guard;
        private final Path temp;
        private final FileChannel channel;

        private Guard(Path guard, Path temp, FileChannel channel) {
            this.guard = guard;
            this.temp = temp;
            this.channel = channel;
        }

        /** @return the temporary file name this write may use */
        Path temp() {
            return temp;
        }

        @Override
        public void close() throws IOException {
            try {
                Files.deleteIfExists(guard);
            } finally {
                try {
                    channel.close(); // releases the lock
                } finally {
                    synchronized (HELD) {
                        HELD.remove(guard);
                    }
                }
            }
        }
    }

    /**
     * Takes a guard for one write into {@code directory}. Must not be interrupted half-way: the caller clears the
     * thread's interrupt while it runs (an interrupt would close the channel).
     *
     * @param directory the directory the write goes to
     * @return the held guard, naming the temporary file to use
     * @throws IOException when no guard can be created and locked
     */
    static Guard take(Path directory) throws IOException {
        IOException last = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            String token = Long.toHexString(ThreadLocalRandom.current().nextLong());
            Path guard = directory.resolve(DurableFiles.TEMP_PREFIX + token + GUARD_SUFFIX).toAbsolutePath();
            Path temp = directory.resolve(DurableFiles.TEMP_PREFIX + token + TEMP_SUFFIX);
            synchronized (HELD) {
                HELD.add(guard);
            }
            FileChannel channel = null;
            try {
                channel = FileChannel.open(guard, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
                channel.lock(); // another process's scan may hold it for a moment
                if (Files.exists(guard, LinkOption.NOFOLLOW_LINKS)) {
                    return new Guard(guard, temp, channel);
                }
                // a scan of another process took the lock first and deleted the guard: make a new one
            } catch (FileAlreadyExistsException e) {
                last = e; // the token is taken: draw another
            } catch (IOException | RuntimeException e) {
                release(guard, channel);
                throw e;
            }
            release(guard, channel);
        }
        throw new IOException("could not create a write guard in '" + directory + "' after " + ATTEMPTS
                + " attempts", last);
    }

    private static void release(Path guard, FileChannel channel) throws IOException {
        try {
            if (channel != null) {
                channel.close();
            }
        } finally {
            synchronized (HELD) {
                HELD.remove(guard);
            }
        }
    }

    /**
     * @param file a file whose name starts with {@link DurableFiles#TEMP_PREFIX}: a temporary file or a guard
     * @return the guard that protects it (itself when it is a guard), or null when its name has no token (a
     *         temporary file of an older version, written without a guard)
     */
    static Path guardOf(Path file) {
        String name = file.getFileName().toString();
        String rest = name.substring(DurableFiles.TEMP_PREFIX.length());
        String token;
        if (rest.endsWith(GUARD_SUFFIX)) {
            token = rest.substring(0, rest.length() - GUARD_SUFFIX.length());
        } else if (rest.endsWith(TEMP_SUFFIX)) {
            token = rest.substring(0, rest.length() - TEMP_SUFFIX.length());
        } else {
            return null;
        }
        return token.isEmpty() ? null : file.resolveSibling(DurableFiles.TEMP_PREFIX + token + GUARD_SUFFIX);
    }

    /**
     * Deletes a temporary file or guard when its write is provably abandoned: its guard is missing, or its guard's
     * lock can be taken (its writer is gone). A write in progress, here or in another process, is left alone.
     *
     * @param file a file whose name starts with {@link DurableFiles#TEMP_PREFIX}
     * @return whether it was abandoned (and is deleted)
     * @throws IOException when it cannot be deleted or its guard cannot be checked
     */
    static boolean deleteIfAbandoned(Path file) throws IOException {
        Path guard = guardOf(file);
        if (guard == null) {
            Files.deleteIfExists(file);
            return true;
        }
        Path absolute = guard.toAbsolutePath();
        synchronized (HELD) {
            if (HELD.contains(absolute)) {
                return false; // a write of this process
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(absolute, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                // no guard: its writer deleted it after its temporary file was gone, or it was never made
                Files.deleteIfExists(file);
                return true;
            }
            try (channel) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    return false; // its writer, in another process, is alive
                }
                // the writer is gone: delete its temporary file, then (still holding the lock) its guard
                Files.deleteIfExists(absolute.resolveSibling(DurableFiles.TEMP_PREFIX
                        + tokenOf(absolute) + TEMP_SUFFIX));
                Files.deleteIfExists(file);
                Files.deleteIfExists(absolute);
                return true;
            }
        }
    }

    private static String tokenOf(Path guard) {
        String name = guard.getFileName().toString();
        return name.substring(DurableFiles.TEMP_PREFIX.length(), name.length() - GUARD_SUFFIX.length());
    }
}

package dev.thefactory.internal.util;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes, renames and creates files so that they survive a crash of the machine: content is written to a temporary
 * sibling, forced, renamed into place atomically, and the directory holding the new name is forced too. Every
 * failure propagates as an {@link IOException}; nothing is swallowed. A pending interrupt of the calling thread does
 * not cut a step short (it would close the file channel and lose finished work): it is cleared while the step runs
 * and set again afterwards. The staging area, the publisher and the
 * checkpoint log all go through one instance, so what "durable" means is decided here once.
 *
 * <p>The operations that reach the disk are a {@link Disk}; tests inject one that counts forces or loses renames.
 * On Windows a directory cannot be opened to force it; there {@link Disk#SYSTEM} does not try (NTFS journals its
 * directory entries itself).
 *
 * <p>Immutable and thread-safe. No argument may be null.
 */
public final class DurableFiles {

    /** Prefix of the temporary files of writes in progress. */
    public static final String TEMP_PREFIX = ".factory-staging-";

    /** The instance that uses the real disk. */
    public static final DurableFiles SYSTEM = new DurableFiles(Disk.SYSTEM);

    private final Disk disk;

    /** @param disk the operations that reach the disk */
    public DurableFiles(Disk disk) {
        this.disk = Objects.requireNonNull(disk, "disk");
    }

    /** The operations that reach the disk. Implementations must be thread-safe. */
    public interface Disk {

        /** The real disk. */
        Disk SYSTEM = new Disk() {
            private final boolean windows = File.separatorChar == '\\';

            @Override
            public void force(FileChannel channel, boolean metadata) throws IOException {
                channel.force(metadata);
            }

            @Override
            public void forceDirectory(Path directory) throws IOException {
                if (windows) {
                    return;
                }
                try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                    channel.force(true);
                }
            }

            @Override
            public void move(Path from, Path to) throws IOException {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            }
        };

        /**
         * @param channel  an open file
         * @param metadata whether the file's metadata must be forced too
         * @throws IOException when the data could not be made durable
         */
        void force(FileChannel channel, boolean metadata) throws IOException;

        /**
         * @param directory a directory whose entries must be made durable
         * @throws IOException when they could not be
         */
        void forceDirectory(Path directory) throws IOException;

        /**
         * Renames atomically, replacing a file (not a non-empty directory) at {@code to}.
         *
         * @param from the existing name
         * @param to   the new name
         * @throws IOException when the rename fails
         */
        void move(Path from, Path to) throws IOException;
    }

    /**
     * Forces an open file's data (not its metadata): what the checkpoint log calls after appending.
     *
     * @param channel the file
     * @throws IOException when it could not be made durable
     */
    public void force(FileChannel channel) throws IOException {
        uninterrupted(() -> disk.force(channel, false));
    }

    /**
     * @param directory a directory
     * @throws IOException when its entries could not be made durable
     */
    public void forceDirectory(Path directory) throws IOException {
        uninterrupted(() -> disk.forceDirectory(directory));
    }

    /**
     * Replaces {@code target} with {@code content} durably: a temporary sibling is created (never through a link),
     * written and forced, renamed over {@code target}, and {@code target}'s directory is forced. A reader sees the old
     * content or the new, never a torn file. On failure the temporary file is deleted.
     *
     * @param target  the file; its directory must exist
     * @param content the bytes
     * @throws IOException when any step fails
     */
    public void write(Path target, byte[] content) throws IOException {
        Objects.requireNonNull(content, "content");
        uninterrupted(() -> writeNow(target, content, target.resolveSibling(TEMP_PREFIX
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp")));
    }

    /**
     * As {@link #write(Path, byte[])}, through the temporary file the caller chose (and guards).
     *
     * @param target  the file; its directory must exist
     * @param content the bytes
     * @param temp    the temporary file, a sibling of {@code target} that does not exist
     * @throws IOException when any step fails
     */
    public void write(Path target, byte[] content, Path temp) throws IOException {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(temp, "temp");
        uninterrupted(() -> writeNow(target, content, temp));
    }

    /**
     * Runs a step with the thread's interrupt cleared, as every write here does, and sets it again afterwards.
     *
     * @param step the step
     * @throws IOException when it fails
     */
    public static void uninterruptibly(Step step) throws IOException {
        uninterrupted(step);
    }

    private void writeNow(Path target, byte[] content, Path temp) throws IOException {
        Path directory = parent(target);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                disk.force(channel, true);
            }
            disk.move(temp, target);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        disk.forceDirectory(directory);
    }

    /**
     * Renames {@code from} to {@code to} atomically and forces the directories of both names, so the rename survives
     * a crash once this returns.
     *
     * @param from the existing file or directory
     * @param to   the new name, which does not exist (or is a file, replaced)
     * @throws IOException when the rename or a force fails
     */
    public void rename(Path from, Path to) throws IOException {
        uninterrupted(() -> renameNow(from, to));
    }

    private void renameNow(Path from, Path to) throws IOException {
        Path fromDirectory = parent(from);
        Path toDirectory = parent(to);
        disk.move(from, to);
        disk.forceDirectory(toDirectory);
        if (!fromDirectory.equals(toDirectory)) {
            disk.forceDirectory(fromDirectory);
        }
    }

    /**
     * Creates one directory and forces its parent, so the new entry survives a crash.
     *
     * @param directory the directory; its parent must exist
     * @return true when it was created, false when a directory (or a link to one, which the caller must check) was
     *         already there
     * @throws IOException when it cannot be created, or a file is in its place
     */
    public boolean createDirectory(Path directory) throws IOException {
        boolean[] created = {false};
        uninterrupted(() -> created[0] = createDirectoryNow(directory));
        return created[0];
    }

    private boolean createDirectoryNow(Path directory) throws IOException {
        try {
            Files.createDirectory(directory);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(directory)) {
                throw e;
            }
            return false;
        }
        disk.forceDirectory(parent(directory));
        return true;
    }

    /**
     * Creates a directory and any missing parents, forcing the parent of each one created.
     *
     * @param directory the directory
     * @throws IOException when it cannot be created or a file is in its place
     */
    public void createDirectories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        createDirectory(absolute);
    }

    /** One step on the disk. */
    @FunctionalInterface
    public interface Step {
        /**
         * Runs the step.
         *
         * @throws IOException when it fails
         */
        void run() throws IOException;
    }

    private static void uninterrupted(Step step) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            step.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Path parent(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        if (parent == null) {
            throw new IllegalArgumentException("path must have a parent directory but was '" + file + "'");
        }
        return parent;
    }
}

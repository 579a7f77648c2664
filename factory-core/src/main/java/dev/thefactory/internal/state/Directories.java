package dev.thefactory.internal.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates directories durably and forces directory entries to disk. */
final class Directories {

    private static final Logger LOG = LoggerFactory.getLogger(Directories.class);

    private Directories() {
    }

    /**
     * Creates a directory and any missing parents; after each creation, forces the parent so the new entry survives
     * a crash.
     *
     * @param directory the directory
     * @throws IOException when it cannot be created or a file is in its place
     */
    static void ensure(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            ensure(parent);
        }
        try {
            Files.createDirectory(absolute);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) {
                throw e;
            }
            return;
        }
        if (parent != null) {
            sync(parent);
        }
    }

    /**
     * Forces a directory's entries to disk: opens it read-only as a {@link FileChannel} and calls
     * {@code force(true)}. Platforms that cannot open or force a directory (Windows) throw; that failure alone is
     * logged at DEBUG and otherwise ignored, as their file systems make directory entries durable on their own.
     *
     * @param directory the directory
     */
    static void sync(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Cannot force directory {} on this platform; relying on the file system to persist its entries",
                    directory, e);
        }
    }
}

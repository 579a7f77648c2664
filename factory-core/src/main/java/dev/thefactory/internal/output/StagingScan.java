package dev.thefactory.internal.output;

import dev.thefactory.api.UnsafePathException;
import dev.thefactory.internal.output.StagingArea.FileInfo;
import dev.thefactory.internal.util.Sha256;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a staging area holds on disk, for a staging area opened again (a resumed build) or recounted after a
 * failed clear or remove: every regular file with its size and SHA-256, by normalized path. Temporary files of writes
 * a crash interrupted are deleted, those of writes still in progress (another staging area over the same directory,
 * in this process or another) are skipped, see {@link WriteGuards}; a link or special file, or a name the staging
 * area would refuse, fails the scan.
 *
 * <p>Stateless and thread-safe.
 */
final class StagingScan {

    private static final Logger LOG = LoggerFactory.getLogger(StagingScan.class);

    private StagingScan() {
    }

    /**
     * @param root    the staging area's directory
     * @param buildId the build, for the log
     * @return the staged files by normalized path
     * @throws UnsafePathException when the directory holds a link, a special file or a refused name
     * @throws IOException         when the directory cannot be read
     */
    static Map<String, FileInfo> scan(Path root, String buildId) throws IOException {
        Map<String, FileInfo> found = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root)) {
                    SafePaths.normalize(relative(root, dir));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String path = relative(root, file);
                if (!attrs.isRegularFile()) {
                    throw new UnsafePathException(path, "the staging area '" + root + "' holds a symbolic link or "
                            + "special file there; delete the staging area and run the build again");
                }
                if (file.getFileName().toString().startsWith(StagingArea.TEMP_PREFIX)) {
                    // a write in progress (another staging area over this directory, here or in another process)
                    // is left alone; only one whose writer is gone is deleted
                    if (WriteGuards.deleteIfAbandoned(file)) {
                        LOG.info("[build {}] deleted {}, left by an interrupted write", buildId, path);
                    }
                    return FileVisitResult.CONTINUE;
                }
                String normalized = SafePaths.normalize(path);
                found.put(normalized, new FileInfo(normalized, attrs.size(), Sha256.hex(file)));
                return FileVisitResult.CONTINUE;
            }


            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // gone since the directory was listed: a write's file moved
                }
                throw e;
            }
        });
        return found;
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    }
}

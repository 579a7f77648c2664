package dev.thefactory.internal.output;

import dev.thefactory.api.FactoryException;
import dev.thefactory.api.FactoryException.ErrorContext;
import dev.thefactory.api.UnsafePathException;
import dev.thefactory.internal.util.DurableFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The disk side of a staging area: creates its directories confined to the output directory, writes a file confined
 * to the root (each parent directory created one level at a time and checked to be a real directory inside the root,
 * never a link; the final name never a link; the content written to a temporary file, forced and moved into place, see
 * {@link DurableFiles}), and removes directories a removal left empty. Knows nothing of quotas or of which files are
 * staged.
 *
 * <p>Thread-safe when callers never write one path from two threads at once (the staging area locks per path).
 */
final class StagingWriter {

    private static final Logger LOG = LoggerFactory.getLogger(StagingWriter.class);

    private final Path root;
    private final String buildId;
    private final DurableFiles files;

    /**
     * @param root    the staging area's directory, a real path
     * @param buildId the build, for the log and the errors' context
     * @param files   the disk, forcing what it writes
     */
    StagingWriter(Path root, String buildId, DurableFiles files) {
        this.root = Objects.requireNonNull(root, "root");
        this.buildId = Objects.requireNonNull(buildId, "buildId");
        this.files = Objects.requireNonNull(files, "files");
    }

    /**
     * Writes one file atomically and durably below the root.
     *
     * @param relativePath the path as generated, for the errors
     * @param segments     the segments of its normalized form
     * @param content      the bytes
     * @throws UnsafePathException when a directory on the way is a link, lies outside the root or is a file, or the
     *                             final name is a link or a directory
     * @throws FactoryException    when the file system fails
     */
    void write(String relativePath, String[] segments, byte[] content) {
        Path target = prepareParents(relativePath, segments);
        checkTarget(relativePath, target);
        try {
            DurableFiles.uninterruptibly(() -> {
                // the guard tells other staging areas over this directory that the temporary file is in use
                try (WriteGuards.Guard guard = WriteGuards.take(target.getParent())) {
                    files.write(target, content, guard.temp());
                }
            });
        } catch (IOException e) {
            throw ioFailure("Could not write staged file '" + relativePath + "'", e);
        }
    }

    private Path prepareParents(String relativePath, String[] segments) {
        Path dir = root;
        for (int i = 0; i < segments.length - 1; i++) {
            dir = dir.resolve(segments[i]);
            try {
                files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                LOG.trace("[build {}] a file is at {}; refused below", buildId, dir);
            } catch (IOException e) {
                throw ioFailure("Could not create the directory '" + root.relativize(dir) + "' for '" + relativePath
                        + "'", e);
            }
            checkRealDirectory(relativePath, dir);
        }
        Path target = dir.resolve(segments[segments.length - 1]);
        checkTarget(relativePath, target);
        return target;
    }

    private void checkRealDirectory(String relativePath, Path dir) {
        String shown = root.relativize(dir).toString().replace('\\', '/');
        if (Files.isSymbolicLink(dir)) {
            throw new UnsafePathException(relativePath, "'" + shown + "' is a symbolic link; links are never followed "
                    + "in the staging area");
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafePathException(relativePath, "'" + shown + "' is already a staged file, so it cannot be a "
                    + "directory");
        }
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            throw ioFailure("Could not resolve the directory '" + shown + "' for '" + relativePath + "'", e);
        }
        if (!SafePaths.isWithin(root, real)) {
            throw new UnsafePathException(relativePath, "'" + shown + "' resolves to '" + real + "', outside the "
                    + "staging root '" + root + "'");
        }
    }

    private void checkTarget(String relativePath, Path target) {
        if (Files.isSymbolicLink(target)) {
            throw new UnsafePathException(relativePath, "the file name is a symbolic link; links are never followed "
                    + "in the staging area");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafePathException(relativePath, "a directory (or other non-file) of that name is already "
                    + "staged; a path cannot be both a file and a directory");
        }
    }

    /**
     * Deletes the directories between a removed file and the root that are now empty.
     *
     * @param file the removed file
     * @throws IOException when a directory cannot be read or deleted
     */
    void deleteEmptyParents(Path file) throws IOException {
        for (Path dir = file.getParent(); dir != null && !dir.equals(root) && dir.startsWith(root); dir = dir.getParent()) {
            if (!deleteIfEmpty(dir)) {
                return;
            }
        }
    }

    /**
     * @param dir a directory
     * @return whether it was empty and is deleted (false when it is not a directory or holds something)
     * @throws IOException when it cannot be read or deleted
     */
    static boolean deleteIfEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            if (entries.iterator().hasNext()) {
                return false;
            }
        }
        Files.delete(dir);
        return true;
    }

    /**
     * @param what what failed, as a sentence start
     * @param e    the failure
     * @return the failure as the staging area reports it, with the fix
     */
    FactoryException ioFailure(String what, IOException e) {
        return new FactoryException(what + ": " + e + "; check free disk space and the permissions of '" + root + "'",
                e, ErrorContext.ofBuild(buildId),
                List.of("free disk space or fix the permissions of '" + root + "', then resume the build"));
    }

    /**
     * Creates a directory of the staging area (or finds it) and checks it is a real directory inside the output
     * directory.
     *
     * @param realOutput the output directory, a real path
     * @param dir        the directory to create
     * @param buildId    the build, for the log and the errors' context
     * @param files      the disk
     * @return the directory's real path
     * @throws UnsafePathException when it is a link, not a directory, or resolves outside the output directory
     * @throws FactoryException    when it cannot be created or resolved
     */
    static Path createConfinedDirectory(Path realOutput, Path dir, String buildId, DurableFiles files) {
        try {
            if (!files.createDirectory(dir)) {
                LOG.trace("[build {}] {} exists; checking it is a real directory", buildId, dir);
            }
        } catch (FileAlreadyExistsException e) {
            LOG.trace("[build {}] a file is at {}; refused below", buildId, dir);
        } catch (IOException e) {
            throw new FactoryException("Could not create '" + dir + "': " + e + "; check the permissions of '"
                    + realOutput + "'", e, ErrorContext.ofBuild(buildId),
                    List.of("fix the permissions of '" + realOutput + "' or choose another output directory"));
        }
        String shown = realOutput.relativize(dir).toString();
        if (Files.isSymbolicLink(dir)) {
            throw new UnsafePathException(shown, "it is a symbolic link inside the output directory '" + realOutput
                    + "'; delete the link");
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafePathException(shown, "it exists in '" + realOutput + "' and is not a directory; move it away");
        }
        try {
            Path real = dir.toRealPath();
            if (!SafePaths.isWithin(realOutput, real)) {
                throw new UnsafePathException(shown, "it resolves to '" + real + "', outside '" + realOutput + "'");
            }
            return real;
        } catch (IOException e) {
            throw new FactoryException("Could not resolve '" + dir + "': " + e, e, ErrorContext.ofBuild(buildId),
                    List.of("check the permissions of '" + realOutput + "'"));
        }
    }
}

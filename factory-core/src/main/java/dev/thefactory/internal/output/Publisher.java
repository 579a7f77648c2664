package dev.thefactory.internal.output;

import dev.thefactory.api.FactoryException;
import dev.thefactory.api.UnsafePathException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a validated staged project to {@code <outputRoot>/<slug>/} in one rename, so a reader sees the old output or
 * the new one, never a mix. An earlier output of the same project is replaced only now, after the new one passed:
 * it is renamed aside into {@code <outputRoot>/.trash/}, the new one is renamed into place, and only then is the old
 * one deleted; if the second rename fails, the old one is renamed back.
 *
 * <pre>{@code
 * Path published = Publisher.publish(staging.root(), outputRoot, SafePaths.slug(spec.name()));
 * staging.delete();
 * }</pre>
 *
 * <p>Stateless and thread-safe; concurrent publishes of the same slug are not coordinated (the build engine runs one
 * build per output at a time). No argument may be null.
 */
public final class Publisher {

    /** The directory under the output root that holds replaced outputs until they are deleted. */
    public static final String TRASH_DIRECTORY = ".trash";

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    private static final Mover ATOMIC = (from, to) -> Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);

    private Publisher() {
    }

    /**
     * Moves {@code stagedRoot} to {@code outputRoot/slug}, replacing an earlier output of the same project. Both
     * renames stay inside {@code outputRoot}, so they are atomic on one file system; a file system that cannot rename
     * atomically is reported, never worked around with a copy.
     *
     * @param stagedRoot the validated staged project, normally {@link StagingArea#root()} (inside {@code outputRoot})
     * @param outputRoot the output directory
     * @param slug       the project's directory name, as made by {@link SafePaths#slug}
     * @return the published project directory
     * @throws IllegalArgumentException when {@code slug} is not a slug or {@code stagedRoot} is not a directory
     * @throws UnsafePathException      when {@code outputRoot/slug} or {@code outputRoot/.trash} is a symbolic link
     *                                  or not a directory
     * @throws FactoryException         when a rename fails; the earlier output is then still in place (or, if even
     *                                  restoring it failed, the message says where it is)
     */
    public static Path publish(Path stagedRoot, Path outputRoot, String slug) {
        return publish(stagedRoot, outputRoot, slug, ATOMIC);
    }

    /** As {@link #publish(Path, Path, String)}, with the renames done by {@code mover} (tests inject failures). */
    static Path publish(Path stagedRoot, Path outputRoot, String slug, Mover mover) {
        Objects.requireNonNull(stagedRoot, "stagedRoot");
        Objects.requireNonNull(outputRoot, "outputRoot");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(mover, "mover");
        if (!SafePaths.isSlug(slug)) {
            throw new IllegalArgumentException("slug must match [a-z0-9][a-z0-9-]{0,63}, not end with '-' and not be a "
                    + "reserved name but was '" + slug + "'; make it with SafePaths.slug");
        }
        if (Files.isSymbolicLink(stagedRoot) || !Files.isDirectory(stagedRoot, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("stagedRoot must be a directory (not a link) but '" + stagedRoot
                    + "' is not; stage the project before publishing it");
        }
        Path target = outputRoot.resolve(slug);
        if (Files.isSymbolicLink(target)) {
            throw new UnsafePathException(slug, "'" + target + "' is a symbolic link; refusing to publish through it. "
                    + "Delete the link or choose another output directory");
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            move(mover, stagedRoot, target, "publish the staged project");
            LOG.info("published {} to {}", stagedRoot, target);
            return target;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafePathException(slug, "'" + target + "' exists and is not a directory; move it away");
        }
        Path aside = reserveTrashSlot(outputRoot, slug);
        try {
            move(mover, target, aside, "move the earlier output aside");
        } catch (FactoryException e) {
            try {
                deleteIfEmpty(aside.getParent());
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        try {
            mover.move(stagedRoot, target);
        } catch (IOException e) {
            FactoryException failure = new FactoryException("Could not publish '" + stagedRoot + "' to '" + target
                    + "': " + e + "; the earlier output was kept", e, FactoryException.ErrorContext.NONE,
                    List.of("fix the cause and resume the build; the validated project is still staged at '"
                            + stagedRoot + "'"));
            try {
                mover.move(aside, target);
                LOG.warn("publishing to {} failed; the earlier output was restored", target, e);
            } catch (IOException restoreFailure) {
                FactoryException stranded = new FactoryException("Could not publish '" + stagedRoot + "' to '" + target + "' (" + e
                        + ") nor restore the earlier output (" + restoreFailure + "); the earlier output is at '" + aside
                        + "'", e, FactoryException.ErrorContext.NONE,
                        List.of("move '" + aside + "' back to '" + target + "' by hand",
                                "the validated project is still staged at '" + stagedRoot + "'"));
                stranded.addSuppressed(restoreFailure);
                throw stranded;
            }
            throw failure;
        }
        try {
            ProjectFiles.deleteTree(aside, true);
            deleteIfEmpty(aside.getParent());
        } catch (IOException e) {
            LOG.warn("published {} to {}, but could not delete the replaced output at {}; delete it by hand",
                    stagedRoot, target, aside, e);
        }
        LOG.info("published {} to {}, replacing the earlier output", stagedRoot, target);
        return target;
    }

    /** Renames a directory. Package-private so tests can inject a failure deterministically. */
    @FunctionalInterface
    interface Mover {
        /**
         * @param from the existing directory
         * @param to   the new name, which does not exist
         * @throws IOException when the rename fails
         */
        void move(Path from, Path to) throws IOException;
    }

    private static void move(Mover mover, Path from, Path to, String what) {
        try {
            mover.move(from, to);
        } catch (IOException e) {
            throw new FactoryException("Could not " + what + " ('" + from + "' to '" + to + "'): " + e
                    + "; nothing was changed", e, FactoryException.ErrorContext.NONE,
                    List.of("fix the cause (permissions, free space, a file system that cannot rename atomically) and "
                            + "resume the build"));
        }
    }

    private static Path reserveTrashSlot(Path outputRoot, String slug) {
        Path trash = outputRoot.resolve(TRASH_DIRECTORY);
        try {
            Files.createDirectory(trash);
        } catch (FileAlreadyExistsException e) {
            LOG.trace("{} exists; checking it is a real directory", trash);
        } catch (IOException e) {
            throw new FactoryException("Could not create '" + trash + "': " + e + "; nothing was changed", e,
                    FactoryException.ErrorContext.NONE, List.of("fix the permissions of '" + outputRoot + "'"));
        }
        if (Files.isSymbolicLink(trash) || !Files.isDirectory(trash, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafePathException(TRASH_DIRECTORY, "'" + trash + "' is a symbolic link or not a directory; "
                    + "delete it");
        }
        for (int n = 1; ; n++) {
            Path slot = trash.resolve(slug + "-" + n);
            if (!Files.exists(slot, LinkOption.NOFOLLOW_LINKS)) {
                return slot;
            }
        }
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        try (var entries = Files.newDirectoryStream(dir)) {
            if (entries.iterator().hasNext()) {
                return;
            }
        }
        Files.delete(dir);
    }

}

package dev.thefactory.internal.output;

import dev.thefactory.api.FactoryException;
import dev.thefactory.api.OutputConflictException;
import dev.thefactory.internal.output.PublishedOutput.Kind;
import dev.thefactory.internal.util.DurableFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a validated staged project to {@code <outputRoot>/<slug>/} without ever destroying what a user put there.
 *
 * <p>{@link #check} runs before a build does any work: the project's directory must be absent, or hold exactly what
 * an earlier build published there (see {@link PublishedOutput}); anything else stops the build with an
 * {@link OutputConflictException}, unless {@code overwrite} is set. {@link #publish} checks again under a lock per
 * slug ({@code <outputRoot>/.locks/<slug>.lock}, held across the check and the renames, between processes too): the
 * directory must still hold what {@link #check} saw, so of two builds that publish one slug at once, one wins and
 * the other fails with an {@link OutputConflictException}. Then an earlier output is renamed aside into
 * {@code <outputRoot>/.trash/<slug>-<buildId>}, the new one is renamed into place, and the earlier one is deleted —
 * or, when it held files no build published or another build published it while this one ran (both only with
 * {@code overwrite}), kept there and named in the notes. Between
 * the two renames the directory is briefly absent; a reader never sees a mix of two outputs. If the second rename
 * fails, the old one is renamed back. Every rename is made durable ({@link DurableFiles}) before the next step.
 *
 * <pre>{@code
 * PublishedOutput seen = Publisher.check(outputRoot, slug, buildId, false);   // before any work
 * ...
 * Publisher.Publication done = Publisher.publish(staging.root(), outputRoot, slug, buildId, seen, false);
 * }</pre>
 *
 * <p>Stateless and thread-safe. No argument may be null.
 */
public final class Publisher {

    /** The directory under the output root that holds replaced outputs. */
    public static final String TRASH_DIRECTORY = ".trash";
    /** The directory under the output root that holds the lock file of each slug. */
    public static final String LOCK_DIRECTORY = ".locks";

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    /** Publishes in this process per lock file; a file lock cannot be taken twice by one process. */
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private Publisher() {
    }

    /**
     * The outcome of a publish. Immutable.
     *
     * @param directory the published project directory
     * @param notes     what happened to an earlier output, for the build's result; empty when there was none
     */
    public record Publication(Path directory, List<String> notes) {
        /** @throws NullPointerException if a component is null */
        public Publication {
            Objects.requireNonNull(directory, "directory");
            notes = List.copyOf(notes);
        }
    }

    /**
     * Checks, before a build does any work, that publishing will not destroy anything.
     *
     * @param outputRoot the output directory
     * @param slug       the project's directory name
     * @param buildId    the build
     * @param overwrite  whether a directory holding files no build published may be moved aside
     * @return what the project's directory holds now; pass it to {@link #publish}
     * @throws OutputConflictException when it holds anything but an earlier build's unchanged output and
     *                                 {@code overwrite} is false
     * @throws FactoryException        when it cannot be read
     */
    public static PublishedOutput check(Path outputRoot, String slug, String buildId, boolean overwrite) {
        Objects.requireNonNull(outputRoot, "outputRoot");
        Objects.requireNonNull(buildId, "buildId");
        requireSlug(slug);
        PublishedOutput now = PublishedOutput.inspect(outputRoot.resolve(slug));
        if (now.kind() == Kind.CHANGED && !overwrite) {
            throw new OutputConflictException(now.directory(), buildId, now.differences(), null);
        }
        return now;
    }

    /**
     * @param seen      what {@link #check} returned
     * @param slug      the project's directory name
     * @param buildId   the build
     * @return a sentence announcing what publishing will do to the existing directory, or null when it is absent
     */
    public static String notice(PublishedOutput seen, String slug, String buildId) {
        return switch (seen.kind()) {
            case ABSENT -> null;
            case PUBLISHED -> "The output directory " + seen.directory() + " holds the unchanged output of build "
                    + seen.publishedBy() + "; it will be replaced when this build publishes";
            case CHANGED -> "The output directory " + seen.directory() + " holds files no build published ("
                    + String.join("; ", seen.differences().subList(0, Math.min(3, seen.differences().size())))
                    + (seen.differences().size() > 3 ? "; ..." : "") + "); with overwrite it will be moved aside to "
                    + seen.directory().resolveSibling(TRASH_DIRECTORY).resolve(slug + "-" + buildId)
                    + " and kept when this build publishes";
        };
    }

    /**
     * Moves {@code stagedRoot} to {@code outputRoot/slug}. Both renames stay inside {@code outputRoot}, so they are
     * atomic on one file system; a file system that cannot rename atomically is reported, never worked around with
     * a copy.
     *
     * @param stagedRoot the validated staged project, normally {@link StagingArea#root()} (inside {@code outputRoot})
     * @param outputRoot the output directory
     * @param slug       the project's directory name, as made by {@link SafePaths#slug}
     * @param buildId    the build that publishes
     * @param seen       what {@link #check} found at the start of the build
     * @param overwrite  whether anything found there may be moved aside (and kept)
     * @return where it was published and what happened to an earlier output
     * @throws IllegalArgumentException when {@code slug} is not a slug or {@code stagedRoot} is not a directory
     * @throws OutputConflictException  when, without {@code overwrite}, the directory holds files no build published,
     *                                  or no longer holds what {@link #check} saw (another build published there)
     * @throws FactoryException         when a rename fails; the earlier output is then still in place (or, if even
     *                                  restoring it failed, the message says where it is)
     */
    public static Publication publish(Path stagedRoot, Path outputRoot, String slug, String buildId,
            PublishedOutput seen, boolean overwrite) {
        return publish(stagedRoot, outputRoot, slug, buildId, seen, overwrite, DurableFiles.SYSTEM);
    }

    /** As {@link #publish(Path, Path, String, String, PublishedOutput, boolean)}; tests inject the disk. */
    static Publication publish(Path stagedRoot, Path outputRoot, String slug, String buildId, PublishedOutput seen,
            boolean overwrite, DurableFiles files) {
        Objects.requireNonNull(stagedRoot, "stagedRoot");
        Objects.requireNonNull(outputRoot, "outputRoot");
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(files, "files");
        requireSlug(slug);
        if (Files.isSymbolicLink(stagedRoot) || !Files.isDirectory(stagedRoot, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("stagedRoot must be a directory (not a link) but '" + stagedRoot
                    + "' is not; stage the project before publishing it");
        }
        Path lockFile = outputRoot.resolve(LOCK_DIRECTORY).resolve(slug + ".lock");
        try {
            files.createDirectory(lockFile.getParent());
        } catch (IOException e) {
            throw failure("create '" + lockFile.getParent() + "'", e, "fix the permissions of '" + outputRoot + "'");
        }
        if (Files.isSymbolicLink(lockFile.getParent())) {
            throw new dev.thefactory.api.UnsafePathException(LOCK_DIRECTORY, "'" + lockFile.getParent() + "' is a "
                    + "symbolic link; delete it");
        }
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath().normalize(),
                p -> new ReentrantLock());
        local.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
                FileLock held = channel.lock()) {
            LOG.debug("[build {}] holds {} ({})", buildId, lockFile, held);
            return publishLocked(stagedRoot, outputRoot, slug, buildId, seen, overwrite, files);
        } catch (IOException e) {
            throw failure("lock '" + lockFile + "'", e, "check that '" + outputRoot + "' is a writable directory on "
                    + "a local disk");
        } finally {
            local.unlock();
        }
    }

    private static Publication publishLocked(Path stagedRoot, Path outputRoot, String slug, String buildId,
            PublishedOutput seen, boolean overwrite, DurableFiles files) {
        Path target = outputRoot.resolve(slug);
        PublishedOutput now = PublishedOutput.inspect(target);
        if (!overwrite) {
            if (now.kind() == Kind.CHANGED) {
                throw new OutputConflictException(target, buildId, now.differences(), stagedRoot);
            }
            if (!now.sameAs(seen)) {
                throw new OutputConflictException(target, buildId, List.of(now.kind() == Kind.ABSENT
                        ? "removed while this build ran: the output of build " + seen.publishedBy()
                        : "published by build " + now.publishedBy() + " while this build ran"), stagedRoot);
            }
        }
        if (now.kind() == Kind.ABSENT) {
            rename(files, stagedRoot, target, "publish the staged project");
            LOG.info("[build {}] published {} to {}", buildId, stagedRoot, target);
            return new Publication(target, List.of());
        }
        Path aside = reserveTrashSlot(outputRoot, slug, buildId, files);
        try {
            rename(files, target, aside, "move the earlier output aside");
        } catch (FactoryException e) {
            try {
                deleteIfEmpty(aside.getParent());
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        try {
            files.rename(stagedRoot, target);
        } catch (IOException e) {
            FactoryException failure = new FactoryException("Could not publish '" + stagedRoot + "' to '" + target
                    + "': " + e + "; the earlier output was kept", e, FactoryException.ErrorContext.ofBuild(buildId),
                    List.of("fix the cause and resume the build; the validated project is still staged at '"
                            + stagedRoot + "'"));
            try {
                files.rename(aside, target);
                LOG.warn("[build {}] publishing to {} failed; the earlier output was restored", buildId, target, e);
            } catch (IOException restoreFailure) {
                FactoryException stranded = new FactoryException("Could not publish '" + stagedRoot + "' to '"
                        + target + "' (" + e + ") nor restore the earlier output (" + restoreFailure + "); the "
                        + "earlier output is at '" + aside + "'", e, FactoryException.ErrorContext.ofBuild(buildId),
                        List.of("move '" + aside + "' back to '" + target + "' by hand",
                                "the validated project is still staged at '" + stagedRoot + "'"));
                stranded.addSuppressed(restoreFailure);
                throw stranded;
            }
            throw failure;
        }
        List<String> notes = new ArrayList<>();
        if (now.kind() == Kind.PUBLISHED && now.sameAs(seen)) {
            notes.add("Replaced the unchanged output of build " + now.publishedBy() + " in " + target);
            try {
                ProjectFiles.deleteTree(aside, true);
                deleteIfEmpty(aside.getParent());
            } catch (IOException e) {
                LOG.warn("[build {}] published to {}, but could not delete the replaced output at {}; delete it by "
                        + "hand", buildId, target, aside, e);
                notes.add("The replaced output could not be deleted from " + aside + " (" + e + "); delete it by hand");
            }
        } else if (now.kind() == Kind.PUBLISHED) {
            notes.add("The output of build " + now.publishedBy() + ", published to " + target + " while this build "
                    + "ran, was moved aside to " + aside + " and kept (overwrite)");
        } else {
            notes.add("The earlier contents of " + target + " (" + String.join("; ", now.differences().subList(0,
                    Math.min(3, now.differences().size()))) + (now.differences().size() > 3 ? "; ..." : "")
                    + ") were moved aside to " + aside + " and kept (overwrite)");
        }
        notes.forEach(note -> LOG.info("[build {}] {}", buildId, note));
        return new Publication(target, notes);
    }

    private static void rename(DurableFiles files, Path from, Path to, String what) {
        try {
            files.rename(from, to);
        } catch (IOException e) {
            throw failure(what + " ('" + from + "' to '" + to + "')", e, "fix the cause (permissions, free space, a "
                    + "file system that cannot rename atomically) and resume the build");
        }
    }

    private static FactoryException failure(String what, IOException e, String fix) {
        return new FactoryException("Could not " + what + ": " + e + "; nothing was changed", e,
                FactoryException.ErrorContext.NONE, List.of(fix));
    }

    private static Path reserveTrashSlot(Path outputRoot, String slug, String buildId, DurableFiles files) {
        Path trash = outputRoot.resolve(TRASH_DIRECTORY);
        try {
            files.createDirectory(trash);
        } catch (IOException e) {
            throw failure("create '" + trash + "'", e, "fix the permissions of '" + outputRoot + "'");
        }
        if (Files.isSymbolicLink(trash) || !Files.isDirectory(trash, LinkOption.NOFOLLOW_LINKS)) {
            throw new dev.thefactory.api.UnsafePathException(TRASH_DIRECTORY, "'" + trash + "' is a symbolic link or "
                    + "not a directory; delete it");
        }
        Path slot = trash.resolve(slug + "-" + buildId);
        for (int n = 2; Files.exists(slot, LinkOption.NOFOLLOW_LINKS); n++) {
            slot = trash.resolve(slug + "-" + buildId + "-" + n);
        }
        return slot;
    }

    private static void requireSlug(String slug) {
        Objects.requireNonNull(slug, "slug");
        if (!SafePaths.isSlug(slug)) {
            throw new IllegalArgumentException("slug must match [a-z0-9][a-z0-9-]{0,63}, not end with '-' and not be a "
                    + "reserved name but was '" + slug + "'; make it with SafePaths.slug");
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

package dev.thefactory.internal.output;

import dev.thefactory.api.FactoryException;
import dev.thefactory.api.FactoryException.ErrorContext;
import dev.thefactory.api.OutputValidationException;
import dev.thefactory.api.UnsafePathException;
import dev.thefactory.internal.util.DurableFiles;
import dev.thefactory.internal.util.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staging area of one build, {@code <outputRoot>/.staging/<buildId>/}: generated files are written here, checked,
 * and only then {@linkplain Publisher#publish published}. Every write is confined to the root (no {@code ..}, no
 * absolute path, no symbolic link followed, no Windows device name, no two paths that differ only in case or only in
 * Unicode form — paths are kept in NFC), bounded by {@link OutputQuotas}, atomic (a reader sees the old content or
 * the new, never a torn file) and durable: the file and the directory entries on its way are forced to disk before
 * {@link #write} returns, and a failed force fails the write.
 *
 * <pre>{@code
 * StagingArea staging = StagingArea.open(Path.of("outputs"), buildId, OutputQuotas.defaults());
 * String sha256 = staging.write("src/main/java/com/acme/App.java", bytes);
 * ...
 * staging.clear();   // roll back a failed phase
 * }</pre>
 *
 * <p>It coordinates three parts: the {@link StagingWriter} does the disk work (confined directories, atomic and
 * durable writes), the {@link StagingAccounting} counts what is staged against the quotas and the names taken, and the
 * {@link StagingScan} recounts from disk when the area is opened again or an operation failed half-way.
 *
 * <p>Thread-safe: agents' results are written concurrently. {@link #clear}, {@link #remove} and {@link #delete} wait
 * for writes in progress and block new ones while they run. Opening an existing staging area (a resumed build) keeps
 * its files and counts them against the quotas. No argument may be null.
 */
public final class StagingArea {

    /** The directory under the output root that holds every build's staging area. */
    public static final String STAGING_DIRECTORY = ".staging";
    /** Prefix of the temporary files of writes in progress; generated names may not start with it. */
    static final String TEMP_PREFIX = DurableFiles.TEMP_PREFIX;

    private static final Logger LOG = LoggerFactory.getLogger(StagingArea.class);
    private static final Pattern BUILD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Path root;
    private final Path stagingParent;
    private final String buildId;
    private final OutputQuotas quotas;
    private final StagingWriter writer;
    private final StagingAccounting accounting;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Map<String, Object> pathLocks = new ConcurrentHashMap<>();
    /** The output directory and those of its parents that {@link #open} created, deepest first. */
    private final List<Path> created;
    private boolean deleted;

    private StagingArea(Path root, Path stagingParent, String buildId, OutputQuotas quotas, DurableFiles files,
            List<Path> created) {
        this.root = root;
        this.created = List.copyOf(created);
        this.stagingParent = stagingParent;
        this.buildId = buildId;
        this.quotas = quotas;
        this.writer = new StagingWriter(root, buildId, files);
        this.accounting = new StagingAccounting(buildId, quotas);
    }

    /**
     * Opens the staging area of a build, creating {@code outputRoot}, {@code .staging} and {@code <buildId>} as
     * needed. Files already staged (a resumed build) are kept and counted; temporary files of writes a crash
     * interrupted are deleted. The output directory (and its parents) that this call created are removed again by
     * {@link #delete()} when they are empty then, so that a build that published nothing leaves no empty output
     * directory behind; one that existed before is never removed.
     *
     * @param outputRoot the output directory; created if missing
     * @param buildId    the build's id: 1-128 letters, digits, {@code .}, {@code _} or {@code -}, starting with a
     *                   letter or digit
     * @param quotas     the limits of this build
     * @return the staging area
     * @throws IllegalArgumentException when {@code buildId} is not a safe directory name
     * @throws UnsafePathException      when {@code .staging} or the build's directory is a symbolic link or holds
     *                                  one
     * @throws FactoryException         when a directory cannot be created or read
     */
    public static StagingArea open(Path outputRoot, String buildId, OutputQuotas quotas) {
        return open(outputRoot, buildId, quotas, DurableFiles.SYSTEM);
    }

    /** As {@link #open(Path, String, OutputQuotas)}; tests inject the disk to count forces. */
    static StagingArea open(Path outputRoot, String buildId, OutputQuotas quotas, DurableFiles files) {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(outputRoot, "outputRoot");
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(quotas, "quotas");
        if (!BUILD_ID.matcher(buildId).matches()) {
            throw new IllegalArgumentException("buildId must be 1-128 letters, digits, '.', '_' or '-' starting with a "
                    + "letter or digit but was '" + buildId + "'");
        }
        Path realOutput;
        List<Path> created = missingDirectories(outputRoot);
        try {
            files.createDirectories(outputRoot);
            realOutput = outputRoot.toRealPath();
        } catch (IOException e) {
            throw new FactoryException("Could not create the output directory '" + outputRoot + "': " + e
                    + "; choose a writable output directory", e, ErrorContext.ofBuild(buildId),
                    List.of("choose a writable output directory"));
        }
        Path parent = StagingWriter.createConfinedDirectory(realOutput, realOutput.resolve(STAGING_DIRECTORY), buildId,
                files);
        Path root = StagingWriter.createConfinedDirectory(realOutput, parent.resolve(buildId), buildId, files);
        StagingArea area = new StagingArea(root, parent, buildId, quotas, files, created);
        area.rescan();
        LOG.debug("[build {}] staging area open at {} with {} file(s), {} byte(s)", buildId, root,
                area.accounting.fileCount(), area.accounting.totalBytes());
        return area;
    }

    /** @return the staging area's directory (a real path: no link in it) */
    public Path root() {
        return root;
    }

    /** @return the build this staging area belongs to */
    public String buildId() {
        return buildId;
    }

    /** @return the limits this staging area enforces */
    public OutputQuotas quotas() {
        return quotas;
    }

    /**
     * Writes one file, confined to {@link #root()}. The path is {@linkplain SafePaths#normalize normalized}; each
     * parent directory is created one level at a time and checked to be a real directory inside the root (never a
     * link); the content goes to a temporary file in the same directory, is forced to disk, and is moved into place
     * atomically where the file system supports it. A link at the final name is refused, never followed. Writing a
     * path again replaces its content (a retried task re-writes its files).
     *
     * @param relativePath the generated path, {@code /}-separated
     * @param content      the bytes
     * @return the content's SHA-256, lower-case hex
     * @throws UnsafePathException       when the path is refused, a directory on the way is a link, lies outside
     *                                   the root or is a file, the final name is a link or a directory, or the path
     *                                   differs only in case from one already staged, or is one already staged
     *                                   spelled in another Unicode form (NFC and NFD)
     * @throws OutputValidationException when a quota would be exceeded (file count, total bytes, file size, depth)
     * @throws FactoryException          when the file system fails (the cause is the {@link IOException})
     * @throws IllegalStateException     after {@link #delete()}
     */
    public String write(String relativePath, byte[] content) {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(content, "content");
        String spelled = SafePaths.normalizeSpelling(relativePath);
        String path = SafePaths.normalize(relativePath);
        String[] segments = path.split("/");
        if (segments[segments.length - 1].startsWith(TEMP_PREFIX)) {
            throw new UnsafePathException(relativePath, "names starting with '" + TEMP_PREFIX
                    + "' are reserved for the staging area's temporary files; rename the file");
        }
        accounting.checkFile(path, segments.length, content.length);
        String sha256 = Sha256.hex(content);
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            synchronized (pathLocks.computeIfAbsent(path, p -> new Object())) {
                FileInfo previous = accounting.reserve(relativePath, spelled, path, content.length);
                boolean committed = false;
                try {
                    writer.write(relativePath, segments, content);
                    accounting.commit(new FileInfo(path, content.length, sha256));
                    committed = true;
                } finally {
                    if (!committed) {
                        accounting.release(path, content.length, previous);
                    }
                }
            }
        } finally {
            lifecycle.readLock().unlock();
        }
        LOG.debug("[build {}] staged {} ({} bytes, sha256 {})", buildId, path, content.length, sha256);
        return sha256;
    }

    /**
     * @return every staged file by normalized path, sorted; writes still in progress are not included. The map is
     *         a snapshot and cannot be modified.
     */
    public SortedMap<String, FileInfo> files() {
        return accounting.snapshot();
    }

    /**
     * A staged file. Immutable and thread-safe; no component is null.
     *
     * @param path   the normalized relative path
     * @param size   its size in bytes
     * @param sha256 its SHA-256, lower-case hex
     */
    public record FileInfo(String path, long size, String sha256) {
        /** @throws NullPointerException if a component is null */
        public FileInfo {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * Removes everything staged (rollback of a failed phase, or before a fallback backend starts), leaving an empty
     * root.
     *
     * @throws FactoryException      when something cannot be deleted; what was deleted stays deleted and the
     *                               counts reflect what is left
     * @throws IllegalStateException after {@link #delete()}
     */
    public void clear() {
        lifecycle.writeLock().lock();
        try {
            ensureOpen();
            try {
                ProjectFiles.deleteTree(root, false);
            } catch (IOException e) {
                FactoryException failure = writer.ioFailure("Could not clear the staging area '" + root + "'", e);
                rescanAfterFailure(failure);
                throw failure;
            }
            accounting.reset();
            pathLocks.clear();
            LOG.debug("[build {}] staging area cleared", buildId);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /**
     * Removes the given staged files (rollback of part of a phase) and the directories that become empty. A path that
     * is not staged is skipped. Every path is checked before anything is deleted.
     *
     * @param relativePaths generated paths, as given to {@link #write}
     * @throws UnsafePathException   when a path is refused by {@link SafePaths#normalize}; nothing is removed
     * @throws FactoryException      when a file cannot be deleted; files deleted before stay deleted
     * @throws IllegalStateException after {@link #delete()}
     */
    public void remove(Collection<String> relativePaths) {
        Objects.requireNonNull(relativePaths, "relativePaths");
        List<String> paths = new ArrayList<>(relativePaths.size());
        for (String relativePath : relativePaths) {
            paths.add(SafePaths.normalize(Objects.requireNonNull(relativePath, "relativePaths contains null")));
        }
        lifecycle.writeLock().lock();
        try {
            ensureOpen();
            for (String path : paths) {
                FileInfo info = accounting.get(path);
                if (info == null) {
                    LOG.debug("[build {}] {} is not staged; nothing to remove", buildId, path);
                    continue;
                }
                Path file = SafePaths.resolve(root, path);
                try {
                    Files.deleteIfExists(file);
                    writer.deleteEmptyParents(file);
                } catch (IOException e) {
                    FactoryException failure = writer.ioFailure("Could not remove staged file '" + path + "'", e);
                    rescanAfterFailure(failure);
                    throw failure;
                }
                accounting.removed(info);
                LOG.debug("[build {}] removed staged {}", buildId, path);
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /**
     * Deletes the staging directory itself (after publishing, when the root has already been moved away, or when a
     * failed build gives up), and {@code .staging} too when no other build uses it; then the output directory, when
     * {@link #open} created it and it is now empty (a build that published nothing), and the parents {@code open}
     * created with it while they are empty. Deleting twice does nothing.
     *
     * @throws FactoryException when something cannot be deleted
     */
    public void delete() {
        lifecycle.writeLock().lock();
        try {
            if (deleted) {
                return;
            }
            try {
                if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                    ProjectFiles.deleteTree(root, true);
                }
                if (StagingWriter.deleteIfEmpty(stagingParent)
                        || !Files.exists(stagingParent, LinkOption.NOFOLLOW_LINKS)) {
                    deleteCreatedIfEmpty();
                }
            } catch (IOException e) {
                throw writer.ioFailure("Could not delete the staging area '" + root + "'", e);
            }
            accounting.reset();
            pathLocks.clear();
            deleted = true;
            LOG.debug("[build {}] staging area deleted", buildId);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "StagingArea[" + root + ", " + accounting.fileCount() + " file(s), " + accounting.totalBytes()
                + " byte(s)]";
    }

    /**
     * @param outputRoot the output directory
     * @return it and its parents that do not exist yet, deepest first (empty when it exists)
     */
    private static List<Path> missingDirectories(Path outputRoot) {
        List<Path> missing = new ArrayList<>();
        for (Path dir = outputRoot.toAbsolutePath().normalize(); dir != null
                && !Files.exists(dir, LinkOption.NOFOLLOW_LINKS); dir = dir.getParent()) {
            missing.add(dir);
        }
        return missing;
    }

    /** Removes the directories {@link #open} created, deepest first, while they are empty. */
    private void deleteCreatedIfEmpty() throws IOException {
        for (Path dir : created) {
            if (!StagingWriter.deleteIfEmpty(dir)) {
                return;
            }
            LOG.debug("[build {}] removed the empty directory {}, which the build had created", buildId, dir);
        }
    }

    /** Recounts the staged files from disk; deletes temporary files of interrupted writes. */
    private void rescan() {
        try {
            accounting.recount(StagingScan.scan(root, buildId));
        } catch (IOException e) {
            throw writer.ioFailure("Could not read the staging area '" + root + "'", e);
        }
    }

    private void rescanAfterFailure(FactoryException failure) {
        try {
            rescan();
        } catch (RuntimeException rescanFailure) {
            failure.addSuppressed(rescanFailure);
        }
    }

    private void ensureOpen() {
        if (deleted) {
            throw new IllegalStateException("the staging area of build " + buildId + " at '" + root
                    + "' was deleted; open a new one with StagingArea.open");
        }
    }
}

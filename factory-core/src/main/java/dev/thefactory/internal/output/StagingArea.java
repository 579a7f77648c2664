package dev.thefactory.internal.output;

import dev.thefactory.api.FactoryException;
import dev.thefactory.api.FactoryException.ErrorContext;
import dev.thefactory.api.OutputValidationException;
import dev.thefactory.api.UnsafePathException;
import dev.thefactory.internal.util.DurableFiles;
import dev.thefactory.internal.util.Sha256;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    /**
     * Suffix of a build's work directory, {@code .staging/<buildId>.work/}, beside its staging area: where the Java
     * sources are compiled and the generated tests run, in throw-away copies.
     */
    public static final String WORK_SUFFIX = ".work";
    /** Suffix of the file a running build holds locked while its work directory is in use. */
    static final String OWNER_SUFFIX = ".work.owner";
    /**
     * Suffix of the file, {@code .staging/<buildId>.created}, in which a build that created its output directory
     * remembers how many levels it created (the directory and its parents), so that a resume that publishes nothing
     * removes them as the build itself would have.
     */
    static final String CREATED_SUFFIX = ".created";
    /** Prefix of the temporary files of writes in progress; generated names may not start with it. */
    static final String TEMP_PREFIX = DurableFiles.TEMP_PREFIX;

    private static final Logger LOG = LoggerFactory.getLogger(StagingArea.class);
    /**
     * The owner files of the work directories this JVM holds; guarded by itself. Never opened again while held: on
     * POSIX systems closing any descriptor of a file releases every lock the process holds on it.
     */
    private static final java.util.Set<Path> HELD_WORK = new java.util.HashSet<>();
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
    /** Guards the work directory's fields. */
    private final Object workGuard = new Object();
    /** The work directory while this build holds it, or null. */
    private Path work;
    /** The channel holding the lock of the work directory's owner file, or null. */
    private FileChannel workOwner;

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
     * directory behind; one that existed before is never removed. Opening the staging area of a build again (a
     * resume) removes in the same way the directories the build created when it first opened it.
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
        sweepWork(parent, buildId);
        created = rememberCreated(parent, buildId, outputRoot, created);
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
            releaseWork();
            try {
                if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                    ProjectFiles.deleteTree(root, true);
                }
                Files.deleteIfExists(createdMarker(stagingParent, buildId));
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

    /**
     * The build's work directory, {@code .staging/<buildId>.work/}: made on first use, held by this build (a lock on
     * {@code .staging/<buildId>.work.owner}, which the operating system releases when the process dies) until
     * {@link #releaseWork()} or {@link #delete()} removes it. Temporary directories made there are therefore never
     * left behind for good: when the process is killed, the next build that opens a staging area in the same output
     * directory (a resume of this build, or any other) finds the lock free and removes the directory.
     *
     * @return the work directory, or null when it cannot be made or is held elsewhere (the caller then uses
     *         {@code java.io.tmpdir}, as before)
     */
    public Path workDirectory() {
        synchronized (workGuard) {
            if (work == null && !deleted) {
                work = claimWork();
            }
            return work;
        }
    }

    /**
     * Removes the build's work directory and releases its lock; called after each validation, and when the build ends
     * however it ends (an interrupted build keeps its staging area, not its work directory). Does nothing when there is
     * none; a failure is logged, never thrown (the next build removes what is left). A later
     * {@link #workDirectory()} makes it afresh.
     */
    public void releaseWork() {
        synchronized (workGuard) {
            if (workOwner == null) {
                return;
            }
            Path ownerFile = stagingParent.resolve(buildId + OWNER_SUFFIX);
            try {
                ProjectFiles.deleteTree(work, true);
            } catch (IOException | RuntimeException e) {
                LOG.warn("[build {}] could not remove its work directory {}; the next build removes it", buildId,
                        work, e);
            }
            boolean interrupted = Thread.interrupted();
            try {
                Files.deleteIfExists(ownerFile); // while still locked: a sweeper never locks a file about to go
                workOwner.close();
            } catch (IOException e) {
                LOG.warn("[build {}] could not remove {}; the next build removes it", buildId, ownerFile, e);
            } finally {
                unregister(ownerFile);
                restoreInterrupt(interrupted);
            }
            workOwner = null;
            work = null;
        }
    }

    /** Takes the lock of this build's work directory and makes the directory afresh; null when it cannot. */
    private Path claimWork() {
        Path ownerFile = stagingParent.resolve(buildId + OWNER_SUFFIX);
        Path dir = stagingParent.resolve(buildId + WORK_SUFFIX);
        boolean interrupted = Thread.interrupted(); // a file channel closes on an interrupt; it is kept for the build
        FileChannel channel = null;
        synchronized (HELD_WORK) {
            if (!HELD_WORK.add(ownerFile)) {
                restoreInterrupt(interrupted);
                return null; // held by another staging area of this build in this JVM, which the build lock forbids
            }
        }
        try {
            channel = FileChannel.open(ownerFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (tryLock(channel) == null || !Files.exists(ownerFile, LinkOption.NOFOLLOW_LINKS)) {
                // held by a build sweeping it away at this very moment: this build uses java.io.tmpdir instead
                LOG.debug("[build {}] its work directory {} is held elsewhere; using java.io.tmpdir", buildId, dir);
                channel.close();
                unregister(ownerFile);
                return null;
            }
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                ProjectFiles.deleteTree(dir, true); // left by a run of this build that was killed
            }
            Files.createDirectory(dir);
            workOwner = channel;
            return dir;
        } catch (IOException | RuntimeException e) {
            LOG.warn("[build {}] could not make its work directory {} ({}); using java.io.tmpdir", buildId, dir,
                    e.toString());
            closeQuietly(channel);
            unregister(ownerFile);
            return null;
        } finally {
            restoreInterrupt(interrupted);
        }
    }

    private static void unregister(Path ownerFile) {
        synchronized (HELD_WORK) {
            HELD_WORK.remove(ownerFile);
        }
    }

    private static void restoreInterrupt(boolean interrupted) {
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Removes the work directories that no running build holds: those of builds that were killed (their process died,
     * and the operating system released their lock). Never fails the opening build: what cannot be removed is logged.
     */
    private static void sweepWork(Path stagingParent, String buildId) {
        List<Path> entries;
        try (java.util.stream.Stream<Path> list = Files.list(stagingParent)) {
            entries = list.toList();
        } catch (IOException e) {
            LOG.warn("[build {}] could not list {} for work directories left by killed builds", buildId,
                    stagingParent, e);
            return;
        }
        boolean interrupted = Thread.interrupted();
        try {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.endsWith(WORK_SUFFIX) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    Path ownerFile = stagingParent.resolve(name.substring(0, name.length() - WORK_SUFFIX.length())
                            + OWNER_SUFFIX);
                    boolean held;
                    synchronized (HELD_WORK) {
                        held = HELD_WORK.contains(ownerFile);
                    }
                    if (!held && !Files.exists(ownerFile, LinkOption.NOFOLLOW_LINKS)) {
                        // a build makes its owner file before its work directory and removes it after: no owner, no
                        // build using it
                        removeLeftover(entry, buildId);
                    }
                } else if (name.endsWith(OWNER_SUFFIX) && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    sweepOwned(entry, stagingParent.resolve(name.substring(0, name.length() - OWNER_SUFFIX.length())
                            + WORK_SUFFIX), buildId);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Removes the work directory of {@code ownerFile} when no build holds its lock. */
    private static void sweepOwned(Path ownerFile, Path dir, String buildId) {
        synchronized (HELD_WORK) {
            if (HELD_WORK.contains(ownerFile)) {
                return; // a build of this JVM is running
            }
        }
        try (FileChannel channel = FileChannel.open(ownerFile, StandardOpenOption.WRITE)) {
            if (tryLock(channel) == null) {
                return; // a running build, in another process or in this one
            }
            removeLeftover(dir, buildId);
            Files.deleteIfExists(ownerFile);
        } catch (IOException e) {
            LOG.warn("[build {}] could not check or remove the work directory {} of a killed build", buildId, dir, e);
        }
    }

    private static void removeLeftover(Path dir, String buildId) {
        try {
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                ProjectFiles.deleteTree(dir, true);
                LOG.info("[build {}] removed the work directory {}, left by a build that was killed", buildId, dir);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("[build {}] could not remove the work directory {} left by a killed build", buildId, dir, e);
        }
    }

    /** @return the lock, or null when another process holds it or this process holds it through another channel */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("could not close {}", channel, e);
            }
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

    /** @return the file in which build {@code buildId} remembers the directories it created */
    private static Path createdMarker(Path stagingParent, String buildId) {
        return stagingParent.resolve(buildId + CREATED_SUFFIX);
    }

    /**
     * Remembers, for a resume, the directories this opening created; or, when it created none, reads those the
     * build created when it first opened its staging area here (the output directory and as many of its parents).
     * Losing the note costs only an empty directory left behind, so a failure to write or read it is logged.
     *
     * @param stagingParent the {@code .staging} directory
     * @param buildId       the build
     * @param outputRoot    the output directory
     * @param created       the directories this opening created, deepest first
     * @return the directories {@link #delete()} removes when they are empty, deepest first
     */
    private static List<Path> rememberCreated(Path stagingParent, String buildId, Path outputRoot,
            List<Path> created) {
        Path marker = createdMarker(stagingParent, buildId);
        if (!created.isEmpty()) {
            try {
                Files.writeString(marker, Integer.toString(created.size()), java.nio.charset.StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                LOG.warn("[build {}] could not note in {} that the build created {}; a resume that publishes nothing"
                        + " will leave it behind", buildId, marker, created.get(0), e);
            }
            return created;
        }
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return created;
        }
        int levels;
        try {
            levels = Integer.parseInt(Files.readString(marker, java.nio.charset.StandardCharsets.UTF_8).trim());
        } catch (IOException | NumberFormatException e) {
            LOG.warn("[build {}] could not read {}; the output directory will be kept", buildId, marker, e);
            return created;
        }
        List<Path> remembered = new ArrayList<>();
        Path dir = outputRoot.toAbsolutePath().normalize();
        for (int i = 0; i < levels && dir != null && dir.getParent() != null; i++) {
            remembered.add(dir);
            dir = dir.getParent();
        }
        return remembered;
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

package dev.thefactory.internal.output;

import dev.thefactory.api.FactoryException;
import dev.thefactory.api.FactoryException.ErrorContext;
import dev.thefactory.api.OutputValidationException;
import dev.thefactory.api.UnsafePathException;
import dev.thefactory.internal.util.DurableFiles;
import dev.thefactory.internal.util.Sha256;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
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
    private final DurableFiles files;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Map<String, Object> pathLocks = new ConcurrentHashMap<>();

    /** Guards the fields below it. */
    private final Object accounting = new Object();
    private final TreeMap<String, FileInfo> staged = new TreeMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private final Map<String, String> caseIndex = new HashMap<>();
    /** The Unicode spelling each staged path was written with; absent for files found on disk when opened. */
    private final Map<String, String> spellings = new HashMap<>();
    private int fileCount;
    private long totalBytes;
    private boolean deleted;

    private StagingArea(Path root, Path stagingParent, String buildId, OutputQuotas quotas, DurableFiles files) {
        this.root = root;
        this.stagingParent = stagingParent;
        this.buildId = buildId;
        this.quotas = quotas;
        this.files = files;
    }

    /**
     * Opens the staging area of a build, creating {@code outputRoot}, {@code .staging} and {@code <buildId>} as
     * needed. Files already staged (a resumed build) are kept and counted; temporary files of writes a crash
     * interrupted are deleted.
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
        try {
            files.createDirectories(outputRoot);
            realOutput = outputRoot.toRealPath();
        } catch (IOException e) {
            throw new FactoryException("Could not create the output directory '" + outputRoot + "': " + e
                    + "; choose a writable output directory", e, ErrorContext.ofBuild(buildId),
                    List.of("choose a writable output directory"));
        }
        Path parent = createConfinedDirectory(realOutput, realOutput.resolve(STAGING_DIRECTORY), buildId, files);
        Path root = createConfinedDirectory(realOutput, parent.resolve(buildId), buildId, files);
        StagingArea area = new StagingArea(root, parent, buildId, quotas, files);
        area.rescan();
        LOG.debug("[build {}] staging area open at {} with {} file(s), {} byte(s)", buildId, root, area.fileCount,
                area.totalBytes);
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
        if (segments.length > quotas.maxDepth()) {
            throw quotaExceeded(path + ": " + segments.length + " path segments exceed maxDepth " + quotas.maxDepth()
                    + "; flatten the layout or raise OutputQuotas.maxDepth");
        }
        if (content.length > quotas.maxFileBytes()) {
            throw quotaExceeded(path + ": " + content.length + " bytes exceed maxFileBytes " + quotas.maxFileBytes()
                    + "; split the file or raise OutputQuotas.maxFileBytes");
        }
        String sha256 = Sha256.hex(content);
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            synchronized (pathLocks.computeIfAbsent(path, p -> new Object())) {
                FileInfo previous = reserve(relativePath, spelled, path, content.length);
                boolean committed = false;
                try {
                    Path target = prepareParents(relativePath, segments);
                    writeAtomically(relativePath, target, content);
                    commit(new FileInfo(path, content.length, sha256));
                    committed = true;
                } finally {
                    if (!committed) {
                        release(path, content.length, previous);
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
        synchronized (accounting) {
            return Collections.unmodifiableSortedMap(new TreeMap<>(staged));
        }
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
                FactoryException failure = ioFailure("Could not clear the staging area '" + root + "'", e);
                rescanAfterFailure(failure);
                throw failure;
            }
            resetAccounting();
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
                FileInfo info;
                synchronized (accounting) {
                    info = staged.get(path);
                }
                if (info == null) {
                    LOG.debug("[build {}] {} is not staged; nothing to remove", buildId, path);
                    continue;
                }
                Path file = SafePaths.resolve(root, path);
                try {
                    Files.deleteIfExists(file);
                    deleteEmptyParents(file);
                } catch (IOException e) {
                    FactoryException failure = ioFailure("Could not remove staged file '" + path + "'", e);
                    rescanAfterFailure(failure);
                    throw failure;
                }
                synchronized (accounting) {
                    staged.remove(path);
                    spellings.remove(path);
                    fileCount--;
                    totalBytes -= info.size();
                    rebuildCaseIndex();
                }
                LOG.debug("[build {}] removed staged {}", buildId, path);
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /**
     * Deletes the staging directory itself (after publishing, when the root has already been moved away, or when a
     * failed build gives up), and {@code .staging} too when no other build uses it. Deleting twice does nothing.
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
                deleteIfEmpty(stagingParent);
            } catch (IOException e) {
                throw ioFailure("Could not delete the staging area '" + root + "'", e);
            }
            resetAccounting();
            pathLocks.clear();
            deleted = true;
            LOG.debug("[build {}] staging area deleted", buildId);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        synchronized (accounting) {
            return "StagingArea[" + root + ", " + fileCount + " file(s), " + totalBytes + " byte(s)]";
        }
    }

    private FileInfo reserve(String relativePath, String spelled, String path, int size) {
        synchronized (accounting) {
            FileInfo previous = staged.get(path);
            String known = spellings.get(path);
            if (known != null && !known.equals(spelled)) {
                throw new UnsafePathException(relativePath, "it is the same name as the staged '" + known
                        + "' in another Unicode form (NFC and NFD spellings are one file on macOS); generate one "
                        + "spelling of each name");
            }
            checkCase(relativePath, path);
            int files = fileCount + (previous == null ? 1 : 0);
            long total = totalBytes - (previous == null ? 0 : previous.size()) + size;
            if (files > quotas.maxFiles()) {
                throw quotaExceeded(path + ": staging it would make " + files + " files, more than maxFiles "
                        + quotas.maxFiles() + "; generate fewer files or raise OutputQuotas.maxFiles");
            }
            if (total > quotas.maxTotalBytes()) {
                throw quotaExceeded(path + ": staging its " + size + " bytes would make " + total
                        + " bytes in all, more than maxTotalBytes " + quotas.maxTotalBytes()
                        + "; generate less or raise OutputQuotas.maxTotalBytes");
            }
            fileCount = files;
            totalBytes = total;
            spellings.putIfAbsent(path, spelled);
            inFlight.add(path);
            indexCase(path);
            return previous;
        }
    }

    private void commit(FileInfo info) {
        synchronized (accounting) {
            inFlight.remove(info.path());
            staged.put(info.path(), info);
        }
    }

    private void release(String path, int size, FileInfo previous) {
        synchronized (accounting) {
            inFlight.remove(path);
            totalBytes = totalBytes - size + (previous == null ? 0 : previous.size());
            if (previous == null) {
                fileCount--;
                spellings.remove(path);
            }
            rebuildCaseIndex();
        }
    }

    /** Refuses a path equal, ignoring case, to a different staged path or directory: it breaks on macOS/Windows. */
    private void checkCase(String relativePath, String path) {
        String prefix = "";
        for (String segment : path.split("/")) {
            prefix = prefix.isEmpty() ? segment : prefix + "/" + segment;
            String known = caseIndex.get(prefix.toLowerCase(Locale.ROOT));
            if (known != null && !known.equals(prefix)) {
                throw new UnsafePathException(relativePath, "'" + prefix + "' differs only in case from the staged '"
                        + known + "', which is the same file on case-insensitive file systems; use one spelling");
            }
        }
    }

    private void indexCase(String path) {
        String prefix = "";
        for (String segment : path.split("/")) {
            prefix = prefix.isEmpty() ? segment : prefix + "/" + segment;
            caseIndex.putIfAbsent(prefix.toLowerCase(Locale.ROOT), prefix);
        }
    }

    private void rebuildCaseIndex() {
        caseIndex.clear();
        staged.keySet().forEach(this::indexCase);
        inFlight.forEach(this::indexCase);
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
                throw ioFailure("Could not create the directory '" + root.relativize(dir) + "' for '" + relativePath + "'", e);
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

    private void writeAtomically(String relativePath, Path target, byte[] content) {
        checkTarget(relativePath, target);
        try {
            files.write(target, content);
        } catch (IOException e) {
            throw ioFailure("Could not write staged file '" + relativePath + "'", e);
        }
    }

    private void deleteEmptyParents(Path file) throws IOException {
        for (Path dir = file.getParent(); dir != null && !dir.equals(root) && dir.startsWith(root); dir = dir.getParent()) {
            if (!deleteIfEmpty(dir)) {
                return;
            }
        }
    }

    private static boolean deleteIfEmpty(Path dir) throws IOException {
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

    /** Recounts the staged files from disk; deletes temporary files of interrupted writes. */
    private void rescan() {
        Map<String, FileInfo> found = new TreeMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root)) {
                        SafePaths.normalize(relative(dir));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String path = relative(file);
                    if (!attrs.isRegularFile()) {
                        throw new UnsafePathException(path, "the staging area '" + root + "' holds a symbolic link or "
                                + "special file there; delete the staging area and run the build again");
                    }
                    if (file.getFileName().toString().startsWith(TEMP_PREFIX)) {
                        LOG.info("[build {}] deleting {}, left by an interrupted write", buildId, path);
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }
                    String normalized = SafePaths.normalize(path);
                    found.put(normalized, new FileInfo(normalized, attrs.size(), Sha256.hex(file)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw ioFailure("Could not read the staging area '" + root + "'", e);
        }
        synchronized (accounting) {
            staged.clear();
            staged.putAll(found);
            spellings.keySet().retainAll(found.keySet());
            inFlight.clear();
            fileCount = staged.size();
            totalBytes = staged.values().stream().mapToLong(FileInfo::size).sum();
            rebuildCaseIndex();
        }
    }

    private void rescanAfterFailure(FactoryException failure) {
        try {
            rescan();
        } catch (RuntimeException rescanFailure) {
            failure.addSuppressed(rescanFailure);
        }
    }

    private void resetAccounting() {
        synchronized (accounting) {
            staged.clear();
            inFlight.clear();
            caseIndex.clear();
            spellings.clear();
            fileCount = 0;
            totalBytes = 0;
        }
    }

    private String relative(Path path) {
        return root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    }

    private void ensureOpen() {
        if (deleted) {
            throw new IllegalStateException("the staging area of build " + buildId + " at '" + root
                    + "' was deleted; open a new one with StagingArea.open");
        }
    }

    private OutputValidationException quotaExceeded(String problem) {
        return new OutputValidationException(List.of(problem), ErrorContext.ofBuild(buildId));
    }

    private FactoryException ioFailure(String what, IOException e) {
        return new FactoryException(what + ": " + e + "; check free disk space and the permissions of '" + root + "'",
                e, ErrorContext.ofBuild(buildId),
                List.of("free disk space or fix the permissions of '" + root + "', then resume the build"));
    }

    private static Path createConfinedDirectory(Path realOutput, Path dir, String buildId, DurableFiles files) {
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

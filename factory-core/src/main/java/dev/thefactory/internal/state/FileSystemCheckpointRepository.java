package dev.thefactory.internal.state;

import dev.thefactory.api.CheckpointException;
import dev.thefactory.api.FactoryException.ErrorContext;
import dev.thefactory.internal.state.BuildLog.ReadSnapshot;
import dev.thefactory.internal.state.LogScanner.LogScan;
import dev.thefactory.internal.state.SegmentFiles.Segment;
import dev.thefactory.internal.util.DurableFiles;
import dev.thefactory.spi.BuildLock;
import dev.thefactory.spi.Checkpoint;
import dev.thefactory.spi.CheckpointRepository;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable {@link CheckpointRepository} on the local file system: one directory per build under a root directory,
 * holding append-only log segments of framed records (see {@link CheckpointRecordFormat} and
 * {@code docs/checkpoints.md}).
 *
 * <p><strong>Durability.</strong> {@link #save} appends one record and forces it with
 * {@code FileChannel.force(false)} before it returns; a new segment's directory entry is forced too. So a saved
 * checkpoint survives a crash of the process and of the machine, provided the disk honours flushes. A save costs one
 * small append and one force however many checkpoints the build already has. Saves of one build are serialized, each
 * with its own force (the engine saves a build's checkpoints from one thread, so there are no concurrent saves whose
 * forces could be shared).
 *
 * <p><strong>Damage.</strong> Reads verify every record (magic, version, length, CRC32C, JSON, build, increasing
 * sequence). A torn, truncated or corrupt record, and everything after it in its segment, is left out of
 * {@link #history} and {@link #latest}, logged at WARN once per place, and described by {@link #damage(String)}.
 * Earlier segments are never deleted, so damage in the newest segment falls back to the older ones. A cut exactly
 * between two records cannot be told from a log that ended there; the records before it are still good.
 *
 * <p><strong>Writers.</strong> One process writes a build at a time: callers hold the build's lock
 * ({@link #lock(String)}, a {@link BuildLockFile} underneath) while they save to it, and one instance of this class per root writes in a process.
 *
 * <p>Thread-safe. No argument may be null; build ids must be 1-128 letters, digits, {@code .}, {@code _} or
 * {@code -} and not {@code .} or {@code ..}, else {@link IllegalArgumentException}. Reads cost time proportional to
 * the build's log: they are meant for resuming, not for every step.
 */
public final class FileSystemCheckpointRepository implements CheckpointRepository {

    private static final Logger LOG = LoggerFactory.getLogger(FileSystemCheckpointRepository.class);

    private final Path root;
    private final DurableFiles files;
    private final ConcurrentMap<String, BuildLog> logs = new ConcurrentHashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /**
     * Creates a repository under {@code root}; the directory is created on the first save.
     *
     * @param root the state directory holding one directory per build
     * @throws NullPointerException     if {@code root} is null
     * @throws IllegalArgumentException if {@code root} exists and is not a directory
     */
    public FileSystemCheckpointRepository(Path root) {
        this(root, DurableFiles.SYSTEM);
    }

    /** For tests: segments are forced by {@code syncer}, everything else as on the real disk. */
    FileSystemCheckpointRepository(Path root, Syncer syncer) {
        this(root, new DurableFiles(syncer.onSystemDisk()));
    }

    /**
     * @param root  the state directory
     * @param files how segments and directories are made durable (tests count the forces)
     */
    FileSystemCheckpointRepository(Path root, DurableFiles files) {
        Objects.requireNonNull(root, "root");
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IllegalArgumentException("checkpoint directory must be a directory but " + root
                    + " is a file: pass a directory (it is created if missing)");
        }
        this.root = root.toAbsolutePath().normalize();
        this.files = Objects.requireNonNull(files, "files");
    }

    /** @return the absolute root directory */
    public Path root() {
        return root;
    }

    /**
     * Appends and forces one checkpoint; returns when it is durable.
     *
     * @throws IllegalArgumentException if the build id is not a safe name or the sequence is not greater than the
     *                                  build's latest (the message names both numbers)
     * @throws CheckpointException      when it cannot be written or forced (the message names the file and the fix)
     */
    @Override
    public void save(Checkpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        String buildId = BuildIds.requireValid(checkpoint.buildId());
        byte[] record = CheckpointRecordFormat.encode(checkpoint);
        logs.computeIfAbsent(buildId, id -> new BuildLog(id, root.resolve(id), files)).save(checkpoint, record);
        LOG.debug("Build {}: saved checkpoint {} ({} bytes, phase {}, task {})", buildId, checkpoint.sequence(),
                record.length, checkpoint.phase(), checkpoint.taskId());
    }

    /**
     * @throws IllegalArgumentException if the build id is not a safe name
     * @throws CheckpointException      when the build's files cannot be read
     */
    @Override
    public Optional<Checkpoint> latest(String buildId) {
        List<Checkpoint> good = read(buildId).good();
        return good.isEmpty() ? Optional.empty() : Optional.of(good.get(good.size() - 1));
    }

    /**
     * @throws IllegalArgumentException if the build id is not a safe name
     * @throws CheckpointException      when the build's files cannot be read
     */
    @Override
    public List<Checkpoint> history(String buildId) {
        return read(buildId).good();
    }

    /**
     * @throws IllegalArgumentException if the build id is not a safe name
     * @throws CheckpointException      when the build's files cannot be read
     */
    @Override
    public List<String> damage(String buildId) {
        return read(buildId).damage().stream().map(CheckpointDamage::describe).toList();
    }

    /**
     * Removes the build's segments and, unless a lock file is still in it, its directory.
     *
     * @throws IllegalArgumentException if the build id is not a safe name
     * @throws CheckpointException      when a file cannot be removed
     */
    @Override
    public void delete(String buildId) {
        BuildIds.requireValid(buildId);
        BuildLog open = logs.remove(buildId);
        BuildLog log = open != null ? open : new BuildLog(buildId, root.resolve(buildId), files);
        try {
            log.delete();
        } catch (IOException e) {
            throw new CheckpointException("Cannot delete the checkpoints of build " + buildId + " in "
                    + root.resolve(buildId) + ": " + e, e, ErrorContext.ofBuild(buildId),
                    List.of("check the permissions of " + root.resolve(buildId) + " and delete it by hand"));
        }
        LOG.debug("Build {}: deleted its checkpoints", buildId);
    }

    /**
     * Lists the builds with at least one segment, oldest first: ordered by the creation time of each build's first
     * good checkpoint (or, when it has none, its oldest segment's modification time), then by id.
     *
     * @throws CheckpointException when the root cannot be listed
     */
    @Override
    public List<String> buildIds() {
        record Entry(String id, Instant started) {
        }
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (Path child : children) {
                String id = child.getFileName().toString();
                if (!BuildIds.isValid(id) || !Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                LogScan first = LogScanner.scan(id, SegmentFiles.list(child), null, true);
                if (first.oldestSegmentModified() == null) {
                    continue; // no segment: a lock file only, or a deleted build
                }
                entries.add(new Entry(id, first.good().isEmpty()
                        ? first.oldestSegmentModified()
                        : first.good().get(0).createdAt()));
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new CheckpointException("Cannot list the builds in " + root + ": " + e, e, ErrorContext.NONE,
                    List.of("check that " + root + " is a readable directory"));
        }
        entries.sort(Comparator.comparing(Entry::started).thenComparing(Entry::id));
        return entries.stream().map(Entry::id).toList();
    }

    /**
     * Takes the single-writer lock of a build at once: an operating-system file lock on {@code <root>/<buildId>/lock},
     * exclusive across processes and within this JVM, released by the operating system when the holding process
     * ends however it ends. Closing the returned lock first releases the build's open segment file, then the file
     * lock, then removes the build's directory again when the build saved nothing (a fresh build refused before any
     * work leaves nothing behind).
     *
     * @throws IllegalArgumentException if the build id is not a safe name
     * @throws dev.thefactory.api.StateLockedException when another process, or another holder in this one, holds it
     * @throws CheckpointException when the lock file cannot be created or locked
     */
    @Override
    public Optional<BuildLock> lock(String buildId) {
        BuildLockFile file = lock(buildId, Duration.ZERO);
        return Optional.of(new Lease(file));
    }

    /**
     * Takes the lock file of a build in this repository's root, waiting for another holder; see
     * {@link BuildLockFile#acquire}. Closing it releases the file lock only (see {@link #lock(String)}).
     *
     * @param buildId the build
     * @param wait    how long to wait for another holder to release it
     * @return the held lock; close it when the build stops writing
     * @throws dev.thefactory.api.StateLockedException when another holder keeps it longer than {@code wait}
     */
    public BuildLockFile lock(String buildId, Duration wait) {
        return BuildLockFile.acquire(root, buildId, wait);
    }

    /** The lock {@link #lock(String)} hands out: it releases the build's log with the file lock. */
    private final class Lease implements BuildLock {
        private final BuildLockFile file;
        private final AtomicBoolean closed = new AtomicBoolean();

        Lease(BuildLockFile file) {
            this.file = file;
        }

        @Override
        public String buildId() {
            return file.buildId();
        }

        @Override
        public String holder() {
            return file.holder();
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                release(file.buildId());
            } finally {
                file.close();
                discardIfUnused(file.buildId());
            }
        }

        @Override
        public String toString() {
            return file.toString();
        }
    }

    /**
     * Releases the open segment files of every build (every saved checkpoint is durable already). The repository
     * stays usable: a later save reopens the build's log.
     */
    @Override
    public void close() {
        for (String buildId : List.copyOf(logs.keySet())) {
            release(buildId);
        }
    }

    /**
     * Releases the open segment file of one build (every saved checkpoint is durable already); closing the lock from
     * {@link #lock(String)} calls it when the build ends. A later save of the build reopens its log. Releasing a build
     * with nothing open does nothing. The caller must hold the build's lock, so that no save of it runs meanwhile.
     *
     * @param buildId the build
     * @throws IllegalArgumentException if the build id is not a safe name
     */
    public void release(String buildId) {
        BuildLog log = logs.remove(BuildIds.requireValid(buildId));
        if (log != null) {
            log.close();
            LOG.debug("Build {}: released its checkpoint log", buildId);
        }
    }

    /**
     * Removes what a build that never saved a checkpoint left in the root: its lock file and its then empty directory
     * (a fresh build refused before any work, say, by an output conflict). Does nothing when the build has any segment
     * or any other file. Call it after the build's lock was released.
     *
     * @param buildId the build
     * @return whether the build's directory was removed
     * @throws IllegalArgumentException if the build id is not a safe name
     */
    boolean discardIfUnused(String buildId) {
        Path directory = root.resolve(BuildIds.requireValid(buildId));
        try {
            if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS) || logs.containsKey(buildId)
                    || !SegmentFiles.list(directory).isEmpty()) {
                return false;
            }
            Files.deleteIfExists(directory.resolve(BuildLockFile.FILE_NAME));
            Files.delete(directory);
            LOG.debug("Build {}: saved no checkpoint; removed its lock file and directory", buildId);
            return true;
        } catch (IOException e) {
            // a directory that is not empty (someone put a file there) or cannot be removed is left as it is
            LOG.debug("Build {}: left its directory {} in place: {}", buildId, directory, e.toString());
            return false;
        }
    }

    @Override
    public String toString() {
        return "FileSystemCheckpointRepository[" + root + "]";
    }

    private LogScan read(String buildId) {
        BuildIds.requireValid(buildId);
        Path directory = root.resolve(buildId);
        try {
            BuildLog log = logs.get(buildId);
            ReadSnapshot snapshot = log != null ? log.readSnapshot() : new ReadSnapshot(SegmentFiles.list(directory), null);
            LogScan scan = LogScanner.scan(buildId, snapshot.segments(), snapshot.view(), false);
            for (CheckpointDamage damage : scan.damage()) {
                String description = damage.describe();
                if (reported.add(description)) {
                    LOG.warn("Build {}: {}", buildId, description);
                }
            }
            return scan;
        } catch (IOException e) {
            throw new CheckpointException("Cannot read the checkpoints of build " + buildId + " in " + directory + ": "
                    + e, e, ErrorContext.ofBuild(buildId),
                    List.of("check that " + directory + " and its segment-*.log files are readable",
                            "resume from another state directory that holds a copy of this build"));
        }
    }

    /**
     * @return the segment files of a build, oldest first (for tests and tools)
     * @throws IOException on listing
     */
    List<Path> segments(String buildId) throws IOException {
        return SegmentFiles.list(root.resolve(BuildIds.requireValid(buildId))).stream().map(Segment::path).toList();
    }
}

package dev.thefactory.internal.state;

import dev.thefactory.api.CheckpointException;
import dev.thefactory.api.FactoryException.ErrorContext;
import dev.thefactory.internal.state.LogScanner.LogScan;
import dev.thefactory.internal.state.LogScanner.Newest;
import dev.thefactory.internal.state.LogScanner.WriterView;
import dev.thefactory.internal.state.SegmentFiles.Segment;
import dev.thefactory.internal.util.DurableFiles;
import dev.thefactory.spi.Checkpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writing side of one build's checkpoint log.
 *
 * <p>{@link #save} checks the sequence, writes the framed record and forces the segment, all under one lock: when it
 * returns the record is durable, and a lone writer needs exactly one force per save. Saves of one build are not
 * concurrent in the engine (a build saves from its coordinating thread), so forces are not shared between saves.
 *
 * <p>A phase checkpoint starts a new segment when the current one holds records; a segment whose append or force
 * failed, or that was found damaged on disk, is never appended to again. Every new segment's directory entry is
 * forced. Thread-safe.
 */
final class BuildLog {

    private static final Logger LOG = LoggerFactory.getLogger(BuildLog.class);

    private final String buildId;
    private final Path directory;
    private final DurableFiles files;
    private final ReentrantLock lock = new ReentrantLock();

    // Everything below is guarded by lock.
    /** Whether the state below reflects the disk (false until the first save, and after close or delete). */
    private boolean open;
    private long lastSequence;
    private FileChannel channel;
    private Path segment;
    private int generation;
    private int segmentRecords;
    /** The current segment must not be appended to again (it failed or holds damage). */
    private boolean rollNeeded;
    /** Bytes of the current segment known to be durable: what a reader of it may trust while this log writes. */
    private long durableBytes;

    BuildLog(String buildId, Path directory, DurableFiles files) {
        this.buildId = buildId;
        this.directory = directory;
        this.files = files;
    }

    /**
     * Appends a record in sequence order and forces it; returns when it is durable. Not disturbed by a pending
     * interrupt of the calling thread (the interrupt stays pending).
     *
     * @param checkpoint the checkpoint
     * @param record     its encoded record
     * @throws IllegalArgumentException when the sequence does not increase
     * @throws CheckpointException      when the log cannot be opened, or the record cannot be written or forced (its
     *                                  sequence is used up then, and the next save starts a new segment)
     */
    void save(Checkpoint checkpoint, byte[] record) {
        lock.lock();
        try {
            openIfNeeded();
            if (checkpoint.sequence() <= lastSequence) {
                throw SequenceRule.notIncreasing(buildId, checkpoint.sequence(), lastSequence);
            }
            if (channel == null || rollNeeded || (checkpoint.taskId() == null && segmentRecords > 0)) {
                roll(checkpoint);
            }
            lastSequence = checkpoint.sequence(); // used up even if the write fails: it may be partly on disk
            write(checkpoint, record);
            segmentRecords++;
            try {
                force();
            } catch (IOException e) {
                rollNeeded = true;
                throw notDurable(checkpoint, e);
            }
            durableBytes += record.length;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forces the current segment. An interrupt of this thread during the force closes the channel
     * ({@link FileChannel} is interruptible); the bytes are in the file, so it is reopened and forced once more.
     */
    private void force() throws IOException {
        try {
            forceHoldingLock(channel);
        } catch (ClosedChannelException e) {
            channel = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            forceHoldingLock(channel);
        }
    }

    private void openIfNeeded() {
        if (open) {
            return;
        }
        try {
            files.createDirectories(directory);
            LogScan scan = LogScanner.scan(buildId, SegmentFiles.list(directory), null, false);
            for (CheckpointDamage damage : scan.damage()) {
                LOG.warn("Build {}: {} New checkpoints go to a new segment after it.", buildId, damage.describe());
            }
            lastSequence = scan.good().isEmpty() ? 0 : scan.good().get(scan.good().size() - 1).sequence();
            Newest newest = scan.newest();
            channel = null;
            segmentRecords = 0;
            durableBytes = 0;
            if (newest == null) {
                generation = 0;
                segment = null;
                rollNeeded = true;
            } else {
                generation = newest.generation();
                segment = newest.path();
                rollNeeded = !newest.clean();
                if (newest.clean()) {
                    channel = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                    // what a previous process appended may not have been forced before it died
                    forceHoldingLock(channel);
                    segmentRecords = newest.records();
                    durableBytes = newest.size();
                }
            }
            files.forceDirectory(directory);
            open = true;
        } catch (IOException e) {
            closeChannel();
            throw new CheckpointException("Cannot open the checkpoint log of build " + buildId + " in " + directory
                    + ": " + e, e, ErrorContext.ofBuild(buildId),
                    List.of("check that " + directory + " is a writable directory on a local disk with free space",
                            "use a checkpoint repository in another directory"));
        }
    }

    /** Leaves the current segment (forcing what it holds) and creates the next one. Called with the lock held. */
    private void roll(Checkpoint checkpoint) {
        closeChannel();
        Path next = directory.resolve(SegmentFiles.name(generation + 1));
        try {
            channel = FileChannel.open(next, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new CheckpointException("Cannot create checkpoint segment " + next + " for checkpoint "
                    + checkpoint.sequence() + " of build " + buildId + ": " + e
                    + (e instanceof java.nio.file.FileAlreadyExistsException
                            ? " (another writer is using this build: only one process may write a build at a time)"
                            : ""),
                    e, ErrorContext.ofBuild(buildId),
                    List.of("make sure no other process writes build " + buildId + " and that " + directory
                            + " is writable with free space, then resume"));
        }
        generation++;
        segment = next;
        segmentRecords = 0;
        durableBytes = 0;
        rollNeeded = false;
        try {
            files.forceDirectory(directory);
        } catch (IOException e) {
            rollNeeded = true;
            throw new CheckpointException("Created checkpoint segment " + next + " for checkpoint "
                    + checkpoint.sequence() + " of build " + buildId + " but could not force its directory: " + e
                    + "; the segment may be lost after a crash", e, ErrorContext.ofBuild(buildId),
                    List.of("check the disk holding " + directory + " (free space, I/O errors in the system log), "
                            + "then resume build " + buildId));
        }
    }

    private void forceHoldingLock(FileChannel target) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            files.force(target);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void write(Checkpoint checkpoint, byte[] record) {
        ByteBuffer buffer = ByteBuffer.wrap(record);
        boolean interrupted = Thread.interrupted();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            rollNeeded = true;
            throw new CheckpointException("Could not append checkpoint " + checkpoint.sequence() + " of build "
                    + buildId + " to " + segment + ": " + e + ". Its sequence is used up; a later checkpoint goes to"
                    + " a new segment", e, new ErrorContext(buildId, checkpoint.phase(), checkpoint.taskId(), null),
                    List.of("free disk space or fix the permissions of " + directory + ", then resume build "
                            + buildId + " from its latest good checkpoint",
                            "use a checkpoint repository in another directory"));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private CheckpointException notDurable(Checkpoint checkpoint, IOException cause) {
        return new CheckpointException("Checkpoint " + checkpoint.sequence() + " of build " + buildId
                + " was written to " + segment + " but could not be made durable: " + cause
                + ". It may be lost after a crash; the next checkpoint starts a new segment", cause,
                new ErrorContext(buildId, checkpoint.phase(), checkpoint.taskId(), null),
                List.of("check the disk holding " + directory + " (free space, I/O errors in the system log)",
                        "resume build " + buildId + " from its latest good checkpoint once the disk is healthy"));
    }

    /**
     * @return the segments to read and how far this writer's current segment is durable, taken together so a reader
     *         sees a prefix of what was saved
     * @throws IOException when the directory cannot be listed
     */
    ReadSnapshot readSnapshot() throws IOException {
        lock.lock();
        try {
            WriterView view = open && channel != null ? new WriterView(segment, durableBytes) : null;
            return new ReadSnapshot(SegmentFiles.list(directory), view);
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param segments the segments to read
     * @param view the writer's in-flight segment, or null
     */
    record ReadSnapshot(List<Segment> segments, WriterView view) {
    }

    /** Releases the segment's file handle (every saved record is durable already); a later save reopens the log. */
    void close() {
        lock.lock();
        try {
            release();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes the build's segments, newest first (so a concurrent reader sees a prefix), then the directory when
     * nothing else (such as a lock file) is in it.
     *
     * @throws IOException when a file cannot be removed
     */
    void delete() throws IOException {
        lock.lock();
        try {
            release();
            List<Segment> segments = new ArrayList<>(SegmentFiles.list(directory));
            if (segments.isEmpty() && !Files.isDirectory(directory)) {
                return;
            }
            java.util.Collections.reverse(segments);
            for (Segment s : segments) {
                Files.deleteIfExists(s.path());
            }
            files.forceDirectory(directory);
            try {
                Files.delete(directory);
                Path parent = directory.toAbsolutePath().getParent();
                if (parent != null) {
                    files.forceDirectory(parent);
                }
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                LOG.debug("Kept directory {} of deleted build {}: it still holds other files (such as its lock)",
                        directory, buildId);
            }
            lastSequence = 0;
        } finally {
            lock.unlock();
        }
    }

    private void release() {
        closeChannel();
        open = false;
    }

    private void closeChannel() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Could not close checkpoint segment {} of build {}", segment, buildId, e);
        } finally {
            channel = null;
        }
    }
}

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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writing side of one build's checkpoint log, with group commit.
 *
 * <p>{@link #append} checks the sequence and writes the framed record under a lock, in sequence order, and hands
 * out a ticket; {@link #awaitDurable} then blocks until a {@code force} covers the ticket. The first waiter becomes
 * the leader: it forces the segment with the lock released, covering every record appended so far, while the
 * others wait; records appended during that force are covered by the next leader's force. So {@code n} threads
 * saving at once need far fewer than {@code n} forces, and a lone thread needs exactly one per save.
 *
 * <p>A phase checkpoint starts a new segment when the current one holds records; a segment whose append or force
 * failed, or that was found damaged on disk, is never appended to again. Before a segment is left it is forced, and
 * every new segment's directory entry is forced. Thread-safe.
 */
final class BuildLog {

    private static final Logger LOG = LoggerFactory.getLogger(BuildLog.class);

    private final String buildId;
    private final Path directory;
    private final DurableFiles files;
    private final AtomicLong forces;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition settledChanged = lock.newCondition();

    // Everything below is guarded by lock.
    /** Whether the state below reflects the disk (false until the first append, and after close or delete). */
    private boolean open;
    private long lastSequence;
    private FileChannel channel;
    private Path segment;
    private int generation;
    private int segmentRecords;
    /** The current segment must not be appended to again (it failed or holds damage). */
    private boolean rollNeeded;
    /** Tickets handed out, and tickets whose fate (durable or failed) is known. Never reset. */
    private long appended;
    private long settled;
    private long appendedBytes;
    private long durableBytes;
    private boolean flushing;
    private final List<FailedRange> failures = new ArrayList<>();

    /** Tickets {@code from..to} were appended to {@code segment} but could not be made durable. */
    private record FailedRange(long from, long to, Path segment, IOException cause) {
        boolean contains(long ticket) {
            return ticket >= from && ticket <= to;
        }
    }

    BuildLog(String buildId, Path directory, DurableFiles files, AtomicLong forces) {
        this.buildId = buildId;
        this.directory = directory;
        this.files = files;
        this.forces = forces;
    }

    /**
     * Appends a record in sequence order; it is not yet durable.
     *
     * @param checkpoint the checkpoint
     * @param record     its encoded record
     * @return the ticket to pass to {@link #awaitDurable}
     * @throws IllegalArgumentException when the sequence does not increase
     * @throws CheckpointException      when the log cannot be opened or the record cannot be written
     */
    long append(Checkpoint checkpoint, byte[] record) {
        lock.lock();
        try {
            while (true) {
                openIfNeeded();
                if (checkpoint.sequence() <= lastSequence) {
                    throw SequenceRule.notIncreasing(buildId, checkpoint.sequence(), lastSequence);
                }
                boolean roll = channel == null || rollNeeded || (checkpoint.taskId() == null && segmentRecords > 0);
                if (roll && flushing) {
                    settledChanged.awaitUninterruptibly(); // a leader still forces the segment we would leave
                    continue;
                }
                if (roll) {
                    roll(checkpoint);
                }
                break;
            }
            lastSequence = checkpoint.sequence(); // used up even if the write fails: it may be partly on disk
            write(checkpoint, record);
            segmentRecords++;
            appendedBytes += record.length;
            return ++appended;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks until the ticket's record is durable, sharing a force with other waiters where possible. Not
     * interruptible: the record is already written, so the caller learns its fate (an interrupt is kept pending).
     *
     * @param ticket     from {@link #append}
     * @param checkpoint the checkpoint it stands for, for messages
     * @throws CheckpointException when the force failed
     */
    void awaitDurable(long ticket, Checkpoint checkpoint) {
        lock.lock();
        try {
            while (true) {
                for (FailedRange failure : failures) {
                    if (failure.contains(ticket)) {
                        throw notDurable(checkpoint, failure);
                    }
                }
                if (settled >= ticket) {
                    return;
                }
                if (flushing) {
                    settledChanged.awaitUninterruptibly();
                } else {
                    lead();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Called with the lock held; forces every record appended so far with the lock released. */
    private void lead() {
        flushing = true;
        long target = appended;
        long targetBytes = appendedBytes;
        FileChannel forced = channel;
        Path forcedSegment = segment;
        IOException error = null;
        lock.unlock();
        boolean interrupted = Thread.interrupted();
        try {
            files.force(forced);
            forces.incrementAndGet();
        } catch (IOException e) {
            error = e;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            lock.lock();
        }
        flushing = false;
        try {
            if (error == null) {
                settled = Math.max(settled, target);
                if (forced == channel) {
                    durableBytes = Math.max(durableBytes, targetBytes);
                }
            } else if (error instanceof ClosedChannelException && forced == channel) {
                // An interrupt closed the channel under us (FileChannel is interruptible). The bytes are in the
                // file; reopen it and let the next leader force again.
                LOG.debug("Checkpoint segment {} of build {} was closed by an interrupt; reopening it to force it",
                        forcedSegment, buildId, error);
                try {
                    channel = FileChannel.open(forcedSegment, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                } catch (IOException reopenFailure) {
                    reopenFailure.addSuppressed(error);
                    fail(forcedSegment, reopenFailure);
                }
            } else {
                fail(forcedSegment, error);
            }
        } finally {
            settledChanged.signalAll();
        }
    }

    /** Every unsettled ticket of the current segment failed; the segment is never appended to again. */
    private void fail(Path failedSegment, IOException cause) {
        LOG.error("Could not force checkpoint segment {} of build {}; its unsaved checkpoints are lost and the next"
                + " checkpoint starts a new segment", failedSegment, buildId, cause);
        if (settled < appended) {
            failures.add(new FailedRange(settled + 1, appended, failedSegment, cause));
        }
        settled = appended;
        rollNeeded = true;
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
            appendedBytes = 0;
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
                    appendedBytes = newest.size();
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
                            "pass another state directory (--state DIR)"));
        }
    }

    /** Leaves the current segment (forcing what it holds) and creates the next one. Called with the lock held. */
    private void roll(Checkpoint checkpoint) {
        if (channel != null) {
            settleCurrentSegment();
            closeChannel();
        }
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
        appendedBytes = 0;
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

    /** Forces what the current segment holds so every ticket is settled. Called with the lock held, not flushing. */
    private void settleCurrentSegment() {
        if (settled >= appended) {
            return;
        }
        try {
            if (!channel.isOpen()) { // closed by an interrupt during a write or force
                channel = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            }
            forceHoldingLock(channel);
            settled = appended;
            durableBytes = appendedBytes;
        } catch (IOException e) {
            fail(segment, e);
        } finally {
            settledChanged.signalAll();
        }
    }

    private void forceHoldingLock(FileChannel target) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            files.force(target);
            forces.incrementAndGet();
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
                            "pass another state directory (--state DIR)"));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private CheckpointException notDurable(Checkpoint checkpoint, FailedRange failure) {
        return new CheckpointException("Checkpoint " + checkpoint.sequence() + " of build " + buildId
                + " was written to " + failure.segment() + " but could not be made durable: " + failure.cause()
                + ". It may be lost after a crash", failure.cause(),
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

    /** Settles every appended record, then releases the segment's file handle; a later append reopens the log. */
    void close() {
        lock.lock();
        try {
            settleAndRelease();
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
            settleAndRelease();
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

    private void settleAndRelease() {
        while (flushing) {
            settledChanged.awaitUninterruptibly();
        }
        if (channel != null) {
            settleCurrentSegment();
        }
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

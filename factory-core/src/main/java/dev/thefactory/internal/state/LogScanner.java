package dev.thefactory.internal.state;

import dev.thefactory.internal.state.SegmentFiles.Segment;
import dev.thefactory.spi.Checkpoint;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a build's log segments and separates good checkpoints from damage. A record is good when its magic, version,
 * length and CRC32C check out, its JSON decodes to a checkpoint of this build, and its sequence is greater than the
 * good one before it. The first record that is not good ends the reading of its segment: it and everything after it
 * in that segment are reported as one {@link CheckpointDamage}. Later segments are read again from their start.
 */
final class LogScanner {

    private static final int BUFFER_BYTES = 64 * 1024;

    private LogScanner() {
    }

    /**
     * What the writer of this process has appended but not yet made durable must not be read as damage: a read
     * stops at {@code durableBytes} of the writer's current segment.
     *
     * @param segment      the writer's current segment
     * @param durableBytes how many of its bytes are complete, durable records
     */
    record WriterView(Path segment, long durableBytes) {
    }

    /**
     * The newest segment as found on disk.
     *
     * @param generation its generation
     * @param path       the file
     * @param size       its length in bytes
     * @param records    how many good records it holds
     * @param clean      whether every byte of it belongs to a good record, so appending to it is safe
     */
    record Newest(int generation, Path path, long size, int records, boolean clean) {
    }

    /**
     * @param good    the good checkpoints, oldest first, sequences strictly increasing
     * @param damage  every damaged place, in storage order
     * @param newest  the newest segment, or null when there is none
     * @param oldestSegmentModified the last-modified time of the oldest segment, or null when there is none
     */
    record LogScan(List<Checkpoint> good, List<CheckpointDamage> damage, Newest newest,
            java.time.Instant oldestSegmentModified) {
    }

    /**
     * @param buildId         the build the records must belong to
     * @param segments        its segments, oldest first, as listed by {@link SegmentFiles#list}
     * @param view            what this process's writer has in flight, or null
     * @param stopAtFirstGood stop as soon as one good checkpoint is found (to order builds cheaply)
     * @return what was found
     * @throws IOException when a segment cannot be read at all
     */
    static LogScan scan(String buildId, List<Segment> segments, WriterView view,
            boolean stopAtFirstGood) throws IOException {
        List<Checkpoint> good = new ArrayList<>();
        List<CheckpointDamage> damage = new ArrayList<>();
        Newest newest = null;
        java.time.Instant oldestModified = null;
        for (Segment segment : segments) {
            long limit = view != null && view.segment().equals(segment.path()) ? view.durableBytes() : Long.MAX_VALUE;
            int before = good.size();
            SegmentResult result = scanSegment(segment.path(), buildId, limit, good, stopAtFirstGood);
            if (result == null) {
                continue; // deleted while we listed it
            }
            if (oldestModified == null) {
                oldestModified = result.modified();
            }
            if (result.damage() != null) {
                damage.add(result.damage());
            }
            newest = new Newest(segment.generation(), segment.path(), result.size(), good.size() - before,
                    result.damage() == null);
            if (stopAtFirstGood && !good.isEmpty()) {
                break;
            }
        }
        return new LogScan(List.copyOf(good), List.copyOf(damage), newest, oldestModified);
    }

    private record SegmentResult(long size, CheckpointDamage damage, java.time.Instant modified) {
    }

    private static SegmentResult scanSegment(Path path, String buildId, long limit, List<Checkpoint> good,
            boolean stopAtFirstGood) throws IOException {
        InputStream raw;
        long size;
        java.time.Instant modified;
        try {
            raw = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(raw, BUFFER_BYTES))) {
            size = Files.size(path);
            modified = Files.getLastModifiedTime(path).toInstant();
            long end = Math.min(size, limit);
            long position = 0;
            while (position < end) {
                long lastGood = good.isEmpty() ? 0 : good.get(good.size() - 1).sequence();
                String problem = null;
                long remaining = end - position;
                int length = 0;
                if (remaining < CheckpointRecordFormat.HEADER_BYTES) {
                    problem = "torn record header: only " + remaining + " of " + CheckpointRecordFormat.HEADER_BYTES
                            + " header bytes are present (an append was cut short)";
                } else {
                    int magic = in.readInt();
                    short version = in.readShort();
                    length = in.readInt();
                    int storedCrc = in.readInt();
                    long payloadRoom = remaining - CheckpointRecordFormat.HEADER_BYTES;
                    if (magic != CheckpointRecordFormat.MAGIC) {
                        problem = String.format("bad magic 0x%08X instead of 0x%08X (torn, zero-filled or overwritten"
                                + " bytes)", magic, CheckpointRecordFormat.MAGIC);
                    } else if (version != CheckpointRecordFormat.VERSION) {
                        problem = "unsupported record format version " + version + " (this version reads "
                                + CheckpointRecordFormat.VERSION + ")";
                    } else if (length < 0 || length > CheckpointRecordFormat.MAX_PAYLOAD_BYTES) {
                        problem = "payload length " + Integer.toUnsignedString(length) + " is outside 0.."
                                + CheckpointRecordFormat.MAX_PAYLOAD_BYTES;
                    } else if (length > payloadRoom) {
                        problem = "torn record: its header announces " + length + " payload bytes but only "
                                + payloadRoom + " follow (an append was cut short)";
                    } else {
                        byte[] payload = new byte[length];
                        in.readFully(payload);
                        int actualCrc = CheckpointRecordFormat.crc32c(payload);
                        if (actualCrc != storedCrc) {
                            problem = String.format("CRC32C mismatch: stored 0x%08X, computed 0x%08X", storedCrc,
                                    actualCrc);
                        } else {
                            problem = accept(payload, buildId, lastGood, good);
                        }
                    }
                }
                if (problem != null) {
                    return new SegmentResult(size,
                            new CheckpointDamage(path, position, size - position, problem, lastGood), modified);
                }
                position += CheckpointRecordFormat.HEADER_BYTES + length;
                if (stopAtFirstGood) {
                    break;
                }
            }
            return new SegmentResult(size, null, modified);
        } catch (EOFException e) {
            throw new IOException("Checkpoint log " + path + " became shorter while it was read; is another process"
                    + " writing this build?", e);
        }
    }

    /** @return null when the record was accepted into {@code good}, else why it is damaged */
    private static String accept(byte[] payload, String buildId, long lastGood, List<Checkpoint> good) {
        Checkpoint checkpoint;
        try {
            checkpoint = CheckpointRecordFormat.decodePayload(payload);
        } catch (IllegalArgumentException e) {
            return "the record's checksum is right but it is not a valid checkpoint: " + e.getMessage();
        }
        if (!checkpoint.buildId().equals(buildId)) {
            return "the record belongs to build '" + checkpoint.buildId() + "', not to build '" + buildId
                    + "' whose directory holds it";
        }
        if (checkpoint.sequence() <= lastGood) {
            return "its sequence " + checkpoint.sequence() + " does not increase on the previous good checkpoint's "
                    + lastGood;
        }
        good.add(checkpoint);
        return null;
    }
}

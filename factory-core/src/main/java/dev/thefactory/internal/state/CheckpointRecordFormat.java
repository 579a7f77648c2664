package dev.thefactory.internal.state;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.thefactory.api.CheckpointException;
import dev.thefactory.api.FactoryException.ErrorContext;
import dev.thefactory.api.Phase;
import dev.thefactory.spi.Checkpoint;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * The framing of one checkpoint record in a log segment. Every record is
 *
 * <pre>
 * offset  size  field
 *      0     4  magic 0x46434B50 ("FCKP"), big-endian
 *      4     2  record format version, currently 1
 *      6     4  payload length in bytes, 0 .. {@value #MAX_PAYLOAD_BYTES}
 *     10     4  CRC32C of the payload
 *     14     n  payload: the checkpoint as UTF-8 JSON
 * </pre>
 *
 * <p>The JSON object has the fields {@code formatVersion, buildId, sequence, phase} (the enum's name),
 * {@code taskId} (null for a phase checkpoint), {@code createdAt} (ISO-8601, e.g.
 * {@code 2026-01-01T10:00:00.123456789Z}) and {@code payload} (the core's own JSON, as a string). Decoding is strict:
 * an unknown or duplicate field, or a value the {@link Checkpoint} constructor refuses, makes the record damaged.
 *
 * <p>Stateless and thread-safe.
 */
public final class CheckpointRecordFormat {

    /** The first four bytes of every record: {@code FCKP}. */
    public static final int MAGIC = 0x46434B50;
    /** The record format version this code writes and reads. */
    public static final short VERSION = 1;
    /** Bytes before the payload: magic, version, length, CRC32C. */
    public static final int HEADER_BYTES = 14;
    /** The largest payload a record may carry: 16 MiB. */
    public static final int MAX_PAYLOAD_BYTES = 16 << 20;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectWriter WRITER = MAPPER.writerFor(StoredCheckpoint.class);
    private static final ObjectReader READER = MAPPER.readerFor(StoredCheckpoint.class);

    private CheckpointRecordFormat() {
    }

    /**
     * Encodes a checkpoint as one framed record, ready to append.
     *
     * @param checkpoint the checkpoint
     * @return header and payload
     * @throws CheckpointException when the checkpoint cannot be encoded or its payload exceeds
     *                             {@link #MAX_PAYLOAD_BYTES}
     */
    public static byte[] encode(Checkpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        byte[] payload;
        try {
            payload = WRITER.writeValueAsBytes(StoredCheckpoint.of(checkpoint));
        } catch (JacksonException e) {
            throw new CheckpointException("Cannot encode checkpoint " + checkpoint.sequence() + " of build "
                    + checkpoint.buildId() + " as JSON: " + e.getOriginalMessage(), e,
                    context(checkpoint), List.of("report this as a bug with the checkpoint's phase and task"));
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new CheckpointException("Checkpoint " + checkpoint.sequence() + " of build " + checkpoint.buildId()
                    + " is " + payload.length + " bytes as JSON, more than the " + MAX_PAYLOAD_BYTES
                    + "-byte limit of one record", null, context(checkpoint),
                    List.of("keep a checkpoint's payload small: store file contents elsewhere (e.g. in the staging"
                            + " area) and checkpoint only their paths and checksums"));
        }
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return ByteBuffer.allocate(HEADER_BYTES + payload.length)
                .putInt(MAGIC)
                .putShort(VERSION)
                .putInt(payload.length)
                .putInt((int) crc.getValue())
                .put(payload)
                .array();
    }

    /**
     * @param payload the payload bytes
     * @return their CRC32C as the header stores it
     */
    static int crc32c(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }

    /**
     * Decodes a payload whose CRC32C already matched.
     *
     * @param payload the JSON bytes
     * @return the checkpoint
     * @throws IllegalArgumentException with a short reason when the JSON is not a valid checkpoint
     */
    static Checkpoint decodePayload(byte[] payload) {
        StoredCheckpoint stored;
        try {
            stored = READER.readValue(payload);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("payload is not a checkpoint in JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("payload cannot be read: " + e.getMessage(), e);
        }
        return stored.toCheckpoint();
    }

    private static ErrorContext context(Checkpoint checkpoint) {
        return new ErrorContext(checkpoint.buildId(), checkpoint.phase(), checkpoint.taskId(), null);
    }

    /** The JSON shape of a checkpoint: only types Jackson handles without extra modules. */
    record StoredCheckpoint(int formatVersion, String buildId, long sequence, String phase, String taskId,
            String createdAt, String payload) {

        static StoredCheckpoint of(Checkpoint checkpoint) {
            return new StoredCheckpoint(checkpoint.formatVersion(), checkpoint.buildId(), checkpoint.sequence(),
                    checkpoint.phase().name(), checkpoint.taskId(), checkpoint.createdAt().toString(),
                    checkpoint.payload());
        }

        Checkpoint toCheckpoint() {
            requirePresent(buildId, "buildId");
            requirePresent(phase, "phase");
            requirePresent(createdAt, "createdAt");
            requirePresent(payload, "payload");
            Phase parsedPhase;
            try {
                parsedPhase = Phase.valueOf(phase);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown phase '" + phase + "'", e);
            }
            Instant parsedCreatedAt;
            try {
                parsedCreatedAt = Instant.parse(createdAt);
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("createdAt '" + createdAt + "' is not an ISO-8601 instant", e);
            }
            return new Checkpoint(formatVersion, buildId, sequence, parsedPhase, taskId, parsedCreatedAt, payload);
        }

        private static void requirePresent(String value, String field) {
            if (value == null) {
                throw new IllegalArgumentException("the record has no " + field);
            }
        }
    }
}

package dev.thefactory.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.Phase;
import dev.thefactory.spi.Checkpoint;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class CheckpointRecordFormatTest {

    @Test
    void aRecordIsMagicVersionLengthCrc32cAndJson() {
        Checkpoint checkpoint = new Checkpoint(2, "b-1", 7, Phase.GENERATE, "generate/x",
                Instant.parse("2026-01-01T10:00:00.000000001Z"), "{\"a\":\"\u00e9\"}");
        byte[] record = CheckpointRecordFormat.encode(checkpoint);
        ByteBuffer header = ByteBuffer.wrap(record);
        assertThat(Arrays.copyOf(record, 4)).isEqualTo("FCKP".getBytes(StandardCharsets.US_ASCII));
        assertThat(header.getInt(0)).isEqualTo(CheckpointRecordFormat.MAGIC);
        assertThat(header.getShort(4)).isEqualTo((short) 1);
        int length = header.getInt(6);
        assertThat(record).hasSize(CheckpointRecordFormat.HEADER_BYTES + length);
        byte[] payload = Arrays.copyOfRange(record, CheckpointRecordFormat.HEADER_BYTES, record.length);
        CRC32C crc = new CRC32C();
        crc.update(payload);
        assertThat(header.getInt(10)).isEqualTo((int) crc.getValue());
        assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo("{\"formatVersion\":2,\"buildId\":\"b-1\","
                + "\"sequence\":7,\"phase\":\"GENERATE\",\"taskId\":\"generate/x\","
                + "\"createdAt\":\"2026-01-01T10:00:00.000000001Z\",\"payload\":\"{\\\"a\\\":\\\"\u00e9\\\"}\"}");
        assertThat(CheckpointRecordFormat.decodePayload(payload)).isEqualTo(checkpoint);
    }

    @Test
    void decodingIsStrict() {
        String valid = "\"formatVersion\":1,\"buildId\":\"b\",\"sequence\":1,\"phase\":\"ANALYZE\",\"taskId\":null,"
                + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"payload\":\"{}\"";
        assertThat(CheckpointRecordFormat.decodePayload(bytes("{" + valid + "}")).phase()).isEqualTo(Phase.ANALYZE);
        assertThatThrownBy(() -> CheckpointRecordFormat.decodePayload(bytes("{" + valid + ",\"extra\":1}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extra");
        assertThatThrownBy(() -> CheckpointRecordFormat.decodePayload(bytes("{" + valid + ",\"sequence\":2}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequence");
        assertThatThrownBy(() -> CheckpointRecordFormat.decodePayload(bytes("{" + valid + "} {}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckpointRecordFormat.decodePayload(
                bytes("{" + valid.replace("\"payload\":\"{}\"", "\"payload\":null") + "}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payload");
        assertThatThrownBy(() -> CheckpointRecordFormat.decodePayload(
                bytes("{" + valid.replace("2026-01-01T00:00:00Z", "yesterday") + "}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'yesterday'");
        assertThatThrownBy(() -> CheckpointRecordFormat.decodePayload(
                bytes("{" + valid.replace("\"sequence\":1", "\"sequence\":0") + "}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequence must be >= 1");
        assertThatThrownBy(() -> CheckpointRecordFormat.decodePayload(bytes("[]")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unpairedSurrogatesRoundTripExactly() {
        Checkpoint checkpoint = new Checkpoint(1, "b", 1, Phase.ANALYZE, "x\uD800", Instant.EPOCH, "a\uDC00b\uD83D");
        byte[] record = CheckpointRecordFormat.encode(checkpoint);
        byte[] payload = Arrays.copyOfRange(record, CheckpointRecordFormat.HEADER_BYTES, record.length);
        assertThat(CheckpointRecordFormat.decodePayload(payload)).isEqualTo(checkpoint);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}

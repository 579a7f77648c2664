package dev.thefactory.internal.state;

import static dev.thefactory.internal.state.TestCheckpoints.phase;
import static dev.thefactory.internal.state.TestCheckpoints.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.Phase;
import dev.thefactory.spi.Checkpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage at every byte: each test rewrites a pristine, small log with one kind of damage and reads it with a new
 * repository, as a restarted process would.
 */
class CheckpointCorruptionTest {

    private static final String BUILD = "b-1";

    @TempDir
    Path root;

    private final List<Checkpoint> saved = List.of(phase(BUILD, 1, Phase.GENERATE), task(BUILD, 2), task(BUILD, 3));
    private Path segment;
    private byte[] pristine;
    /** Offsets where each record starts, plus the end of the file. */
    private final List<Integer> boundaries = new ArrayList<>();

    @BeforeEach
    void writeFixture() throws IOException {
        try (FileSystemCheckpointRepository writer = new FileSystemCheckpointRepository(root)) {
            saved.forEach(writer::save);
        }
        segment = root.resolve(BUILD).resolve("segment-000001.log");
        pristine = Files.readAllBytes(segment);
        int offset = 0;
        for (Checkpoint checkpoint : saved) {
            boundaries.add(offset);
            offset += CheckpointRecordFormat.encode(checkpoint).length;
        }
        boundaries.add(offset);
        assertThat(pristine).hasSize(offset);
        assertThat(pristine.length).as("small enough for a fast loop").isLessThan(1000);
    }

    /** @return the index of the record that holds the byte at {@code offset} */
    private int recordAt(int offset) {
        int record = 0;
        while (boundaries.get(record + 1) <= offset) {
            record++;
        }
        return record;
    }

    @Test
    void aFlippedByteAtEveryOffsetIsDetectedAndThePreviousGoodCheckpointIsUsed() throws IOException {
        for (int flip : new int[] {0x01, 0x80, 0xFF}) {
            for (int offset = 0; offset < pristine.length; offset++) {
                byte[] damaged = pristine.clone();
                damaged[offset] ^= (byte) flip;
                Files.write(segment, damaged);
                int record = recordAt(offset);
                FileSystemCheckpointRepository reader = new FileSystemCheckpointRepository(root);

                String where = "flip 0x" + Integer.toHexString(flip) + " at byte " + offset;
                assertThat(reader.history(BUILD)).as(where).containsExactlyElementsOf(saved.subList(0, record));
                assertThat(reader.latest(BUILD)).as(where)
                        .isEqualTo(record == 0 ? java.util.Optional.empty() : java.util.Optional.of(saved.get(record - 1)));
                assertThat(reader.damage(BUILD)).as(where).singleElement().asString()
                        .contains(segment.toString())
                        .contains("at byte " + boundaries.get(record) + ":")
                        .contains((pristine.length - boundaries.get(record)) + " bytes");
            }
        }
    }

    @Test
    void aTruncationAtEveryLengthKeepsTheWholeRecordsBeforeIt() throws IOException {
        for (int length = 0; length < pristine.length; length++) {
            Files.write(segment, Arrays.copyOf(pristine, length));
            int whole = 0;
            while (boundaries.get(whole + 1) <= length) {
                whole++;
            }
            FileSystemCheckpointRepository reader = new FileSystemCheckpointRepository(root);
            String where = "truncated to " + length + " bytes";
            assertThat(reader.history(BUILD)).as(where).containsExactlyElementsOf(saved.subList(0, whole));
            if (boundaries.contains(length)) {
                assertThat(reader.damage(BUILD)).as(where + ", a record boundary: nothing is damaged").isEmpty();
            } else {
                assertThat(reader.damage(BUILD)).as(where).singleElement().asString()
                        .contains("at byte " + boundaries.get(whole) + ":")
                        .containsAnyOf("torn record header", "torn record:");
            }
        }
    }

    @Test
    void aTornAppendAtTheEndIsIgnoredAndReported() throws IOException {
        byte[] next = CheckpointRecordFormat.encode(task(BUILD, 4));
        for (int length = 1; length < next.length; length++) {
            byte[] torn = Arrays.copyOf(pristine, pristine.length + length);
            System.arraycopy(next, 0, torn, pristine.length, length);
            Files.write(segment, torn);
            FileSystemCheckpointRepository reader = new FileSystemCheckpointRepository(root);
            assertThat(reader.history(BUILD)).as("torn after %s bytes", length).containsExactlyElementsOf(saved);
            assertThat(reader.damage(BUILD)).as("torn after %s bytes", length).singleElement().asString()
                    .contains("at byte " + pristine.length + ":").contains("torn")
                    .contains("the newest good checkpoint before it is sequence 3");
        }
    }

    @Test
    void aZeroFilledTailIsReported() throws IOException {
        Files.write(segment, new byte[4096], StandardOpenOption.APPEND);
        FileSystemCheckpointRepository reader = new FileSystemCheckpointRepository(root);
        assertThat(reader.history(BUILD)).containsExactlyElementsOf(saved);
        assertThat(reader.damage(BUILD)).singleElement().asString().contains("bad magic 0x00000000")
                .contains("4096 bytes");
    }

    @Test
    void damageIsSeenByTheInstanceThatWroteTheLogToo() throws IOException {
        FileSystemCheckpointRepository writer = new FileSystemCheckpointRepository(root);
        writer.save(task(BUILD, 4)); // opens the log for writing
        byte[] damaged = Files.readAllBytes(segment);
        damaged[boundaries.get(2) + 20] ^= 0x10;
        Files.write(segment, damaged);
        assertThat(writer.history(BUILD)).containsExactlyElementsOf(saved.subList(0, 2));
        assertThat(writer.damage(BUILD)).hasSize(1);
    }

    @Test
    void aDamagedNewestGenerationFallsBackToThePreviousOne() throws IOException {
        FileSystemCheckpointRepository writer = new FileSystemCheckpointRepository(root);
        writer.save(phase(BUILD, 4, Phase.VALIDATE_OUTPUT));
        writer.save(task(BUILD, 5));
        Path newest = root.resolve(BUILD).resolve("segment-000002.log");
        byte[] bytes = Files.readAllBytes(newest);
        bytes[CheckpointRecordFormat.HEADER_BYTES + 3] ^= 0x04; // inside the first record's payload
        Files.write(newest, bytes);

        FileSystemCheckpointRepository reader = new FileSystemCheckpointRepository(root);
        assertThat(reader.history(BUILD)).containsExactlyElementsOf(saved);
        assertThat(reader.latest(BUILD)).contains(saved.get(2));
        assertThat(reader.damage(BUILD)).singleElement().asString().contains("segment-000002.log")
                .contains("at byte 0:").contains("CRC32C mismatch");
        assertThat(pristine).isEqualTo(Files.readAllBytes(segment)); // the older generation is untouched
    }

    @Test
    void damageInAnOlderGenerationSkipsTheRestOfThatGenerationOnly() throws IOException {
        FileSystemCheckpointRepository writer = new FileSystemCheckpointRepository(root);
        writer.save(phase(BUILD, 4, Phase.VALIDATE_OUTPUT));
        byte[] damaged = pristine.clone();
        damaged[boundaries.get(1) + CheckpointRecordFormat.HEADER_BYTES] ^= 0x01;
        Files.write(segment, damaged);

        FileSystemCheckpointRepository reader = new FileSystemCheckpointRepository(root);
        assertThat(reader.history(BUILD)).extracting(Checkpoint::sequence).containsExactly(1L, 4L);
        assertThat(reader.damage(BUILD)).singleElement().asString().contains("segment-000001.log")
                .contains("at byte " + boundaries.get(1) + ":");
    }

    @Test
    void whenNothingGoodIsLeftLatestAndHistoryAreEmptyAndTheDamageIsReported() throws IOException {
        byte[] damaged = pristine.clone();
        damaged[0] ^= 0x01;
        Files.write(segment, damaged);
        FileSystemCheckpointRepository reader = new FileSystemCheckpointRepository(root);
        assertThat(reader.latest(BUILD)).isEmpty();
        assertThat(reader.history(BUILD)).isEmpty();
        assertThat(reader.damage(BUILD)).singleElement().asString().contains("bad magic")
                .contains("no good checkpoint precedes it");
        assertThat(reader.buildIds()).containsExactly(BUILD);
    }

    @Test
    void aRecordWithAGoodChecksumFromAnotherBuildIsRefused() throws IOException {
        byte[] foreign = CheckpointRecordFormat.encode(task("other-build", 4));
        Files.write(segment, foreign, StandardOpenOption.APPEND);
        FileSystemCheckpointRepository reader = new FileSystemCheckpointRepository(root);
        assertThat(reader.history(BUILD)).containsExactlyElementsOf(saved);
        assertThat(reader.damage(BUILD)).singleElement().asString()
                .contains("belongs to build 'other-build', not to build 'b-1'");
    }

    @Test
    void aRecordWhoseSequenceDoesNotIncreaseIsRefused() throws IOException {
        Files.write(segment, CheckpointRecordFormat.encode(task(BUILD, 2)), StandardOpenOption.APPEND);
        FileSystemCheckpointRepository reader = new FileSystemCheckpointRepository(root);
        assertThat(reader.history(BUILD)).containsExactlyElementsOf(saved);
        assertThat(reader.damage(BUILD)).singleElement().asString()
                .contains("its sequence 2 does not increase on the previous good checkpoint's 3");
    }

    @Test
    void aRecordOfAnUnknownFormatVersionIsRefused() throws IOException {
        byte[] future = CheckpointRecordFormat.encode(task(BUILD, 4));
        ByteBuffer.wrap(future).putShort(4, (short) 2);
        Files.write(segment, future, StandardOpenOption.APPEND);
        FileSystemCheckpointRepository reader = new FileSystemCheckpointRepository(root);
        assertThat(reader.history(BUILD)).containsExactlyElementsOf(saved);
        assertThat(reader.damage(BUILD)).singleElement().asString()
                .contains("unsupported record format version 2 (this version reads 1)");
    }

    @Test
    void aRecordWithAGoodChecksumButInvalidJsonIsRefused() throws IOException {
        byte[] payload = "{\"formatVersion\":1,\"buildId\":\"b-1\",\"sequence\":4,\"phase\":\"NOPE\",\"taskId\":null,"
                .concat("\"createdAt\":\"2026-01-01T00:00:00Z\",\"payload\":\"{}\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteBuffer record = ByteBuffer.allocate(CheckpointRecordFormat.HEADER_BYTES + payload.length)
                .putInt(CheckpointRecordFormat.MAGIC).putShort(CheckpointRecordFormat.VERSION)
                .putInt(payload.length).putInt(CheckpointRecordFormat.crc32c(payload)).put(payload);
        Files.write(segment, record.array(), StandardOpenOption.APPEND);
        FileSystemCheckpointRepository reader = new FileSystemCheckpointRepository(root);
        assertThat(reader.history(BUILD)).containsExactlyElementsOf(saved);
        assertThat(reader.damage(BUILD)).singleElement().asString()
                .contains("checksum is right but it is not a valid checkpoint: unknown phase 'NOPE'");
    }
}

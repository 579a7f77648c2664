package dev.thefactory.tests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.CheckpointRepositories;
import dev.thefactory.api.Phase;
import dev.thefactory.internal.state.CheckpointRecordFormat;
import dev.thefactory.spi.Checkpoint;
import dev.thefactory.spi.CheckpointRepository;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints the cost of one task checkpoint in the file-system repository at 100 and 1 000 tasks, beside a raw
 * {@code force}d append of the same bytes to a file on the same disk. A harness, not a timed test: it asserts only
 * that every checkpoint was kept. Run it with
 * {@code mvn -B -ntp -pl factory-tests -am test -Dfactory.excludedGroups= -Dgroups=benchmark
 * -Dtest=CheckpointCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. The target is a ratio of at most 1.2.
 */
@Tag("benchmark")
class CheckpointCostBenchmark {

    private static final int ROUNDS = 5;

    @TempDir
    Path tmp;

    @Test
    void perTaskCheckpointCostBesideARawForcedAppend() throws IOException {
        measure(2_000, "warm-up"); // lets the JIT compile the save path, as it is in a long-running process
        System.out.println("tasks   repository µs/task   raw append+force µs/task   ratio   (median of " + ROUNDS
                + " rounds, " + tmp + ")");
        for (int tasks : new int[] {100, 1_000}) {
            long[] repository = new long[ROUNDS];
            long[] raw = new long[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long[] pair = measure(tasks, "round " + round);
                repository[round] = pair[0];
                raw[round] = pair[1];
            }
            double repoMicros = median(repository) / 1_000.0 / tasks;
            double rawMicros = median(raw) / 1_000.0 / tasks;
            System.out.printf(Locale.ROOT, "%5d   %18.1f   %24.1f   %5.2f%n", tasks, repoMicros, rawMicros,
                    repoMicros / rawMicros);
        }
    }

    /** @return nanoseconds for {@code tasks} repository saves, then for as many raw appends of the same bytes */
    private long[] measure(int tasks, String label) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(label.replace(' ', '-') + "-" + tasks));
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (int i = 2; i <= tasks + 1; i++) {
            checkpoints.add(taskCheckpoint(i));
        }
        // A build's task checkpoints follow its first phase checkpoints, which create its directory, lock and first
        // segment: that one-time cost is paid before the timed part, as the raw file below is created before it.
        Checkpoint established = new Checkpoint(1, "b-bench", 1, Phase.VALIDATE_SPEC, null,
                Instant.parse("2026-01-01T00:00:00Z"), "{\"formatVersion\":1,\"kind\":\"phase\"}");
        CheckpointRepository repository = CheckpointRepositories.fileSystem(dir.resolve("state"));
        repository.save(established);
        long start = System.nanoTime();
        for (Checkpoint checkpoint : checkpoints) {
            repository.save(checkpoint);
        }
        long repositoryNanos = System.nanoTime() - start;
        assertThat(repository.history("b-bench")).hasSize(tasks + 1);
        repository.close();

        List<byte[]> frames = checkpoints.stream().map(CheckpointRecordFormat::encode).toList();
        try (FileChannel channel = FileChannel.open(dir.resolve("raw.log"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(CheckpointRecordFormat.encode(established)));
            channel.force(false);
            start = System.nanoTime();
            for (byte[] frame : frames) {
                ByteBuffer buffer = ByteBuffer.wrap(frame);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            }
        }
        long rawNanos = System.nanoTime() - start;
        return new long[] {repositoryNanos, rawNanos};
    }

    private static Checkpoint taskCheckpoint(int i) {
        String payload = "{\"formatVersion\":1,\"kind\":\"task\",\"buildId\":\"b-bench\",\"task\":\"generate/code/entity-"
                + i + "\",\"files\":[{\"path\":\"src/main/java/org/example/app/Entity" + i
                + ".java\",\"size\":1834,\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}],"
                + "\"facts\":{},\"notes\":[],\"attempts\":1}";
        return new Checkpoint(1, "b-bench", i, Phase.GENERATE, "generate/code/entity-" + i,
                Instant.parse("2026-01-01T00:00:00Z").plusMillis(i), payload);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

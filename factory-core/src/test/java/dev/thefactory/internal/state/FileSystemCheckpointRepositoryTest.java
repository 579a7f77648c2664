package dev.thefactory.internal.state;

import static dev.thefactory.internal.state.TestCheckpoints.phase;
import static dev.thefactory.internal.state.TestCheckpoints.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.CheckpointException;
import dev.thefactory.api.Phase;
import dev.thefactory.spi.Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileSystemCheckpointRepositoryTest {

    @TempDir
    Path root;

    @Test
    void aNewInstanceReadsWhatAnotherWroteExactly() {
        List<Checkpoint> saved = List.of(phase("b-1", 1, Phase.VALIDATE_SPEC), phase("b-1", 2, Phase.ANALYZE),
                task("b-1", 3), task("b-1", 4));
        try (FileSystemCheckpointRepository writer = new FileSystemCheckpointRepository(root)) {
            saved.forEach(writer::save);
        }
        FileSystemCheckpointRepository restarted = new FileSystemCheckpointRepository(root);
        assertThat(restarted.history("b-1")).containsExactlyElementsOf(saved);
        assertThat(restarted.latest("b-1")).contains(saved.get(3));
        assertThat(restarted.damage("b-1")).isEmpty();
        assertThat(restarted.buildIds()).containsExactly("b-1");
    }

    @Test
    void discardIfUnusedRemovesOnlyALockFileAndItsDirectory() throws IOException {
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(root)) {
            repository.lock("b-1", Duration.ZERO).close();
            assertThat(root.resolve("b-1").resolve(BuildLockFile.FILE_NAME)).exists();
            assertThat(repository.discardIfUnused("b-1")).isTrue();
            assertThat(root.resolve("b-1")).doesNotExist();

            repository.lock("b-2", Duration.ZERO).close();
            repository.save(phase("b-2", 1, Phase.ANALYZE));
            repository.release("b-2");
            assertThat(repository.discardIfUnused("b-2")).as("a build with a checkpoint is kept").isFalse();
            assertThat(repository.history("b-2")).hasSize(1);

            repository.lock("b-3", Duration.ZERO).close();
            Files.writeString(root.resolve("b-3").resolve("notes.txt"), "someone's file");
            assertThat(repository.discardIfUnused("b-3")).as("a file it does not know is never deleted").isFalse();
            assertThat(root.resolve("b-3").resolve("notes.txt")).hasContent("someone's file");

            assertThat(repository.discardIfUnused("b-4")).as("nothing there").isFalse();
        }
    }

    @Test
    void eachSaveIsOneAppendAndOneForceNeverARewrite() throws IOException {
        AtomicInteger forces = new AtomicInteger();
        FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(root, channel -> {
            forces.incrementAndGet();
            channel.force(false);
        });
        repository.save(phase("b-1", 1, Phase.GENERATE));
        Path segment = repository.segments("b-1").get(0);
        long expectedSize = CheckpointRecordFormat.encode(phase("b-1", 1, Phase.GENERATE)).length;
        for (int sequence = 2; sequence <= 50; sequence++) {
            byte[] before = Files.readAllBytes(segment);
            Checkpoint checkpoint = task("b-1", sequence);
            repository.save(checkpoint);
            byte[] record = CheckpointRecordFormat.encode(checkpoint);
            expectedSize += record.length;
            byte[] after = Files.readAllBytes(segment);
            assertThat(after).hasSize((int) expectedSize);
            assertThat(java.util.Arrays.copyOf(after, before.length)).as("earlier bytes untouched").isEqualTo(before);
            assertThat(java.util.Arrays.copyOfRange(after, before.length, after.length)).isEqualTo(record);
            assertThat(forces.get()).isEqualTo(sequence);
        }
        assertThat(repository.segments("b-1")).hasSize(1);
    }

    @Test
    void aPhaseCheckpointStartsANewSegmentAndKeepsTheOldOnes() throws IOException {
        FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(root);
        repository.save(phase("b-1", 1, Phase.VALIDATE_SPEC));
        assertThat(repository.segments("b-1")).hasSize(1);
        repository.save(phase("b-1", 2, Phase.ANALYZE));
        repository.save(task("b-1", 3));
        repository.save(task("b-1", 4));
        repository.save(phase("b-1", 5, Phase.GENERATE));
        assertThat(repository.segments("b-1")).extracting(p -> p.getFileName().toString())
                .containsExactly("segment-000001.log", "segment-000002.log", "segment-000003.log");
        assertThat(repository.history("b-1")).extracting(Checkpoint::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aSequenceThatDoesNotIncreaseIsRefusedNamingBothNumbers() {
        FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(root);
        repository.save(phase("b-1", 5, Phase.ANALYZE));
        assertThatThrownBy(() -> repository.save(task("b-1", 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sequence must be greater than 5, the latest checkpoint of build b-1, but was 3:"
                        + " checkpoints are append-only, so save the next one with sequence 6 or more");
        assertThatThrownBy(() -> repository.save(task("b-1", 5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("greater than 5").hasMessageContaining("but was 5");
        FileSystemCheckpointRepository restarted = new FileSystemCheckpointRepository(root);
        assertThatThrownBy(() -> restarted.save(task("b-1", 4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("greater than 5").hasMessageContaining("but was 4");
        assertThat(restarted.history("b-1")).extracting(Checkpoint::sequence).containsExactly(5L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "../x", "a\\b", "a b", "b\u00e4", "a\u0000", "/abs", "a:b"})
    void unsafeBuildIdsAreRefusedEverywhere(String buildId) {
        FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(root);
        Checkpoint checkpoint = new Checkpoint(1, buildId, 1, Phase.ANALYZE, null, TestCheckpoints.EPOCH, "{}");
        List<Consumer<String>> operations = List.of(id -> repository.save(checkpoint), repository::latest,
                repository::history, repository::delete, repository::damage);
        for (Consumer<String> operation : operations) {
            assertThatThrownBy(() -> operation.accept(buildId)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("buildId must be 1-128 letters, digits, '.', '_' or '-'");
        }
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void buildIdsOfTheAllowedShapeWork() {
        FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(root);
        String longest = "x".repeat(128);
        for (String id : List.of("a", "a..b", "b-20261125-110812-3f9a1c", "A_b.C-9", longest)) {
            repository.save(phase(id, 1, Phase.ANALYZE));
            assertThat(repository.latest(id)).isPresent();
        }
        assertThatThrownBy(() -> repository.latest(longest + "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTornTailIsReportedAndTheNextSaveGoesToANewSegment() throws IOException {
        try (FileSystemCheckpointRepository writer = new FileSystemCheckpointRepository(root)) {
            writer.save(phase("b-1", 1, Phase.GENERATE));
            writer.save(task("b-1", 2));
        }
        Path segment = root.resolve("b-1").resolve("segment-000001.log");
        long goodLength = Files.size(segment);
        byte[] torn = java.util.Arrays.copyOf(CheckpointRecordFormat.encode(task("b-1", 3)), 30);
        Files.write(segment, torn, StandardOpenOption.APPEND);

        FileSystemCheckpointRepository restarted = new FileSystemCheckpointRepository(root);
        assertThat(restarted.latest("b-1")).map(Checkpoint::sequence).contains(2L);
        assertThat(restarted.damage("b-1")).singleElement().asString()
                .contains(segment.toString()).contains("at byte " + goodLength).contains("torn record")
                .contains("sequence 2");
        restarted.save(task("b-1", 3));
        restarted.save(task("b-1", 4));
        assertThat(Files.size(segment)).as("never appended after damage").isEqualTo(goodLength + 30);

        FileSystemCheckpointRepository again = new FileSystemCheckpointRepository(root);
        assertThat(again.history("b-1")).extracting(Checkpoint::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(again.damage("b-1")).hasSize(1);
    }

    @Test
    void closeMakesEverythingDurableAndTheRepositoryStaysUsable() throws IOException {
        FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(root);
        repository.save(phase("b-1", 1, Phase.GENERATE));
        repository.close();
        repository.save(task("b-1", 2));
        assertThat(repository.segments("b-1")).as("a clean segment is appended to after reopening").hasSize(1);
        assertThat(new FileSystemCheckpointRepository(root).history("b-1")).hasSize(2);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aSaveWaitsForTheSaveBeingForcedAndGetsItsOwnForce() throws Exception {
        CountDownLatch firstForcing = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(root, channel -> {
            if (calls.incrementAndGet() == 1) {
                firstForcing.countDown();
                try {
                    releaseFirst.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted");
                }
            }
            channel.force(false);
        });
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> repository.save(phase("b-1", 1, Phase.GENERATE)));
            assertThat(firstForcing.await(10, TimeUnit.SECONDS)).isTrue();
            long sizeWhileForcing = Files.size(repository.segments("b-1").get(0));
            Future<?> second = threads.submit(() -> repository.save(task("b-1", 2)));
            assertThatThrownBy(() -> second.get(200, TimeUnit.MILLISECONDS)).as("waits for the first save")
                    .isInstanceOf(java.util.concurrent.TimeoutException.class);
            assertThat(Files.size(repository.segments("b-1").get(0))).as("nothing written meanwhile")
                    .isEqualTo(sizeWhileForcing);
            releaseFirst.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertThat(calls.get()).as("one force per save").isEqualTo(2);
        assertThat(new FileSystemCheckpointRepository(root).history("b-1")).extracting(Checkpoint::sequence)
                .containsExactly(1L, 2L);
    }

    @Test
    void aFailedForceFailsTheSaveUsesUpItsSequenceAndTheNextSaveStartsANewSegment() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(root, channel -> {
            if (calls.incrementAndGet() == 2) {
                throw new IOException("Input/output error");
            }
            channel.force(false);
        });
        repository.save(phase("b-1", 1, Phase.GENERATE));
        assertThatThrownBy(() -> repository.save(task("b-1", 2)))
                .isInstanceOfSatisfying(CheckpointException.class, e -> {
                    assertThat(e.getMessage()).contains("Checkpoint 2 of build b-1")
                            .contains("segment-000001.log").contains("could not be made durable")
                            .contains("Input/output error");
                    assertThat(e.buildId()).contains("b-1");
                    assertThat(e.taskId()).contains("generate/feature-2");
                    assertThat(e.recoveryOptions()).isNotEmpty();
                });
        assertThatThrownBy(() -> repository.save(task("b-1", 2))).isInstanceOf(IllegalArgumentException.class);
        repository.save(task("b-1", 3));
        assertThat(repository.segments("b-1")).hasSize(2);
        FileSystemCheckpointRepository restarted = new FileSystemCheckpointRepository(root);
        assertThat(restarted.history("b-1")).extracting(Checkpoint::sequence).contains(1L, 3L);
        assertThat(restarted.damage("b-1")).isEmpty();
    }

    @Test
    void anInterruptedThreadStillSavesAndKeepsItsInterrupt() {
        FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(root);
        repository.save(phase("b-1", 1, Phase.GENERATE));
        Thread.currentThread().interrupt();
        try {
            repository.save(task("b-1", 2));
            repository.save(phase("b-1", 3, Phase.VALIDATE_OUTPUT));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        repository.save(task("b-1", 4));
        assertThat(new FileSystemCheckpointRepository(root).history("b-1")).extracting(Checkpoint::sequence)
                .containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void readersDuringWritesNeverSeeDamageOrGaps() throws Exception {
        FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(root, channel -> { });
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> reader = threads.submit(() -> {
                int reads = 0;
                while (!done.get() || reads == 0) {
                    List<Checkpoint> history = repository.history("b-1");
                    for (int i = 0; i < history.size(); i++) {
                        assertThat(history.get(i).sequence()).isEqualTo(i + 1L);
                    }
                    assertThat(repository.damage("b-1")).isEmpty();
                    reads++;
                }
                return reads;
            });
            threads.submit(() -> {
                try {
                    for (int sequence = 1; sequence <= 300; sequence++) {
                        repository.save(sequence % 50 == 1 ? phase("b-1", sequence, Phase.GENERATE)
                                : task("b-1", sequence));
                    }
                } finally {
                    done.set(true);
                }
                return null;
            }).get(50, TimeUnit.SECONDS);
            assertThat(reader.get(50, TimeUnit.SECONDS)).isPositive();
        } finally {
            threads.shutdownNow();
        }
        assertThat(repository.history("b-1")).hasSize(300);
    }

    @Test
    void deleteRemovesTheSegmentsButNotAHeldLock() throws IOException {
        FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(root);
        try (BuildLockFile lock = repository.lock("b-1", Duration.ZERO)) {
            repository.save(phase("b-1", 1, Phase.ANALYZE));
            repository.save(phase("b-2", 1, Phase.ANALYZE));
            repository.delete("b-1");
            assertThat(repository.segments("b-1")).isEmpty();
            assertThat(lock.path()).exists();
            assertThat(repository.buildIds()).containsExactly("b-2");
            assertThat(repository.history("b-1")).isEmpty();
            repository.save(phase("b-1", 1, Phase.ANALYZE));
            assertThat(repository.history("b-1")).hasSize(1);
        }
        repository.delete("b-2");
        assertThat(root.resolve("b-2")).doesNotExist();
        repository.delete("never-existed");
        assertThat(root.resolve("never-existed")).doesNotExist();
    }

    @Test
    void buildIdsSkipsEntriesThatAreNotBuilds() throws IOException {
        FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(root);
        assertThat(repository.buildIds()).isEmpty();
        repository.save(phase("real", 1, Phase.ANALYZE));
        Files.writeString(root.resolve("a-file"), "x");
        Files.createDirectories(root.resolve("empty-build"));
        Files.createDirectories(root.resolve("bad name"));
        Files.writeString(root.resolve("bad name").resolve("segment-000001.log"), "x");
        try (BuildLockFile lock = repository.lock("only-locked", Duration.ZERO)) {
            assertThat(repository.buildIds()).containsExactly("real");
            assertThat(lock.path()).exists();
        }
        assertThat(new FileSystemCheckpointRepository(root.resolve("missing")).buildIds()).isEmpty();
    }

    @Test
    void buildIdsAreOrderedByTheirFirstCheckpoint() {
        FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(root);
        repository.save(phase("zeta", 1, Phase.ANALYZE)); // created EPOCH + 1 ms
        repository.save(phase("alpha", 2, Phase.ANALYZE)); // EPOCH + 2 ms
        repository.save(phase("mid", 3, Phase.ANALYZE)); // EPOCH + 3 ms
        repository.save(phase("zeta", 9, Phase.DESIGN));
        assertThat(repository.buildIds()).containsExactly("zeta", "alpha", "mid");
    }

    @Test
    void aPayloadOverTheRecordLimitIsRefusedAndNothingIsWritten() {
        FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(root);
        Checkpoint huge = new Checkpoint(1, "b-1", 1, Phase.GENERATE, "t", TestCheckpoints.EPOCH,
                "a".repeat(CheckpointRecordFormat.MAX_PAYLOAD_BYTES));
        assertThatThrownBy(() -> repository.save(huge)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("more than the 16777216-byte limit");
        assertThat(repository.buildIds()).isEmpty();
        repository.save(phase("b-1", 1, Phase.GENERATE));
        assertThat(repository.history("b-1")).hasSize(1);
    }

    @Test
    void aRootThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(root.resolve("state"), "not a directory");
        assertThatThrownBy(() -> new FileSystemCheckpointRepository(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("is a file");
        assertThatThrownBy(() -> new FileSystemCheckpointRepository(null))
                .isInstanceOf(NullPointerException.class).hasMessage("root");
    }
}

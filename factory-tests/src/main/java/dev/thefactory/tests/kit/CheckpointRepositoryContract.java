package dev.thefactory.tests.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.Phase;
import dev.thefactory.spi.Checkpoint;
import dev.thefactory.spi.CheckpointRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CheckpointRepository} must keep, as JUnit 5 tests. Extend it and implement
 * {@link #newRepository()}:
 *
 * <pre>{@code
 * class MyRepositoryTest extends CheckpointRepositoryContract {
 *     @Override
 *     protected CheckpointRepository newRepository() {
 *         return new MyRepository(...);   // empty, fresh for every test
 *     }
 * }
 * }</pre>
 *
 * <p>Durable repositories should also override {@link #reopen(CheckpointRepository)} to return a new instance over
 * the same storage, so the kit can check that what was saved survives the instance (as it must survive a crash).
 */
public abstract class CheckpointRepositoryContract {

    /** For subclasses. */
    protected CheckpointRepositoryContract() {
    }

    /** @return a new, empty repository; called once per test */
    protected abstract CheckpointRepository newRepository();

    /**
     * @param repository a repository returned by {@link #newRepository()}
     * @return a new instance over the same storage; the default returns the same instance (for repositories that
     *         are not durable)
     */
    protected CheckpointRepository reopen(CheckpointRepository repository) {
        return repository;
    }

    /** @return a checkpoint of build {@code buildId} with this sequence, a phase checkpoint when taskId is null */
    protected static Checkpoint checkpoint(String buildId, long sequence, Phase phase, String taskId) {
        return new Checkpoint(1, buildId, sequence, phase, taskId, Instant.parse("2026-01-01T00:00:00Z")
                .plusMillis(sequence), "{\"build\":\"" + buildId + "\",\"sequence\":" + sequence + "}");
    }

    @Test
    void anEmptyRepositoryHasNothing() {
        CheckpointRepository repository = newRepository();
        assertThat(repository.buildIds()).isEmpty();
        assertThat(repository.latest("b-1")).isEmpty();
        assertThat(repository.history("b-1")).isEmpty();
        assertThat(repository.damage("b-1")).isEmpty();
    }

    @Test
    void savedCheckpointsComeBackUnchangedAndInOrder() {
        CheckpointRepository repository = newRepository();
        List<Checkpoint> saved = List.of(checkpoint("b-1", 1, Phase.ANALYZE, null),
                checkpoint("b-1", 2, Phase.GENERATE, "generate/code"),
                checkpoint("b-1", 3, Phase.GENERATE, "generate/code/model-é✓"),
                checkpoint("b-1", 4, Phase.GENERATE, null));
        saved.forEach(repository::save);

        CheckpointRepository reopened = reopen(repository);
        assertThat(reopened.history("b-1")).containsExactlyElementsOf(saved);
        assertThat(reopened.latest("b-1")).contains(saved.get(3));
        assertThat(reopened.buildIds()).containsExactly("b-1");
        assertThat(reopened.damage("b-1")).isEmpty();
    }

    /** "Oldest" is by the creation time of a build's first checkpoint, not by id. */
    @Test
    void buildsAreKeptApartAndListedOldestFirst() {
        CheckpointRepository repository = newRepository();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        repository.save(new Checkpoint(1, "b-2", 1, Phase.ANALYZE, null, t, "{}"));
        repository.save(new Checkpoint(1, "b-1", 1, Phase.ANALYZE, null, t.plusSeconds(1), "{}"));
        repository.save(new Checkpoint(1, "b-2", 2, Phase.DESIGN, null, t.plusSeconds(2), "{}"));

        CheckpointRepository reopened = reopen(repository);
        assertThat(reopened.buildIds()).containsExactly("b-2", "b-1");
        assertThat(reopened.history("b-1")).extracting(Checkpoint::sequence).containsExactly(1L);
        assertThat(reopened.latest("b-2")).get().extracting(Checkpoint::phase).isEqualTo(Phase.DESIGN);
    }

    @Test
    void aSequenceThatDoesNotGrowIsRefusedAndChangesNothing() {
        CheckpointRepository repository = newRepository();
        repository.save(checkpoint("b-1", 1, Phase.ANALYZE, null));
        repository.save(checkpoint("b-1", 2, Phase.DESIGN, null));

        assertThatThrownBy(() -> repository.save(checkpoint("b-1", 2, Phase.STRUCTURE, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repository.save(checkpoint("b-1", 1, Phase.STRUCTURE, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(reopen(repository).history("b-1")).extracting(Checkpoint::sequence).containsExactly(1L, 2L);
    }

    @Test
    void deleteRemovesOneBuildOnly() {
        CheckpointRepository repository = newRepository();
        repository.save(checkpoint("b-1", 1, Phase.ANALYZE, null));
        repository.save(checkpoint("b-2", 1, Phase.ANALYZE, null));

        repository.delete("b-1");
        repository.delete("never-saved");

        CheckpointRepository reopened = reopen(repository);
        assertThat(reopened.buildIds()).containsExactly("b-2");
        assertThat(reopened.latest("b-1")).isEmpty();
        assertThat(reopened.history("b-1")).isEmpty();
        assertThat(reopened.latest("b-2")).isPresent();
    }

    @Test
    void aDeletedBuildCanStartAgain() {
        CheckpointRepository repository = newRepository();
        repository.save(checkpoint("b-1", 5, Phase.ANALYZE, null));
        repository.delete("b-1");
        repository.save(checkpoint("b-1", 1, Phase.ANALYZE, null));
        assertThat(reopen(repository).history("b-1")).extracting(Checkpoint::sequence).containsExactly(1L);
    }

    @Test
    void largePayloadsSurvive() {
        CheckpointRepository repository = newRepository();
        String big = "x".repeat(256 * 1024);
        Checkpoint checkpoint = new Checkpoint(1, "b-1", 1, Phase.GENERATE, "generate/code", Instant.EPOCH,
                "{\"data\":\"" + big + "\"}");
        repository.save(checkpoint);
        assertThat(reopen(repository).latest("b-1")).contains(checkpoint);
    }

    @Test
    void concurrentSavesOfOneBuildAreAllKeptInSequenceOrder() throws Exception {
        CheckpointRepository repository = newRepository();
        int threads = 4;
        int perThread = 50;
        AtomicLong sequence = new AtomicLong();
        Object order = new Object();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        // the core hands out sequence numbers in order; the save itself may run concurrently
                        synchronized (order) {
                            long next = sequence.incrementAndGet();
                            repository.save(checkpoint("b-1", next, Phase.GENERATE, "generate/code/" + next));
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Checkpoint> history = reopen(repository).history("b-1");
        assertThat(history).hasSize(threads * perThread);
        assertThat(history).extracting(Checkpoint::sequence).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void closingKeepsWhatWasSavedAndMayBeRepeated() {
        CheckpointRepository repository = newRepository();
        repository.save(checkpoint("b-1", 1, Phase.ANALYZE, null));
        repository.save(checkpoint("b-1", 2, Phase.GENERATE, "t1"));
        repository.close();
        repository.close();
        CheckpointRepository reopened = reopen(repository);
        assertThat(reopened.history("b-1")).extracting(Checkpoint::sequence).containsExactly(1L, 2L);
        reopened.close();
    }

    @Test
    void nullArgumentsAreRefused() {
        CheckpointRepository repository = newRepository();
        assertThatThrownBy(() -> repository.save(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> repository.latest(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> repository.history(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> repository.delete(null)).isInstanceOf(NullPointerException.class);
    }
}

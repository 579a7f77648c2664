package dev.thefactory.tests.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.thefactory.api.Phase;
import dev.thefactory.api.StateLockedException;
import dev.thefactory.spi.BuildLock;
import dev.thefactory.spi.Checkpoint;
import dev.thefactory.spi.CheckpointRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
 *
 * <p>Three more overrides switch on the checks of what only some repositories can do; each check is skipped (a JUnit
 * assumption, reported as skipped) while its switch is off:
 *
 * <ul>
 *   <li>the lock ({@link CheckpointRepository#lock(String)}) is checked whenever the repository offers one: a second
 *       lock of a held build is refused, closing releases it, builds are independent;</li>
 *   <li>{@link #inAnotherProcess(CheckpointRepository)} says how a child JVM opens the same storage, for a repository
 *       whose lock keeps other processes out: the kit then locks from a child JVM and checks both sides;</li>
 *   <li>{@link #damageNewest(CheckpointRepository, String)} damages the stored bytes of a build's newest checkpoint,
 *       for a repository that stores bytes: the kit then checks that the damage is left out of {@code history} and
 *       {@code latest} and reported by {@link CheckpointRepository#damage(String)}.</li>
 * </ul>
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

    /**
     * Damages the stored bytes of a build's newest checkpoint, as a torn write or a flipped bit on disk would; the
     * kit reads the result through {@link #reopen(CheckpointRepository)}. Override it for a repository that stores
     * bytes anywhere (and so must override {@link CheckpointRepository#damage(String)}).
     *
     * @param repository a repository returned by {@link #newRepository()}, holding checkpoints of {@code buildId}
     * @param buildId    the build whose newest checkpoint to damage
     * @return true when it damaged the checkpoint; false (the default) when the repository cannot hold damaged data,
     *         which skips the damage checks
     * @throws Exception when the storage cannot be reached
     */
    protected boolean damageNewest(CheckpointRepository repository, String buildId) throws Exception {
        return false;
    }

    /**
     * Says how a child JVM opens the same storage as {@code repository}, for a repository whose lock keeps other
     * processes out. The kit then starts a JVM on this test's class path, opens the storage there with the opener and
     * checks that a lock held on either side refuses the other, and, when the record says so, that killing the
     * holding process releases its lock.
     *
     * @param repository a repository returned by {@link #newRepository()}
     * @return how to reach its storage from another process; empty (the default) skips the cross-process checks
     */
    protected Optional<OtherProcess> inAnotherProcess(CheckpointRepository repository) {
        return Optional.empty();
    }

    /**
     * Opens a repository over given storage in a child JVM (see {@link #inAnotherProcess}). An implementation must be
     * a public class with a public constructor without parameters, on the test class path.
     */
    @FunctionalInterface
    public interface Opener {
        /**
         * Opens a repository.
         *
         * @param storage what {@link OtherProcess#storage()} says, such as a directory or a connection URL
         * @return a repository over that storage
         */
        CheckpointRepository open(String storage);
    }

    /**
     * How a child JVM reaches the storage of a repository under test.
     *
     * @param opener                  the class that opens the repository in the child
     * @param storage                 the argument the opener needs (a directory, a connection URL)
     * @param releasedWhenProcessDies whether the repository's lock ends as soon as its holder's process is killed
     *                                (true for an operating-system file lock); when false the kill check is skipped
     */
    public record OtherProcess(Class<? extends Opener> opener, String storage, boolean releasedWhenProcessDies) {

        /**
         * Checks the components.
         *
         * @throws NullPointerException if {@code opener} or {@code storage} is null
         */
        public OtherProcess {
            Objects.requireNonNull(opener, "opener");
            Objects.requireNonNull(storage, "storage");
        }
    }

    /**
     * Makes a checkpoint for the tests.
     *
     * @param buildId  the build
     * @param sequence its sequence
     * @param phase    its phase
     * @param taskId   its task, or null for a phase checkpoint
     * @return a checkpoint of build {@code buildId} with this sequence, a phase checkpoint when taskId is null
     */
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
        assertThatThrownBy(() -> repository.lock(null)).isInstanceOf(NullPointerException.class);
    }

    // ---- the lock -------------------------------------------------------------------------------------------

    /** @return the held lock of the build, skipping the test when the repository offers no lock */
    private static BuildLock lockOrSkip(CheckpointRepository repository, String buildId) {
        Optional<BuildLock> lock = repository.lock(buildId);
        assertThat(lock).as("lock() must return an Optional, never null").isNotNull();
        assumeTrue(lock.isPresent(), "this repository offers no lock: the core keeps its builds apart within one "
                + "JVM only");
        return lock.get();
    }

    @Test
    void aHeldLockRefusesASecondLockOfTheBuildUntilItIsClosed() {
        CheckpointRepository repository = newRepository();
        BuildLock first = lockOrSkip(repository, "b-1");
        try {
            assertThat(first.buildId()).isEqualTo("b-1");
            assertThat(first.holder()).isNotBlank();
            assertThatThrownBy(() -> repository.lock("b-1"))
                    .as("a second lock of a held build, from the same instance")
                    .isInstanceOfSatisfying(StateLockedException.class, e -> {
                        assertThat(e.buildId()).contains("b-1");
                        assertThat(e.holder()).isNotBlank();
                    });
            CheckpointRepository other = reopen(repository);
            assertThatThrownBy(() -> other.lock("b-1")).as("a second lock through another instance over the storage")
                    .isInstanceOf(StateLockedException.class);
        } finally {
            first.close();
        }
        try (BuildLock again = repository.lock("b-1").orElseThrow()) {
            assertThat(again.buildId()).as("closing released it").isEqualTo("b-1");
        }
    }

    @Test
    void locksOfDifferentBuildsAreIndependent() {
        CheckpointRepository repository = newRepository();
        try (BuildLock a = lockOrSkip(repository, "b-1");
                BuildLock b = repository.lock("b-2").orElseThrow()) {
            assertThat(a.buildId()).isEqualTo("b-1");
            assertThat(b.buildId()).isEqualTo("b-2");
        }
    }

    @Test
    void closingALockTwiceDoesNotReleaseTheNextHolder() {
        CheckpointRepository repository = newRepository();
        BuildLock first = lockOrSkip(repository, "b-1");
        first.close();
        try (BuildLock second = repository.lock("b-1").orElseThrow()) {
            first.close();
            assertThatThrownBy(() -> repository.lock("b-1")).as("the second holder still holds it")
                    .isInstanceOf(StateLockedException.class);
            assertThat(second.buildId()).isEqualTo("b-1");
        }
    }

    @Test
    void aLockLeavesTheCheckpointsAsTheyAre() {
        CheckpointRepository repository = newRepository();
        try (BuildLock lock = lockOrSkip(repository, "b-1")) {
            assertThat(lock.buildId()).isEqualTo("b-1");
            repository.save(checkpoint("b-1", 1, Phase.ANALYZE, null));
            repository.save(checkpoint("b-1", 2, Phase.GENERATE, "t1"));
        }
        try (BuildLock unused = repository.lock("never-saved").orElseThrow()) {
            assertThat(repository.buildIds()).as("a locked build without checkpoints is no build").containsExactly("b-1");
            assertThat(unused.buildId()).isEqualTo("never-saved");
        }
        CheckpointRepository reopened = reopen(repository);
        assertThat(reopened.history("b-1")).extracting(Checkpoint::sequence).containsExactly(1L, 2L);
        assertThat(reopened.buildIds()).containsExactly("b-1");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aLockHeldByAnotherProcessRefusesThisOneAndTheOtherWay() throws Exception {
        CheckpointRepository repository = newRepository();
        OtherProcess other = inAnotherProcess(repository).orElse(null);
        assumeTrue(other != null, "inAnotherProcess is not overridden: the lock is not checked across processes");
        try (Child child = Child.start(other, "b-1")) {
            assertThat(child.command("lock")).startsWith("LOCKED ");
            assertThatThrownBy(() -> repository.lock("b-1")).as("held by the child process")
                    .isInstanceOf(StateLockedException.class);
            assertThat(child.command("release")).isEqualTo("RELEASED");
            try (BuildLock mine = repository.lock("b-1").orElseThrow()) {
                assertThat(mine.buildId()).isEqualTo("b-1");
                assertThat(child.command("lock")).as("held by this process").startsWith("REFUSED ");
            }
            assertThat(child.command("lock")).as("released by this process").startsWith("LOCKED ");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theLockOfAKilledProcessIsReleased() throws Exception {
        CheckpointRepository repository = newRepository();
        OtherProcess other = inAnotherProcess(repository).orElse(null);
        assumeTrue(other != null && other.releasedWhenProcessDies(),
                "the repository does not say its lock ends with a killed process");
        try (Child child = Child.start(other, "b-1")) {
            assertThat(child.command("lock")).startsWith("LOCKED ");
            assertThatThrownBy(() -> repository.lock("b-1")).isInstanceOf(StateLockedException.class);
            child.kill();
        }
        try (BuildLock mine = repository.lock("b-1").orElseThrow()) {
            assertThat(mine.buildId()).as("the killed holder's lock ended with it").isEqualTo("b-1");
        }
    }

    // ---- damage ---------------------------------------------------------------------------------------------

    @Test
    void aDamagedCheckpointIsLeftOutAndReported() throws Exception {
        CheckpointRepository repository = newRepository();
        List<Checkpoint> saved = List.of(checkpoint("b-1", 1, Phase.ANALYZE, null),
                checkpoint("b-1", 2, Phase.GENERATE, "t1"), checkpoint("b-1", 3, Phase.GENERATE, "t2"));
        saved.forEach(repository::save);
        repository.save(checkpoint("b-2", 1, Phase.ANALYZE, null));
        assumeTrue(damageNewest(repository, "b-1"), "damageNewest is not overridden: this repository is taken to "
                + "hold no damaged data");

        CheckpointRepository reopened = reopen(repository);
        assertThat(reopened.history("b-1")).as("the damaged checkpoint is left out")
                .containsExactlyElementsOf(saved.subList(0, 2));
        assertThat(reopened.latest("b-1")).as("latest falls back to the previous good checkpoint")
                .contains(saved.get(1));
        List<String> damage = reopened.damage("b-1");
        assertThat(damage).as("damage() reports it").isNotEmpty().allSatisfy(d -> assertThat(d).isNotBlank());
        assertThat(reopened.damage("b-1")).as("the same report every time").isEqualTo(damage);
        assertThat(reopened.damage("b-2")).as("another build is not damaged").isEmpty();
        assertThat(reopened.history("b-2")).hasSize(1);
        assertThat(reopened.buildIds()).contains("b-1", "b-2");
    }
}

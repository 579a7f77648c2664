package dev.thefactory.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.StateLockedException;
import dev.thefactory.spi.BuildLock;
import dev.thefactory.spi.Checkpoint;
import dev.thefactory.spi.CheckpointRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine takes a repository's own lock where it offers one, and a lock within the JVM where it does not. */
class BuildLocksTest {

    /** A repository that stores nothing; only its lock behaviour matters here. */
    private static class Unlocked implements CheckpointRepository {
        @Override
        public void save(Checkpoint checkpoint) {
        }

        @Override
        public Optional<Checkpoint> latest(String buildId) {
            return Optional.empty();
        }

        @Override
        public List<Checkpoint> history(String buildId) {
            return List.of();
        }

        @Override
        public void delete(String buildId) {
        }

        @Override
        public List<String> buildIds() {
            return List.of();
        }
    }

    @Test
    void aRepositoryWithoutALockIsLockedWithinTheJvm() {
        CheckpointRepository repository = new Unlocked();
        assertThat(repository.lock("b-1")).as("the SPI default offers no lock").isEmpty();

        BuildLock first = BuildLocks.acquire(repository, "b-1");
        assertThat(first.buildId()).isEqualTo("b-1");
        assertThat(first.holder()).startsWith("pid " + ProcessHandle.current().pid());
        assertThatThrownBy(() -> BuildLocks.acquire(repository, "b-1"))
                .isInstanceOfSatisfying(StateLockedException.class, e -> {
                    assertThat(e.holder()).startsWith(first.holder());
                    assertThat(e.stateDirectory()).isNull();
                    assertThat(e.getMessage()).contains("b-1");
                });
        try (BuildLock other = BuildLocks.acquire(repository, "b-2");
                BuildLock elsewhere = BuildLocks.acquire(new Unlocked(), "b-1")) {
            assertThat(other.buildId()).as("another build, or another repository, is independent").isEqualTo("b-2");
            assertThat(elsewhere.buildId()).isEqualTo("b-1");
        }
        first.close();
        first.close();
        try (BuildLock again = BuildLocks.acquire(repository, "b-1")) {
            assertThat(again.buildId()).isEqualTo("b-1");
        }
    }

    @Test
    void aRepositorysOwnLockIsUsedAndItsRefusalPassesThrough() {
        List<String> calls = new ArrayList<>();
        BuildLock own = new BuildLock() {
            @Override
            public String buildId() {
                return "b-1";
            }

            @Override
            public String holder() {
                return "the repository";
            }

            @Override
            public void close() {
                calls.add("close");
            }
        };
        CheckpointRepository locking = new Unlocked() {
            @Override
            public Optional<BuildLock> lock(String buildId) {
                calls.add("lock " + buildId);
                if (calls.size() > 1) {
                    throw new StateLockedException(buildId, "another process");
                }
                return Optional.of(own);
            }
        };
        try (BuildLock lock = BuildLocks.acquire(locking, "b-1")) {
            assertThat(lock).isSameAs(own);
            assertThatThrownBy(() -> BuildLocks.acquire(locking, "b-1")).isInstanceOf(StateLockedException.class)
                    .hasMessageContaining("another process");
        }
        assertThat(calls).containsExactly("lock b-1", "lock b-1", "close");
    }

    @Test
    void aRepositoryReturningNullFromLockIsReportedByClass() {
        CheckpointRepository broken = new Unlocked() {
            @Override
            public Optional<BuildLock> lock(String buildId) {
                return null;
            }
        };
        assertThatThrownBy(() -> BuildLocks.acquire(broken, "b-1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(broken.getClass().getName()).hasMessageContaining("Optional.empty()");
    }
}

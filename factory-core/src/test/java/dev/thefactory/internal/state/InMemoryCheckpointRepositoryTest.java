package dev.thefactory.internal.state;

import static dev.thefactory.internal.state.TestCheckpoints.phase;
import static dev.thefactory.internal.state.TestCheckpoints.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.Phase;
import dev.thefactory.spi.Checkpoint;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the contract kit in factory-tests does not cover: argument checks and the in-memory specifics. */
class InMemoryCheckpointRepositoryTest {

    private final InMemoryCheckpointRepository repository = new InMemoryCheckpointRepository();

    @Test
    void unsafeBuildIdsAreRefusedLikeOnDisk() {
        Checkpoint dotDot = new Checkpoint(1, "..", 1, Phase.ANALYZE, null, Instant.EPOCH, "{}");
        assertThatThrownBy(() -> repository.save(dotDot)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'..'");
        assertThatThrownBy(() -> repository.latest("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repository.history("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repository.delete(".")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repository.damage("x y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repository.save(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("checkpoint");
        assertThatThrownBy(() -> repository.latest(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("buildId");
        assertThat(repository.buildIds()).isEmpty();
    }

    @Test
    void aRefusedSequenceNamesBothNumbersAndChangesNothing() {
        repository.save(phase("b", 4, Phase.ANALYZE));
        assertThatThrownBy(() -> repository.save(task("b", 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("greater than 4").hasMessageContaining("but was 2");
        assertThat(repository.history("b")).extracting(Checkpoint::sequence).containsExactly(4L);
    }

    @Test
    void memoryHoldsNoDamageAndSaysItIsNotDurable() {
        repository.save(phase("b", 1, Phase.ANALYZE));
        assertThat(repository.damage("b")).isEmpty();
        assertThat(repository).hasToString("InMemoryCheckpointRepository (not durable)");
    }
}

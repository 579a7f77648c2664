package dev.thefactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.Phase;
import dev.thefactory.spi.Checkpoint;
import dev.thefactory.spi.CheckpointRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointRepositoriesTest {

    private static final Checkpoint FIRST = new Checkpoint(1, "b-1", 1, Phase.ANALYZE, null,
            Instant.parse("2026-01-01T00:00:00Z"), "{}");

    @Test
    void eachInMemoryRepositoryIsNewAndEmpty() {
        CheckpointRepository one = CheckpointRepositories.inMemory();
        one.save(FIRST);
        CheckpointRepository two = CheckpointRepositories.inMemory();
        assertThat(two).isNotSameAs(one);
        assertThat(two.buildIds()).isEmpty();
        assertThat(one.latest("b-1")).contains(FIRST);
    }

    @Test
    void aFileSystemRepositoryIsDurableAcrossInstances(@TempDir Path dir) {
        Path state = dir.resolve("state").resolve("checkpoints");
        CheckpointRepositories.fileSystem(state).save(FIRST);
        assertThat(state.resolve("b-1")).isDirectory();
        assertThat(CheckpointRepositories.fileSystem(state).history("b-1")).containsExactly(FIRST);
    }

    @Test
    void fileSystemChecksItsArgument(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> CheckpointRepositories.fileSystem(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("directory");
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> CheckpointRepositories.fileSystem(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(file.toString());
    }
}

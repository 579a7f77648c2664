package dev.thefactory.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.CheckpointException;
import dev.thefactory.api.Phase;
import dev.thefactory.internal.util.RecordingDisk;
import dev.thefactory.spi.Checkpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9: the checkpoint log forces its directories and propagates a failed force (bug 5); releases files (4). */
class CheckpointLogDurabilityTest {

    @TempDir
    Path root;

    private static Checkpoint checkpoint(String buildId, long sequence, String taskId) {
        return new Checkpoint(1, buildId, sequence, Phase.GENERATE, taskId, Instant.EPOCH, "{}");
    }

    @Test
    void theFirstSaveForcesTheBuildDirectoryAndTheNewSegmentsEntry() {
        RecordingDisk disk = new RecordingDisk(root);
        FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(root.resolve("state"),
                disk.files());

        repository.save(checkpoint("b-1", 1, null));

        assertThat(disk.steps()).containsExactly("force dir .", "force dir state", "force dir state/b-1",
                "force dir state/b-1", "force file");
        disk.clear();
        repository.save(checkpoint("b-1", 2, "t1"));
        assertThat(disk.steps()).as("a task checkpoint appends: one force").containsExactly("force file");
        repository.close();
    }

    @Test
    void aDirectoryThatCannotBeForcedFailsTheSaveInsteadOfBeingIgnored() {
        RecordingDisk disk = new RecordingDisk(root).failing((step, from, to, count) ->
                step.equals("forceDirectory") ? new IOException("simulated: EIO on fsync") : null);
        FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(root, disk.files());

        assertThatThrownBy(() -> repository.save(checkpoint("b-1", 1, null))).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("simulated: EIO on fsync");
    }

    @Test
    void releasingABuildClosesItsSegmentAndForgetsIt() throws IOException {
        FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(root);
        repository.save(checkpoint("b-1", 1, null));
        repository.release("b-1");
        repository.release("b-1");
        repository.save(checkpoint("b-1", 2, "t"));
        repository.close();
        assertThat(repository.history("b-1")).hasSize(2);
        assertThat(repository.segments("b-1")).hasSize(1);
    }
}

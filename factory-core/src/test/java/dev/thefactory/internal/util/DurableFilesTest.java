package dev.thefactory.internal.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, bug 5: every durable step forces what it changed, and a failed force is never swallowed. */
class DurableFilesTest {

    @TempDir
    Path dir;

    @Test
    void aWriteForcesTheFileThenRenamesThenForcesTheDirectory() throws IOException {
        RecordingDisk disk = new RecordingDisk(dir);
        Files.createDirectories(dir.resolve("a"));

        disk.files().write(dir.resolve("a/x.txt"), new byte[] {1, 2, 3});

        assertThat(disk.steps()).hasSize(3);
        assertThat(disk.steps().get(0)).isEqualTo("force file");
        assertThat(disk.steps().get(1)).startsWith("move a/" + DurableFiles.TEMP_PREFIX).endsWith(" -> a/x.txt");
        assertThat(disk.steps().get(2)).isEqualTo("force dir a");
        assertThat(Files.readAllBytes(dir.resolve("a/x.txt"))).containsExactly(1, 2, 3);
    }

    @Test
    void aRenameForcesBothDirectoriesAndACreatedDirectoryItsParent() throws IOException {
        RecordingDisk disk = new RecordingDisk(dir);
        DurableFiles files = disk.files();
        files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/x"), "x");
        assertThat(disk.steps()).containsExactly("force dir .", "force dir a");
        disk.clear();

        files.createDirectory(dir.resolve("c"));
        files.rename(dir.resolve("a/b/x"), dir.resolve("c/x"));

        assertThat(disk.steps()).containsExactly("force dir .", "move a/b/x -> c/x", "force dir c", "force dir a/b");
        assertThat(files.createDirectory(dir.resolve("c"))).as("already there").isFalse();
    }

    @Test
    void failuresPropagateAndLeaveNoTemporaryFile() throws IOException {
        DurableFiles failingForce = new RecordingDisk(dir).failing((step, from, to, count) ->
                step.equals("force") ? new IOException("simulated: EIO") : null).files();
        assertThatThrownBy(() -> failingForce.write(dir.resolve("x"), new byte[] {1}))
                .isInstanceOf(IOException.class).hasMessage("simulated: EIO");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }

        DurableFiles failingDirectory = new RecordingDisk(dir).failing((step, from, to, count) ->
                step.equals("forceDirectory") ? new IOException("simulated: cannot force") : null).files();
        assertThatThrownBy(() -> failingDirectory.write(dir.resolve("y"), new byte[] {1}))
                .isInstanceOf(IOException.class).hasMessage("simulated: cannot force");
        assertThatThrownBy(() -> failingDirectory.createDirectory(dir.resolve("d")))
                .isInstanceOf(IOException.class);
    }
}

package dev.thefactory.internal.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: a build that published nothing left behind, empty, the output directory it had created itself
 * ({@code factory build --out /tmp/new-dir} failing left {@code /tmp/new-dir}). Deleting the staging area removes the
 * output directory, and the parents created with it, only when the staging area created them and they are empty; a
 * directory that existed before is kept, empty or not, and its files untouched.
 */
class StagingAreaRemovesTheOutputItCreatedTest {

    @TempDir
    Path tmp;

    @Test
    void anOutputDirectoryTheBuildCreatedIsRemovedWithItsParentsWhenNothingWasPublished() throws IOException {
        Path output = tmp.resolve("new").resolve("out");
        StagingArea staging = StagingArea.open(output, "build-1", OutputQuotas.defaults());
        staging.write("src/App.java", "class App {}".getBytes(StandardCharsets.UTF_8));

        staging.delete();

        assertThat(output).doesNotExist();
        assertThat(tmp.resolve("new")).as("a parent the build created").doesNotExist();
        assertThat(tmp).isDirectory().isEmptyDirectory();
    }

    @Test
    void anOutputDirectoryThatExistedEmptyIsKept() throws IOException {
        Path output = Files.createDirectory(tmp.resolve("out"));
        StagingArea staging = StagingArea.open(output, "build-1", OutputQuotas.defaults());
        staging.write("a.txt", new byte[] {1});

        staging.delete();

        assertThat(output).isDirectory().isEmptyDirectory();
    }

    @Test
    void anOutputDirectoryThatExistedWithUserFilesIsKeptUntouched() throws IOException {
        Path parent = Files.createDirectory(tmp.resolve("parent"));
        Path output = parent.resolve("out");
        TreeSnapshot.write(output.resolve("notes.txt"), "mine");
        Files.createDirectories(output.resolve("empty-dir-of-mine"));
        Map<String, String> before = TreeSnapshot.of(tmp);
        StagingArea staging = StagingArea.open(output, "build-1", OutputQuotas.defaults());
        staging.write("a.txt", new byte[] {1});

        staging.delete();

        assertThat(TreeSnapshot.of(tmp)).isEqualTo(before);
        assertThat(output.resolve("empty-dir-of-mine")).isEmptyDirectory();
    }

    @Test
    void anOutputDirectoryTheBuildCreatedIsKeptWhileItHoldsAnything() throws IOException {
        Path output = tmp.resolve("out");
        StagingArea first = StagingArea.open(output, "build-1", OutputQuotas.defaults());
        StagingArea second = StagingArea.open(output, "build-2", OutputQuotas.defaults());
        second.write("a.txt", new byte[] {1});

        first.delete();
        assertThat(second.root().resolve("a.txt")).as("another build's staging area").isRegularFile();

        Files.writeString(output.resolve("published-meanwhile.txt"), "x");
        second.delete();
        first.delete();
        assertThat(output.resolve("published-meanwhile.txt")).isRegularFile();
        assertThat(output.resolve(StagingArea.STAGING_DIRECTORY)).doesNotExist();
    }

    @Test
    void reopenedForAResumeItRemovesTheOutputDirectoryTheBuildCreatedWhenItFirstOpenedIt() throws IOException {
        Path output = tmp.resolve("new").resolve("out");
        StagingArea interrupted = StagingArea.open(output, "build-1", OutputQuotas.defaults());
        interrupted.write("a.txt", new byte[] {1});
        interrupted.releaseWork();

        StagingArea resumed = StagingArea.open(output, "build-1", OutputQuotas.defaults());
        assertThat(resumed.files()).as("the staged work is kept for the resume").hasSize(1);
        resumed.delete();

        assertThat(tmp).isDirectory().isEmptyDirectory();
    }

    @Test
    void reopenedForAResumeItKeepsAnOutputDirectoryThatExistedBeforeTheBuild() throws IOException {
        Path output = Files.createDirectory(tmp.resolve("out"));
        StagingArea interrupted = StagingArea.open(output, "build-1", OutputQuotas.defaults());
        interrupted.write("a.txt", new byte[] {1});
        interrupted.releaseWork();

        StagingArea.open(output, "build-1", OutputQuotas.defaults()).delete();

        assertThat(output).isDirectory().isEmptyDirectory();
    }

    @Test
    void aResumeThatPublishesKeepsTheOutputDirectoryAndLeavesNoNoteBehind() throws IOException {
        Path output = tmp.resolve("out");
        StagingArea interrupted = StagingArea.open(output, "build-1", OutputQuotas.defaults());
        interrupted.write("a.txt", new byte[] {1});
        interrupted.releaseWork();
        StagingArea resumed = StagingArea.open(output, "build-1", OutputQuotas.defaults());

        Files.writeString(output.resolve("published.txt"), "x");
        resumed.delete();

        try (var entries = Files.list(output)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("published.txt");
        }
    }
}

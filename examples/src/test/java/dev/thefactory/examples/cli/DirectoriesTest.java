package dev.thefactory.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoriesTest {

    @TempDir
    Path dir;

    @Test
    void checkDoesNotCreateAndSaysWhereAMissingDirectoryWouldBeCreated() throws IOException {
        Directories.Check check = Directories.check(dir.resolve("a/b"));

        assertThat(check.exists()).isFalse();
        assertThat(check.writable()).isTrue();
        assertThat(check.detail()).isEqualTo("does not exist yet; will be created in " + dir);
        assertThat(Files.exists(dir.resolve("a"))).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files).as("the write probe is removed").isEmpty();
        }
    }

    @Test
    void aFileInTheWayIsReported() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");

        assertThat(Directories.check(file)).extracting(Directories.Check::writable, Directories.Check::detail)
                .containsExactly(false, "exists but is not a directory");
        assertThat(Directories.check(file.resolve("sub")).detail()).isEqualTo("cannot be created: " + file
                + " is not a directory");
    }

    @Test
    void requireWritableCreatesTheDirectoryOrFailsNamingTheOption() throws IOException {
        Path created = Directories.requireWritable("--out", dir.resolve("x/y"));
        Path file = Files.writeString(dir.resolve("f"), "x");

        assertThat(created).isDirectory();
        assertThatThrownBy(() -> Directories.requireWritable("--state", file.resolve("s")))
                .isInstanceOf(UnusableDirectoryException.class)
                .hasMessageStartingWith("--state directory " + file.resolve("s") + " cannot be used: it cannot be"
                        + " created")
                .satisfies(e -> assertThat(((UnusableDirectoryException) e).recoveryOptions())
                        .contains("or pass another directory with --state DIR"));
    }

    @Test
    void requireUsableLeavesAMissingOutputDirectoryForTheBuildToCreate() throws IOException {
        Path missing = dir.resolve("new/out");
        Path file = Files.writeString(dir.resolve("g"), "x");

        assertThat(Directories.requireUsable("--out", missing)).isEqualTo(missing.toAbsolutePath().normalize());
        assertThat(dir.resolve("new")).doesNotExist();
        assertThat(Directories.requireUsable("--out", dir)).isEqualTo(dir.toAbsolutePath().normalize());
        assertThatThrownBy(() -> Directories.requireUsable("--out", file.resolve("o")))
                .isInstanceOf(UnusableDirectoryException.class)
                .hasMessageStartingWith("--out directory " + file.resolve("o") + " cannot be used");
    }
}

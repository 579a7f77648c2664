package dev.thefactory.internal.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.FactoryException;
import dev.thefactory.api.UnsafePathException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherTest {

    @TempDir
    Path output;

    private StagingArea staging;

    @BeforeEach
    void setUp() {
        staging = StagingArea.open(output, "b2", OutputQuotas.defaults());
        staging.write("src/App.java", "new".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        staging.write("NEW.md", "only in the new output".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void earlierOutput() {
        TreeSnapshot.write(output.resolve("demo/src/App.java"), "old");
        TreeSnapshot.write(output.resolve("demo/OLD.md"), "only in the old output");
    }

    @Test
    void publishesIntoAnEmptyOutputDirectory() {
        Map<String, String> staged = TreeSnapshot.of(staging.root());
        Path published = Publisher.publish(staging.root(), output, "demo");
        assertThat(published).isEqualTo(output.resolve("demo"));
        assertThat(TreeSnapshot.of(published)).isEqualTo(staged);
        assertThat(staging.root()).doesNotExist();
        assertThat(output.resolve(Publisher.TRASH_DIRECTORY)).doesNotExist();
    }

    @Test
    void anEarlierOutputIsReplacedOnlyWhenPublishIsCalled() {
        earlierOutput();
        Map<String, String> old = TreeSnapshot.of(output.resolve("demo"));
        staging.write("more.txt", new byte[] {1});
        assertThat(TreeSnapshot.of(output.resolve("demo"))).as("staging leaves the earlier output alone").isEqualTo(old);

        Path published = Publisher.publish(staging.root(), output, "demo");

        assertThat(TreeSnapshot.read(published.resolve("src/App.java"))).isEqualTo("new");
        assertThat(published.resolve("NEW.md")).isRegularFile();
        assertThat(published.resolve("OLD.md")).as("nothing of the old output is mixed in").doesNotExist();
        assertThat(output.resolve(Publisher.TRASH_DIRECTORY)).as("the replaced output is deleted").doesNotExist();
    }

    @Test
    void theEarlierOutputSurvivesWhenMovingTheNewOneInFails() {
        earlierOutput();
        Map<String, String> old = TreeSnapshot.of(output.resolve("demo"));
        Map<String, String> staged = TreeSnapshot.of(staging.root());
        List<String> moves = new ArrayList<>();
        Publisher.Mover failsOnNewOutput = (from, to) -> {
            moves.add(output.relativize(from) + " -> " + output.relativize(to));
            if (from.equals(staging.root())) {
                throw new IOException("simulated: no space left on device");
            }
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        };

        assertThatThrownBy(() -> Publisher.publish(staging.root(), output, "demo", failsOnNewOutput))
                .isInstanceOf(FactoryException.class)
                .hasMessageContaining("the earlier output was kept")
                .hasMessageContaining("simulated: no space left on device")
                .satisfies(e -> assertThat(((FactoryException) e).recoveryOptions()).singleElement().asString()
                        .contains("still staged at"));

        assertThat(moves).containsExactly(
                "demo -> .trash/demo-1",
                ".staging/b2 -> demo",
                ".trash/demo-1 -> demo");
        assertThat(TreeSnapshot.of(output.resolve("demo"))).isEqualTo(old);
        assertThat(TreeSnapshot.of(staging.root())).as("the validated project stays staged").isEqualTo(staged);
    }

    @Test
    void nothingChangesWhenTheEarlierOutputCannotBeMovedAside() {
        earlierOutput();
        Map<String, String> before = TreeSnapshot.of(output);
        Publisher.Mover failsAtOnce = (from, to) -> {
            throw new IOException("simulated: permission denied");
        };
        assertThatThrownBy(() -> Publisher.publish(staging.root(), output, "demo", failsAtOnce))
                .isInstanceOf(FactoryException.class)
                .hasMessageContaining("move the earlier output aside")
                .hasMessageContaining("nothing was changed");
        assertThat(TreeSnapshot.of(output)).isEqualTo(before);
    }

    @Test
    void whenRestoringAlsoFailsTheMessageSaysWhereTheEarlierOutputIs() {
        earlierOutput();
        Map<String, String> old = TreeSnapshot.of(output.resolve("demo"));
        int[] calls = {0};
        Publisher.Mover onlyFirstWorks = (from, to) -> {
            if (calls[0]++ == 0) {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } else {
                throw new IOException("simulated failure " + calls[0]);
            }
        };
        assertThatThrownBy(() -> Publisher.publish(staging.root(), output, "demo", onlyFirstWorks))
                .isInstanceOf(FactoryException.class)
                .hasMessageContaining("nor restore the earlier output")
                .hasMessageContaining(output.resolve(".trash/demo-1").toString())
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().asString()
                        .contains("simulated failure 3"));
        assertThat(TreeSnapshot.of(output.resolve(".trash/demo-1"))).isEqualTo(old);
    }

    @Test
    void aLinkAtTheTargetIsRefused() throws IOException {
        Path elsewhere = Files.createDirectory(output.resolve("elsewhere"));
        Files.createSymbolicLink(output.resolve("demo"), elsewhere);
        assertThatThrownBy(() -> Publisher.publish(staging.root(), output, "demo"))
                .isInstanceOf(UnsafePathException.class)
                .hasMessageContaining("symbolic link");
        assertThat(elsewhere).isEmptyDirectory();
        assertThat(staging.root().resolve("NEW.md")).isRegularFile();
    }

    @Test
    void aFileAtTheTargetIsRefused() throws IOException {
        Files.writeString(output.resolve("demo"), "a file");
        assertThatThrownBy(() -> Publisher.publish(staging.root(), output, "demo"))
                .isInstanceOf(UnsafePathException.class)
                .hasMessageContaining("not a directory");
        assertThat(Files.readString(output.resolve("demo"))).isEqualTo("a file");
    }

    @Test
    void theTrashSlotSkipsLeftovers() throws IOException {
        earlierOutput();
        Files.createDirectories(output.resolve(".trash/demo-1"));
        Publisher.publish(staging.root(), output, "demo");
        assertThat(output.resolve(".trash")).isDirectory();
        assertThat(output.resolve(".trash/demo-1")).isDirectory();
        assertThat(output.resolve(".trash/demo-2")).doesNotExist();
        assertThat(TreeSnapshot.read(output.resolve("demo/src/App.java"))).isEqualTo("new");
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> Publisher.publish(staging.root(), output, "../x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slug must match")
                .hasMessageContaining("'../x'");
        assertThatThrownBy(() -> Publisher.publish(staging.root(), output, "con"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Publisher.publish(output.resolve("missing"), output, "demo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stagedRoot must be a directory");
        assertThatThrownBy(() -> Publisher.publish(null, output, "demo")).hasMessage("stagedRoot");
        assertThatThrownBy(() -> Publisher.publish(staging.root(), null, "demo")).hasMessage("outputRoot");
        assertThatThrownBy(() -> Publisher.publish(staging.root(), output, null)).hasMessage("slug");
    }
}

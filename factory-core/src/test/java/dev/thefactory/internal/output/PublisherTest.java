package dev.thefactory.internal.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.FactoryException;
import dev.thefactory.api.OutputConflictException;
import dev.thefactory.internal.util.RecordingDisk;
import dev.thefactory.internal.util.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherTest {

    @TempDir
    Path output;

    private StagingArea staging;

    @BeforeEach
    void setUp() throws IOException {
        output = output.toRealPath();
        staging = stage("b2", "new");
    }

    private StagingArea stage(String buildId, String content) {
        StagingArea area = StagingArea.open(output, buildId, OutputQuotas.defaults());
        area.write("src/App.java", content.getBytes(StandardCharsets.UTF_8));
        area.write("NEW.md", "only in the new output".getBytes(StandardCharsets.UTF_8));
        return area;
    }

    /** Writes what build b1 published: two files and the manifest listing them. */
    private void earlierOutput() {
        TreeSnapshot.write(output.resolve("demo/src/App.java"), "old");
        TreeSnapshot.write(output.resolve("demo/OLD.md"), "only in the old output");
        StringBuilder files = new StringBuilder();
        for (String path : List.of("OLD.md", "src/App.java")) {
            byte[] bytes = TreeSnapshot.read(output.resolve("demo").resolve(path)).getBytes(StandardCharsets.UTF_8);
            files.append(files.length() == 0 ? "" : ",").append("{\"path\":\"").append(path).append("\",\"size\":")
                    .append(bytes.length).append(",\"sha256\":\"").append(Sha256.hex(bytes)).append("\"}");
        }
        TreeSnapshot.write(output.resolve("demo/.factory/metadata.json"),
                "{\"buildId\":\"b1\",\"coverage\":{},\"files\":[" + files + "]}");
    }

    private Publisher.Publication publish(boolean overwrite) {
        PublishedOutput seen = Publisher.check(output, "demo", "b2", overwrite);
        return Publisher.publish(staging.root(), output, "demo", "b2", seen, overwrite);
    }

    @Test
    void publishesIntoAnEmptyOutputDirectoryAndForcesTheRename() {
        Map<String, String> staged = TreeSnapshot.of(staging.root());
        RecordingDisk disk = new RecordingDisk(output);
        PublishedOutput seen = Publisher.check(output, "demo", "b2", false);
        assertThat(seen.kind()).isEqualTo(PublishedOutput.Kind.ABSENT);
        assertThat(Publisher.notice(seen, "demo", "b2")).isNull();

        Publisher.Publication done = Publisher.publish(staging.root(), output, "demo", "b2", seen, false,
                disk.files());

        assertThat(done.directory()).isEqualTo(output.resolve("demo"));
        assertThat(done.notes()).isEmpty();
        assertThat(TreeSnapshot.of(done.directory())).isEqualTo(staged);
        assertThat(staging.root()).doesNotExist();
        assertThat(output.resolve(Publisher.TRASH_DIRECTORY)).doesNotExist();
        assertThat(disk.steps()).containsSubsequence("move .staging/b2 -> demo", "force dir .",
                "force dir .staging");
    }

    @Test
    void anUnchangedEarlierOutputIsReplacedWithANote() {
        earlierOutput();
        PublishedOutput seen = Publisher.check(output, "demo", "b2", false);
        assertThat(seen.kind()).isEqualTo(PublishedOutput.Kind.PUBLISHED);
        assertThat(seen.publishedBy()).isEqualTo("b1");
        assertThat(Publisher.notice(seen, "demo", "b2")).contains("build b1").contains("will be replaced");

        Publisher.Publication done = Publisher.publish(staging.root(), output, "demo", "b2", seen, false);

        assertThat(TreeSnapshot.read(done.directory().resolve("src/App.java"))).isEqualTo("new");
        assertThat(done.directory().resolve("OLD.md")).as("nothing of the old output is mixed in").doesNotExist();
        assertThat(done.notes()).singleElement().asString().contains("Replaced the unchanged output of build b1");
        assertThat(output.resolve(Publisher.TRASH_DIRECTORY)).as("the replaced output is deleted").doesNotExist();
    }

    @Test
    void aDirectoryWithUserFilesIsNeverTouchedWithoutOverwrite() {
        earlierOutput();
        TreeSnapshot.write(output.resolve("demo/MY_NOTES.txt"), "mine");
        TreeSnapshot.write(output.resolve("demo/OLD.md"), "edited");
        TreeSnapshot.write(output.resolve("demo/target/classes/App.class"), "compiled");
        try {
            Files.createDirectories(output.resolve("demo/empty"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> before = TreeSnapshot.of(output);

        assertThatThrownBy(() -> publish(false)).isInstanceOfSatisfying(OutputConflictException.class, e -> {
            assertThat(e.differences()).containsExactly("added: MY_NOTES.txt", "added: empty/",
                    "added: target/classes/App.class", "changed: OLD.md");
            assertThat(e.getMessage()).contains(output.resolve("demo").toString())
                    .contains("before doing any work");
            assertThat(e.recoveryOptions()).anySatisfy(o -> assertThat(o).contains(".trash/demo-<id of that build>"));
        });
        assertThat(TreeSnapshot.of(output)).isEqualTo(before);
    }

    @Test
    void withOverwriteUserFilesAreMovedAsideAndKept() {
        earlierOutput();
        TreeSnapshot.write(output.resolve("demo/MY_NOTES.txt"), "mine");
        Map<String, String> old = TreeSnapshot.of(output.resolve("demo"));
        PublishedOutput seen = Publisher.check(output, "demo", "b2", true);
        assertThat(Publisher.notice(seen, "demo", "b2")).contains("added: MY_NOTES.txt").contains(".trash");

        Publisher.Publication done = Publisher.publish(staging.root(), output, "demo", "b2", seen, true);

        Path kept = output.resolve(".trash/demo-b2");
        assertThat(TreeSnapshot.of(kept)).isEqualTo(old);
        assertThat(done.notes()).singleElement().asString().contains(kept.toString()).contains("kept");
        assertThat(TreeSnapshot.read(done.directory().resolve("src/App.java"))).isEqualTo("new");
    }

    @Test
    void aSecondBuildPublishingTheSameSlugFailsInsteadOfReplacingTheFirst() {
        StagingArea other = stage("b3", "from b3");
        PublishedOutput seenByB2 = Publisher.check(output, "demo", "b2", false);
        PublishedOutput seenByB3 = Publisher.check(output, "demo", "b3", false);
        TreeSnapshot.write(staging.root().resolve(".factory/metadata.json"), "{\"buildId\":\"b2\",\"files\":["
                + entry(staging, "NEW.md") + "," + entry(staging, "src/App.java") + "]}");
        Publisher.publish(staging.root(), output, "demo", "b2", seenByB2, false);
        Map<String, String> first = TreeSnapshot.of(output.resolve("demo"));

        assertThatThrownBy(() -> Publisher.publish(other.root(), output, "demo", "b3", seenByB3, false))
                .isInstanceOfSatisfying(OutputConflictException.class, e -> assertThat(e.differences())
                        .containsExactly("published by build b2 while this build ran"));

        assertThat(TreeSnapshot.of(output.resolve("demo"))).isEqualTo(first);
        assertThat(other.root().resolve("src/App.java")).as("kept staged for a resume").exists();
    }

    @Test
    void withOverwriteAnOutputPublishedWhileThisBuildRanIsKeptNotDeleted() {
        PublishedOutput seen = Publisher.check(output, "demo", "b2", true);
        earlierOutput(); // build b1 publishes while b2 runs

        Publisher.Publication done = Publisher.publish(staging.root(), output, "demo", "b2", seen, true);

        assertThat(TreeSnapshot.read(output.resolve(".trash/demo-b2/OLD.md"))).isEqualTo("only in the old output");
        assertThat(done.notes()).singleElement().asString().contains("build b1").contains("kept");
    }

    @Test
    void concurrentPublishesOfOneSlugNeverMixTrees() throws Exception {
        List<StagingArea> areas = new ArrayList<>();
        List<PublishedOutput> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            areas.add(stage("c" + i, "from c" + i));
            seen.add(Publisher.check(output, "demo", "c" + i, false));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                all.add(threads.submit(() -> {
                    go.await();
                    try {
                        Publisher.publish(areas.get(n).root(), output, "demo", "c" + n, seen.get(n), false);
                    } catch (OutputConflictException e) {
                        failures.add(e);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : all) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(failures).hasSize(3);
        String winner = TreeSnapshot.read(output.resolve("demo/src/App.java"));
        assertThat(winner).startsWith("from c");
        assertThat(TreeSnapshot.of(output.resolve("demo")).keySet()).containsExactlyInAnyOrder("", "src",
                "src/App.java", "NEW.md");
    }

    private static String entry(StagingArea area, String path) {
        StagingArea.FileInfo info = area.files().get(path);
        return "{\"path\":\"" + path + "\",\"size\":" + info.size() + ",\"sha256\":\"" + info.sha256() + "\"}";
    }

    @Test
    void theEarlierOutputSurvivesWhenMovingTheNewOneInFails() {
        earlierOutput();
        Map<String, String> old = TreeSnapshot.of(output.resolve("demo"));
        Map<String, String> staged = TreeSnapshot.of(staging.root());
        RecordingDisk disk = new RecordingDisk(output).failing((step, from, to, count) ->
                step.equals("move") && from.equals(staging.root())
                        ? new IOException("simulated: no space left on device") : null);
        PublishedOutput seen = Publisher.check(output, "demo", "b2", false);

        assertThatThrownBy(() -> Publisher.publish(staging.root(), output, "demo", "b2", seen, false, disk.files()))
                .isInstanceOf(FactoryException.class)
                .hasMessageContaining("the earlier output was kept")
                .hasMessageContaining("simulated: no space left on device")
                .satisfies(e -> assertThat(((FactoryException) e).recoveryOptions()).singleElement().asString()
                        .contains("still staged at"));

        assertThat(disk.steps()).filteredOn(s -> s.startsWith("move")).containsExactly(
                "move demo -> .trash/demo-b2",
                "move .trash/demo-b2 -> demo");
        assertThat(TreeSnapshot.of(output.resolve("demo"))).isEqualTo(old);
        assertThat(TreeSnapshot.of(staging.root())).as("the validated project stays staged").isEqualTo(staged);
    }

    @Test
    void nothingChangesWhenTheEarlierOutputCannotBeMovedAside() {
        earlierOutput();
        Map<String, String> before = TreeSnapshot.of(output);
        RecordingDisk disk = new RecordingDisk(output).failing((step, from, to, count) ->
                step.equals("move") ? new IOException("simulated: permission denied") : null);
        PublishedOutput seen = Publisher.check(output, "demo", "b2", false);
        assertThatThrownBy(() -> Publisher.publish(staging.root(), output, "demo", "b2", seen, false, disk.files()))
                .isInstanceOf(FactoryException.class)
                .hasMessageContaining("move the earlier output aside")
                .hasMessageContaining("nothing was changed");
        Map<String, String> after = TreeSnapshot.of(output);
        after.keySet().removeIf(p -> p.startsWith(Publisher.LOCK_DIRECTORY));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void whenRestoringAlsoFailsTheMessageSaysWhereTheEarlierOutputIs() {
        earlierOutput();
        Map<String, String> old = TreeSnapshot.of(output.resolve("demo"));
        RecordingDisk disk = new RecordingDisk(output).failing((step, from, to, count) ->
                step.equals("move") && count > 0 ? new IOException("simulated failure " + count) : null);
        PublishedOutput seen = Publisher.check(output, "demo", "b2", false);
        assertThatThrownBy(() -> Publisher.publish(staging.root(), output, "demo", "b2", seen, false, disk.files()))
                .isInstanceOf(FactoryException.class)
                .hasMessageContaining("nor restore the earlier output")
                .hasMessageContaining(output.resolve(".trash/demo-b2").toString())
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().asString()
                        .contains("simulated failure 1"));
        assertThat(TreeSnapshot.of(output.resolve(".trash/demo-b2"))).isEqualTo(old);
    }

    @Test
    void aFailedDirectoryForceFailsThePublish() {
        RecordingDisk disk = new RecordingDisk(output).failing((step, from, to, count) ->
                step.equals("forceDirectory") && from.equals(output) ? new IOException("simulated: EIO") : null);
        PublishedOutput seen = Publisher.check(output, "demo", "b2", false);
        assertThatThrownBy(() -> Publisher.publish(staging.root(), output, "demo", "b2", seen, false, disk.files()))
                .isInstanceOf(FactoryException.class).hasMessageContaining("simulated: EIO");
    }

    @Test
    void aLinkAtTheTargetIsAConflictAndItsTargetIsNeverTouched() throws IOException {
        Path elsewhere = Files.createDirectory(output.resolve("elsewhere"));
        TreeSnapshot.write(elsewhere.resolve("precious.txt"), "precious");
        Files.createSymbolicLink(output.resolve("demo"), elsewhere);
        assertThatThrownBy(() -> publish(false)).isInstanceOf(OutputConflictException.class)
                .hasMessageContaining("symbolic link");

        publish(true);

        assertThat(TreeSnapshot.read(elsewhere.resolve("precious.txt"))).isEqualTo("precious");
        assertThat(Files.isSymbolicLink(output.resolve(".trash/demo-b2"))).isTrue();
        assertThat(TreeSnapshot.read(output.resolve("demo/src/App.java"))).isEqualTo("new");
    }

    @Test
    void aFileAtTheTargetIsAConflict() throws IOException {
        Files.writeString(output.resolve("demo"), "a file");
        assertThatThrownBy(() -> publish(false)).isInstanceOf(OutputConflictException.class)
                .hasMessageContaining("not a directory");
        assertThat(Files.readString(output.resolve("demo"))).isEqualTo("a file");
    }

    @Test
    void theTrashSlotSkipsLeftovers() throws IOException {
        earlierOutput();
        TreeSnapshot.write(output.resolve("demo/MY_NOTES.txt"), "mine");
        Files.createDirectories(output.resolve(".trash/demo-b2"));
        publish(true);
        assertThat(output.resolve(".trash/demo-b2")).isEmptyDirectory();
        assertThat(TreeSnapshot.read(output.resolve(".trash/demo-b2-2/MY_NOTES.txt"))).isEqualTo("mine");
        assertThat(TreeSnapshot.read(output.resolve("demo/src/App.java"))).isEqualTo("new");
    }

    @Test
    void argumentsAreChecked() {
        PublishedOutput absent = Publisher.check(output, "demo", "b2", false);
        assertThatThrownBy(() -> Publisher.publish(staging.root(), output, "../x", "b2", absent, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slug must match")
                .hasMessageContaining("'../x'");
        assertThatThrownBy(() -> Publisher.check(output, "con", "b2", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Publisher.publish(output.resolve("missing"), output, "demo", "b2", absent, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stagedRoot must be a directory");
        assertThatThrownBy(() -> Publisher.publish(null, output, "demo", "b2", absent, false))
                .hasMessage("stagedRoot");
        assertThatThrownBy(() -> Publisher.publish(staging.root(), null, "demo", "b2", absent, false))
                .hasMessage("outputRoot");
        assertThatThrownBy(() -> Publisher.publish(staging.root(), output, null, "b2", absent, false))
                .hasMessage("slug");
        assertThatThrownBy(() -> Publisher.publish(staging.root(), output, "demo", "b2", null, false))
                .hasMessage("seen");
    }
}

package dev.thefactory.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.BuildNotFoundException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.OutputConflictException;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.BuildNotice;
import dev.thefactory.api.event.PhaseStarted;
import dev.thefactory.fixtures.TreeBackendProvider;
import dev.thefactory.fixtures.Trees;
import dev.thefactory.internal.state.FileSystemCheckpointRepository;
import dev.thefactory.internal.state.InMemoryCheckpointRepository;
import dev.thefactory.spi.CheckpointRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests for issue 9: publishing destroyed the user's files (bug 1), resuming an unknown build id ran a
 * new build (bug 2), and a resume after a lost publish rename refused to publish again (bug 5).
 */
class PublishingKeepsUserFilesTest {

    @TempDir
    Path dir;

    private Path out() {
        return dir.resolve("out");
    }

    private Path project() {
        return out().resolve("tree-demo");
    }

    private BuildEngine engine(CheckpointRepository repository, boolean overwrite, List<BuildEvent> events) {
        EngineConfig base = EngineFixture.config(out(), repository, events::add);
        EngineConfig config = new EngineConfig(base.mode(), base.outputDirectory(), base.listeners(),
                base.explicitBackend(), base.checkpoints(), base.parallelism(), base.watchdog(),
                base.minHeapHeadroom(), base.retry(), base.circuitBreaker(), base.timeouts(), base.faults(),
                base.clock(), base.quotas(), base.patterns(), base.requireFeatures(), base.generatedTests(),
                overwrite);
        return EngineFixture.engine(config, EngineFixture.SPEC, null, new TreeBackendProvider());
    }

    private BuildEngine engine(CheckpointRepository repository) {
        return engine(repository, false, new CopyOnWriteArrayList<>());
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> hidden(Path out) throws IOException {
        try (Stream<Path> entries = Files.list(out)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".staging")).toList();
        }
    }

    @Test
    void theManifestTheOutputCheckReadsIsTheOneBuildsWrite() {
        assertThat(dev.thefactory.internal.output.PublishedOutput.METADATA).isEqualTo(BuildMetadata.PATH);
    }

    @Test
    void aRebuildReplacesAnUnchangedEarlierOutputAndSaysSo() {
        InMemoryCheckpointRepository repository = new InMemoryCheckpointRepository();
        BuildResult first = engine(repository).run();
        List<BuildEvent> events = new CopyOnWriteArrayList<>();

        BuildResult second = engine(repository, false, events).run();

        assertThat(second.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(second.notes()).anySatisfy(n -> assertThat(n).contains("Replaced the unchanged output of build "
                + first.buildId()));
        assertThat(events).filteredOn(BuildNotice.class::isInstance).map(e -> ((BuildNotice) e).message())
                .anySatisfy(m -> assertThat(m).contains(first.buildId()).contains("will be replaced"));
        assertThat(Trees.tree(project()).get(".factory/metadata.json")).isNotNull();
        assertThat(out().resolve(".trash")).as("the replaced, unchanged output is not kept").doesNotExist();
    }

    @Test
    void filesTheUserAddedStopTheNextBuildBeforeAnyWork() throws IOException {
        InMemoryCheckpointRepository repository = new InMemoryCheckpointRepository();
        engine(repository).run();
        write(project().resolve("MY_NOTES.txt"), "mine");
        write(project().resolve("target/classes/App.class"), "compiled");
        Map<String, String> before = Trees.tree(project());
        List<BuildEvent> events = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> engine(repository, false, events).run())
                .isInstanceOfSatisfying(OutputConflictException.class, e -> {
                    assertThat(e.directory()).isEqualTo(project());
                    assertThat(e.differences()).contains("added: MY_NOTES.txt", "added: target/classes/App.class");
                    assertThat(e.getMessage()).contains(project().toString()).contains("MY_NOTES.txt")
                            .contains("recovery options");
                    assertThat(e.recoveryOptions()).anySatisfy(o -> assertThat(o).contains("overwrite(true)"))
                            .anySatisfy(o -> assertThat(o).contains("another output directory"));
                });

        assertThat(Trees.tree(project())).as("nothing touched").isEqualTo(before);
        assertThat(repository.buildIds()).as("no work, no checkpoint").hasSize(1);
        assertThat(events).noneMatch(PhaseStarted.class::isInstance);
        assertThat(hidden(out())).as("no staging area").isEmpty();
    }

    @Test
    void changedAndRemovedFilesAndAMissingManifestAreConflictsToo() throws IOException {
        InMemoryCheckpointRepository repository = new InMemoryCheckpointRepository();
        engine(repository).run();
        List<String> files = Trees.projectFiles(project()).keySet().stream().sorted().toList();
        write(project().resolve(files.get(0)), "edited by hand");
        Files.delete(project().resolve(files.get(1)));

        assertThatThrownBy(() -> engine(repository).run()).isInstanceOfSatisfying(OutputConflictException.class,
                e -> assertThat(e.differences()).contains("changed: " + files.get(0), "removed: " + files.get(1)));

        Files.delete(project().resolve(".factory/metadata.json"));
        assertThatThrownBy(() -> engine(repository).run()).isInstanceOfSatisfying(OutputConflictException.class,
                e -> assertThat(e.differences()).anySatisfy(d -> assertThat(d).contains("no .factory/metadata.json")));
        assertThat(project().resolve(files.get(0))).hasContent("edited by hand");
    }

    @Test
    void aFileInPlaceOfTheProjectDirectoryIsAConflict() throws IOException {
        write(project(), "a file, not a directory");

        assertThatThrownBy(() -> engine(new InMemoryCheckpointRepository()).run())
                .isInstanceOf(OutputConflictException.class).hasMessageContaining("not a directory");
        assertThat(project()).hasContent("a file, not a directory");
    }

    @Test
    void withOverwriteTheOldTreeIsMovedAsideAndKept() {
        InMemoryCheckpointRepository repository = new InMemoryCheckpointRepository();
        engine(repository).run();
        write(project().resolve("MY_NOTES.txt"), "mine");

        BuildResult result = engine(repository, true, new CopyOnWriteArrayList<>()).run();

        Path kept = out().resolve(".trash").resolve("tree-demo-" + result.buildId());
        assertThat(kept.resolve("MY_NOTES.txt")).hasContent("mine");
        assertThat(project().resolve("MY_NOTES.txt")).doesNotExist();
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains(kept.toString()).contains("kept"));
    }

    @Test
    void filesAddedWhileTheBuildRunsStopThePublishAndKeepTheStagedProject() {
        InMemoryCheckpointRepository repository = new InMemoryCheckpointRepository();
        engine(repository).run();
        EngineConfig config = EngineFixture.config(out(), repository, event -> {
            if (event instanceof PhaseStarted started && started.phase() == dev.thefactory.api.Phase.GENERATE) {
                write(project().resolve("MY_NOTES.txt"), "written while the build ran");
            }
        });
        BuildEngine racing = EngineFixture.engine(config, EngineFixture.SPEC, null, new TreeBackendProvider());

        assertThatThrownBy(racing::run).isInstanceOfSatisfying(OutputConflictException.class,
                e -> assertThat(e.getMessage()).contains("added: MY_NOTES.txt").contains(".staging"));

        assertThat(project().resolve("MY_NOTES.txt")).hasContent("written while the build ran");
        assertThat(out().resolve(".staging")).as("the validated project is kept for a resume").isDirectory();
    }

    @Test
    void anUnknownBuildIdFailsEveryTimeAndCreatesOrPublishesNothing() throws IOException {
        Path state = dir.resolve("state");
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(state)) {
            BuildEngine engine = engine(repository);
            for (int attempt = 1; attempt <= 2; attempt++) {
                assertThatThrownBy(() -> engine.resume("b-typo", false)).as("attempt %d", attempt)
                        .isInstanceOf(BuildNotFoundException.class).hasMessageContaining("b-typo");
            }
            assertThat(state.resolve("b-typo")).doesNotExist();
            assertThat(repository.buildIds()).isEmpty();
        }
        assertThat(project()).doesNotExist();
    }

    @Test
    void aFreshBuildRefusedBeforeAnyWorkLeavesNothingInTheStateDirectory() throws IOException {
        Path state = dir.resolve("state");
        write(project().resolve("MY_NOTES.txt"), "mine");
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(state)) {
            assertThatThrownBy(() -> engine(repository).run()).isInstanceOf(OutputConflictException.class);
            assertThat(repository.buildIds()).isEmpty();
        }
        try (Stream<Path> left = Files.list(state)) {
            assertThat(left).as("no lock file, no empty build directory").isEmpty();
        }
        assertThat(Files.readString(project().resolve("MY_NOTES.txt"))).isEqualTo("mine");
    }

    @Test
    void aLockDirectoryWithoutCheckpointsIsNotABuild() {
        Path state = dir.resolve("state");
        write(state.resolve("b-20261201-120000-abcdef").resolve("lock"), "pid 1");
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(state)) {
            BuildEngine engine = engine(repository);
            for (int attempt = 1; attempt <= 2; attempt++) {
                assertThatThrownBy(() -> engine.resume("b-20261201-120000-abcdef", false))
                        .isInstanceOf(BuildNotFoundException.class);
            }
        }
        assertThat(project()).doesNotExist();
    }

    @Test
    void aResumeAfterALostPublishRenamePublishesAgain() throws IOException {
        Path state = dir.resolve("state");
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(state)) {
            BuildResult done = engine(repository).run();
            Map<String, String> published = Trees.projectFiles(project());
            // A power cut lost the rename: the PUBLISH checkpoint is durable, the project is still staged.
            Files.createDirectories(out().resolve(".staging"));
            Files.move(project(), out().resolve(".staging").resolve(done.buildId()));

            BuildResult again = engine(repository).resume(done.buildId(), false);

            assertThat(again.status()).isEqualTo(BuildStatus.SUCCEEDED);
            assertThat(Trees.projectFiles(project())).isEqualTo(published);
            assertThatThrownBy(() -> engine(repository).resume(done.buildId(), false))
                    .hasMessageContaining("already succeeded");
        }
    }

    @Test
    void aResumeOfAPublishedBuildWhoseOutputWasRemovedBuildsItAgain() throws IOException {
        InMemoryCheckpointRepository repository = new InMemoryCheckpointRepository();
        BuildResult done = engine(repository).run();
        Map<String, String> published = Trees.projectFiles(project());
        try (Stream<Path> walk = Files.walk(project())) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }

        BuildResult again = engine(repository).resume(done.buildId(), false);

        assertThat(again.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(Trees.projectFiles(project())).isEqualTo(published);
        assertThat(new String(Files.readAllBytes(project().resolve(".factory/metadata.json")),
                StandardCharsets.UTF_8)).contains(done.buildId());
    }
}

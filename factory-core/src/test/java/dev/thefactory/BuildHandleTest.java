package dev.thefactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildNotFoundException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.NothingToResumeException;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseStatus;
import dev.thefactory.api.RequirementsNotMetException;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.event.BuildListener;
import dev.thefactory.api.event.BuildStarted;
import dev.thefactory.fixtures.PhaseGate;
import dev.thefactory.fixtures.Trees;
import dev.thefactory.fixtures.WordCounter;
import dev.thefactory.spi.CheckpointRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Factory#start} and its {@link BuildHandle}, and the self-contained resume
 * ({@link Factory#resume(CheckpointRepository, String)}), through the public API on the minimal backend. Builds are
 * held at a checkpoint by a listener of their own run (a latch, never a sleep), so that what is asserted about a
 * running build is true when it is asserted.
 */
class BuildHandleTest {

    @TempDir
    Path dir;

    private Factory.Builder builder(Path spec, CheckpointRepository repository) {
        return WordCounter.onMinimal(dir.resolve("out"), repository).spec(spec);
    }

    private Path specFile() {
        return WordCounter.specFile(dir);
    }

    @Test
    void twoBuildsRunAtOnceOneIsCancelledAndResumedFromItsCheckpointsAlone() throws Exception {
        Path spec = specFile();
        CheckpointRepository repository = CheckpointRepositories.fileSystem(dir.resolve("state"));
        Factory factory = builder(spec, repository).build();
        PhaseGate gateA = new PhaseGate(Phase.DESIGN);
        PhaseGate gateB = new PhaseGate(Phase.ANALYZE);

        BuildHandle a = factory.start(gateA);
        BuildHandle b = factory.start(gateB);
        String idA = a.buildId();
        String idB = b.buildId();

        gateA.awaitReached();
        gateB.awaitReached();
        assertThat(idA).matches("b-\\d{8}-\\d{6}-[0-9a-f]{6}").isNotEqualTo(idB);
        assertThat(a.isDone()).isFalse();
        assertThat(b.result()).isNotDone();
        assertThat(gateA.threads).containsExactly("factory-" + idA);
        assertThat(gateB.threads).as("a run's listener hears its own run only").containsExactly("factory-" + idB);

        assertThat(a.cancel()).isTrue();
        Throwable failure = PhaseGate.failureOf(a);
        assertThat(failure).isInstanceOfSatisfying(BuildFailedException.class, f -> {
            assertThat(f.result().status()).isEqualTo(BuildStatus.INTERRUPTED);
            assertThat(f.result().buildId()).isEqualTo(idA);
            assertThat(f.getMessage()).contains(idA).contains("because it was cancelled");
        });
        assertThat(a.cancel()).as("a build that ended is not stopped again").isFalse();
        assertThat(b.isDone()).as("cancelling one build leaves the other running").isFalse();

        gateB.release.countDown();
        BuildResult resultB = b.result().get(PhaseGate.WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(resultB.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(resultB.buildId()).isEqualTo(idB);
        Map<String, String> uninterrupted = Trees.projectFiles(resultB.outputDirectory());
        assertThat(uninterrupted).isNotEmpty();

        Factory.SavedBuild saved = Factory.savedBuild(repository, idA);
        assertThat(saved.finished()).isFalse();
        assertThat(saved.lastPhase()).isEqualTo(Phase.DESIGN);

        BuildResult resumed = Factory.resume(repository, idA);

        assertThat(resumed.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(resumed.buildId()).isEqualTo(idA);
        assertThat(resumed.resumedFrom()).isEqualTo(Phase.STRUCTURE);
        assertThat(resumed.phases()).filteredOn(p -> p.phase().compareTo(Phase.STRUCTURE) < 0).hasSize(3)
                .allSatisfy(p -> assertThat(p.status()).isEqualTo(PhaseStatus.SKIPPED));
        assertThat(resumed.outputDirectory()).isEqualTo(resultB.outputDirectory());
        assertThat(Trees.projectFiles(resumed.outputDirectory())).isEqualTo(uninterrupted);

        assertThatThrownBy(() -> Factory.resume(repository, idA)).isInstanceOfSatisfying(
                NothingToResumeException.class, e -> {
                    assertThat(e.buildId()).contains(idA);
                    assertThat(e.publishedTo()).contains(resumed.outputDirectory());
                    assertThat(e.getMessage()).contains("already succeeded").doesNotContain(repository.toString());
                });
        assertThatThrownBy(() -> Factory.resumeLatest(repository)).isInstanceOf(NothingToResumeException.class)
                .hasMessageContaining("no unfinished build").hasMessageNotContaining(repository.toString());
        assertThat(((FactoryException) catchThrowable(() -> Factory.resumeLatest(repository))).recoveryOptions())
                .noneSatisfy(o -> assertThat(o).contains("--"));
    }

    @Test
    void cancellingTheResultFutureStopsTheBuildAndKeepsItsOutcome() throws Exception {
        CheckpointRepository repository = CheckpointRepositories.inMemory();
        PhaseGate gate = new PhaseGate(Phase.ANALYZE);
        BuildHandle handle = builder(specFile(), repository).runGeneratedTests(false).build().start(gate);
        gate.awaitReached();

        assertThat(handle.result().cancel(true)).as("the future itself is not cancelled").isFalse();

        Throwable failure = PhaseGate.failureOf(handle);
        assertThat(handle.result().isCancelled()).isFalse();
        assertThat(failure).isInstanceOfSatisfying(BuildFailedException.class, f -> {
            assertThat(f.result().status()).isEqualTo(BuildStatus.INTERRUPTED);
            assertThat(f.result().buildId()).isEqualTo(handle.buildId());
            assertThat(f.getMessage()).contains("because its result future was cancelled");
        });
        assertThat(Factory.savedBuild(repository, handle.buildId()).lastPhase()).isEqualTo(Phase.ANALYZE);
    }

    @Test
    void aBuildPastItsDeadlineStopsResumablyAndNamesTheDeadline() throws Exception {
        Path spec = specFile();
        CheckpointRepository repository = CheckpointRepositories.inMemory();
        Factory factory = builder(spec, repository).runGeneratedTests(false).build();
        // held at its ANALYZE checkpoint for longer than the deadline: only the deadline can end the wait early
        PhaseGate gate = new PhaseGate(Phase.ANALYZE);

        BuildHandle handle = factory.start(Duration.ofMillis(200), gate);

        Throwable failure = PhaseGate.failureOf(handle);
        assertThat(gate.reached.getCount()).isZero();
        assertThat(failure).isInstanceOfSatisfying(BuildFailedException.class, f -> {
            assertThat(f.result().status()).isEqualTo(BuildStatus.INTERRUPTED);
            assertThat(f.getMessage()).contains("because its deadline of PT0.2S passed");
        });

        BuildHandle resumed = factory.startResume(handle.buildId());
        assertThat(resumed.buildId()).isEqualTo(handle.buildId());
        BuildResult result = resumed.result().get(PhaseGate.WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.resumedFrom()).isEqualTo(Phase.DESIGN);
    }

    /** Starts a build in {@code out}, stops it at its ANALYZE checkpoint and returns its id. */
    private String interruptedBuild(CheckpointRepository repository, Path out) throws Exception {
        PhaseGate gate = new PhaseGate(Phase.ANALYZE);
        BuildHandle handle = builder(specFile(), repository).outputDirectory(out).runGeneratedTests(false).build()
                .start(gate);
        gate.awaitReached();
        assertThat(handle.cancel()).isTrue();
        assertThat(PhaseGate.failureOf(handle)).isInstanceOfSatisfying(BuildFailedException.class,
                f -> assertThat(f.result().status()).isEqualTo(BuildStatus.INTERRUPTED));
        assertThat(out.resolve(".staging").resolve(handle.buildId())).as("kept for the resume").isDirectory();
        return handle.buildId();
    }

    /** Resumes a build under a feature requirement the minimal backend cannot meet: it publishes nothing. */
    private static void refusedResume(CheckpointRepository repository, String buildId) {
        try (Factory factory = Factory.builder().resumeFrom(repository, buildId)
                .requireFeatures(FeatureRequirement.CORE).build()) {
            assertThat(catchThrowable(() -> factory.resume(buildId))).isInstanceOf(RequirementsNotMetException.class);
        }
    }

    /**
     * Regression: a resume that published nothing left behind, empty, the output directory (and its parents) that
     * the interrupted build it resumed had created; a failed build removes them, and so now does its resume.
     */
    @Test
    void aResumeThatPublishesNothingRemovesTheOutputDirectoryItsBuildCreated() throws Exception {
        CheckpointRepository repository = CheckpointRepositories.fileSystem(dir.resolve("state"));
        Path out = dir.resolve("new").resolve("out");
        String buildId = interruptedBuild(repository, out);

        refusedResume(repository, buildId);

        assertThat(out).doesNotExist();
        assertThat(dir.resolve("new")).as("a parent the build created").doesNotExist();
    }

    @Test
    void aResumeThatPublishesNothingKeepsAnOutputDirectoryThatExistedBeforeItsBuild() throws Exception {
        CheckpointRepository repository = CheckpointRepositories.fileSystem(dir.resolve("state"));
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path used = Files.createDirectory(dir.resolve("used"));
        Files.writeString(used.resolve("mine.txt"), "mine");
        String first = interruptedBuild(repository, empty);
        String second = interruptedBuild(repository, used);

        refusedResume(repository, first);
        refusedResume(repository, second);

        assertThat(empty).isEmptyDirectory();
        try (Stream<Path> entries = Files.list(used)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("mine.txt");
        }
        assertThat(used.resolve("mine.txt")).hasContent("mine");
    }

    /**
     * Regression: interrupting the build's thread ({@code factory-<id>}) at its start made the backends' health
     * checks fail, so the build ended with a BackendUnavailableException instead of INTERRUPTED.
     */
    @Test
    void interruptingTheBuildThreadAtBuildStartedEndsItInterruptedAndSaysToStartItAgain() throws Exception {
        CheckpointRepository repository = CheckpointRepositories.fileSystem(dir.resolve("state"));
        Factory factory = builder(specFile(), repository).runGeneratedTests(false).build();
        List<String> threads = new CopyOnWriteArrayList<>();

        BuildHandle handle = factory.start(event -> {
            if (event instanceof BuildStarted) {
                threads.add(Thread.currentThread().getName());
                Thread.currentThread().interrupt();
            }
        });

        assertThat(PhaseGate.failureOf(handle)).isInstanceOfSatisfying(BuildFailedException.class, f -> {
            assertThat(f.result().status()).isEqualTo(BuildStatus.INTERRUPTED);
            assertThat(f.getMessage()).contains("nothing was published");
            assertThat(f.recoveryOptions()).first().asString().startsWith("start the build again");
        });
        assertThat(threads).containsExactly("factory-" + handle.buildId());
        assertThat(dir.resolve("out").resolve("word-counter")).doesNotExist();
        assertThat(catchThrowable(() -> Factory.resume(repository, handle.buildId())))
                .isInstanceOf(BuildNotFoundException.class);
    }

    @Test
    void aBuildCancelledAtOnceStopsBeforeItsFirstPhaseAndSaysToStartItAgain() throws Exception {
        CheckpointRepository repository = CheckpointRepositories.fileSystem(dir.resolve("state"));
        Factory factory = builder(specFile(), repository).runGeneratedTests(false).build();

        BuildHandle handle = factory.start();
        assertThat(handle.cancel()).isTrue();

        assertThat(PhaseGate.failureOf(handle)).isInstanceOfSatisfying(BuildFailedException.class, f -> {
            assertThat(f.result().status()).isEqualTo(BuildStatus.INTERRUPTED);
            assertThat(f.getMessage()).contains("because it was cancelled");
            // nothing was checkpointed, so the options promise no resume: the repository holds nothing of the build
            assertThat(f.recoveryOptions()).first().asString().startsWith("start the build again");
            assertThat(f.recoveryOptions()).noneMatch(o -> o.contains("Factory.resume("));
        });
        assertThat(catchThrowable(() -> Factory.resume(repository, handle.buildId())))
                .isInstanceOf(dev.thefactory.api.BuildNotFoundException.class);
        assertThat(handle.cancel()).isFalse();
        // its lock was released and nothing of it was damaged: a new build of the same factory runs to the end
        assertThat(factory.start().result().get(PhaseGate.WAIT_SECONDS, TimeUnit.SECONDS).status())
                .isEqualTo(BuildStatus.SUCCEEDED);
    }

    @Test
    void aDeadlineThatIsNotReachedChangesNothing() throws Exception {
        BuildHandle handle = builder(specFile(), CheckpointRepositories.inMemory()).runGeneratedTests(false).build()
                .start(Duration.ofHours(1));
        assertThat(handle.result().get(PhaseGate.WAIT_SECONDS, TimeUnit.SECONDS).status())
                .isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(handle.cancel()).isFalse();
    }

    @Test
    void resumingAnUnknownBuildIsBuildNotFoundAndNamesNoRepository() {
        CheckpointRepository repository = CheckpointRepositories.fileSystem(dir.resolve("state"));

        assertThatThrownBy(() -> Factory.resume(repository, "b-20260101-000000-abcdef"))
                .isInstanceOf(BuildNotFoundException.class).isNotInstanceOf(NothingToResumeException.class)
                .hasMessageContaining("b-20260101-000000-abcdef")
                .hasMessageNotContaining(repository.toString()).hasMessageNotContaining(dir.toString());
        assertThatThrownBy(() -> Factory.startResume(repository, "b-20260101-000000-abcdef"))
                .isInstanceOf(BuildNotFoundException.class);
        assertThatThrownBy(() -> Factory.resumeLatest(repository)).isInstanceOf(NothingToResumeException.class)
                .isNotInstanceOf(BuildNotFoundException.class);
    }

    @Test
    void anUnknownBuildResumedThroughAHandleFailsItsFuture() throws IOException {
        Factory factory = builder(specFile(), CheckpointRepositories.inMemory()).build();

        BuildHandle handle = factory.startResume("b-20260101-000000-abcdef");

        assertThat(PhaseGate.failureOf(handle)).isInstanceOf(BuildNotFoundException.class);
        assertThat(handle.buildId()).isEqualTo("b-20260101-000000-abcdef");
    }

    @Test
    void aBuildOfASpecGivenAsTextCannotBeResumedFromItsCheckpointsAlone() {
        CheckpointRepository repository = CheckpointRepositories.inMemory();
        BuildResult result = Factory.builder().spec(WordCounter.SPEC, SpecFormat.MARKDOWN).mode(Mode.MINIMAL)
                .requireFeatures(FeatureRequirement.NONE).runGeneratedTests(false)
                .outputDirectory(dir.resolve("out")).checkpoints(repository).build().run();

        assertThatThrownBy(() -> Factory.resume(repository, result.buildId()))
                .isInstanceOf(FactoryException.class)
                .hasMessageContaining("not from a file").hasMessageContaining(".spec(")
                .hasMessageNotContaining(repository.toString());
    }

    @Test
    void startChecksItsArguments() throws IOException {
        Factory factory = builder(specFile(), CheckpointRepositories.inMemory()).build();

        assertThatThrownBy(() -> factory.start(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deadline must be positive but was PT0S");
        assertThatThrownBy(() -> factory.start((Duration) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("deadline");
        assertThatThrownBy(() -> factory.start((BuildListener) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> factory.startResume(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("buildId");
    }
}

package dev.thefactory.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.PhaseStatus;
import dev.thefactory.api.SpecChangedException;
import dev.thefactory.api.SpecValidationException;
import dev.thefactory.api.StateLockedException;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.BuildStarted;
import dev.thefactory.api.event.CheckpointSaved;
import dev.thefactory.fixtures.TreeBackendProvider;
import dev.thefactory.fixtures.Trees;
import dev.thefactory.internal.output.StagingArea;
import dev.thefactory.internal.state.FileSystemCheckpointRepository;
import dev.thefactory.internal.state.InMemoryCheckpointRepository;
import dev.thefactory.spi.BuildLock;
import dev.thefactory.spi.Checkpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Resuming builds: after a crash, after an interrupt, with damaged checkpoints, changed specs and held locks. */
class ResumeTest {

    /** ANALYZE, DESIGN (architecture and two features) and STRUCTURE: every task before GENERATE. */
    private static final int TASKS_BEFORE_GENERATE = 5;
    private static final int GENERATE_TASKS = 7;

    @TempDir
    Path dir;

    /** An uninterrupted build of the fixture spec: what every resumed build must equal. */
    private Map<String, String> reference() {
        Path out = dir.resolve("reference-out");
        BuildResult result = EngineFixture.engine(EngineFixture.config(out, new InMemoryCheckpointRepository()),
                EngineFixture.SPEC, null, new TreeBackendProvider()).run();
        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        return Trees.projectFiles(result.outputDirectory());
    }

    /**
     * Runs a build to its end, copying its state directory and output directory (with the staging area) right after
     * its {@code k}-th GENERATE task checkpoint: the copy is what a process that died at that moment leaves behind.
     */
    private Crash crashAfter(int k) {
        Path state = dir.resolve("state");
        Path out = dir.resolve("out");
        Path crashedState = dir.resolve("crashed-state");
        Path crashedOut = dir.resolve("crashed-out");
        List<String> saved = new CopyOnWriteArrayList<>();
        AtomicInteger count = new AtomicInteger();
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(state)) {
            BuildResult result = EngineFixture.engine(EngineFixture.config(out, repository, event -> {
                if (event instanceof CheckpointSaved c && c.phase() == Phase.GENERATE && c.task() != null) {
                    saved.add(c.task());
                    if (count.incrementAndGet() == k) {
                        Trees.copy(state, crashedState);
                        Trees.copy(out, crashedOut);
                    }
                }
            }), EngineFixture.SPEC, dir.resolve("tree-demo.md"), new TreeBackendProvider()).run();
            assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
            assertThat(count.get()).isEqualTo(GENERATE_TASKS);
            return new Crash(result.buildId(), crashedState, crashedOut, List.copyOf(saved.subList(0, k)),
                    Trees.projectFiles(result.outputDirectory()));
        }
    }

    private record Crash(String buildId, Path state, Path out, List<String> finishedGenerateTasks,
            Map<String, String> uninterrupted) {
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 6, 7})
    void aBuildThatDiedAfterKGenerateTasksResumesSkipsThemAndEndsByteIdentical(int k) {
        Crash crash = crashAfter(k);
        TreeBackendProvider backend = new TreeBackendProvider();
        List<BuildEvent> events = new CopyOnWriteArrayList<>();

        BuildResult result;
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(crash.state())) {
            result = EngineFixture.engine(EngineFixture.config(crash.out(), repository, events::add),
                    EngineFixture.SPEC, null, backend).resume(crash.buildId(), false);
        }

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.buildId()).isEqualTo(crash.buildId());
        assertThat(result.tasksSkipped()).isEqualTo(TASKS_BEFORE_GENERATE + k);
        assertThat(backend.executed()).doesNotContainAnyElementsOf(crash.finishedGenerateTasks())
                .hasSize(GENERATE_TASKS - k)
                .allSatisfy(id -> assertThat(id).startsWith("generate/"));
        assertThat(Trees.projectFiles(result.outputDirectory())).isEqualTo(crash.uninterrupted())
                .containsKeys(TreeBackendProvider.FILES.toArray(String[]::new));
        Map<Phase, PhaseStatus> statuses = statuses(result);
        assertThat(statuses).containsEntry(Phase.VALIDATE_SPEC, PhaseStatus.SKIPPED)
                .containsEntry(Phase.ANALYZE, PhaseStatus.SKIPPED)
                .containsEntry(Phase.DESIGN, PhaseStatus.SKIPPED)
                .containsEntry(Phase.STRUCTURE, PhaseStatus.SKIPPED)
                .containsEntry(Phase.GENERATE, k == GENERATE_TASKS ? PhaseStatus.SKIPPED : PhaseStatus.COMPLETED)
                .containsEntry(Phase.VALIDATE_OUTPUT, PhaseStatus.COMPLETED)
                .containsEntry(Phase.PUBLISH, PhaseStatus.COMPLETED);
        assertThat(result.resumedFrom()).as("the first phase that did work")
                .isEqualTo(k == GENERATE_TASKS ? Phase.VALIDATE_OUTPUT : Phase.GENERATE);
        assertThat(events.get(0)).as("the phase after the last phase checkpoint")
                .isInstanceOfSatisfying(BuildStarted.class,
                        started -> assertThat(started.resumedFrom()).isEqualTo(Phase.GENERATE));
        assertThat(crash.out().resolve(StagingArea.STAGING_DIRECTORY).resolve(crash.buildId())).doesNotExist();
    }

    @Test
    void aResumedBuildIsRecordedSoThatItsSpecFileAndOutputCanBeFound() {
        Crash crash = crashAfter(2);
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(crash.state())) {
            dev.thefactory.Factory.SavedBuild saved = SavedBuilds.find(repository, crash.buildId());

            assertThat(saved.specFile()).isEqualTo(dir.resolve("tree-demo.md").toAbsolutePath().normalize());
            assertThat(saved.outputDirectory()).isEqualTo(dir.resolve("out").toAbsolutePath().normalize());
            assertThat(saved.lastPhase()).isEqualTo(Phase.STRUCTURE);
            assertThat(saved.backend()).isEqualTo(TreeBackendProvider.ID);
            assertThat(saved.finished()).isFalse();
            assertThat(saved.specHash()).isEqualTo(EngineFixture.hash(EngineFixture.spec(EngineFixture.SPEC)));
            assertThat(SavedBuilds.latestUnfinished(repository)).map(dev.thefactory.Factory.SavedBuild::buildId)
                    .contains(crash.buildId());
        }
    }

    @Test
    void anInterruptedBuildKeepsItsFinishedWorkAndResumesToTheSameBytes() throws Exception {
        Map<String, String> reference = reference();
        Path state = dir.resolve("state");
        Path out = dir.resolve("out");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch buildFilesDone = new CountDownLatch(1);
        TreeBackendProvider blocking = new TreeBackendProvider(task -> {
            if (task.id().equals("generate/docs")) {
                entered.countDown();
                release.await(30, TimeUnit.SECONDS);
            }
        });
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(state)) {
            BuildEngine engine = EngineFixture.engine(EngineFixture.config(out, repository, 2, event -> {
                if (event instanceof CheckpointSaved c && "generate/build".equals(c.task())) {
                    buildFilesDone.countDown();
                }
            }), EngineFixture.SPEC, null, blocking);
            Thread build = new Thread(() -> {
                try {
                    engine.run();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            }, "interrupted-build");
            build.start();
            try {
                assertThat(entered.await(30, TimeUnit.SECONDS)).as("generate/docs started").isTrue();
                assertThat(buildFilesDone.await(30, TimeUnit.SECONDS)).as("generate/build checkpointed").isTrue();
                build.interrupt();
                build.join(TimeUnit.SECONDS.toMillis(30));
            } finally {
                release.countDown();
            }
            assertThat(build.isAlive()).isFalse();
        }

        assertThat(thrown.get()).isInstanceOfSatisfying(BuildFailedException.class, failure -> {
            assertThat(failure.result().status()).isEqualTo(BuildStatus.INTERRUPTED);
            assertThat(failure.recoveryOptions()).anySatisfy(option ->
                    assertThat(option).contains("Factory.resume(repository, \"" + failure.result().buildId() + "\")"));
        });
        String buildId = ((BuildFailedException) thrown.get()).result().buildId();
        assertThat(out.resolve(StagingArea.STAGING_DIRECTORY).resolve(buildId).resolve("build.json"))
                .as("staged work of finished tasks is kept").isRegularFile();

        TreeBackendProvider fresh = new TreeBackendProvider();
        BuildResult resumed;
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(state)) {
            resumed = EngineFixture.engine(EngineFixture.config(out, repository), EngineFixture.SPEC, null, fresh)
                    .resume(buildId, false);
        }
        assertThat(resumed.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(fresh.executed()).doesNotContain("analyze", "structure", "generate/build")
                .contains("generate/docs");
        assertThat(resumed.tasksSkipped()).isGreaterThanOrEqualTo(TASKS_BEFORE_GENERATE + 1);
        assertThat(Trees.projectFiles(resumed.outputDirectory())).isEqualTo(reference);
    }

    @Test
    void aChangedSpecIsRefusedWithoutForceAndResumedWithIt() {
        Crash crash = crashAfter(2);
        String changed = EngineFixture.SPEC.replace("- Print the tree", "- Print the tree\n- Prune the tree");
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(crash.state())) {
            int checkpoints = repository.history(crash.buildId()).size();
            BuildEngine engine = EngineFixture.engine(EngineFixture.config(crash.out(), repository), changed, null,
                    new TreeBackendProvider());

            assertThatThrownBy(() -> engine.resume(crash.buildId(), false))
                    .isInstanceOf(SpecValidationException.class)
                    .isInstanceOfSatisfying(SpecChangedException.class, e -> {
                        assertThat(e.getMessage()).contains("the spec changed since build " + crash.buildId(),
                                "--force");
                        assertThat(e.recoveryOptions()).anySatisfy(o -> assertThat(o).contains("--force"));
                        assertThat(e.checkpointedHash()).isNotEqualTo(e.currentHash());
                    });
            assertThat(repository.history(crash.buildId())).as("a refused resume writes nothing")
                    .hasSize(checkpoints);

            BuildResult forced = engine.resume(crash.buildId(), true);

            assertThat(forced.status()).isEqualTo(BuildStatus.SUCCEEDED);
            assertThat(forced.notes()).anySatisfy(note -> assertThat(note).contains("changed since the checkpoint"));
            assertThat(forced.tasksSkipped()).isPositive();
        }
    }

    @Test
    void aDamagedNewestCheckpointIsSkippedForThePreviousGoodOneAndReported() throws IOException {
        Crash crash = crashAfter(4);
        Path segment;
        try (Stream<Path> files = Files.list(crash.state().resolve(crash.buildId()))) {
            segment = files.filter(p -> p.getFileName().toString().startsWith("segment-")).sorted()
                    .reduce((a, b) -> b).orElseThrow();
        }
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            long at = file.length() - 20; // inside the JSON payload of the newest record
            file.seek(at);
            int b = file.read();
            file.seek(at);
            file.write(b ^ 0x5a);
        }
        String lastTask = crash.finishedGenerateTasks().get(3);
        TreeBackendProvider backend = new TreeBackendProvider();

        BuildResult result;
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(crash.state())) {
            result = EngineFixture.engine(EngineFixture.config(crash.out(), repository), EngineFixture.SPEC, null,
                    backend).resume(crash.buildId(), false);
        }

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.notes()).anySatisfy(note -> assertThat(note).contains("Checkpoint damage", segment
                .getFileName().toString()));
        assertThat(backend.executed()).as("the task of the damaged checkpoint runs again").contains(lastTask)
                .doesNotContainAnyElementsOf(crash.finishedGenerateTasks().subList(0, 3));
        assertThat(result.tasksSkipped()).isEqualTo(TASKS_BEFORE_GENERATE + 3);
        assertThat(Trees.projectFiles(result.outputDirectory())).isEqualTo(crash.uninterrupted());
    }

    @Test
    void aStagedFileThatNoLongerMatchesItsChecksumMakesItsTaskRunAgain() throws IOException {
        Crash crash = crashAfter(GENERATE_TASKS);
        Path staged = crash.out().resolve(StagingArea.STAGING_DIRECTORY).resolve(crash.buildId());
        Files.writeString(staged.resolve("src/b.txt"), "tampered\n");
        Files.delete(staged.resolve("README.md"));
        Files.writeString(staged.resolve("stray.txt"), "left by a task that was never checkpointed\n");
        TreeBackendProvider backend = new TreeBackendProvider();

        BuildResult result;
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(crash.state())) {
            result = EngineFixture.engine(EngineFixture.config(crash.out(), repository), EngineFixture.SPEC, null,
                    backend).resume(crash.buildId(), false);
        }

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(backend.executed()).containsExactlyInAnyOrder("generate/code/b", "generate/docs");
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("generate/code/b", "does not match"))
                .anySatisfy(n -> assertThat(n).contains("generate/docs", "no longer in the staging area"));
        assertThat(result.resumedFrom()).isEqualTo(Phase.GENERATE);
        assertThat(statuses(result)).containsEntry(Phase.GENERATE, PhaseStatus.COMPLETED);
        assertThat(Trees.projectFiles(result.outputDirectory())).isEqualTo(crash.uninterrupted())
                .doesNotContainKey("stray.txt");
    }

    @Test
    void aBuildLockedByALiveProcessIsRefusedAndResumesOnceThatProcessDied() throws Exception {
        Crash crash = crashAfter(2);
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.thefactory.internal.state.LockHolderMain",
                crash.state().toString(), crash.buildId())
                .redirectError(dir.resolve("holder.log").toFile())
                .start();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.readLine();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            assertThat(line).startsWith("LOCKED " + holder.pid());
            try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(crash.state())) {
                BuildEngine engine = EngineFixture.engine(EngineFixture.config(crash.out(), repository),
                        EngineFixture.SPEC, null, new TreeBackendProvider());
                assertThatThrownBy(() -> engine.resume(crash.buildId(), false))
                        .isInstanceOfSatisfying(StateLockedException.class, e ->
                                assertThat(e.holder()).contains("pid " + holder.pid()));
            }
        } finally {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }

        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(crash.state())) {
            BuildResult result = EngineFixture.engine(EngineFixture.config(crash.out(), repository),
                    EngineFixture.SPEC, null, new TreeBackendProvider()).resume(crash.buildId(), false);
            assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
            assertThat(Trees.projectFiles(result.outputDirectory())).isEqualTo(crash.uninterrupted());
        }
    }

    @Test
    void aBuildWhoseOnlyCheckpointIsTornStartsAgainUnderItsId() throws IOException {
        Path state = dir.resolve("state");
        String buildId = "b-20261201-120000-abcdef";
        Files.createDirectories(state.resolve(buildId));
        // it wrote its first checkpoint, and a crash tore it: it started, but nothing of it can be read
        byte[] garbage = new byte[64];
        java.util.Arrays.fill(garbage, (byte) 'A');
        Files.write(state.resolve(buildId).resolve("segment-000001.log"), garbage);
        Map<String, String> reference = reference();

        BuildResult result;
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(state)) {
            result = EngineFixture.engine(EngineFixture.config(dir.resolve("out"), repository), EngineFixture.SPEC,
                    null, new TreeBackendProvider()).resume(buildId, false);
            assertThat(repository.history(buildId)).isNotEmpty();
        }

        assertThat(result.buildId()).isEqualTo(buildId);
        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.resumedFrom()).isEqualTo(Phase.VALIDATE_SPEC);
        assertThat(result.tasksSkipped()).isZero();
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("saved no intact checkpoint"));
        assertThat(Trees.projectFiles(result.outputDirectory())).isEqualTo(reference);
    }

    @Test
    void aBuildRunningInThisProcessCannotBeResumedAtTheSameTime() {
        InMemoryCheckpointRepository repository = new InMemoryCheckpointRepository();
        BuildEngine engine = EngineFixture.engine(EngineFixture.config(dir.resolve("out"), repository),
                EngineFixture.SPEC, null, new TreeBackendProvider());
        // the running build has saved a checkpoint (one nobody can read: the resume must not get that far)
        repository.save(new Checkpoint(1, "b-held", 1, Phase.VALIDATE_SPEC, null, java.time.Instant.EPOCH, "{}"));
        BuildLock held = BuildLocks.acquire(repository, "b-held");
        try {
            assertThatThrownBy(() -> engine.resume("b-held", false)).isInstanceOf(StateLockedException.class)
                    .hasMessageContaining("b-held");
            assertThatThrownBy(() -> BuildLocks.acquire(repository, "b-held"))
                    .isInstanceOf(StateLockedException.class);
        } finally {
            held.close();
        }
        assertThatThrownBy(() -> engine.resume("b-held", false)).as("released: now its checkpoint is read")
                .isInstanceOf(FactoryException.class).isNotInstanceOf(StateLockedException.class)
                .hasMessageContaining("b-held").hasMessageContaining("cannot be resumed");
    }

    @Test
    void aPublishedBuildIsNotResumedAndResumeLatestPicksTheNewestUnfinishedBuild() {
        InMemoryCheckpointRepository repository = new InMemoryCheckpointRepository();
        BuildEngine engine = EngineFixture.engine(EngineFixture.config(dir.resolve("out"), repository),
                EngineFixture.SPEC, null, new TreeBackendProvider());
        BuildResult done = engine.run();

        assertThatThrownBy(() -> engine.resume(done.buildId(), false)).isInstanceOf(FactoryException.class)
                .hasMessageContaining("already succeeded");
        assertThatThrownBy(() -> engine.resumeLatest(false)).isInstanceOf(FactoryException.class)
                .hasMessageContaining("no unfinished build");

        // An unfinished build: its checkpoints stop after STRUCTURE.
        List<Checkpoint> history = repository.history(done.buildId());
        String unfinished = "b-unfinished";
        List<Checkpoint> copied = new ArrayList<>();
        for (Checkpoint c : history) {
            if (c.phase() == Phase.GENERATE) {
                break;
            }
            copied.add(new Checkpoint(c.formatVersion(), unfinished, c.sequence(), c.phase(), c.taskId(),
                    c.createdAt(), c.payload().replace(done.buildId(), unfinished)));
        }
        copied.forEach(repository::save);

        BuildResult resumed = engine.resumeLatest(false);

        assertThat(resumed.buildId()).isEqualTo(unfinished);
        assertThat(resumed.resumedFrom()).isEqualTo(Phase.GENERATE);
        assertThat(resumed.tasksSkipped()).isEqualTo(TASKS_BEFORE_GENERATE);
    }

    @Test
    void aFailedPhaseIsRolledBackToTheLastCheckpointBeforeTheNextBackendRuns() {
        InMemoryCheckpointRepository repository = new InMemoryCheckpointRepository();
        TreeBackendProvider failing = new TreeBackendProvider(task -> {
            if (task.id().equals("generate/docs")) {
                throw dev.thefactory.api.AgentException.permanentFailure("docs cannot be written");
            }
        });
        BuildResult result = EngineFixture.engine(EngineFixture.config(dir.resolve("out"), repository, 1),
                EngineFixture.SPEC, null, failing).run();

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.fallbacks()).singleElement().satisfies(f -> {
            assertThat(f.from()).isEqualTo(TreeBackendProvider.ID);
            assertThat(f.to()).isEqualTo("minimal");
        });
        assertThat(failing.executed()).contains("generate/build");
        assertThat(Trees.tree(result.outputDirectory())).as("nothing of the failed backend is published")
                .doesNotContainKeys("build.json", "src/a.txt", "tests/plan.md");
        BuildState.PhaseCheckpoint rolledBack = repository.history(result.buildId()).stream()
                .filter(c -> c.taskId() == null)
                .map(c -> BuildState.readPhase(c.payload()))
                .filter(c -> c.backend().equals("minimal") && c.phase() == Phase.VALIDATE_SPEC)
                .findFirst().orElseThrow();
        assertThat(rolledBack.tasks()).isEmpty();
        assertThat(rolledBack.plannedFiles()).isEmpty();
        assertThat(rolledBack.completedPhases()).extracting(BuildState.PhaseRecord::phase)
                .containsExactly(Phase.VALIDATE_SPEC);
        assertThat(rolledBack.fallbacks()).hasSize(1);
    }

    private static Map<Phase, PhaseStatus> statuses(BuildResult result) {
        Map<Phase, PhaseStatus> statuses = new java.util.EnumMap<>(Phase.class);
        for (PhaseResult phase : result.phases()) {
            statuses.put(phase.phase(), phase.status());
        }
        return statuses;
    }
}

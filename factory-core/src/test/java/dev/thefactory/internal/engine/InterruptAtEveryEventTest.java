package dev.thefactory.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Phase;
import dev.thefactory.api.event.AgentSpawned;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.BuildStarted;
import dev.thefactory.api.event.CheckpointSaved;
import dev.thefactory.api.event.PhaseCompleted;
import dev.thefactory.api.event.PhaseStarted;
import dev.thefactory.api.event.TaskCompleted;
import dev.thefactory.fixtures.ForwardingCheckpointRepository;
import dev.thefactory.fixtures.TreeBackendProvider;
import dev.thefactory.fixtures.Trees;
import dev.thefactory.internal.output.StagingArea;
import dev.thefactory.internal.state.FileSystemCheckpointRepository;
import dev.thefactory.spi.BuildLock;
import dev.thefactory.spi.CheckpointRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regression: an interrupt of the build thread at any point before publishing ends the build {@code INTERRUPTED}, with
 * nothing published, never as another failure (an interrupt before backend discovery made the health checks fail, so
 * the build ended with a {@code BackendUnavailableException}). A build interrupted before its first checkpoint says to
 * start it again; one interrupted later resumes to the bytes of an uninterrupted build. The listener interrupts the
 * build's own thread, on whichever thread the event is delivered; the checkpoints go to files, whose NIO channels
 * close on an interrupt.
 */
class InterruptAtEveryEventTest {

    @TempDir
    Path dir;

    static Stream<Arguments> points() {
        List<Arguments> points = new ArrayList<>();
        points.add(Arguments.of("BuildStarted", (Predicate<BuildEvent>) e -> e instanceof BuildStarted));
        for (Phase phase : Phase.values()) {
            points.add(Arguments.of("PhaseStarted " + phase,
                    (Predicate<BuildEvent>) e -> e instanceof PhaseStarted p && p.phase() == phase));
            if (phase != Phase.PUBLISH) {
                points.add(Arguments.of("PhaseCompleted " + phase,
                        (Predicate<BuildEvent>) e -> e instanceof PhaseCompleted p && p.phase() == phase));
            }
        }
        points.add(Arguments.of("first CheckpointSaved",
                (Predicate<BuildEvent>) e -> e instanceof CheckpointSaved));
        points.add(Arguments.of("first task CheckpointSaved",
                (Predicate<BuildEvent>) e -> e instanceof CheckpointSaved c && c.task() != null));
        points.add(Arguments.of("first TaskCompleted", (Predicate<BuildEvent>) e -> e instanceof TaskCompleted));
        points.add(Arguments.of("first AgentSpawned", (Predicate<BuildEvent>) e -> e instanceof AgentSpawned));
        return points.stream();
    }

    @ParameterizedTest(name = "interrupted at {0}")
    @MethodSource("points")
    void anInterruptAtAnyEventBeforePublishingEndsInterruptedWithNothingPublished(String point,
            Predicate<BuildEvent> at) throws Exception {
        Path state = dir.resolve("state");
        Path out = dir.resolve("out");
        AtomicReference<Thread> buildThread = new AtomicReference<>();
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean checkpointed = new AtomicBoolean();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(state)) {
            BuildEngine engine = EngineFixture.engine(EngineFixture.config(out, repository, 2, event -> {
                if (event instanceof CheckpointSaved) {
                    // a checkpoint saved after the interrupt (the finished phase or task is kept) counts too
                    checkpointed.set(true);
                }
                if (at.test(event) && interrupted.compareAndSet(false, true)) {
                    buildThread.get().interrupt();
                }
            }), EngineFixture.SPEC, dir.resolve("tree-demo.md"), new TreeBackendProvider());
            Thread build = new Thread(() -> {
                try {
                    engine.run();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            }, "interrupted-build");
            buildThread.set(build);
            build.start();
            build.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(build.isAlive()).isFalse();
        }

        assertThat(interrupted.get()).as("the build reached " + point).isTrue();
        assertThat(thrown.get()).as("interrupted at " + point).isInstanceOf(BuildFailedException.class);
        BuildFailedException failure = (BuildFailedException) thrown.get();
        assertThat(failure.result().status()).as(failure.getMessage()).isEqualTo(BuildStatus.INTERRUPTED);
        assertThat(failure.getMessage()).contains("nothing was published");
        assertThat(out.resolve("tree-demo")).as("nothing published").doesNotExist();
        String buildId = failure.result().buildId();
        if (!checkpointed.get()) {
            assertThat(failure.recoveryOptions()).first().asString().startsWith("start the build again");
            assertThat(failure.recoveryOptions()).noneSatisfy(o -> assertThat(o).contains("Factory.resume("));
            return;
        }
        assertThat(failure.recoveryOptions()).anySatisfy(o -> assertThat(o)
                .contains("Factory.resume(repository, \"" + buildId + "\")"));
        BuildResult resumed;
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(state)) {
            resumed = EngineFixture.engine(EngineFixture.config(out, repository), EngineFixture.SPEC, null,
                    new TreeBackendProvider()).resume(buildId, false);
        }
        assertThat(resumed.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(Trees.projectFiles(resumed.outputDirectory())).isEqualTo(reference());
        assertThat(out.resolve(StagingArea.STAGING_DIRECTORY).resolve(buildId)).doesNotExist();
    }

    @Test
    void anInterruptPendingBeforeTheBuildBeginsEndsItInterruptedAndSaysToStartAgain() throws Exception {
        Path state = dir.resolve("state");
        Path out = dir.resolve("out");
        Throwable thrown;
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(state)) {
            BuildEngine engine = EngineFixture.engine(EngineFixture.config(out, repository), EngineFixture.SPEC, null,
                    new TreeBackendProvider());
            thrown = onOwnThread(() -> {
                Thread.currentThread().interrupt();
                return engine.run();
            });
            assertStartAgain(thrown, out);
            assertThat(repository.history(((BuildFailedException) thrown).result().buildId())).isEmpty();
        }
    }

    @Test
    void anInterruptThatCutsTheLockShortEndsTheBuildInterrupted() throws Exception {
        Path out = dir.resolve("out");
        Throwable thrown;
        try (FileSystemCheckpointRepository files = new FileSystemCheckpointRepository(dir.resolve("state"))) {
            CheckpointRepository interrupting = new ForwardingCheckpointRepository(files) {
                @Override
                public Optional<BuildLock> lock(String buildId) {
                    // the interrupt arrives while the lock file is being locked: its channel closes
                    Thread.currentThread().interrupt();
                    return files.lock(buildId);
                }
            };
            BuildEngine engine = EngineFixture.engine(EngineFixture.config(out, interrupting), EngineFixture.SPEC, null,
                    new TreeBackendProvider());
            thrown = onOwnThread(engine::run);
        }
        assertStartAgain(thrown, out);
    }

    @Test
    void aResumeInterruptedBeforeItsFirstPhaseEndsInterruptedAndCanBeResumedAgain() throws Exception {
        Path state = dir.resolve("state");
        Path out = dir.resolve("out");
        String buildId;
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicReference<Thread> buildThread = new AtomicReference<>();
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(state)) {
            BuildEngine engine = EngineFixture.engine(EngineFixture.config(out, repository, 2, event -> {
                if (event instanceof PhaseCompleted p && p.phase() == Phase.DESIGN
                        && interrupted.compareAndSet(false, true)) {
                    buildThread.get().interrupt();
                }
            }), EngineFixture.SPEC, null, new TreeBackendProvider());
            Throwable first = onOwnThread(() -> {
                buildThread.set(Thread.currentThread());
                return engine.run();
            });
            assertThat(first).isInstanceOf(BuildFailedException.class);
            buildId = ((BuildFailedException) first).result().buildId();

            for (boolean pending : List.of(true, false)) {
                AtomicBoolean once = new AtomicBoolean();
                BuildEngine resuming = EngineFixture.engine(EngineFixture.config(out, repository, 2, event -> {
                    if (!pending && event instanceof BuildStarted && once.compareAndSet(false, true)) {
                        Thread.currentThread().interrupt();
                    }
                }), EngineFixture.SPEC, null, new TreeBackendProvider());
                Throwable again = onOwnThread(() -> {
                    if (pending) {
                        Thread.currentThread().interrupt();
                    }
                    return resuming.resume(buildId, false);
                });
                assertThat(again).as(pending ? "pending" : "at BuildStarted")
                        .isInstanceOfSatisfying(BuildFailedException.class, f -> {
                            assertThat(f.result().status()).isEqualTo(BuildStatus.INTERRUPTED);
                            assertThat(f.recoveryOptions()).anySatisfy(o -> assertThat(o)
                                    .contains("Factory.resume(repository, \"" + buildId + "\")"));
                        });
            }
            BuildResult resumed = EngineFixture.engine(EngineFixture.config(out, repository), EngineFixture.SPEC, null,
                    new TreeBackendProvider()).resume(buildId, false);
            assertThat(resumed.status()).isEqualTo(BuildStatus.SUCCEEDED);
            assertThat(resumed.resumedFrom()).isEqualTo(Phase.STRUCTURE);
        }
        assertThat(Trees.projectFiles(out.resolve("tree-demo"))).isEqualTo(reference());
    }

    private static void assertStartAgain(Throwable thrown, Path out) {
        assertThat(thrown).isInstanceOfSatisfying(BuildFailedException.class, f -> {
            assertThat(f.result().status()).as(f.getMessage()).isEqualTo(BuildStatus.INTERRUPTED);
            assertThat(f.getMessage()).contains("was interrupted before phase VALIDATE_SPEC", "nothing was published");
            assertThat(f.recoveryOptions()).first().asString().startsWith("start the build again");
            assertThat(f.recoveryOptions()).noneSatisfy(o -> assertThat(o).contains("Factory.resume("));
        });
        assertThat(out.resolve("tree-demo")).doesNotExist();
    }

    /** Runs {@code build} on a new thread, as a build handle does, and returns what it threw (null when nothing). */
    private static Throwable onOwnThread(java.util.concurrent.Callable<BuildResult> build) throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                build.call();
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "interrupted-build");
        thread.start();
        thread.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(thread.isAlive()).isFalse();
        return thrown.get();
    }

    private Map<String, String> reference() {
        Path out = dir.resolve("reference-out");
        BuildResult result = EngineFixture.engine(EngineFixture.config(out,
                new dev.thefactory.internal.state.InMemoryCheckpointRepository()), EngineFixture.SPEC, null,
                new TreeBackendProvider()).run();
        return Trees.projectFiles(result.outputDirectory());
    }
}

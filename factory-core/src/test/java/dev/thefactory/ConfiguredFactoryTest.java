package dev.thefactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BackendUnavailableException;
import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.SpecValidationException;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.BuildListener;
import dev.thefactory.api.event.BuildStarted;
import dev.thefactory.api.event.CheckpointSaved;
import dev.thefactory.fixtures.PhaseGate;
import dev.thefactory.internal.minimal.MinimalBackendProvider;
import dev.thefactory.spi.CheckpointRepository;
import dev.thefactory.spi.PatternStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One configuration, many specs ({@link Factory#withSpec}); the factory's own resources and {@link Factory#close()};
 * the builder's {@link Factory.Builder#deadline(Duration) deadline}; and the {@value Factory#BACKEND_PROPERTY} property
 * against a backend set in code. Builds run on the minimal backend; running builds are held by a listener of their own
 * (a latch, never a sleep).
 */
class ConfiguredFactoryTest {

    private static final String WORDS = """
            # Word Counter

            A command-line tool that counts the words, lines and characters of the files it is given.

            ## Type: cli_tool

            ## FEATURES

            - Count words, lines and characters of one or more files
            - Read standard input when no file is given
            """;

    private static final String NOTES = """
            # Note Keeper

            A small library that keeps notes with a title and a body.

            ## Type: library

            ## FEATURES

            - Add a note with a title and a body
            - List the notes by title
            """;

    @TempDir
    Path dir;

    private Factory.Builder builder(CheckpointRepository repository) {
        // The minimal backend implements no feature: these builds publish under FeatureRequirement.NONE.
        return Factory.builder().spec(WORDS, SpecFormat.MARKDOWN).mode(Mode.MINIMAL)
                .requireFeatures(FeatureRequirement.NONE).runGeneratedTests(false)
                .outputDirectory(dir.resolve("out")).checkpoints(repository);
    }

    /** @return the live threads the factory names ({@code factory-...}) */
    private static Set<Thread> factoryThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("factory-")).collect(Collectors.toSet());
    }

    /** @return the factory threads alive now that were not in {@code baseline}, once they are gone or after 10 s */
    private static Set<Thread> newThreadsAfterWaiting(Set<Thread> baseline) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<Thread> left;
        do {
            left = factoryThreads();
            left.removeAll(baseline);
            for (Thread thread : left) {
                // a thread whose pool was shut down ends right after its last task: wait for it, bounded
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } while (!left.isEmpty() && left.stream().anyMatch(Thread::isAlive) && System.nanoTime() < deadline);
        return left.stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    @Test
    void oneConfiguredFactoryBuildsTwoSpecsIntoTheSameRepositoryWithTheSameListeners() {
        CheckpointRepository repository = CheckpointRepositories.inMemory();
        List<BuildStarted> started = new CopyOnWriteArrayList<>();
        List<Phase> learned = new CopyOnWriteArrayList<>();
        PatternStore patterns = new PatternStore() {
            @Override
            public void record(Phase phase, AgentRole role, Duration duration) {
                learned.add(phase);
            }

            @Override
            public Optional<Duration> estimate(Phase phase, AgentRole role) {
                return Optional.empty();
            }
        };
        try (Factory words = builder(repository).patternStore(patterns).listener(event -> {
            if (event instanceof BuildStarted s) {
                started.add(s);
            }
        }).build()) {
            Factory notes = words.withSpec(NOTES, SpecFormat.MARKDOWN);

            BuildResult first = words.run();
            int learnedFromFirst = learned.size();
            BuildResult second = notes.run();

            assertThat(words.spec().name()).isEqualTo("Word Counter");
            assertThat(notes.spec().name()).as("withSpec leaves the factory it was called on alone")
                    .isEqualTo("Note Keeper");
            assertThat(notes.specHash()).isNotEqualTo(words.specHash());
            assertThat(notes.mode()).isEqualTo(Mode.MINIMAL);
            assertThat(notes.outputDirectory()).isEqualTo(words.outputDirectory());
            assertThat(first.buildId()).isNotEqualTo(second.buildId());
            assertThat(List.of(first.status(), second.status())).containsOnly(BuildStatus.SUCCEEDED);
            assertThat(first.outputDirectory().getParent()).isEqualTo(second.outputDirectory().getParent())
                    .isEqualTo(dir.resolve("out").toAbsolutePath().normalize());
            assertThat(first.outputDirectory()).isNotEqualTo(second.outputDirectory());
            assertThat(repository.buildIds()).as("both builds checkpointed in the one repository")
                    .contains(first.buildId(), second.buildId());
            assertThat(Factory.savedBuild(repository, second.buildId()).specHash()).isEqualTo(notes.specHash());
            assertThat(started).as("the builder's listener hears the builds of both specs")
                    .extracting(BuildStarted::buildId).containsExactly(first.buildId(), second.buildId());
            assertThat(learnedFromFirst).isPositive();
            assertThat(learned.size()).as("the second spec's build taught the same pattern store")
                    .isGreaterThan(learnedFromFirst);
        }
    }

    @Test
    void withSpecReadsAndValidatesTheSpecAsTheBuilderDoes() throws IOException {
        String noFeatures = """
                # Empty

                Nothing to build.

                ## Type: library
                """;
        try (Factory factory = builder(CheckpointRepositories.inMemory()).build()) {
            Throwable fromBuilder = catchThrowable(() -> Factory.builder().spec(noFeatures, SpecFormat.MARKDOWN)
                    .build());
            Throwable fromFactory = catchThrowable(() -> factory.withSpec(noFeatures, SpecFormat.MARKDOWN));
            assertThat(fromFactory).isInstanceOf(SpecValidationException.class)
                    .hasMessage(fromBuilder.getMessage());

            Path missing = dir.resolve("missing.md");
            assertThat(catchThrowable(() -> factory.withSpec(missing)))
                    .isInstanceOf(SpecValidationException.class)
                    .hasMessage(catchThrowable(() -> Factory.builder().spec(missing).build()).getMessage());

            ProjectSpec invalid = new ProjectSpec("", null, null, null, List.of(), null, List.of(), List.of(),
                    List.of(), List.of(), List.of(), java.util.Map.of());
            assertThat(catchThrowable(() -> factory.withSpec(invalid))).isInstanceOf(SpecValidationException.class)
                    .hasMessage(catchThrowable(() -> Factory.builder().spec(invalid).build()).getMessage());

            Path file = Files.writeString(dir.resolve("notes.md"), NOTES);
            assertThat(factory.withSpec(file).spec()).isEqualTo(factory.withSpec(NOTES, SpecFormat.MARKDOWN).spec());
            assertThat(factory.withSpec(factory.spec()).specHash()).isEqualTo(factory.specHash());

            assertThatThrownBy(() -> factory.withSpec((Path) null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("spec file");
            assertThatThrownBy(() -> factory.withSpec(null, SpecFormat.MARKDOWN)).hasMessage("spec content");
            assertThatThrownBy(() -> factory.withSpec("x", null)).hasMessage("spec format");
            assertThatThrownBy(() -> factory.withSpec((ProjectSpec) null)).hasMessage("spec");
        }
    }

    @Test
    void closeEndsTheThreadsTheFactoryStartedAndRefusesNewBuilds() throws Exception {
        Set<Thread> baseline = factoryThreads();
        Factory factory = builder(CheckpointRepositories.inMemory()).build();
        assertThat(newThreadsAfterWaiting(baseline)).as("building a factory starts no thread").isEmpty();

        factory.run();
        BuildHandle started = factory.start();
        started.result().get(PhaseGate.WAIT_SECONDS, TimeUnit.SECONDS);
        // the started build's own thread (not a daemon, so the JVM waits for a build in flight) completes the
        // result future and then ends: wait for it, bounded, before looking at what the factory keeps
        String buildThread = "factory-" + started.buildId();
        for (Thread thread : factoryThreads()) {
            if (thread.getName().equals(buildThread)) {
                thread.join(TimeUnit.SECONDS.toMillis(PhaseGate.WAIT_SECONDS));
                assertThat(thread.isAlive()).as("the started build's thread ended with its build").isFalse();
            }
        }
        Set<Thread> owned = factoryThreads();
        owned.removeAll(baseline);
        assertThat(owned).as("the builds ran their task attempts on the factory's own threads, kept while idle")
                .extracting(Thread::getName).anyMatch(name -> name.startsWith("factory-attempt-"));
        assertThat(owned).as("none of them keeps the JVM alive").allMatch(Thread::isDaemon);

        factory.close();

        assertThat(newThreadsAfterWaiting(baseline)).as("threads left after close").isEmpty();
        assertThatThrownBy(factory::run).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was closed").hasMessageContaining("Factory.builder()");
        assertThatThrownBy(factory::start).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> factory.resume("b-20260101-000000-abcdef")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> factory.withSpec(NOTES, SpecFormat.MARKDOWN))
                .isInstanceOf(IllegalStateException.class);
        factory.close(); // idempotent
    }

    @Test
    void closeStopsARunningBuildResumablyAndWaitsForIt() throws Exception {
        Path spec = Files.writeString(dir.resolve("words.md"), WORDS);
        CheckpointRepository repository = CheckpointRepositories.fileSystem(dir.resolve("state"));
        Factory factory = builder(repository).spec(spec).build();
        PhaseGate gate = new PhaseGate(Phase.ANALYZE);
        BuildHandle handle = factory.start(gate);
        gate.awaitReached();

        factory.close();

        assertThat(handle.isDone()).as("close waited for the build to end").isTrue();
        assertThat(PhaseGate.failureOf(handle)).isInstanceOfSatisfying(BuildFailedException.class, f -> {
            assertThat(f.result().status()).isEqualTo(BuildStatus.INTERRUPTED);
            assertThat(f.getMessage()).contains("because its factory was closed");
        });
        BuildResult resumed = Factory.resume(repository, handle.buildId());
        assertThat(resumed.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(resumed.resumedFrom()).isEqualTo(Phase.DESIGN);
    }

    @Test
    void closeStopsABuildThatRunBlocksOnInAnotherThread() throws Exception {
        PhaseGate gate = new PhaseGate(Phase.ANALYZE);
        Factory factory = builder(CheckpointRepositories.inMemory()).listener(gate).build();
        java.util.concurrent.CompletableFuture<Throwable> thrown = new java.util.concurrent.CompletableFuture<>();
        Thread caller = new Thread(() -> {
            Throwable failure = catchThrowable(factory::run);
            if (Thread.currentThread().isInterrupted()) {
                failure = new AssertionError("close() left its interrupt on run()'s caller", failure);
            }
            thrown.complete(failure);
        }, "caller");
        caller.start();
        gate.awaitReached();

        factory.close();

        assertThat(thrown.get(PhaseGate.WAIT_SECONDS, TimeUnit.SECONDS)).isInstanceOfSatisfying(
                BuildFailedException.class, f -> {
            assertThat(f.result().status()).isEqualTo(BuildStatus.INTERRUPTED);
            assertThat(f.getMessage()).contains("because its factory was closed");
        });
        caller.join(TimeUnit.SECONDS.toMillis(PhaseGate.WAIT_SECONDS));
    }

    @Test
    void closingADerivedFactoryLeavesTheOneItCameFromRunningAndClosingThatClosesBoth() throws Exception {
        Factory words = builder(CheckpointRepositories.inMemory()).build();
        Factory notes = words.withSpec(NOTES, SpecFormat.MARKDOWN);
        PhaseGate gate = new PhaseGate(Phase.ANALYZE);
        BuildHandle running = words.start(gate);
        gate.awaitReached();

        notes.close();

        assertThat(running.isDone()).as("a derived factory's close stops its own builds only").isFalse();
        assertThatThrownBy(notes::run).isInstanceOf(IllegalStateException.class);
        gate.release.countDown();
        assertThat(running.result().get(PhaseGate.WAIT_SECONDS, TimeUnit.SECONDS).status())
                .isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(words.run().status()).as("its attempt threads were not closed").isEqualTo(BuildStatus.SUCCEEDED);

        Factory shop = words.withSpec(NOTES, SpecFormat.MARKDOWN);
        words.close();

        assertThatThrownBy(shop::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("derived from with withSpec was closed");
    }

    /** Holds every build at its ANALYZE checkpoint until that build is released or interrupted. */
    private static final class Hold implements BuildListener {
        private final java.util.concurrent.ConcurrentMap<String, CountDownLatch> reached =
                new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.ConcurrentMap<String, CountDownLatch> released =
                new java.util.concurrent.ConcurrentHashMap<>();

        private CountDownLatch latch(java.util.concurrent.ConcurrentMap<String, CountDownLatch> map, String id) {
            return map.computeIfAbsent(id, k -> new CountDownLatch(1));
        }

        @Override
        public void onEvent(BuildEvent event) {
            if (event instanceof CheckpointSaved saved && saved.phase() == Phase.ANALYZE && saved.task() == null) {
                latch(reached, saved.buildId()).countDown();
                try {
                    latch(released, saved.buildId()).await(PhaseGate.WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void awaitReached(String buildId) throws InterruptedException {
            assertThat(latch(reached, buildId).await(PhaseGate.WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }

        void release(String buildId) {
            latch(released, buildId).countDown();
        }
    }

    @Test
    void theBuildersDeadlineStopsRunAndStartResumablyAndStartsOwnOverridesIt() throws Exception {
        CheckpointRepository repository = CheckpointRepositories.inMemory();
        Hold hold = new Hold();
        try (Factory factory = builder(repository).listener(hold).deadline(Duration.ofMillis(50)).build()) {
            BuildHandle overridden = factory.start(Duration.ofDays(1));
            hold.awaitReached(overridden.buildId());

            // run(), of a factory derived with withSpec: held until its deadline interrupts it
            Throwable thrown = catchThrowable(() -> factory.withSpec(NOTES, SpecFormat.MARKDOWN).run());
            assertThat(thrown).isInstanceOfSatisfying(BuildFailedException.class, f -> {
                assertThat(f.result().status()).isEqualTo(BuildStatus.INTERRUPTED);
                assertThat(f.getMessage()).contains("because its deadline of PT0.05S passed");
            });
            assertThat(Thread.currentThread().isInterrupted())
                    .as("the deadline's interrupt is not left on the caller's thread").isFalse();

            // start(): the same default (it may stop before or after its first checkpoint: the deadline is short)
            BuildHandle bounded = factory.start();
            assertThat(PhaseGate.failureOf(bounded)).isInstanceOfSatisfying(BuildFailedException.class,
                    f -> assertThat(f.getMessage()).contains("because its deadline of PT0.05S passed"));

            // the build started first, with its own deadline of a day, has been held for longer than 50 ms
            assertThat(overridden.isDone()).as("start(Duration) overrides the builder's deadline").isFalse();
            hold.release(overridden.buildId());
            assertThat(overridden.result().get(PhaseGate.WAIT_SECONDS, TimeUnit.SECONDS).status())
                    .isEqualTo(BuildStatus.SUCCEEDED);
        }
    }

    @Test
    void theBuilderChecksTheDeadline() {
        assertThatThrownBy(() -> Factory.builder().deadline(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("deadline");
        assertThatThrownBy(() -> Factory.builder().deadline(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("deadline must be positive but was PT0S");
        assertThatThrownBy(() -> Factory.builder().deadline(Duration.ofSeconds(-1)))
                .hasMessage("deadline must be positive but was PT-1S");
    }

    @Test
    void theBackendPropertyDoesNotSteerAFactoryWhoseBackendIsSetInCode() {
        String before = System.getProperty(Factory.BACKEND_PROPERTY);
        System.setProperty(Factory.BACKEND_PROPERTY, "no-such-backend");
        try {
            assertThatThrownBy(() -> builder(CheckpointRepositories.inMemory()).outputDirectory(dir.resolve("a"))
                    .build().run())
                    .as("without a backend in code the property chooses")
                    .isInstanceOf(BackendUnavailableException.class).hasMessageContaining("no-such-backend");

            BuildResult byId = builder(CheckpointRepositories.inMemory()).outputDirectory(dir.resolve("b"))
                    .backend(MinimalBackendProvider.ID).build().run();
            assertThat(byId.status()).isEqualTo(BuildStatus.SUCCEEDED);

            Factory registered = builder(CheckpointRepositories.inMemory()).outputDirectory(dir.resolve("c"))
                    .backend(new MinimalBackendProvider()).build();
            assertThat(registered.run().status()).isEqualTo(BuildStatus.SUCCEEDED);
            assertThat(registered.withSpec(NOTES, SpecFormat.MARKDOWN).run().status())
                    .as("nor one derived from it").isEqualTo(BuildStatus.SUCCEEDED);
        } finally {
            if (before == null) {
                System.clearProperty(Factory.BACKEND_PROPERTY);
            } else {
                System.setProperty(Factory.BACKEND_PROPERTY, before);
            }
        }
    }
}

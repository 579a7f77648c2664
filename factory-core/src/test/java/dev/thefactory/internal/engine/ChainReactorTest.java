package dev.thefactory.internal.engine;

import dev.thefactory.fixtures.TreeBackendProvider;
import dev.thefactory.fixtures.Trees;
import dev.thefactory.internal.resilience.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Phase;
import dev.thefactory.api.event.AgentSpawned;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.TaskCompleted;
import dev.thefactory.internal.state.InMemoryCheckpointRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain reaction: children within the plan's bounds, refusals, the watchdog and the heap headroom. */
class ChainReactorTest {

    private static final String EXTREME_SPEC = EngineFixture.SPEC.replace("## Complexity: simple",
            "## Complexity: extreme");

    @TempDir
    Path dir;

    private final List<BuildEvent> events = new CopyOnWriteArrayList<>();

    private BuildEngine engine(String spec, TreeBackendProvider backend) {
        return EngineFixture.engine(EngineFixture.config(dir.resolve("out"), new InMemoryCheckpointRepository(),
                events::add), spec, null, backend);
    }

    private List<AgentSpawned> spawned() {
        return events.stream().filter(AgentSpawned.class::isInstance).map(AgentSpawned.class::cast).toList();
    }

    @Test
    void childrenRunInTheSamePhaseUnderTheirParentAndAreCounted() {
        BuildResult result = engine(EngineFixture.SPEC, new TreeBackendProvider()).run();

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(spawned()).filteredOn(s -> "generate/code".equals(s.parentTask()))
                .extracting(AgentSpawned::task)
                .containsExactlyInAnyOrder("generate/code/a", "generate/code/b", "generate/code/c")
                .hasSize(3);
        assertThat(spawned()).filteredOn(s -> s.parentTask() != null).allSatisfy(s -> {
            assertThat(s.phase()).isEqualTo(Phase.GENERATE);
            assertThat(s.task()).startsWith(s.parentTask() + "/");
        });
        assertThat(result.agentsSpawned()).isEqualTo(spawned().size()).isEqualTo(9 + 3);
        assertThat(Trees.tree(result.outputDirectory())).containsKeys("src/a.txt", "src/b.txt", "src/c.txt");
    }

    @Test
    void aChainOfChildrenStopsAtTheMaximumDepth() {
        BuildResult result = engine(EXTREME_SPEC, new TreeBackendProvider().shape(TreeBackendProvider.Shape.CHAIN))
                .run();

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.fallbacks()).isEmpty();
        int deepest = spawned().stream().mapToInt(s -> depth(s.task())).max().orElseThrow();
        assertThat(deepest).as("generate/code is at depth 0").isEqualTo(10);
        assertThat(spawned()).filteredOn(s -> s.task().startsWith("generate/code/a")).hasSize(10);
    }

    @Test
    void aTaskAskingForChildrenBeyondTheDepthLimitIsRefusedExplicitly() {
        BuildResult result = engine(EXTREME_SPEC,
                new TreeBackendProvider().shape(TreeBackendProvider.Shape.GREEDY_CHAIN)).run();

        assertThat(spawned().stream().mapToInt(s -> depth(s.task())).max().orElseThrow()).isEqualTo(10);
        assertThat(result.fallbacks()).singleElement().satisfies(fallback -> {
            assertThat(fallback.phase()).isEqualTo(Phase.GENERATE);
            assertThat(fallback.reason()).contains("asked to spawn 1 children but may spawn at most 0",
                    "depth 10 of at most 10");
        });
    }

    @Test
    void aResultWithMoreChildrenThanItsRoleMayHaveIsRefused() {
        BuildResult result = engine(EngineFixture.SPEC,
                new TreeBackendProvider().shape(TreeBackendProvider.Shape.TOO_MANY_CHILDREN)).run();

        assertThat(spawned()).noneSatisfy(s -> assertThat(s.parentTask()).isEqualTo("generate/tests"));
        assertThat(result.fallbacks()).singleElement().satisfies(fallback -> {
            assertThat(fallback.from()).isEqualTo(TreeBackendProvider.ID);
            assertThat(fallback.to()).isEqualTo("minimal");
            assertThat(fallback.reason()).contains("generate/tests", "asked to spawn 4 children but may spawn at "
                    + "most 3", "child cap 3 for role tester");
        });
        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
    }

    @Test
    void aResultNamingOneFileInNfcAndNfdIsRefusedNamingBothSpellings() {
        BuildResult result = engine(EngineFixture.SPEC,
                new TreeBackendProvider().shape(TreeBackendProvider.Shape.UNICODE_TWINS)).run();

        assertThat(result.fallbacks()).singleElement().satisfies(f -> assertThat(f.reason())
                .contains("docs/caf\u00e9.md").contains("docs/cafe\u0301.md").contains("NFD"));
    }

    @Test
    void noChildrenAreSpawnedWhenTheHeapHasTooLittleHeadroom() {
        HeapProbe nearlyFull = new HeapProbe() {
            @Override
            public long max() {
                return 1_000_000;
            }

            @Override
            public long used() {
                return 999_000;
            }
        };
        EngineConfig config = EngineFixture.config(dir.resolve("out"), new InMemoryCheckpointRepository(), 2,
                Duration.ofMinutes(2), Clock.systemUTC(), 64 * 1024, events::add);
        BuildResult result = EngineFixture.engine(config, EngineHooks.defaults().withHeap(nearlyFull),
                EngineFixture.SPEC, null, new TreeBackendProvider()).run();

        assertThat(spawned()).noneSatisfy(s -> assertThat(s.parentTask()).isEqualTo("generate/code"));
        assertThat(result.fallbacks()).singleElement().satisfies(fallback -> assertThat(fallback.reason())
                .contains("heap headroom is 1000 bytes", "below the minimum of 65536 bytes", "-Xmx"));
        assertThat(result.status()).as("the minimal backend spawns no children").isEqualTo(BuildStatus.SUCCEEDED);
    }

    @Test
    void theWatchdogFailsAHungBuildExplicitly() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        AtomicReference<Runnable> check = new AtomicReference<>();
        ScheduledExecutorService scheduler = mock(ScheduledExecutorService.class);
        when(scheduler.scheduleAtFixedRate(any(), anyLong(), anyLong(), any())).thenAnswer(call -> {
            check.set(call.getArgument(0));
            return mock(ScheduledFuture.class);
        });
        CountDownLatch hung = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch othersDone = new CountDownLatch(6);
        TreeBackendProvider backend = new TreeBackendProvider(task -> {
            if (task.id().equals("generate/tests")) {
                hung.countDown();
                release.await(60, TimeUnit.SECONDS);
            }
        });
        EngineConfig config = EngineFixture.config(dir.resolve("out"), new InMemoryCheckpointRepository(), 4,
                Duration.ofSeconds(30), clock, 0, event -> {
                    if (event instanceof TaskCompleted done && done.phase() == Phase.GENERATE) {
                        othersDone.countDown();
                    }
                });
        BuildEngine engine = EngineFixture.engine(config,
                EngineHooks.defaults().withWatchdog(scheduler, Duration.ofSeconds(1)).withTicker(clock),
                EngineFixture.SPEC, null,
                backend);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread build = new Thread(() -> {
            try {
                engine.run();
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "hung-build");
        build.start();
        try {
            assertThat(hung.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(othersDone.await(30, TimeUnit.SECONDS)).as("every other GENERATE task finished").isTrue();
            check.get().run();
            assertThat(thrown.get()).as("no alarm before the limit").isNull();
            clock.advance(Duration.ofSeconds(31));
            check.get().run();
            build.join(TimeUnit.SECONDS.toMillis(30));
        } finally {
            release.countDown();
        }

        assertThat(build.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOfSatisfying(BuildFailedException.class, failure -> {
            assertThat(failure.result().status()).isEqualTo(BuildStatus.FAILED);
            assertThat(failure.getMessage()).contains("stalled in phase GENERATE", "no task made progress for 31000 ms",
                    "watchdog limit of 30000 ms", "tasks still running: generate/tests");
            assertThat(failure.recoveryOptions()).anySatisfy(o -> assertThat(o).contains("check backend 'tree'"))
                    .anySatisfy(o -> assertThat(o).contains("Factory.resume(repository, \"" + failure.result().buildId() + "\")"));
            assertThat(failure.backendsTried()).as("a stall is not a reason to fall back")
                    .containsExactly(TreeBackendProvider.ID);
        });
    }

    private static int depth(String taskId) {
        if (!taskId.startsWith("generate/code")) {
            return 0;
        }
        return (int) taskId.substring("generate/code".length()).chars().filter(c -> c == '/').count();
    }

}

package dev.thefactory.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.Factory;
import dev.thefactory.api.AgentException;
import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.CircuitBreakerSettings;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.OutputConflictException;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.event.AgentSpawned;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.BuildFinished;
import dev.thefactory.api.event.BuildStarted;
import dev.thefactory.api.event.FallbackTriggered;
import dev.thefactory.api.event.PhaseCompleted;
import dev.thefactory.api.event.PhaseStarted;
import dev.thefactory.api.event.TaskCompleted;
import dev.thefactory.api.event.TaskFailed;
import dev.thefactory.fixtures.TreeBackendProvider;
import dev.thefactory.spi.StandardTasks;
import dev.thefactory.temporal.internal.BuildWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflow on Temporal's in-process test server with time skipping: replay, a second client, worker loss,
 * retries, fallback and cancellation, on a small deterministic backend.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TemporalWorkflowTest {

    static final String SPEC = """
            # Tree

            A project built on Temporal.

            ## Type: library

            ## FEATURES
            ### Core
            - Keep notes
            """;
    static final String QUEUE = "tree-builds";

    @TempDir
    Path dir;

    private TestWorkflowEnvironment env;
    private TreeBackendProvider tree;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                        .setDataConverter(FactoryDataConverter.create()).build())
                .build());
        tree = new TreeBackendProvider(task -> { });
    }

    @AfterEach
    void stop() {
        env.close();
    }

    private FactoryWorker worker() {
        return worker(new ActivityLog(), "worker");
    }

    /**
     * @return a started worker of the test's backend whose activity executions are recorded in the log; not sticky,
     *         as the test server never moves a workflow task off the sticky queue of a worker that is gone
     */
    private FactoryWorker worker(ActivityLog log, String label) {
        return FactoryWorker.builder().client(env.getWorkflowClient()).taskQueue(QUEUE)
                .configure(builder -> builder.backend(tree)).sticky(false).interceptor(log.interceptor(label))
                .build().start();
    }

    private Factory factory() {
        return Factory.builder().spec(SPEC, SpecFormat.MARKDOWN).mode(Mode.STANDALONE).backend(tree)
                .outputDirectory(dir.resolve("out")).requireFeatures(FeatureRequirement.NONE)
                .runGeneratedTests(false).build();
    }

    private Factory factory(RetrySettings retry, CircuitBreakerSettings circuit) {
        return Factory.builder().spec(SPEC, SpecFormat.MARKDOWN).mode(Mode.STANDALONE).backend(tree)
                .outputDirectory(dir.resolve("out")).overwrite(true).requireFeatures(FeatureRequirement.NONE)
                .runGeneratedTests(false).retry(retry).circuitBreaker(circuit).build();
    }

    private TemporalFactory temporal(WorkflowClient client) {
        return TemporalFactory.builder().client(client).taskQueue(QUEUE).build();
    }

    @Test
    void aBuildStartedByOneClientIsReadByAnotherAndItsHistoryReplaysDeterministically() throws Exception {
        try (FactoryWorker worker = worker()) {
            assertThat(worker.taskQueue()).isEqualTo(QUEUE);
            TemporalBuild started = temporal(env.getWorkflowClient()).start(factory());
            WorkflowClient other = WorkflowClient.newInstance(env.getWorkflowServiceStubs(),
                    WorkflowClientOptions.newBuilder().setDataConverter(FactoryDataConverter.create()).build());

            BuildResult result = temporal(other).attach(started.buildId()).result();

            assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
            assertThat(result.buildId()).isEqualTo(started.buildId());
            assertThat(result.phases()).filteredOn(p -> p.phase() == Phase.GENERATE).extracting(PhaseResult::backend)
                    .containsExactly(TreeBackendProvider.ID);
            assertThat(Files.readString(result.outputDirectory().resolve("src/b.txt")))
                    .isEqualTo("module b of Tree (3 modules)\n");
            assertThat(tree.starts()).containsEntry(StandardTasks.GENERATE_CODE + "/c", 1);

            WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory(started.buildId());
            WorkflowReplayer.replayWorkflowExecution(history, env, BuildWorkflowImpl.class);
        }
    }

    @Test
    void transientFailuresAreRetriedByTemporalWithTheBuildsRetrySettings() {
        CountDownLatch failures = new CountDownLatch(2);
        tree.gate(task -> {
            if (task.id().equals(StandardTasks.GENERATE_DOCS) && failures.getCount() > 0) {
                failures.countDown();
                throw AgentException.transientFailure("the model is busy");
            }
        });
        try (FactoryWorker worker = worker()) {
            assertThat(worker.taskQueue()).isEqualTo(QUEUE);
            BuildResult result = temporal(env.getWorkflowClient()).run(factory());

            assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
            assertThat(result.retries()).isEqualTo(2);
            assertThat(result.fallbacks()).isEmpty();
            assertThat(tree.starts()).containsEntry(StandardTasks.GENERATE_DOCS, 3)
                    .containsEntry(StandardTasks.GENERATE_BUILD, 1);
        }
    }

    @Test
    void aPermanentFailureIsNotRetriedAndTheWorkflowFallsBackToTheNextBackend() {
        tree.gate(task -> {
            if (task.id().equals(StandardTasks.GENERATE_BUILD)) {
                throw AgentException.permanentFailure("cannot build this");
            }
        });
        try (FactoryWorker worker = worker()) {
            assertThat(worker.taskQueue()).isEqualTo(QUEUE);
            BuildResult result = temporal(env.getWorkflowClient()).run(factory());

            assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
            assertThat(tree.starts()).containsEntry(StandardTasks.GENERATE_BUILD, 1);
            assertThat(result.fallbacks()).hasSize(1);
            assertThat(result.fallbacks().get(0).from()).isEqualTo(TreeBackendProvider.ID);
            assertThat(result.fallbacks().get(0).phase()).isEqualTo(Phase.GENERATE);
            assertThat(result.fallbacks().get(0).reason()).contains("generate/build").contains("cannot build this")
                    .doesNotContain("circuit");
            assertThat(result.phases()).filteredOn(p -> p.phase() == Phase.GENERATE).extracting(PhaseResult::backend)
                    .containsExactly(result.fallbacks().get(0).to());
        }
    }

    @Test
    void theBuildsEventsReachTheFactorysListenersAndTheTemporalFactorysInTheLocalEnginesOrder() {
        tree.gate(task -> {
            if (task.id().equals(StandardTasks.GENERATE_BUILD)) {
                throw AgentException.permanentFailure("cannot build this");
            }
        });
        List<BuildEvent> local = new CopyOnWriteArrayList<>();
        Factory.builder().spec(SPEC, SpecFormat.MARKDOWN).mode(Mode.STANDALONE).backend(tree)
                .outputDirectory(dir.resolve("local")).requireFeatures(FeatureRequirement.NONE)
                .runGeneratedTests(false).listener(local::add).build().run();
        List<BuildEvent> events = new CopyOnWriteArrayList<>();
        List<BuildEvent> followed = new CopyOnWriteArrayList<>();
        try (FactoryWorker worker = worker()) {
            assertThat(worker.taskQueue()).isEqualTo(QUEUE);
            BuildResult result = TemporalFactory.builder().client(env.getWorkflowClient()).taskQueue(QUEUE)
                    .listener(followed::add).build()
                    .run(Factory.builder().spec(SPEC, SpecFormat.MARKDOWN).mode(Mode.STANDALONE).backend(tree)
                            .outputDirectory(dir.resolve("out")).requireFeatures(FeatureRequirement.NONE)
                            .runGeneratedTests(false).listener(events::add).build());

            assertThat(followed).containsExactlyElementsOf(events);
            assertThat(events.get(0)).isInstanceOfSatisfying(BuildStarted.class, started -> {
                assertThat(started.buildId()).isEqualTo(result.buildId());
                assertThat(started.projectName()).isEqualTo("Tree");
            });
            assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(BuildFinished.class, finished -> {
                assertThat(finished.status()).isEqualTo(BuildStatus.SUCCEEDED);
                assertThat(finished.outputDirectory()).isEqualTo(result.outputDirectory());
            });
            assertThat(shape(events)).containsExactlyElementsOf(shape(local));
            assertThat(events).filteredOn(AgentSpawned.class::isInstance).hasSize(result.agentsSpawned());
            assertThat(events).filteredOn(TaskFailed.class::isInstance).singleElement()
                    .isInstanceOfSatisfying(TaskFailed.class, failed -> assertThat(failed.reason())
                            .contains("cannot build this"));
            assertThat(events).filteredOn(FallbackTriggered.class::isInstance).singleElement()
                    .isInstanceOfSatisfying(FallbackTriggered.class, fallback -> {
                        assertThat(fallback.from()).isEqualTo(TreeBackendProvider.ID);
                        assertThat(fallback.to()).isEqualTo(result.fallbacks().get(0).to());
                        assertThat(fallback.reason()).isEqualTo(result.fallbacks().get(0).reason());
                    });
            for (PhaseResult phase : result.phases()) {
                assertThat(events).filteredOn(PhaseCompleted.class::isInstance).map(PhaseCompleted.class::cast)
                        .filteredOn(completed -> completed.phase() == phase.phase()
                                && completed.backend().equals(phase.backend()))
                        .extracting(PhaseCompleted::durationMillis).containsExactly(phase.durationMillis());
            }
            assertThat(events).filteredOn(TaskCompleted.class::isInstance).hasSize(result.agentsSpawned() - 1)
                    .map(TaskCompleted.class::cast).filteredOn(completed -> completed.task()
                            .equals(StandardTasks.ANALYZE)).hasSize(2);
        }
    }

    /**
     * @return the build, phase and fallback events, as type, phase and backend (and task failures, as type and
     *         task), in order: what a local and a Temporal build of the same spec must share
     */
    private static List<String> shape(List<BuildEvent> events) {
        List<String> shape = new ArrayList<>();
        for (BuildEvent event : events) {
            if (event instanceof PhaseStarted e) {
                shape.add(e.type() + " " + e.phase() + " " + e.backend());
            } else if (event instanceof PhaseCompleted e) {
                shape.add(e.type() + " " + e.phase() + " " + e.backend());
            } else if (event instanceof dev.thefactory.api.event.PhaseFailed e) {
                shape.add(e.type() + " " + e.phase() + " " + e.backend());
            } else if (event instanceof FallbackTriggered e) {
                shape.add(e.type() + " " + e.phase() + " " + e.from() + " " + e.to());
            } else if (event instanceof TaskFailed e) {
                shape.add(e.type() + " " + e.task());
            } else if (event instanceof BuildStarted || event instanceof BuildFinished) {
                shape.add(event.type());
            }
        }
        return shape;
    }

    @Test
    void anOutputDirectoryHoldingTheUsersFilesRefusesTheBuildWithTheLocalEnginesTypedException() throws Exception {
        Files.createDirectories(dir.resolve("out/tree"));
        Files.writeString(dir.resolve("out/tree/MY_NOTES.txt"), "mine\n");
        List<BuildEvent> events = new CopyOnWriteArrayList<>();
        try (FactoryWorker worker = worker()) {
            assertThat(worker.taskQueue()).isEqualTo(QUEUE);
            TemporalFactory temporal = TemporalFactory.builder().client(env.getWorkflowClient()).taskQueue(QUEUE)
                    .listener(events::add).build();

            assertThatThrownBy(() -> temporal.run(factory()))
                    .isInstanceOfSatisfying(OutputConflictException.class, conflict -> {
                        assertThat(conflict.directory()).isEqualTo(dir.resolve("out/tree").toAbsolutePath());
                        assertThat(conflict.differences()).anySatisfy(d -> assertThat(d).contains("MY_NOTES.txt"));
                        assertThat(conflict.getMessage()).contains("before doing any work");
                    });
            assertThat(Files.readString(dir.resolve("out/tree/MY_NOTES.txt"))).isEqualTo("mine\n");
            assertThat(tree.starts()).isEmpty();
            assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(BuildFinished.class,
                    finished -> assertThat(finished.status()).isEqualTo(BuildStatus.FAILED));
        }
    }

    @Test
    void aBackendWhoseFailuresReachTheCircuitThresholdHasItsCircuitOpenedAndTheWorkflowFallsBack() {
        String failing = StandardTasks.GENERATE_CODE + "/a";
        tree.gate(task -> {
            if (task.id().equals(failing)) {
                throw new java.io.IOException("connection refused");
            }
        });
        try (FactoryWorker worker = worker()) {
            assertThat(worker.taskQueue()).isEqualTo(QUEUE);
            BuildResult opened = temporal(env.getWorkflowClient()).run(factory(RetrySettings.defaults()
                    .withMaxAttempts(3), CircuitBreakerSettings.defaults().withThresholds(3, 10)));

            assertThat(opened.status()).isEqualTo(BuildStatus.SUCCEEDED);
            assertThat(tree.starts()).containsEntry(failing, 3);
            assertThat(opened.fallbacks()).hasSize(1);
            assertThat(opened.fallbacks().get(0).reason()).startsWith("the circuit of backend 'tree' is open: ")
                    .contains(failing).contains("connection refused");

            // the same failures below a higher threshold: the backend is abandoned for the failed task, not its circuit
            BuildResult closed = temporal(env.getWorkflowClient()).run(factory(RetrySettings.defaults()
                    .withMaxAttempts(3), CircuitBreakerSettings.defaults().withThresholds(4, 10)));

            assertThat(closed.fallbacks()).hasSize(1);
            assertThat(closed.fallbacks().get(0).reason()).doesNotContain("circuit").contains(failing);
        }
    }

    @Test
    void aWorkerStoppedInTheMiddleOfGenerateIsReplacedAndNoFinishedActivityRunsAgain() throws Exception {
        String lost = StandardTasks.GENERATE_CODE + "/b";
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        tree.gate(task -> {
            if (task.id().equals(lost)) {
                entered.countDown();
                never.await();
            }
        });
        ActivityLog log = new ActivityLog();
        FactoryWorker first = worker(log, "first");
        TemporalBuild build = temporal(env.getWorkflowClient()).start(factory());
        assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();
        List<ActivityLog.Run> beforeLoss = log.runs();
        tree.gate(task -> { });

        first.shutdownNow();
        try (FactoryWorker second = worker(log, "second")) {
            assertThat(second.taskQueue()).isEqualTo(QUEUE);
            BuildResult result = build.result();

            assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
            assertThat(beforeLoss).extracting(ActivityLog.Run::activity).contains("Prepare",
                    "RunTask:" + StandardTasks.GENERATE_CODE).doesNotContain("RunTask:" + lost);
            for (ActivityLog.Run finished : beforeLoss) {
                assertThat(finished.finished()).isTrue();
                assertThat(log.of(finished.activity())).as("executions of " + finished.activity())
                        .containsExactly(finished);
            }
            assertThat(log.of("RunTask:" + lost)).containsExactly(new ActivityLog.Run("first", "RunTask:" + lost,
                    false), new ActivityLog.Run("second", "RunTask:" + lost, true));
            assertThat(log.of("ValidateAndPublish")).containsExactly(new ActivityLog.Run("second", "ValidateAndPublish", true));
            assertThat(log.runs()).filteredOn(run -> !run.activity().equals("RunTask:" + lost))
                    .allMatch(ActivityLog.Run::finished);
            assertThat(tree.starts()).containsEntry(lost, 2);
            Map<String, Integer> others = new TreeMap<>(tree.starts());
            others.remove(lost);
            assertThat(others).isNotEmpty().allSatisfy((task, starts) -> assertThat(starts).as(task).isEqualTo(1));

            BuildResult reference = temporal(env.getWorkflowClient()).run(Factory.builder().spec(SPEC,
                    SpecFormat.MARKDOWN).mode(Mode.STANDALONE).backend(tree).outputDirectory(dir.resolve("reference"))
                    .requireFeatures(FeatureRequirement.NONE).runGeneratedTests(false).build());
            Map<String, byte[]> expected = TemporalBuildTest.files(reference.outputDirectory());
            Map<String, byte[]> actual = TemporalBuildTest.files(result.outputDirectory());
            assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet()).contains("src/b.txt");
            expected.forEach((path, bytes) -> assertThat(actual.get(path)).as(path).isEqualTo(bytes));
            assertThat(dir.resolve("out/.staging/" + build.buildId())).doesNotExist();
        } finally {
            never.countDown();
        }
    }

    @Test
    void aCancelledBuildInterruptsItsRunningTaskPublishesNothingAndRemovesItsStagingArea() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
        tree.gate(task -> {
            if (task.id().equals(StandardTasks.GENERATE_CODE)) {
                entered.countDown();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    throw e;
                }
            }
        });
        try (FactoryWorker worker = worker()) {
            assertThat(worker.taskQueue()).isEqualTo(QUEUE);
            TemporalBuild build = temporal(env.getWorkflowClient()).start(factory());
            assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();

            build.cancel();

            assertThatThrownBy(build::result).isInstanceOfSatisfying(BuildFailedException.class, failed -> {
                assertThat(failed.result().status()).isEqualTo(BuildStatus.INTERRUPTED);
                assertThat(failed.getMessage()).contains("cancelled");
            });
            // the workflow waited for the task to stop before it removed the staging area
            assertThat(interrupted).isTrue();
            assertThat(dir.resolve("out/tree")).doesNotExist();
            assertThat(dir.resolve("out/.staging/" + build.buildId())).doesNotExist();
            assertThat(tree.starts()).containsEntry(StandardTasks.GENERATE_CODE, 1);
        } finally {
            never.countDown();
        }
    }

}

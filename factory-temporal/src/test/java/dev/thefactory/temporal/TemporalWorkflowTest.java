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
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.SpecFormat;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    private TreeBackend tree;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                        .setDataConverter(FactoryDataConverter.create()).build())
                .build());
        tree = new TreeBackend(task -> { });
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
                    .containsExactly(TreeBackend.ID);
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
            assertThat(result.fallbacks().get(0).from()).isEqualTo(TreeBackend.ID);
            assertThat(result.fallbacks().get(0).phase()).isEqualTo(Phase.GENERATE);
            assertThat(result.fallbacks().get(0).reason()).contains("generate/build").contains("cannot build this")
                    .doesNotContain("circuit");
            assertThat(result.phases()).filteredOn(p -> p.phase() == Phase.GENERATE).extracting(PhaseResult::backend)
                    .containsExactly(result.fallbacks().get(0).to());
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
    void aCancelledBuildStopsPublishesNothingAndRemovesItsStagingArea() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        tree.gate(task -> {
            if (task.id().equals(StandardTasks.GENERATE_CODE)) {
                entered.countDown();
                never.await(30, TimeUnit.SECONDS);
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
            assertThat(dir.resolve("out/tree")).doesNotExist();
            assertThat(dir.resolve("out/.staging/" + build.buildId())).doesNotExist();
        } finally {
            never.countDown();
        }
    }
}

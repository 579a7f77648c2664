package dev.thefactory.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.Factory;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.RepairRecord;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.Usage;
import dev.thefactory.api.event.AgentSpawned;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.RepairRoundFinished;
import dev.thefactory.api.event.TaskCompleted;
import dev.thefactory.fixtures.CalcBackend;
import dev.thefactory.fixtures.Trees;
import dev.thefactory.spi.GeneratedFile;
import dev.thefactory.spi.RepairRequest;
import dev.thefactory.temporal.internal.BuildWorkflowImpl;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repair rounds of {@code VALIDATE_OUTPUT} on Temporal's in-process test server: the validating activity runs the
 * core's repair loop with the build's repair rounds, and the build ends as the local engine's does for the same spec
 * and backend (the same result, rounds and published files).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TemporalRepairTest {

    private static final String SPEC = """
            # Calc Demo

            A small calculator.

            ## Type: cli_tool

            ## Complexity: simple

            ## FEATURES

            - Add two numbers
            """;
    private static final String QUEUE = "repair-builds";

    @TempDir
    Path dir;

    private TestWorkflowEnvironment env;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                        .setDataConverter(FactoryDataConverter.create()).build())
                .build());
    }

    @AfterEach
    void stop() {
        env.close();
    }

    /** @return a repairing INTEGRATED backend whose {@code Calc} is {@code code} until repair round {@code round} */
    private static CalcBackend fixer(String code, int round) {
        return CalcBackend.fixer(true, code, round);
    }

    private static Factory factory(CalcBackend fixer, Mode mode, boolean tests, Path out, List<BuildEvent> events) {
        return Factory.builder().spec(SPEC, SpecFormat.MARKDOWN).mode(mode).backend(fixer).outputDirectory(out)
                .requireFeatures(FeatureRequirement.NONE).runGeneratedTests(tests).repairRounds(2)
                .listener(events::add).build();
    }

    /** Runs the build on Temporal with a worker whose backend is {@code fixer}. */
    private BuildResult onTemporal(CalcBackend fixer, Mode mode, boolean tests, Path out, List<BuildEvent> events) {
        FactoryWorker worker = FactoryWorker.builder().client(env.getWorkflowClient()).taskQueue(QUEUE)
                .configure(builder -> builder.backend(fixer)).sticky(false).build().start();
        try {
            TemporalFactory temporal = TemporalFactory.builder().client(env.getWorkflowClient()).taskQueue(QUEUE)
                    .build();
            TemporalBuild build = temporal.start(factory(fixer, mode, tests, out, events));
            BuildResult result = build.result();
            try {
                WorkflowReplayer.replayWorkflowExecution(env.getWorkflowClient().fetchHistory(build.buildId()), env,
                        BuildWorkflowImpl.class);
            } catch (Exception e) {
                throw new AssertionError("the history did not replay", e);
            }
            return result;
        } finally {
            worker.close();
        }
    }

    @Test
    void aFailingGeneratedTestRepairedInRoundOneSucceedsAsLocally() throws Exception {
        List<BuildEvent> localEvents = new CopyOnWriteArrayList<>();
        CalcBackend localFixer = fixer(CalcBackend.WRONG, 1);
        BuildResult local = factory(localFixer, Mode.INTEGRATED, true, dir.resolve("local"), localEvents).run();
        List<BuildEvent> events = new CopyOnWriteArrayList<>();
        CalcBackend fixer = fixer(CalcBackend.WRONG, 1);

        BuildResult result = onTemporal(fixer, Mode.INTEGRATED, true, dir.resolve("temporal"), events);

        assertThat(local.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.fallbacks()).isEmpty();
        assertThat(Files.readString(result.outputDirectory().resolve(CalcBackend.CALC)))
                .isEqualTo(CalcBackend.FIXED);
        assertThat(result.validation().tests().passed()).isEqualTo(1);
        assertThat(result.repairs()).singleElement().satisfies(r -> {
            assertThat(r.round()).isEqualTo(1);
            assertThat(r.backend()).isEqualTo(CalcBackend.FIXER_ID);
            assertThat(r.diagnostics()).isPositive();
            assertThat(r.files()).isEqualTo(1);
            assertThat(r.remaining()).isZero();
            assertThat(r.outcome()).isEqualTo(RepairRecord.Outcome.REPAIRED);
        });
        // the same rounds, counters, usage and notes as the local engine
        assertThat(result.repairs()).isEqualTo(local.repairs());
        assertThat(result.agentsSpawned()).isEqualTo(local.agentsSpawned());
        assertThat(result.usage()).isEqualTo(local.usage()).isEqualTo(new Usage(10, 5, 1));
        assertThat(usage(result, Phase.VALIDATE_OUTPUT)).isEqualTo(usage(local, Phase.VALIDATE_OUTPUT));
        assertThat(result.notes()).isEqualTo(local.notes());
        assertThat(result.validation()).isEqualTo(local.validation());
        // the repair request carried the test and its subject, with the failed test's diagnostic
        assertThat(fixer.requests).singleElement().satisfies(request -> {
            assertThat(request.round()).isEqualTo(1);
            assertThat(request.maxRounds()).isEqualTo(2);
            assertThat(request.files()).extracting(GeneratedFile::path)
                    .containsExactly(CalcBackend.CALC, CalcBackend.CALC_TEST);
        });
        // the same project, byte for byte, but the manifest's build id and times; the manifest records the round
        assertThat(Trees.projectFiles(result.outputDirectory()))
                .isEqualTo(Trees.projectFiles(local.outputDirectory()));
        assertThat(Files.readString(result.outputDirectory().resolve(Trees.MANIFEST)))
                .contains("\"repairs\"").contains("\"outcome\" : \"REPAIRED\"").contains("\"backend\" : \"fixer\"");
        // the round's events reach the caller: its agent, its task and the round
        assertThat(events).filteredOn(RepairRoundFinished.class::isInstance).map(RepairRoundFinished.class::cast)
                .singleElement().satisfies(e -> {
                    assertThat(e.round()).isEqualTo(1);
                    assertThat(e.maxRounds()).isEqualTo(2);
                    assertThat(e.outcome()).isEqualTo(RepairRecord.Outcome.REPAIRED);
                });
        assertThat(events).filteredOn(AgentSpawned.class::isInstance).map(e -> ((AgentSpawned) e).task())
                .contains("repair/1");
        assertThat(events).filteredOn(TaskCompleted.class::isInstance).map(e -> ((TaskCompleted) e).task())
                .contains("repair/1");
    }

    @Test
    void outputStillBrokenAfterTheRoundsFallsBackAsLocally() {
        BuildResult local = factory(fixer(CalcBackend.BROKEN, Integer.MAX_VALUE), Mode.AUTO, false,
                dir.resolve("local"), new CopyOnWriteArrayList<>()).run();
        CalcBackend fixer = fixer(CalcBackend.BROKEN, Integer.MAX_VALUE);

        BuildResult result = onTemporal(fixer, Mode.AUTO, false, dir.resolve("temporal"),
                new CopyOnWriteArrayList<>());

        assertThat(local.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(fixer.requests).extracting(RepairRequest::round).containsExactly(1, 2);
        assertThat(result.repairs()).extracting(RepairRecord::round, RepairRecord::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, RepairRecord.Outcome.STILL_FAILING),
                org.assertj.core.groups.Tuple.tuple(2, RepairRecord.Outcome.STILL_FAILING));
        assertThat(result.repairs()).isEqualTo(local.repairs());
        assertThat(result.fallbacks()).singleElement().satisfies(fallback -> {
            assertThat(fallback.phase()).isEqualTo(Phase.VALIDATE_OUTPUT);
            assertThat(fallback.from()).isEqualTo(CalcBackend.FIXER_ID);
            assertThat(fallback.reason()).contains("failed validation after 2 repair rounds");
        });
        assertThat(result.fallbacks()).isEqualTo(local.fallbacks());
        assertThat(result.agentsSpawned()).isEqualTo(local.agentsSpawned());
        assertThat(result.usage()).isEqualTo(local.usage());
    }

    private static Usage usage(BuildResult result, Phase phase) {
        return result.phases().stream().filter(p -> p.phase() == phase).map(PhaseResult::usage).findFirst()
                .orElseThrow();
    }
}

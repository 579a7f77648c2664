package dev.thefactory.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.Factory;
import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.CircuitBreakerSettings;
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.GeneratedTestSettings;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.RepairRecord;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.TimeoutSettings;
import dev.thefactory.api.Usage;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.BuildListener;
import dev.thefactory.api.event.CheckpointSaved;
import dev.thefactory.api.event.RepairRoundFinished;
import dev.thefactory.fixtures.CalcBackend;
import dev.thefactory.fixtures.Trees;
import dev.thefactory.internal.engine.BuildState.PhaseCheckpoint;
import dev.thefactory.internal.engine.BuildState.TaskRecord;
import dev.thefactory.internal.output.OutputQuotas;
import dev.thefactory.internal.state.FileSystemCheckpointRepository;
import dev.thefactory.internal.state.InMemoryCheckpointRepository;
import dev.thefactory.internal.util.Sha256;
import dev.thefactory.spi.Checkpoint;
import dev.thefactory.spi.GeneratedFile;
import dev.thefactory.spi.RepairDiagnostic;
import dev.thefactory.spi.RepairRequest;
import dev.thefactory.spi.StandardTasks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repair rounds of VALIDATE_OUTPUT with a scripted integrated backend whose code does not compile (or whose
 * generated test fails) until its repair task has run a given number of times.
 */
class RepairRoundsTest {

    @TempDir
    Path dir;

    private final InMemoryCheckpointRepository checkpoints = new InMemoryCheckpointRepository();
    private final List<BuildEvent> events = new CopyOnWriteArrayList<>();

    private EngineConfig config(Mode mode, int repairRounds, GeneratedTestSettings tests) {
        return new EngineConfig(mode, dir.resolve("out").toAbsolutePath().normalize(), List.of(events::add), null,
                checkpoints, 2, Duration.ofMinutes(2), 0, RetrySettings.none(), CircuitBreakerSettings.defaults(),
                TimeoutSettings.defaults(), FaultInjection.none(), Clock.systemUTC(), OutputQuotas.defaults(),
                EngineConfig.NO_PATTERNS, FeatureRequirement.NONE, tests, false, repairRounds);
    }

    private BuildResult run(Mode mode, int repairRounds, CalcBackend fixer) {
        return run(mode, repairRounds, GeneratedTestSettings.disabled(), fixer);
    }

    private BuildResult run(Mode mode, int repairRounds, GeneratedTestSettings tests, CalcBackend fixer) {
        return EngineFixture.engine(config(mode, repairRounds, tests), EngineFixture.SPEC, null, fixer).run();
    }

    @Test
    void codeThatDoesNotCompileIsRepairedInRoundOne() throws Exception {
        CalcBackend fixer = CalcBackend.fixer(true, CalcBackend.BROKEN, 1);

        BuildResult result = run(Mode.INTEGRATED, 2, fixer);

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.fallbacks()).isEmpty();
        assertThat(Files.readString(result.outputDirectory().resolve(CalcBackend.CALC))).isEqualTo(CalcBackend.FIXED);
        assertThat(result.repairs()).singleElement().satisfies(r -> {
            assertThat(r.round()).isEqualTo(1);
            assertThat(r.backend()).isEqualTo(CalcBackend.FIXER_ID);
            assertThat(r.diagnostics()).isPositive();
            assertThat(r.files()).isEqualTo(1);
            assertThat(r.remaining()).isZero();
            assertThat(r.outcome()).isEqualTo(RepairRecord.Outcome.REPAIRED);
        });
        // the request carried the broken file and the compiler's diagnostic with its line
        assertThat(fixer.requests).singleElement().satisfies(request -> {
            assertThat(request.round()).isEqualTo(1);
            assertThat(request.maxRounds()).isEqualTo(2);
            assertThat(request.files()).containsExactly(new GeneratedFile(CalcBackend.CALC, CalcBackend.BROKEN));
            assertThat(request.diagnostics()).anySatisfy(d -> {
                assertThat(d.kind()).isEqualTo(RepairDiagnostic.Kind.CONTENT);
                assertThat(d.file()).isEqualTo(CalcBackend.CALC);
                assertThat(d.line()).isEqualTo(5);
                assertThat(d.message()).contains("illegal start of expression");
            });
        });
        assertThat(fixer.repairTaskIds).containsExactly("repair/1");
        // the repair's usage is counted with the build's, and its agent like any other
        assertThat(result.usage()).isEqualTo(new Usage(10, 5, 1));
        assertThat(events).filteredOn(RepairRoundFinished.class::isInstance).map(RepairRoundFinished.class::cast)
                .singleElement().satisfies(e -> {
                    assertThat(e.round()).isEqualTo(1);
                    assertThat(e.maxRounds()).isEqualTo(2);
                    assertThat(e.outcome()).isEqualTo(RepairRecord.Outcome.REPAIRED);
                    assertThat(e.diagnostics()).isEqualTo(result.repairs().get(0).diagnostics());
                });
        String metadata = Files.readString(result.outputDirectory().resolve(BuildMetadata.PATH));
        assertThat(metadata).contains("\"repairs\"").contains("\"outcome\" : \"REPAIRED\"")
                .contains("\"backend\" : \"fixer\"");
    }

    @Test
    void aRepairedFileIsCheckpointedWithItsTaskSoAResumeKeepsIt() throws Exception {
        BuildResult result = run(Mode.INTEGRATED, 2, CalcBackend.fixer(true, CalcBackend.BROKEN, 1));

        List<Checkpoint> history = checkpoints.history(result.buildId());
        // the newest checkpoint that still describes the state after GENERATE is the one saved after the repair
        PhaseCheckpoint afterRepair = history.stream().filter(c -> c.taskId() == null && c.phase() == Phase.GENERATE)
                .map(c -> BuildState.readPhase(c.payload())).reduce((a, b) -> b).orElseThrow();
        TaskRecord code = afterRepair.tasks().stream().filter(t -> t.id().equals(StandardTasks.GENERATE_CODE))
                .findFirst().orElseThrow();
        assertThat(code.files()).singleElement().satisfies(file -> {
            assertThat(file.path()).isEqualTo(CalcBackend.CALC);
            assertThat(file.sha256()).isEqualTo(Sha256.hex(CalcBackend.FIXED.getBytes(StandardCharsets.UTF_8)));
        });
        assertThat(history.stream().filter(c -> c.taskId() == null && c.phase() == Phase.GENERATE).count())
                .as("one checkpoint after GENERATE and one after the repair round").isEqualTo(2);
    }

    @Test
    void aBuildThatDiedAfterARepairRoundResumesWithoutAskingAgain() throws Exception {
        Path state = dir.resolve("state");
        Path out = dir.resolve("out");
        Path crashedState = dir.resolve("crashed-state");
        Path crashedOut = dir.resolve("crashed-out");
        java.util.concurrent.atomic.AtomicInteger generateCheckpoints = new java.util.concurrent.atomic.AtomicInteger();
        String buildId;
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(state)) {
            BuildListener crashAfterRepair = event -> {
                if (event instanceof CheckpointSaved c && c.phase() == Phase.GENERATE && c.task() == null
                        && generateCheckpoints.incrementAndGet() == 2) {
                    // the second checkpoint after GENERATE is the one saved after the repair round
                    Trees.copy(state, crashedState);
                    Trees.copy(out, crashedOut);
                }
            };
            EngineConfig config = new EngineConfig(Mode.INTEGRATED, out.toAbsolutePath().normalize(),
                    List.of(crashAfterRepair), null, repository, 2, Duration.ofMinutes(2), 0, RetrySettings.none(),
                    CircuitBreakerSettings.defaults(), TimeoutSettings.defaults(), FaultInjection.none(),
                    Clock.systemUTC(), OutputQuotas.defaults(), EngineConfig.NO_PATTERNS, FeatureRequirement.NONE,
                    GeneratedTestSettings.disabled(), false, 2);
            BuildResult first = EngineFixture.engine(config, EngineFixture.SPEC, dir.resolve("tree-demo.md"),
                    CalcBackend.fixer(true, CalcBackend.BROKEN, 1)).run();
            buildId = first.buildId();
        }
        assertThat(generateCheckpoints.get()).isEqualTo(2);
        CalcBackend again = CalcBackend.fixer(true, CalcBackend.BROKEN, 1);

        BuildResult resumed;
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(crashedState)) {
            EngineConfig config = new EngineConfig(Mode.INTEGRATED, crashedOut.toAbsolutePath().normalize(),
                    List.of(), null, repository, 2, Duration.ofMinutes(2), 0, RetrySettings.none(),
                    CircuitBreakerSettings.defaults(), TimeoutSettings.defaults(), FaultInjection.none(),
                    Clock.systemUTC(), OutputQuotas.defaults(), EngineConfig.NO_PATTERNS, FeatureRequirement.NONE,
                    GeneratedTestSettings.disabled(), false, 2);
            resumed = EngineFixture.engine(config, EngineFixture.SPEC, null, again).resume(buildId, false);
        }

        assertThat(resumed.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(again.executed).as("no writing task and no repair call is repeated").isEmpty();
        assertThat(resumed.repairs()).isEmpty();
        assertThat(Files.readString(resumed.outputDirectory().resolve(CalcBackend.CALC))).isEqualTo(CalcBackend.FIXED);
    }

    @Test
    void stillBrokenAfterTheRoundsAutoFallsBackAndSaysWhy() {
        CalcBackend fixer = CalcBackend.fixer(true, CalcBackend.BROKEN, Integer.MAX_VALUE);

        BuildResult result = run(Mode.AUTO, 2, fixer);

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(fixer.repairTaskIds).containsExactly("repair/1", "repair/2");
        assertThat(fixer.requests).extracting(RepairRequest::round).containsExactly(1, 2);
        assertThat(result.repairs()).extracting(RepairRecord::round, RepairRecord::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, RepairRecord.Outcome.STILL_FAILING),
                org.assertj.core.groups.Tuple.tuple(2, RepairRecord.Outcome.STILL_FAILING));
        assertThat(result.fallbacks()).singleElement().satisfies(fallback -> {
            assertThat(fallback.phase()).isEqualTo(Phase.VALIDATE_OUTPUT);
            assertThat(fallback.from()).isEqualTo(CalcBackend.FIXER_ID);
            assertThat(fallback.to()).isEqualTo("minimal");
            assertThat(fallback.reason()).contains("failed validation after 2 repair rounds");
        });
    }

    @Test
    void stillBrokenAfterTheRoundsIntegratedFailsTheBuild() {
        CalcBackend fixer = CalcBackend.fixer(true, CalcBackend.BROKEN, Integer.MAX_VALUE);

        assertThatThrownBy(() -> run(Mode.INTEGRATED, 3, fixer))
                .isInstanceOfSatisfying(BuildFailedException.class, e -> {
                    assertThat(e.getMessage()).contains("failed validation after 3 repair rounds")
                            .contains("nothing was published");
                    assertThat(e.result().status()).isEqualTo(BuildStatus.FAILED);
                    assertThat(e.result().repairs()).hasSize(3)
                            .allMatch(r -> r.outcome() == RepairRecord.Outcome.STILL_FAILING);
                });
        assertThat(fixer.repairTaskIds).containsExactly("repair/1", "repair/2", "repair/3");
        assertThat(dir.resolve("out/tree-demo")).doesNotExist();
    }

    @Test
    void zeroRoundsGiveNoRepairTask() {
        CalcBackend fixer = CalcBackend.fixer(true, CalcBackend.BROKEN, 1);

        BuildResult result = run(Mode.AUTO, 0, fixer);

        assertThat(fixer.repairTaskIds).isEmpty();
        assertThat(result.repairs()).isEmpty();
        assertThat(result.fallbacks()).singleElement().satisfies(fallback -> assertThat(fallback.reason())
                .contains("backend 'fixer' failed validation:").doesNotContain("repair round"));
    }

    @Test
    void aBackendWithoutRepairIsNeverAskedToRepair() {
        CalcBackend fixer = CalcBackend.fixer(false, CalcBackend.BROKEN, 1);

        BuildResult result = run(Mode.AUTO, 2, fixer);

        assertThat(fixer.repairTaskIds).isEmpty();
        assertThat(result.repairs()).isEmpty();
        assertThat(result.fallbacks()).singleElement().extracting(f -> f.to()).isEqualTo("minimal");
        assertThat(events).noneMatch(RepairRoundFinished.class::isInstance);
    }

    @Test
    void aRepairThatWritesOutsideItsFilesFailsTheRoundAndFallsBack() {
        CalcBackend fixer = CalcBackend.fixer(true, CalcBackend.BROKEN, 1);
        fixer.repairPath = "../escape/Calc.java";

        BuildResult result = run(Mode.AUTO, 2, fixer);

        assertThat(result.repairs()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(RepairRecord.Outcome.TASK_FAILED);
            assertThat(r.remaining()).isEqualTo(-1);
            assertThat(r.detail()).contains("..");
        });
        assertThat(result.fallbacks()).singleElement().satisfies(f -> assertThat(f.reason())
                .contains("repair task 'repair/1' failed"));
        assertThat(dir.resolve("out/escape")).doesNotExist();
        assertThat(dir.resolve("escape")).doesNotExist();
    }

    @Test
    void aFailingGeneratedTestIsRepairedWithTheTestAndItsSubject() throws Exception {
        CalcBackend fixer = CalcBackend.fixer(true, CalcBackend.WRONG, 1);

        BuildResult result = run(Mode.INTEGRATED, 2, GeneratedTestSettings.defaults()
                .withTimeout(Duration.ofSeconds(60)), fixer);

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.repairs()).singleElement().extracting(RepairRecord::outcome)
                .isEqualTo(RepairRecord.Outcome.REPAIRED);
        assertThat(result.validation().tests().passed()).isEqualTo(1);
        assertThat(fixer.requests).singleElement().satisfies(request -> {
            assertThat(request.files()).extracting(GeneratedFile::path)
                    .containsExactly(CalcBackend.CALC, CalcBackend.CALC_TEST);
            assertThat(request.diagnostics()).anySatisfy(d -> {
                assertThat(d.kind()).isEqualTo(RepairDiagnostic.Kind.TEST);
                assertThat(d.test()).isEqualTo("demo.CalcTest#adds");
                assertThat(d.file()).isEqualTo(CalcBackend.CALC_TEST);
                assertThat(d.message()).contains("expected: <3> but was: <-1>");
            });
        });
    }

    @Test
    void theBuilderRejectsRoundsOutOfRange() {
        Factory.Builder builder = Factory.builder().spec(EngineFixture.SPEC, SpecFormat.MARKDOWN);
        assertThatThrownBy(() -> builder.repairRounds(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("repairRounds must be between 0 and 10 but was -1; use 0 to turn repair off");
        assertThatThrownBy(() -> builder.repairRounds(11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("but was 11");
        assertThat(builder.repairRounds(0)).isSameAs(builder);
        assertThat(builder.repairRounds(10)).isSameAs(builder);
    }
}

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
import dev.thefactory.spi.Agent;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.GeneratedFile;
import dev.thefactory.spi.HealthStatus;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.OrchestratorBackendProvider;
import dev.thefactory.spi.RepairRequest;
import dev.thefactory.spi.StandardTasks;
import dev.thefactory.spi.TaskResult;
import dev.thefactory.temporal.internal.BuildWorkflowImpl;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
    private static final String CALC = "src/main/java/demo/Calc.java";
    private static final String CALC_TEST = "src/test/java/demo/CalcTest.java";
    private static final String BROKEN = "package demo;\n\npublic final class Calc {\n"
            + "    public static int add(int a, int b) {\n        return a + ;\n    }\n}\n";
    private static final String WRONG = "package demo;\n\npublic final class Calc {\n"
            + "    public static int add(int a, int b) {\n        return a - b;\n    }\n}\n";
    private static final String FIXED = "package demo;\n\npublic final class Calc {\n"
            + "    public static int add(int a, int b) {\n        return a + b;\n    }\n}\n";

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

    private static Factory factory(Fixer fixer, Mode mode, boolean tests, Path out, List<BuildEvent> events) {
        return Factory.builder().spec(SPEC, SpecFormat.MARKDOWN).mode(mode).backend(fixer).outputDirectory(out)
                .requireFeatures(FeatureRequirement.NONE).runGeneratedTests(tests).repairRounds(2)
                .listener(events::add).build();
    }

    /** Runs the build on Temporal with a worker whose backend is {@code fixer}. */
    private BuildResult onTemporal(Fixer fixer, Mode mode, boolean tests, Path out, List<BuildEvent> events) {
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
        Fixer localFixer = new Fixer(WRONG, 1);
        BuildResult local = factory(localFixer, Mode.INTEGRATED, true, dir.resolve("local"), localEvents).run();
        List<BuildEvent> events = new CopyOnWriteArrayList<>();
        Fixer fixer = new Fixer(WRONG, 1);

        BuildResult result = onTemporal(fixer, Mode.INTEGRATED, true, dir.resolve("temporal"), events);

        assertThat(local.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.fallbacks()).isEmpty();
        assertThat(Files.readString(result.outputDirectory().resolve(CALC))).isEqualTo(FIXED);
        assertThat(result.validation().tests().passed()).isEqualTo(1);
        assertThat(result.repairs()).singleElement().satisfies(r -> {
            assertThat(r.round()).isEqualTo(1);
            assertThat(r.backend()).isEqualTo(Fixer.ID);
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
            assertThat(request.files()).extracting(GeneratedFile::path).containsExactly(CALC, CALC_TEST);
        });
        // the same project, byte for byte, but the manifest's build id and times; the manifest records the round
        Map<String, String> published = tree(result.outputDirectory());
        Map<String, String> localPublished = tree(local.outputDirectory());
        published.remove(".factory/metadata.json");
        localPublished.remove(".factory/metadata.json");
        assertThat(published).isEqualTo(localPublished);
        assertThat(Files.readString(result.outputDirectory().resolve(".factory/metadata.json")))
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
        BuildResult local = factory(new Fixer(BROKEN, Integer.MAX_VALUE), Mode.AUTO, false, dir.resolve("local"),
                new CopyOnWriteArrayList<>()).run();
        Fixer fixer = new Fixer(BROKEN, Integer.MAX_VALUE);

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
            assertThat(fallback.from()).isEqualTo(Fixer.ID);
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

    /** @return every regular file under {@code root} by relative path, with its bytes as hex */
    private static Map<String, String> tree(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'),
                        HexFormat.of().formatHex(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /**
     * An INTEGRATED backend generating a Java project whose {@code Calc} is {@code code} until its repair task has run
     * {@code fixInRound} times (then it returns the fixed class); records the repair requests it gets. Thread-safe.
     */
    private static final class Fixer implements OrchestratorBackendProvider {
        static final String ID = "fixer";
        static final List<String> FILES = List.of("README.md", "pom.xml", CALC, CALC_TEST);

        private final String code;
        private final int fixInRound;
        final List<RepairRequest> requests = new CopyOnWriteArrayList<>();

        Fixer(String code, int fixInRound) {
            this.code = code;
            this.fixInRound = fixInRound;
        }

        @Override
        public String id() {
            return ID;
        }

        @Override
        public BackendTier tier() {
            return BackendTier.INTEGRATED;
        }

        @Override
        public HealthStatus health() {
            return HealthStatus.up();
        }

        @Override
        public OrchestratorBackend create(BackendContext context) {
            return new OrchestratorBackend() {
                @Override
                public String id() {
                    return ID;
                }

                @Override
                public Agent agent(AgentTask task) {
                    return (t, c) -> {
                        if (t.id().startsWith(StandardTasks.REPAIR)) {
                            RepairRequest request = c.repair().orElseThrow();
                            requests.add(request);
                            String content = request.round() >= fixInRound ? FIXED : code;
                            return TaskResult.ofFiles(List.of(new GeneratedFile(CALC, content)))
                                    .withUsage(new Usage(10, 5, 1));
                        }
                        return result(t);
                    };
                }

                @Override
                public boolean supportsRepair() {
                    return true;
                }

                @Override
                public void close() {
                    // nothing held
                }
            };
        }

        private TaskResult result(AgentTask task) {
            String id = task.id();
            if (id.equals(StandardTasks.STRUCTURE)) {
                return new TaskResult(List.of(), Map.of(), FILES, List.of(), List.of());
            }
            if (id.equals(StandardTasks.GENERATE_BUILD)) {
                return TaskResult.ofFiles(List.of(new GeneratedFile("pom.xml", "<project/>\n")));
            }
            if (id.equals(StandardTasks.GENERATE_CODE)) {
                return TaskResult.ofFiles(List.of(new GeneratedFile(CALC, code)));
            }
            if (id.equals(StandardTasks.GENERATE_TESTS)) {
                return TaskResult.ofFiles(List.of(new GeneratedFile(CALC_TEST,
                        "package demo;\n\nimport static org.junit.jupiter.api.Assertions.assertEquals;\n\n"
                                + "import org.junit.jupiter.api.Test;\n\nclass CalcTest {\n    @Test\n"
                                + "    void adds() {\n        assertEquals(3, Calc.add(1, 2));\n    }\n}\n")));
            }
            if (id.equals(StandardTasks.GENERATE_DOCS)) {
                return TaskResult.ofFiles(List.of(new GeneratedFile("README.md", "# Calc\n")));
            }
            return TaskResult.empty();
        }
    }
}

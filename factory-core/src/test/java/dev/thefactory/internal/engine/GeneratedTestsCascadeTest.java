package dev.thefactory.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.CircuitBreakerSettings;
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.GeneratedTestSettings;
import dev.thefactory.api.Mode;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.TestSummary;
import dev.thefactory.api.TimeoutSettings;
import dev.thefactory.internal.output.OutputQuotas;
import dev.thefactory.internal.state.InMemoryCheckpointRepository;
import dev.thefactory.spi.Agent;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.GeneratedFile;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.StandardTasks;
import dev.thefactory.spi.TaskResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backend whose generated test fails is caught in VALIDATE_OUTPUT, and the cascade falls back. */
class GeneratedTestsCascadeTest {

    @TempDir
    Path dir;

    private EngineConfig config(GeneratedTestSettings tests) {
        return new EngineConfig(Mode.STANDALONE, dir.resolve("out").toAbsolutePath().normalize(), List.of(), null,
                new InMemoryCheckpointRepository(), 2, Duration.ofMinutes(2), 0, RetrySettings.none(),
                CircuitBreakerSettings.defaults(), TimeoutSettings.defaults(), FaultInjection.none(), Clock.systemUTC(),
                OutputQuotas.defaults(), EngineConfig.NO_PATTERNS, FeatureRequirement.NONE, tests, false);
    }

    @Test
    void aFailingGeneratedTestMakesTheCascadeFallBack() {
        BuildResult result = EngineFixture.engine(config(GeneratedTestSettings.defaults()
                        .withTimeout(Duration.ofSeconds(60))), EngineFixture.SPEC, null, new CalcBackendProvider("3 + 1"))
                .run();

        assertThat(result.fallbacks()).singleElement().satisfies(fallback -> {
            assertThat(fallback.from()).isEqualTo(CalcBackendProvider.ID);
            assertThat(fallback.to()).isEqualTo("minimal");
            // The record keeps the first line of the failure and, since that line only introduces the list of
            // problems, the first problem: the failed test.
            assertThat(fallback.reason()).contains("backend 'calc' failed validation").contains("(1 problem): ")
                    .contains("demo.CalcTest#adds");
        });
        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
    }

    @Test
    void passingGeneratedTestsArePublishedWithTheirCounts() {
        BuildResult result = EngineFixture.engine(config(GeneratedTestSettings.defaults()
                        .withTimeout(Duration.ofSeconds(60))), EngineFixture.SPEC, null, new CalcBackendProvider("a + b"))
                .run();

        assertThat(result.fallbacks()).isEmpty();
        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.validation().tests()).isEqualTo(new TestSummary(1, 1, 0, 0, null));
        assertThat(Files.isRegularFile(result.outputDirectory().resolve("src/test/java/demo/CalcTest.java"))).isTrue();
    }

    @Test
    void turnedOffTheFailingTestIsNotRunAndTheSummarySaysSo() {
        BuildResult result = EngineFixture.engine(config(GeneratedTestSettings.disabled()), EngineFixture.SPEC, null,
                new CalcBackendProvider("3 + 1")).run();

        assertThat(result.fallbacks()).isEmpty();
        assertThat(result.validation().tests())
                .isEqualTo(TestSummary.unchecked("running the generated tests was turned off"));
    }

    /** A STANDALONE backend generating a Java project whose {@code Calc.add} returns the given expression. */
    private static final class CalcBackendProvider extends TestBackendProvider {
        static final String ID = "calc";
        static final List<String> FILES = List.of("README.md", "pom.xml", "src/main/java/demo/Calc.java",
                "src/test/java/demo/CalcTest.java");

        private final String body;

        CalcBackendProvider(String body) {
            super(ID, BackendTier.STANDALONE);
            this.body = body;
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
                    return (t, c) -> result(t);
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
                return TaskResult.ofFiles(List.of(new GeneratedFile("src/main/java/demo/Calc.java",
                        "package demo;\n\npublic final class Calc {\n    public static int add(int a, int b) {\n"
                                + "        return " + body + ";\n    }\n}\n")));
            }
            if (id.equals(StandardTasks.GENERATE_TESTS)) {
                return TaskResult.ofFiles(List.of(new GeneratedFile("src/test/java/demo/CalcTest.java",
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

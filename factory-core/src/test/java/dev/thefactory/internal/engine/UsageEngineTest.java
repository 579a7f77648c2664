package dev.thefactory.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Usage;
import dev.thefactory.fixtures.TestBackendProvider;
import dev.thefactory.fixtures.TreeBackendProvider;
import dev.thefactory.internal.state.InMemoryCheckpointRepository;
import dev.thefactory.spi.Agent;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.OrchestratorBackend;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model usage reported by task results and by the backend is summed into the build result and the metadata. */
class UsageEngineTest {

    private static final Usage PER_TASK = new Usage(10, 5, 1);
    private static final Usage FAILED_ATTEMPTS = new Usage(7, 0, 1);

    @TempDir
    Path dir;

    @Test
    void usageOfEveryTaskAndOfTheBackendsFailedAttemptsIsSummedIntoResultAndMetadata() throws IOException {
        UsingBackend backend = new UsingBackend();
        EngineConfig c = EngineFixture.config(dir.resolve("out"), new InMemoryCheckpointRepository());
        java.util.List<dev.thefactory.api.event.TaskCompleted> completed =
                new java.util.concurrent.CopyOnWriteArrayList<>();
        dev.thefactory.api.event.BuildListener listener = event -> {
            if (event instanceof dev.thefactory.api.event.TaskCompleted done) {
                completed.add(done);
            }
        };
        EngineConfig config = new EngineConfig(c.mode(), c.outputDirectory(), java.util.List.of(listener),
                c.explicitBackend(),
                c.checkpoints(), c.parallelism(), c.watchdog(), c.minHeapHeadroom(), c.retry(), c.circuitBreaker(),
                c.timeouts(), FaultInjection.none(), c.clock(), c.quotas(), c.patterns(), FeatureRequirement.NONE,
                c.generatedTests(), c.overwrite());


        BuildResult result = EngineFixture.engine(config, EngineHooks.defaults(), EngineFixture.SPEC, null, backend)
                .run();

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        int tasks = backend.tree.executed().size();
        assertThat(tasks).isGreaterThan(1);
        Usage expected = new Usage(10L * tasks + 7, 5L * tasks, tasks + 1);
        assertThat(result.usage()).isEqualTo(expected);
        assertThat(completed).hasSize(tasks).allSatisfy(done -> assertThat(done.usage()).isEqualTo(PER_TASK));
        Usage perPhase = Usage.NONE;
        for (dev.thefactory.api.PhaseResult phase : result.phases()) {
            long tasksOfPhase = completed.stream().filter(done -> done.phase() == phase.phase()).count();
            assertThat(phase.usage()).as("phase %s: %d tasks", phase.phase(), tasksOfPhase).isEqualTo(
                    new Usage(10L * tasksOfPhase, 5L * tasksOfPhase, (int) tasksOfPhase));
            perPhase = perPhase.plus(phase.usage());
        }
        assertThat(perPhase).as("the failed attempts count in the build only").isEqualTo(new Usage(10L * tasks,
                5L * tasks, tasks));

        JsonNode metadata = new ObjectMapper().readTree(result.outputDirectory().resolve(BuildMetadata.PATH)
                .toFile());
        assertThat(metadata.at("/usage/inputTokens").asLong()).isEqualTo(expected.inputTokens());
        assertThat(metadata.at("/usage/outputTokens").asLong()).isEqualTo(expected.outputTokens());
        assertThat(metadata.at("/usage/calls").asInt()).isEqualTo(expected.calls());
        assertThat(metadata.get("usage").size()).as("only the three counts").isEqualTo(3);
        assertThat(metadata.get("phases")).anySatisfy(phase -> {
            assertThat(phase.get("phase").asText()).isEqualTo("GENERATE");
            assertThat(phase.at("/usage/calls").asInt()).isPositive();
        });
    }

    @Test
    void usageAddsUpAndRejectsNegativeCounts() {
        assertThat(new Usage(1, 2, 3).plus(new Usage(10, 20, 30))).isEqualTo(new Usage(11, 22, 33));
        assertThat(Usage.NONE.plus(null)).isEqualTo(Usage.NONE);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new Usage(-1, 0, 0));
    }

    /** The tree backend, each of whose tasks reports {@link #PER_TASK}; the backend reports failed attempts. */
    private static final class UsingBackend extends TestBackendProvider {
        private final TreeBackendProvider tree = new TreeBackendProvider();

        UsingBackend() {
            super("using", BackendTier.STANDALONE);
        }

        @Override
        public OrchestratorBackend create(BackendContext context) {
            OrchestratorBackend inner = tree.create(context);
            return new OrchestratorBackend() {
                @Override
                public String id() {
                    return "using";
                }

                @Override
                public Agent agent(AgentTask task) {
                    Agent agent = inner.agent(task);
                    return (t, ctx) -> agent.execute(t, ctx).withUsage(PER_TASK);
                }

                @Override
                public Usage usage() {
                    return FAILED_ATTEMPTS;
                }

                @Override
                public void close() {
                    inner.close();
                }
            };
        }
    }
}

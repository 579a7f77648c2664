package dev.thefactory.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thefactory.Factory;
import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.RepairRecord;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.llm.FakeOpenAi.Reply;
import dev.thefactory.llm.internal.LlmBackends;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repair rounds with the llm backend against the loopback server: the first answer for {@code TodoList.java} does not
 * compile, and the repair answers fix it in a given round (or never).
 */
class LlmRepairTest {

    private static final String LIST_PATH = "src/main/java/com/example/todo/TodoList.java";
    private static final String BROKEN_LIST = ScriptedProject.LIST.replace("tasks.add(task);", "tasks.add(task)");
    private static final String REPAIRER = "Your role: REPAIRER";

    @TempDir
    Path tmp;

    private final FakeOpenAi server = new FakeOpenAi();

    @AfterEach
    void stop() {
        server.close();
    }

    private Factory.Builder factory(Mode mode) {
        LlmSettings settings = LlmSettings.builder().baseUrl(server.baseUrl()).model("test-model")
                .timeout(Duration.ofSeconds(5)).build();
        return Factory.builder().spec(ScriptedProject.SPEC, SpecFormat.MARKDOWN).mode(mode)
                .outputDirectory(tmp.resolve("out")).requireFeatures(FeatureRequirement.NONE)
                .runGeneratedTests(false).retry(new RetrySettings(3, Duration.ZERO, Duration.ZERO, 1.0, 0.0))
                .backend(LlmBackend.provider(LlmBackends.openAiModel(settings), settings));
    }

    private List<FakeOpenAi.Request> repairRequests() {
        return server.chats().stream().filter(r -> r.system().contains(REPAIRER)).toList();
    }

    @Test
    void codeThatDoesNotCompileIsRepairedInRoundOne() throws IOException {
        server.otherwise(new BrokenUntil(1));

        BuildResult result = factory(Mode.INTEGRATED).build().run();

        assertThat(result.fallbacks()).isEmpty();
        assertThat(Files.readString(result.outputDirectory().resolve(LIST_PATH))).isEqualTo(ScriptedProject.LIST);
        assertThat(result.repairs()).singleElement().satisfies(r -> {
            assertThat(r.backend()).isEqualTo("llm");
            assertThat(r.round()).isEqualTo(1);
            assertThat(r.outcome()).isEqualTo(RepairRecord.Outcome.REPAIRED);
            assertThat(r.files()).isEqualTo(1);
        });
        // one repair request after the writing requests, carrying the broken file and the compiler's diagnostic
        assertThat(repairRequests()).singleElement().satisfies(request -> {
            JsonNode diagnostics = ScriptedProject.block(request.user(), "diagnostics");
            assertThat(diagnostics).anySatisfy(d -> {
                assertThat(d.path("kind").asText()).isEqualTo("CONTENT");
                assertThat(d.path("file").asText()).isEqualTo(LIST_PATH);
                assertThat(d.path("line").asInt()).isPositive();
                assertThat(d.path("message").asText()).contains("';' expected");
            });
            JsonNode files = ScriptedProject.block(request.user(), "files");
            assertThat(files).singleElement().satisfies(f -> {
                assertThat(f.path("path").asText()).isEqualTo(LIST_PATH);
                assertThat(f.path("content").asText()).isEqualTo(BROKEN_LIST);
            });
            assertThat(ScriptedProject.block(request.user(), "round").asInt()).isEqualTo(1);
        });
        assertThat(server.chats().size() - repairRequests().size()).isBetween(9, 10);
        assertThat(result.usage().calls()).as("the repair call is counted like every other")
                .isEqualTo(server.chats().size());
        assertThat(result.notes()).anyMatch(n -> n.startsWith("llm usage of repair/1: 1 call"));
    }

    @Test
    void stillBrokenAfterTheRoundsFallsBackToSimpleInAuto() {
        server.otherwise(new BrokenUntil(Integer.MAX_VALUE));

        BuildResult result = factory(Mode.AUTO).repairRounds(2).build().run();

        assertThat(repairRequests()).hasSize(2);
        assertThat(result.repairs()).extracting(RepairRecord::outcome)
                .containsExactly(RepairRecord.Outcome.STILL_FAILING, RepairRecord.Outcome.STILL_FAILING);
        assertThat(result.fallbacks()).singleElement().satisfies(f -> {
            assertThat(f.from()).isEqualTo("llm");
            assertThat(f.to()).isEqualTo("simple");
            assertThat(f.reason()).contains("failed validation after 2 repair rounds");
        });
        assertThat(result.phases()).filteredOn(p -> p.phase() == Phase.GENERATE).extracting(PhaseResult::backend)
                .containsExactly("simple");
    }

    @Test
    void stillBrokenAfterTheRoundsFailsAnIntegratedBuild() {
        server.otherwise(new BrokenUntil(Integer.MAX_VALUE));

        assertThatThrownBy(() -> factory(Mode.INTEGRATED).repairRounds(1).build().run())
                .isInstanceOfSatisfying(BuildFailedException.class, e -> {
                    assertThat(e.getMessage()).contains("after 1 repair round:").contains("';' expected");
                    assertThat(e.result().repairs()).singleElement().extracting(RepairRecord::outcome)
                            .isEqualTo(RepairRecord.Outcome.STILL_FAILING);
                });
        assertThat(repairRequests()).hasSize(1);
        assertThat(tmp.resolve("out").resolve("todo-keeper")).doesNotExist();
    }

    /** The todo project whose {@code TodoList.java} compiles only from the given repair round on. */
    private static final class BrokenUntil extends ScriptedProject {
        private final int fixedInRound;
        private final AtomicInteger repairs = new AtomicInteger();

        BrokenUntil(int fixedInRound) {
            this.fixedInRound = fixedInRound;
        }

        @Override
        public Reply apply(FakeOpenAi.Request request) {
            if (!request.system().contains(REPAIRER)) {
                return super.apply(request);
            }
            int round = repairs.incrementAndGet();
            ObjectNode answer = FakeOpenAi.MAPPER.createObjectNode();
            answer.putArray("files").addObject().put("path", LIST_PATH)
                    .put("content", round >= fixedInRound ? ScriptedProject.LIST : BROKEN_LIST);
            answer.putArray("claims");
            return Reply.content(answer.toString());
        }

        @Override
        String content(String path) {
            return path.equals(LIST_PATH) ? BROKEN_LIST : super.content(path);
        }
    }
}

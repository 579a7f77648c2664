package dev.thefactory.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.AgentException;
import dev.thefactory.api.AgentRole;
import dev.thefactory.api.Phase;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.llm.FakeOpenAi;
import dev.thefactory.llm.FakeOpenAi.Reply;
import dev.thefactory.llm.LlmSettings;
import dev.thefactory.spi.AgentContext;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.ChildTask;
import dev.thefactory.spi.RequirementClaim;
import dev.thefactory.spi.TaskResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The agents' results: children per component within the cap, claims with files and tests, every requirement. */
class LlmAgentsTest {

    private static final String PLAN = """
            {"files": [
              {"path": "pom.xml", "kind": "build", "requirements": ["tech-stack-1"]},
              {"path": "src/main/java/a/Task.java", "kind": "main", "component": "model", "requirements": ["core-1"]},
              {"path": "src/main/java/a/Store.java", "kind": "main", "component": "store", "requirements": ["core-2"]},
              {"path": "src/main/java/a/Cli.java", "kind": "main", "component": "cli", "requirements": ["core-1"]},
              {"path": "src/test/java/a/TaskTest.java", "kind": "test", "component": "model",
               "requirements": ["core-1"], "tests": ["a.TaskTest#adds"]},
              {"path": "src/test/java/a/StoreTest.java", "kind": "test", "component": "store",
               "requirements": ["core-2"], "tests": ["a.StoreTest#keeps", "a.StoreTest#loads"]}
            ]}""";

    private final FakeOpenAi server = new FakeOpenAi();
    private final ProjectSpec spec = ProjectSpec.builder("Notes", dev.thefactory.api.ProjectType.CLI_TOOL)
            .description("Notes.").complexity(dev.thefactory.api.Complexity.SIMPLE)
            .features(List.of("Add a note", "Keep notes across runs"), List.of("Search notes"))
            .techStack(List.of("Language: Java 17")).build();

    @AfterEach
    void stop() {
        server.close();
    }

    private LlmAgents agents() {
        LlmSettings settings = LlmSettings.builder().baseUrl(server.baseUrl()).model("m")
                .timeout(Duration.ofSeconds(5)).build();
        return new LlmAgents(new ModelCallGate(LlmBackends.openAiModel(settings), settings, Clock.systemUTC(),
                d -> Thread.sleep(d.toMillis())), new Prompts());
    }

    private AgentContext context(int maxChildren) {
        return new AgentContext() {
            public String buildId() {
                return "b-1";
            }

            public ProjectSpec spec() {
                return spec;
            }

            public Map<String, String> facts() {
                return Map.of(LlmAgents.PLAN, PLAN, LlmAgents.ANALYSIS, "{\"summary\":\"s\"}", LlmAgents.DESIGN,
                        "{\"components\":[]}");
            }

            public int maxChildren() {
                return maxChildren;
            }
        };
    }

    private static AgentTask task(String id, AgentRole role, Map<String, String> parameters) {
        return new AgentTask(id, Phase.GENERATE, role, "s", null, 0, parameters);
    }

    @Test
    void generateCodeSpawnsOneDeveloperPerComponentGroupedToTheCapAndClaimsWhatNoFileServes() throws Exception {
        AgentTask code = task("generate/code", AgentRole.DEVELOPER, Map.of());
        TaskResult result = agents().agent(code).execute(code, context(2));

        assertThat(result.children()).extracting(ChildTask::key).containsExactly("group-1", "store");
        assertThat(result.children().get(0).parameters()).containsEntry("components", "model,cli");
        assertThat(result.notes()).anyMatch(n -> n.contains("grouped 3 components into 2 children"));
        assertThat(result.claims()).extracting(RequirementClaim::requirementId).containsExactly("extended-1");
        assertThat(result.claims().get(0).status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(server.chats()).isEmpty();
    }

    @Test
    void aDeveloperChildWritesItsFilesAndClaimsWithTheFilesAndThePlannedTests() throws Exception {
        server.enqueue(Reply.content("""
                {"files": [{"path": "src/main/java/a/Store.java", "content": "package a; class Store {}"},
                           {"path": "../../elsewhere.txt", "content": "x"}],
                 "claims": [{"requirementId": "core-2", "status": "PARTIAL", "gaps": ["across runs"],
                             "reason": "kept in memory only"}]}""".replace("../../elsewhere.txt", "src/Extra.java")));
        AgentTask child = new AgentTask("generate/code/store", Phase.GENERATE, AgentRole.DEVELOPER, "s",
                "generate/code", 1, Map.of("components", "store"));
        TaskResult result = agents().agent(child).execute(child, context(0));

        assertThat(result.files()).extracting(f -> f.path()).containsExactly("src/main/java/a/Store.java");
        assertThat(result.notes()).anyMatch(n -> n.contains("dropped 'src/Extra.java'"));
        assertThat(result.claims()).containsExactly(RequirementClaim.partial("core-2",
                List.of("src/main/java/a/Store.java"), List.of("a.StoreTest#keeps", "a.StoreTest#loads"),
                List.of("across runs"), "kept in memory only"));
        assertThat(result.facts()).containsKey("llm.usage.generate/code/store");
        // the request carried only the store's file as the files to write
        assertThat(server.chats().get(0).user()).contains("src/main/java/a/Store.java");
    }

    @Test
    void aTesterChildClaimsItsOwnTestsAndAMissingFileIsRejected() throws Exception {
        server.enqueue(Reply.content("{\"files\": [{\"path\": \"src/test/java/a/TaskTest.java\", \"content\": \"x\"}]}"),
                Reply.content("{\"files\": []}"));
        AgentTask child = new AgentTask("generate/tests/model", Phase.GENERATE, AgentRole.TESTER, "s",
                "generate/tests", 1, Map.of("components", "model"));
        LlmAgents agents = agents();
        TaskResult result = agents.agent(child).execute(child, context(0));
        assertThat(result.claims()).containsExactly(RequirementClaim.implemented("core-1",
                List.of("src/test/java/a/TaskTest.java"), List.of("a.TaskTest#adds")));

        assertThatThrownBy(() -> agents.agent(child).execute(child, context(0)))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.isTransient()).isTrue())
                .hasMessageContaining("lacks the planned file(s) src/test/java/a/TaskTest.java");
    }

    @Test
    void anUnknownTaskIsAPermanentFailure() {
        AgentTask odd = task("review/everything", AgentRole.REVIEWER, Map.of());
        assertThatThrownBy(() -> agents().agent(odd)).isInstanceOfSatisfying(AgentException.class,
                e -> assertThat(e.isTransient()).isFalse()).hasMessageContaining("no agent for task 'review/everything'");
    }
}

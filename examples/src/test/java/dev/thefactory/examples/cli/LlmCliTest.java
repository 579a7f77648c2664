package dev.thefactory.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thefactory.llm.FakeOpenAi;
import dev.thefactory.llm.FakeOpenAi.Reply;
import dev.thefactory.llm.ScriptedBuild;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The CLI as a user runs it with the llm backend configured from the environment ({@code FACTORY_LLM_BASE_URL},
 * {@code FACTORY_LLM_MODEL}, {@code FACTORY_LLM_API_KEY}, {@code FACTORY_LLM_TIMEOUT}): a child JVM on the test class
 * path against a loopback OpenAI-compatible server. A server that answers prose, 429s, 500s or nothing makes
 * {@code --mode integrated} fail explicitly with nothing published, and {@code --mode auto} fall back to
 * {@code simple} and say so; scripted answers build a project the simple backend cannot. The key (unique per test)
 * appears nowhere: not on standard output or error, in the events, the state directory or the output.
 */
class LlmCliTest {

    private static final Path TODO_SPEC = Path.of("specs", "example_todo_app.md");

    /** What the endpoint does wrong. */
    enum Fault {
        /** Prose instead of the JSON asked for. */
        NONSENSE(r -> Reply.content("Sure! Here is a lovely plan for your project: first, think about it."),
                "set FACTORY_LLM_MODEL to one that follows JSON instructions"),
        /** Always rate limiting. */
        RATE_LIMITED(r -> Reply.error(429, "{\"error\":{\"message\":\"Rate limit reached\"}}").with("Retry-After", "1"),
                "rate limiting (HTTP 429)"),
        /** Always failing. */
        FAILING(r -> Reply.error(500, "{\"error\":{\"message\":\"The server had an error\"}}"), "(HTTP 500)"),
        /** Never answering a chat request (its model list answers). */
        SILENT(r -> Reply.content("{}").after(60_000), "FACTORY_LLM_TIMEOUT");

        final Function<FakeOpenAi.Request, Reply> script;
        final String says;

        Fault(Function<FakeOpenAi.Request, Reply> script, String says) {
            this.script = script;
            this.says = says;
        }
    }

    @TempDir
    Path tmp;

    private final FakeOpenAi server = new FakeOpenAi();
    private final String key = "sk-cli-" + UUID.randomUUID();

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * One run of the CLI in a child JVM.
     *
     * @param exitCode its exit code
     * @param out      standard output
     * @param err      standard error
     */
    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            return new Cli.Result(exitCode, out, err).json();
        }

        @Override
        public String toString() {
            return new Cli.Result(exitCode, out, err).toString();
        }
    }

    private Run factory(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                FactoryCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectOutput(tmp.resolve("stdout.txt").toFile()).redirectError(tmp.resolve("stderr.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("FACTORY_"));
        builder.environment().put("FACTORY_LLM_BASE_URL", server.baseUrl());
        builder.environment().put("FACTORY_LLM_MODEL", "test-model");
        builder.environment().put("FACTORY_LLM_API_KEY", key);
        builder.environment().put("FACTORY_LLM_TIMEOUT", "500ms");
        builder.environment().put("FACTORY_LLM_RECORD", tmp.resolve("record").toString());
        Process child = builder.start();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor();
            throw new AssertionError("the CLI did not finish within 60 s: " + String.join(" ", args) + "\n"
                    + Files.readString(tmp.resolve("stderr.txt")));
        }
        return new Run(child.exitValue(), Files.readString(tmp.resolve("stdout.txt")),
                Files.readString(tmp.resolve("stderr.txt")));
    }

    private Run build(String mode, Path spec, String... more) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("build", "--spec", spec.toAbsolutePath().toString(),
                "--mode", mode, "--out", tmp.resolve("out").toString(), "--state", tmp.resolve("state").toString(),
                "--events", tmp.resolve("events.jsonl").toString(), "--task-timeout", "3s", "--json"));
        args.addAll(List.of(more));
        return factory(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void anIntegratedBuildFailsExplicitlyAndPublishesNothing(Fault fault) throws Exception {
        server.otherwise(fault.script);

        Run run = build("integrated", TODO_SPEC);

        assertThat(run.exitCode()).as("%s", run).isIn(1, 3);
        JsonNode json = run.json();
        assertThat(json.path("status").asText()).isEqualTo("FAILED");
        assertThat(json.has("outputDirectory")).as("nothing published").isFalse();
        assertThat(json.path("error").path("message").asText()).as("%s", run).contains("llm").contains(fault.says);
        assertThat(run.err()).contains(fault.says);
        assertThat(files(tmp.resolve("out"))).as("nothing is published under --out").isEmpty();
        assertThat(server.chats()).as("the model was asked").isNotEmpty();
        assertKeyAppearsNowhere(run);
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void anAutoBuildFallsBackToSimpleAndSaysSo(Fault fault) throws Exception {
        server.otherwise(fault.script);

        Run run = build("auto", TODO_SPEC, "--no-run-tests", "--require-features", "none");

        assertThat(run.exitCode()).as("%s", run).isZero();
        JsonNode json = run.json();
        assertThat(json.path("status").asText()).isEqualTo("SUCCEEDED");
        JsonNode fallback = json.path("fallbacks").path(0);
        assertThat(fallback.path("from").asText()).as("%s", run).isEqualTo("llm");
        assertThat(fallback.path("to").asText()).isEqualTo("simple");
        assertThat(fallback.path("reason").asText()).contains(fault.says);
        assertThat(run.err()).contains("Fallback to simple");
        for (JsonNode phase : json.path("phases")) {
            if (phase.path("name").asText().equals("GENERATE")) {
                assertThat(phase.path("backend").asText()).isEqualTo("simple");
            }
        }
        assertThat(Path.of(json.path("outputDirectory").asText()).resolve("pom.xml")).isRegularFile();
        assertKeyAppearsNowhere(run);
    }

    @Test
    void anEndpointThatAnswersNothingAtAllIsReportedDownBeforeTheBuildStarts() throws Exception {
        server.models(Reply.content("{}").after(60_000));
        server.otherwise(Fault.SILENT.script);

        Run run = build("integrated", TODO_SPEC);

        assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
        assertThat(run.err()).contains("llm (tier INTEGRATED", "did not answer GET /models within 2000 ms",
                "check FACTORY_LLM_BASE_URL");
        assertThat(run.json().path("error").path("type").asText()).isEqualTo("BackendUnavailableException");
        assertThat(files(tmp.resolve("out"))).isEmpty();
        assertThat(server.chats()).as("no model call is started on a backend that is down").isEmpty();
        assertThat(run.out() + run.err()).doesNotContain(key);
    }

    @Test
    void aBuildFromScriptedAnswersImplementsEveryCoreFeature() throws Exception {
        ScriptedBuild project = ScriptedBuild.markdownToHtml();
        server.otherwise(project);
        Path spec = Files.writeString(tmp.resolve("markdown_to_html.md"), ScriptedBuild.markdownSpec());

        Run run = build("integrated", spec);

        assertThat(run.exitCode()).as("%s", run).isZero();
        JsonNode json = run.json();
        assertThat(json.path("fallbacks")).isEmpty();
        assertThat(json.path("validation").path("tests").path("passed").asInt()).isEqualTo(project.tests().size());
        assertThat(json.path("validation").path("tests").path("failed").asInt()).isZero();
        List<String> core = new ArrayList<>();
        for (JsonNode requirement : json.path("coverage").path("requirements")) {
            if (requirement.path("section").asText().equals("core")) {
                core.add(requirement.path("id").asText());
                assertThat(requirement.path("status").asText()).as("%s", requirement).isEqualTo("IMPLEMENTED");
                assertThat(requirement.path("backend").asText()).isEqualTo("llm");
                assertThat(requirement.path("evidence").path("files")).isNotEmpty();
                assertThat(requirement.path("evidence").path("tests")).isNotEmpty();
            }
        }
        assertThat(core).containsExactly("core-1", "core-2", "core-3");
        assertThat(json.path("usage").path("calls").asInt()).isEqualTo(server.chats().size());
        Path published = Path.of(json.path("outputDirectory").asText());
        assertThat(published.resolve("src/main/java/com/example/mdhtml/MarkdownConverter.java"))
                .hasContent(project.files().get("src/main/java/com/example/mdhtml/MarkdownConverter.java"));
        assertThat(files(tmp.resolve("record"))).as("the session was recorded").isNotEmpty();
        assertKeyAppearsNowhere(run);
    }

    /** The key was sent to the endpoint, and is in no output, log, event, checkpoint, record or generated file. */
    private void assertKeyAppearsNowhere(Run run) throws IOException {
        assertThat(server.chats()).allSatisfy(r -> assertThat(r.headers().get("Authorization"))
                .containsExactly("Bearer " + key));
        assertThat(run.out()).doesNotContain(key);
        assertThat(run.err()).doesNotContain(key);
        assertThat(tmp.resolve("events.jsonl")).isRegularFile();
        assertThat(files(tmp.resolve("state"))).as("checkpoints were written").isNotEmpty();
        List<Path> written = files(tmp);
        for (Path file : written) {
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                    .doesNotContain(key);
        }
    }

    private static List<Path> files(Path root) {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

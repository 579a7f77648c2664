package dev.thefactory.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.AgentException;
import dev.thefactory.llm.FakeOpenAi;
import dev.thefactory.llm.FakeOpenAi.Reply;
import dev.thefactory.llm.LlmSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every model call against a loopback OpenAI-compatible server: answers, faults, and how each is classified. */
class ModelCallGateTest {

    static final String KEY = "sk-test-4f1c9b7e2d-unique";

    private final FakeOpenAi server = new FakeOpenAi();

    @AfterEach
    void stop() {
        server.close();
    }

    private ModelCallGate gate(UnaryOperator<LlmSettings.Builder> more) {
        LlmSettings settings = more.apply(LlmSettings.builder().baseUrl(server.baseUrl()).model("test-model")
                .apiKey(KEY).timeout(Duration.ofMillis(700))).build();
        return new ModelCallGate(LlmBackends.openAiModel(settings), settings, Clock.systemUTC(),
                d -> Thread.sleep(Math.max(1, d.toMillis())));
    }

    private ModelCallGate gate() {
        return gate(b -> b);
    }

    private static AgentException failure(ModelCallGate gate) {
        try {
            gate.call("analyze", "system", "user", true);
        } catch (AgentException e) {
            return e;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the call did not fail");
    }

    @Test
    void anAnswerIsReturnedAndItsUsageCountedAndTheRequestAsksForJsonWithoutRetries() throws Exception {
        server.enqueue(Reply.content("{\"a\":1}"));
        ModelCallGate gate = gate(b -> b.maxOutputTokens(1234));

        assertThat(gate.call("analyze", "the rules", "the data", true)).isEqualTo("{\"a\":1}");

        assertThat(gate.meter().total()).isEqualTo(new Usage(100, 50, 1));
        assertThat(gate.meter().task("analyze")).isEqualTo(new Usage(100, 50, 1));
        FakeOpenAi.Request request = server.chats().get(0);
        assertThat(request.json().path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(request.json().path("max_tokens").asInt()).isEqualTo(1234);
        assertThat(request.json().path("model").asText()).isEqualTo("test-model");
        assertThat(request.system()).isEqualTo("the rules");
        assertThat(request.headers().get("Authorization")).containsExactly("Bearer " + KEY);
    }

    @Test
    void rateLimitIsTransientAndTheNextCallOfTheBackendWaitsForRetryAfter() throws Exception {
        server.enqueue(Reply.error(429, "{\"error\":{\"message\":\"slow down\"}}").with("Retry-After", "1"),
                Reply.content("{}"));
        ModelCallGate gate = gate();

        AgentException limited = failure(gate);
        assertThat(limited.isTransient()).isTrue();
        assertThat(limited.getMessage()).contains("HTTP 429").contains("at least 1000 ms").contains("Retry-After");
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(1));

        // another task's call: the whole backend slows down
        assertThat(gate.call("design/architecture", "s", "u", true)).isEqualTo("{}");
        List<FakeOpenAi.Request> chats = server.chats();
        assertThat(TimeUnit.NANOSECONDS.toMillis(chats.get(1).atNanos() - chats.get(0).atNanos()))
                .isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aServerErrorIsTransientAndTheNextAttemptSucceeds() throws Exception {
        server.enqueue(Reply.error(500, "{\"error\":\"boom\"}"), Reply.content("{\"ok\":true}"));
        ModelCallGate gate = gate();

        AgentException failed = failure(gate);
        assertThat(failed.isTransient()).isTrue();
        assertThat(failed.getMessage()).contains("HTTP 500").contains("boom");
        assertThat(gate.call("analyze", "s", "u", true)).isEqualTo("{\"ok\":true}");
        assertThat(server.chats()).hasSize(2);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsTransient() {
        server.enqueue(Reply.content("{}").after(2_000));
        AgentException slow = failure(gate(b -> b.timeout(Duration.ofMillis(300))));
        assertThat(slow.isTransient()).isTrue();
        assertThat(slow.getMessage()).contains("did not answer within 300 ms").contains("FACTORY_LLM_TIMEOUT");
    }

    @Test
    void aRefusedKeyIsPermanentNamesTheVariableAndNeverShowsTheKey() {
        server.enqueue(Reply.error(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}"));
        AgentException refused = failure(gate());
        assertThat(refused.isTransient()).isFalse();
        assertThat(refused.getMessage()).contains("FACTORY_LLM_API_KEY").contains("HTTP 401").doesNotContain(KEY);
        assertThat(refused.getCause()).isNull();
    }

    @Test
    void anUnknownModelAndATooLongRequestArePermanentAndSayWhatToFix() {
        server.enqueue(Reply.error(404, "{\"error\":{\"message\":\"The model `gpt-9` does not exist\"}}"),
                Reply.error(400, "{\"error\":{\"code\":\"context_length_exceeded\",\"message\":\"This model's "
                        + "maximum context length is 8192 tokens\"}}"));
        ModelCallGate gate = gate();
        AgentException unknown = failure(gate);
        assertThat(unknown.isTransient()).isFalse();
        assertThat(unknown.getMessage()).contains("FACTORY_LLM_MODEL").contains("test-model");
        AgentException tooLong = failure(gate);
        assertThat(tooLong.isTransient()).isFalse();
        assertThat(tooLong.getMessage()).contains("context window").contains("FACTORY_LLM_MODEL");
    }

    @Test
    void anAnswerCutAtTheLengthLimitIsRejectedAsTransient() {
        server.enqueue(Reply.completion("{\"files\": [", "length", 10, 16));
        AgentException cut = failure(gate(b -> b.maxOutputTokens(16)));
        assertThat(cut.isTransient()).isTrue();
        assertThat(cut.getMessage()).startsWith("model output rejected").contains("finish_reason length");
    }

    @Test
    void aBodyThatIsNotAChatCompletionIsRejectedAsTransient() {
        server.enqueue(new Reply(200, java.util.Map.of("Content-Type", "application/json"), "{\"choices\": [", 0));
        AgentException broken = failure(gate());
        assertThat(broken.isTransient()).isTrue();
        assertThat(broken.getMessage()).contains("model output rejected");
    }

    @Test
    void anEndpointThatIsNotListeningIsTransient() {
        String url = server.baseUrl();
        server.close();
        LlmSettings settings = LlmSettings.builder().baseUrl(url).model("m").timeout(Duration.ofMillis(500)).build();
        ModelCallGate gate = new ModelCallGate(LlmBackends.openAiModel(settings), settings, Clock.systemUTC(),
                d -> Thread.sleep(d.toMillis()));
        AgentException refused = failure(gate);
        assertThat(refused.isTransient()).isTrue();
        assertThat(refused.getMessage()).contains("cannot reach the model endpoint " + url);
    }

    @Test
    void aCallThatCouldCrossTheBudgetIsNotStartedAndTheMessageSaysWhatWasSpent() throws Exception {
        server.otherwise(r -> Reply.content("{}"));
        // a 30-character prompt is estimated at 10 tokens: each call needs 110 of the budget
        ModelCallGate gate = gate(b -> b.maxTokensPerBuild(250).maxOutputTokens(100));
        gate.call("analyze", "s".repeat(15), "u".repeat(15), true);

        AgentException stop;
        try {
            gate.call("design/architecture", "s".repeat(15), "u".repeat(15), true);
            throw new AssertionError("the call was started");
        } catch (AgentException e) {
            stop = e;
        }
        assertThat(stop.isTransient()).isFalse();
        assertThat(stop.getMessage()).contains("token budget reached").contains("spent 150 of its 250 tokens")
                .contains("up to 110 tokens (about 10 prompt + 100 answer), more than the 100 left")
                .contains("FACTORY_LLM_MAX_TOKENS");
        assertThat(server.chats()).hasSize(1);
    }

    @Test
    void concurrentCallsAreBoundedWhateverTheCallersParallelism() throws Exception {
        server.otherwise(r -> Reply.content("{}").after(150));
        ModelCallGate gate = gate(b -> b.maxConcurrentCalls(2));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String task = "t" + i;
                calls.add(pool.submit(() -> gate.call(task, "s", "u", false)));
            }
            for (Future<String> call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("{}");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.maxInFlight()).isEqualTo(2);
        assertThat(gate.meter().total().calls()).isEqualTo(6);
    }

    @Test
    void aRecordedSessionHoldsTheBodiesButNeverTheKey(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        server.enqueue(Reply.content("{\"echo\":\"" + KEY + "\"}"), Reply.error(503, "{\"error\":\"busy\"}"));
        ModelCallGate gate = gate(b -> b.recordTo(dir));
        gate.call("analyze", "the rules", "the data", true);
        failure(gate);

        List<java.nio.file.Path> files;
        try (var listing = java.nio.file.Files.list(dir)) {
            files = listing.toList();
        }
        assertThat(files).singleElement().satisfies(f -> assertThat(f.getFileName().toString())
                .startsWith("llm-session-").endsWith(".jsonl"));
        List<String> lines = java.nio.file.Files.readAllLines(files.get(0));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"status\":200").contains("the rules").contains("[redacted]")
                .doesNotContain(KEY).doesNotContain("Authorization");
        assertThat(lines.get(1)).contains("\"status\":503").contains("busy");
    }

    @Test
    void aModelThatRefusesMaxTokensGetsMaxCompletionTokensOnTheNextAttempt() throws Exception {
        server.enqueue(Reply.error(400, "{\"error\":{\"message\":\"Unsupported parameter: 'max_tokens' is not "
                + "supported with this model. Use 'max_completion_tokens' instead.\"}}"), Reply.content("{}"));
        ModelCallGate gate = gate(b -> b.maxOutputTokens(2048));

        AgentException first = failure(gate);
        assertThat(first.isTransient()).isTrue();
        assertThat(first.getMessage()).contains("max_completion_tokens");
        assertThat(gate.call("analyze", "s", "u", true)).isEqualTo("{}");

        com.fasterxml.jackson.databind.JsonNode second = server.chats().get(1).json();
        assertThat(second.path("max_completion_tokens").asInt()).isEqualTo(2048);
        assertThat(second.has("max_tokens")).isFalse();
        assertThat(second.path("response_format").path("type").asText()).isEqualTo("json_object");
    }
}

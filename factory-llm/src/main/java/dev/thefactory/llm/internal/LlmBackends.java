package dev.thefactory.llm.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.thefactory.llm.LlmSettings;
import dev.thefactory.spi.OrchestratorBackend;
import java.time.Clock;

/** Assembles the pieces of the {@code llm} backend for the public classes of {@code dev.thefactory.llm}. Stateless. */
public final class LlmBackends {

    private static final Prompts PROMPTS = new Prompts();

    private LlmBackends() {
    }

    /**
     * A LangChain4j OpenAI chat model for an OpenAI-compatible endpoint: LangChain4j's retries off (the core's retry
     * is the only layer), the settings' timeout per request, no request logging (it would print the key's first
     * characters), and an HTTP client that keeps response headers on errors, so that {@code Retry-After} is honoured.
     *
     * @param settings configured settings ({@link LlmSettings#missing()} empty)
     * @return the model
     */
    public static ChatModel openAiModel(LlmSettings settings) {
        if (!settings.missing().isEmpty()) {
            throw new IllegalArgumentException("the llm backend is not configured: set "
                    + String.join(" and ", settings.missing()));
        }
        return OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.model())
                .timeout(settings.timeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .httpClientBuilder(HeaderKeepingHttpClient.builder().recorder(settings.recordTo() == null ? null
                        : new SessionRecorder(settings.recordTo(), settings.apiKey(), Clock.systemDefaultZone())))
                .build();
    }

    /**
     * @param id       the backend's id
     * @param model    the chat model every call goes to
     * @param settings the limits (concurrency, budget, answer length) and, for messages, endpoint and model names
     * @return a backend for one build
     */
    public static OrchestratorBackend backend(String id, ChatModel model, LlmSettings settings) {
        return backend(id, model, settings, ModelCalls.NONE);
    }

    /**
     * @param id       the backend's id
     * @param model    the chat model every call goes to
     * @param settings the limits (concurrency, budget, answer length) and, for messages, endpoint and model names
     * @param calls    watches every model call
     * @return a backend for one build
     */
    public static OrchestratorBackend backend(String id, ChatModel model, LlmSettings settings, ModelCalls calls) {
        return new LlmOrchestratorBackend(id, new ModelCallGate(model, settings, Clock.systemUTC(),
                duration -> Thread.sleep(Math.max(1, duration.toMillis())), calls), PROMPTS);
    }
}

package dev.thefactory.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.thefactory.llm.internal.EndpointHealth;
import dev.thefactory.llm.internal.LlmBackends;
import dev.thefactory.llm.internal.ModelCalls;
import dev.thefactory.llm.internal.ObservedModelCalls;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.HealthStatus;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.OrchestratorBackendProvider;
import java.time.Clock;
import java.util.Objects;

/**
 * Providers of the {@code llm} backend for code, to hand to {@code Factory.builder().backend(provider)} beside the
 * ones {@link java.util.ServiceLoader} finds (the service-loaded one, {@link LlmBackendProvider}, reads the
 * environment):
 *
 * <pre>{@code
 * ChatModel model = OpenAiChatModel.builder()...maxRetries(0).build();   // or any LangChain4j ChatModel
 * BuildResult result = Factory.builder()
 *         .spec(Path.of("specs/todo-app.md"))
 *         .backend(LlmBackend.provider(model, LlmSettings.builder().maxTokensPerBuild(200_000).build()))
 *         .build()
 *         .run();
 * }</pre>
 *
 * <p>A model handed over this way is called as it is: turn its own retries off ({@code maxRetries(0)}), or they
 * multiply the core's. Thread-safe and stateless.
 */
public final class LlmBackend {

    /** The backend's id. */
    public static final String ID = "llm";

    private LlmBackend() {
    }

    /**
     * A provider whose backend calls the given model. Its health is always up (a {@code ChatModel} offers no cheap
     * check); a model that cannot be reached fails its tasks, and the circuit breaker and the cascade do the rest.
     * The settings' base URL, model and key are not used to call anything; the limits are
     * ({@link LlmSettings#maxConcurrentCalls()}, {@link LlmSettings#maxTokensPerBuild()},
     * {@link LlmSettings#maxOutputTokens()}).
     *
     * @param model    the chat model
     * @param settings the limits
     * @return a provider with id {@value #ID} and tier {@link BackendTier#INTEGRATED}
     */
    public static OrchestratorBackendProvider provider(ChatModel model, LlmSettings settings) {
        return provider(model, settings, ModelCalls.NONE);
    }

    /**
     * As {@link #provider(ChatModel, LlmSettings)}, and records every model call as a Micrometer observation
     * {@code factory.llm.call} in the registry, tagged with backend, model, phase, role and outcome, with the
     * endpoint's input and output token counts as high-cardinality key values (see docs/observability.md). Needs
     * {@code io.micrometer:micrometer-observation} on the class path; the other methods do not.
     *
     * @param model    the chat model
     * @param settings the limits
     * @param registry where model calls are recorded
     * @return a provider with id {@value #ID} and tier {@link BackendTier#INTEGRATED}
     */
    @SuppressWarnings("exports") // Micrometer is optional: 'requires static', so not re-exported to readers
    public static OrchestratorBackendProvider provider(ChatModel model, LlmSettings settings,
            io.micrometer.observation.ObservationRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(settings, "settings");
        return provider(model, settings, new ObservedModelCalls(registry, ID, settings.modelIfSet().orElse(null)));
    }

    private static OrchestratorBackendProvider provider(ChatModel model, LlmSettings settings, ModelCalls calls) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(settings, "settings");
        return new OrchestratorBackendProvider() {
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
                return new HealthStatus(true, "chat model " + model.getClass().getSimpleName()
                        + settings.modelIfSet().map(m -> " (model " + m + ")").orElse("") + " handed over in code");
            }

            @Override
            public OrchestratorBackend create(BackendContext context) {
                return LlmBackends.backend(ID, model, settings, calls);
            }

            @Override
            public String toString() {
                return "LlmBackend.provider(" + model.getClass().getSimpleName() + ", " + settings + ")";
            }
        };
    }

    /**
     * A provider for an OpenAI-compatible endpoint described by the settings, as {@link LlmBackendProvider} makes
     * from the environment: health checked with {@code GET <baseUrl>/models} (at most 2 s, cached for 30 s), down
     * naming the missing settings when the base URL or the model is not set.
     *
     * @param settings the endpoint, model, key and limits
     * @return a provider with id {@value #ID} and tier {@link BackendTier#INTEGRATED}
     */
    public static OrchestratorBackendProvider provider(LlmSettings settings) {
        return new LlmBackendProvider(Objects.requireNonNull(settings, "settings"), Clock.systemUTC());
    }

    /**
     * As {@link #provider(LlmSettings)}, and records every model call as a Micrometer observation
     * {@code factory.llm.call} in the registry, as the method of the same name that takes a {@code ChatModel} does.
     * The provider the service loader finds records nothing: hand this one to {@code Factory.builder().backend(...)}
     * to observe the calls.
     *
     * @param settings the endpoint, model, key and limits
     * @param registry where model calls are recorded
     * @return a provider with id {@value #ID} and tier {@link BackendTier#INTEGRATED}
     */
    @SuppressWarnings("exports") // Micrometer is optional: 'requires static', so not re-exported to readers
    public static OrchestratorBackendProvider provider(LlmSettings settings,
            io.micrometer.observation.ObservationRegistry registry) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(registry, "registry");
        return new LlmBackendProvider(settings, Clock.systemUTC(),
                new ObservedModelCalls(registry, ID, settings.modelIfSet().orElse(null)));
    }

    /**
     * @param settings settings
     * @return a health status: down naming the missing settings, else the endpoint's answer to a bounded check
     */
    static HealthStatus health(LlmSettings settings, EndpointHealth endpoint) {
        if (!settings.missing().isEmpty()) {
            return HealthStatus.down("not configured: set " + String.join(" and ", settings.missing())
                    + " (an OpenAI-compatible endpoint such as http://localhost:11434/v1, and a model name)");
        }
        return endpoint.check();
    }
}

package dev.thefactory.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.thefactory.api.BackendUnavailableException;
import dev.thefactory.llm.internal.EndpointHealth;
import dev.thefactory.llm.internal.LlmBackends;
import dev.thefactory.llm.internal.ModelCalls;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.HealthStatus;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.OrchestratorBackendProvider;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The provider of the {@code llm} backend that {@link java.util.ServiceLoader} finds through
 * {@code META-INF/services/dev.thefactory.spi.OrchestratorBackendProvider}. It reads its settings from the
 * environment ({@link LlmSettings#fromEnvironment}): without {@value LlmSettings#ENV_BASE_URL} and
 * {@value LlmSettings#ENV_MODEL} it reports itself down and names what is missing, so mode {@code auto} goes on to
 * the built-in backends; with them, its health is the endpoint's answer to {@code GET <baseUrl>/models} (at most
 * 2 s, cached for 30 s). An invalid variable (e.g. {@code FACTORY_LLM_TIMEOUT=soon}) also makes it down, with the
 * variable and the value named.
 *
 * <p>Thread-safe. The model client is created once, on the first {@link #create}, and shared by the builds of this
 * provider.
 */
public final class LlmBackendProvider implements OrchestratorBackendProvider {

    private final LlmSettings settings;
    private final LlmConfigurationException invalid;
    private final EndpointHealth endpoint;
    private final ModelCalls calls;
    private ChatModel model;

    /** Reads the settings from the process's environment; used by the ServiceLoader. */
    public LlmBackendProvider() {
        LlmSettings read;
        LlmConfigurationException problem = null;
        try {
            read = LlmSettings.fromEnvironment(System.getenv());
        } catch (LlmConfigurationException e) {
            read = LlmSettings.defaults();
            problem = e;
        }
        this.settings = read;
        this.invalid = problem;
        this.endpoint = new EndpointHealth(settings, Clock.systemUTC());
        this.calls = ModelCalls.NONE;
    }

    LlmBackendProvider(LlmSettings settings, Clock clock) {
        this(settings, clock, ModelCalls.NONE);
    }

    LlmBackendProvider(LlmSettings settings, Clock clock, ModelCalls calls) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.invalid = null;
        this.endpoint = new EndpointHealth(settings, clock);
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    /** @return the settings it works with (the key is not part of their {@code toString()}) */
    public LlmSettings settings() {
        return settings;
    }

    @Override
    public String id() {
        return LlmBackend.ID;
    }

    @Override
    public BackendTier tier() {
        return BackendTier.INTEGRATED;
    }

    @Override
    public HealthStatus health() {
        if (invalid != null) {
            return HealthStatus.down(invalid.getMessage());
        }
        HealthStatus status = LlmBackend.health(settings, endpoint);
        if (status.healthy()) {
            return new HealthStatus(true, "model " + settings.model() + " at " + settings.baseUrl());
        }
        return status;
    }

    /**
     * @throws BackendUnavailableException when the settings are incomplete or invalid (the core creates a backend only
     *                                     after a healthy check, so this means the environment changed in between)
     */
    @Override
    public OrchestratorBackend create(BackendContext context) {
        Objects.requireNonNull(context, "context");
        if (invalid != null || !settings.missing().isEmpty()) {
            String why = invalid != null ? invalid.getMessage() : "set " + String.join(" and ", settings.missing());
            throw new BackendUnavailableException("the llm backend is not configured: " + why, List.of(why),
                    List.of("set the FACTORY_LLM_* variables (see docs/llm-backend.md)"));
        }
        return LlmBackends.backend(LlmBackend.ID, model(), settings, calls);
    }

    private synchronized ChatModel model() {
        if (model == null) {
            model = LlmBackends.openAiModel(settings);
        }
        return model;
    }
}

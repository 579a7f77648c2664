package dev.thefactory.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.HealthStatus;
import dev.thefactory.spi.OrchestratorBackendProvider;
import java.time.Clock;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The provider: found by the ServiceLoader, down naming what is missing, and a bounded, cached endpoint check. */
class LlmBackendProviderTest {

    private static final String KEY = "sk-health-3e9a1";

    @Test
    void theServiceLoaderFindsItAsAnIntegratedBackendCalledLlm() {
        OrchestratorBackendProvider found = ServiceLoader.load(OrchestratorBackendProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("llm")).findFirst().orElseThrow();
        assertThat(found).isInstanceOf(LlmBackendProvider.class);
        assertThat(found.tier()).isEqualTo(BackendTier.INTEGRATED);
    }

    @Test
    void unconfiguredItIsDownNamingTheMissingVariables() {
        HealthStatus health = new LlmBackendProvider(LlmSettings.defaults(), Clock.systemUTC()).health();
        assertThat(health.healthy()).isFalse();
        assertThat(health.detail()).contains("FACTORY_LLM_BASE_URL and FACTORY_LLM_MODEL");
    }

    @Test
    void configuredItAsksTheEndpointOnceAndCachesTheAnswer() {
        try (FakeOpenAi server = new FakeOpenAi()) {
            LlmSettings settings = LlmSettings.builder().baseUrl(server.baseUrl()).model("test-model").apiKey(KEY)
                    .build();
            LlmBackendProvider provider = new LlmBackendProvider(settings, Clock.systemUTC());
            HealthStatus health = provider.health();
            assertThat(health.healthy()).isTrue();
            assertThat(health.detail()).isEqualTo("model test-model at " + server.baseUrl()).doesNotContain(KEY);
            provider.health();
            assertThat(server.requests()).hasSize(1);
            assertThat(server.requests().get(0).path()).isEqualTo("/v1/models");
        }
    }

    @Test
    void aRefusedKeyOrAnUnknownModelMakesItDownWithTheFix() {
        try (FakeOpenAi server = new FakeOpenAi()) {
            server.models(FakeOpenAi.Reply.error(401, "{\"error\":\"bad key " + KEY + "\"}"));
            LlmSettings settings = LlmSettings.builder().baseUrl(server.baseUrl()).model("test-model").apiKey(KEY)
                    .build();
            HealthStatus refused = new LlmBackendProvider(settings, Clock.systemUTC()).health();
            assertThat(refused.healthy()).isFalse();
            assertThat(refused.detail()).contains("FACTORY_LLM_API_KEY").contains("HTTP 401").doesNotContain(KEY);

            server.models(new FakeOpenAi.Reply(200, java.util.Map.of(), "{\"data\":[{\"id\":\"other\"}]}", 0));
            HealthStatus unknown = new LlmBackendProvider(settings, Clock.systemUTC()).health();
            assertThat(unknown.healthy()).isFalse();
            assertThat(unknown.detail()).contains("FACTORY_LLM_MODEL").contains("other");
        }
    }

    @Test
    void anEndpointThatDoesNotAnswerIsDownWithinTheBound() {
        try (FakeOpenAi server = new FakeOpenAi()) {
            server.models(FakeOpenAi.Reply.content("{}").after(5_000));
            LlmSettings settings = LlmSettings.builder().baseUrl(server.baseUrl()).model("test-model").build();
            long start = System.nanoTime();
            HealthStatus health = new LlmBackendProvider(settings, Clock.systemUTC()).health();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4_000);
            assertThat(health.healthy()).isFalse();
            assertThat(health.detail()).contains("did not answer GET /models within 2000 ms");
        }
    }
}

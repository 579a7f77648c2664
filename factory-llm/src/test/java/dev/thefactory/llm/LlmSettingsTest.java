package dev.thefactory.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings from code and from the environment: defaults, argument checks, messages naming variable and value. */
class LlmSettingsTest {

    private static final String KEY = "sk-settings-test-8c2f";

    @Test
    void defaultsAreUnconfiguredWithTheDocumentedLimits() {
        LlmSettings settings = LlmSettings.defaults();
        assertThat(settings.missing()).containsExactly("FACTORY_LLM_BASE_URL", "FACTORY_LLM_MODEL");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(50)).isEqualTo(LlmSettings.DEFAULT_TIMEOUT);
        assertThat(settings.maxConcurrentCalls()).isEqualTo(4);
        assertThat(settings.maxTokensPerBuild()).isEmpty();
        assertThat(settings.hasApiKey()).isFalse();
    }

    @Test
    void theEnvironmentIsRead() {
        LlmSettings settings = LlmSettings.fromEnvironment(Map.of(
                "FACTORY_LLM_BASE_URL", "http://localhost:11434/v1/",
                "FACTORY_LLM_MODEL", "qwen2.5-coder",
                "FACTORY_LLM_API_KEY", KEY,
                "FACTORY_LLM_TIMEOUT", "45s",
                "FACTORY_LLM_MAX_TOKENS", "200k",
                "FACTORY_LLM_RECORD", "/tmp/llm-record",
                "FACTORY_LLM_MAX_OUTPUT_TOKENS", "4096"));
        assertThat(settings.maxOutputTokens()).isEqualTo(4096);
        assertThat(settings.recordTo()).isEqualTo(java.nio.file.Path.of("/tmp/llm-record"));
        assertThat(settings.baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(settings.model()).isEqualTo("qwen2.5-coder");
        assertThat(settings.apiKey()).isEqualTo(KEY);
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.maxTokensPerBuild()).hasValue(200_000);
        assertThat(settings.missing()).isEmpty();
        assertThat(LlmSettings.fromEnvironment(Map.of("FACTORY_LLM_TIMEOUT", "PT2M")).timeout())
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(LlmSettings.fromEnvironment(Map.of("FACTORY_LLM_TIMEOUT", "500ms")).timeout())
                .isEqualTo(Duration.ofMillis(500));
        assertThat(LlmSettings.fromEnvironment(Map.of("FACTORY_LLM_TIMEOUT", "90")).timeout())
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(LlmSettings.fromEnvironment(Map.of("FACTORY_LLM_MODEL", "m")).missing())
                .containsExactly("FACTORY_LLM_BASE_URL");
    }

    @Test
    void theKeyIsNeverInToString() {
        LlmSettings settings = LlmSettings.builder().apiKey(KEY).build();
        assertThat(settings.toString()).doesNotContain(KEY).contains("apiKey=(set)");
        assertThat(LlmSettings.defaults().toString()).contains("apiKey=(none)");
    }

    @Test
    void badValuesNameTheVariableAndTheValue() {
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of("FACTORY_LLM_TIMEOUT", "soon")))
                .isInstanceOfSatisfying(LlmConfigurationException.class,
                        e -> assertThat(e.setting()).isEqualTo("FACTORY_LLM_TIMEOUT"))
                .hasMessage("FACTORY_LLM_TIMEOUT must be a positive duration such as 60s, 500ms, 2m or PT90S but was "
                        + "'soon'");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of("FACTORY_LLM_TIMEOUT", "0s")))
                .hasMessageContaining("but was '0s'");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of("FACTORY_LLM_MAX_TOKENS", "-5")))
                .hasMessage("FACTORY_LLM_MAX_TOKENS must be a positive number of tokens such as 200000 or 200k but "
                        + "was '-5'");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of("FACTORY_LLM_MAX_OUTPUT_TOKENS", "8")))
                .hasMessageStartingWith("FACTORY_LLM_MAX_OUTPUT_TOKENS must be between 16 and 1000000 but was '8'");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of("FACTORY_LLM_BASE_URL", "localhost:11434")))
                .hasMessageContaining("FACTORY_LLM_BASE_URL must be an http or https URL")
                .hasMessageContaining("'localhost:11434'");
    }

    @Test
    void builderSettersCheckTheirArgumentAtOnce() {
        LlmSettings.Builder builder = LlmSettings.builder();
        assertThatThrownBy(() -> builder.timeout(null)).isInstanceOf(NullPointerException.class).hasMessage("timeout");
        assertThatThrownBy(() -> builder.timeout(Duration.ZERO)).hasMessage("timeout must be positive but was PT0S");
        assertThatThrownBy(() -> builder.maxConcurrentCalls(0))
                .hasMessage("maxConcurrentCalls must be between 1 and 256 but was 0");
        assertThatThrownBy(() -> builder.maxTokensPerBuild(0)).hasMessage("maxTokensPerBuild must be >= 1 but was 0");
        assertThatThrownBy(() -> builder.maxOutputTokens(8))
                .hasMessage("maxOutputTokens must be between 16 and 1000000 but was 8");
        assertThatThrownBy(() -> builder.baseUrl("ftp://x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ftp://x'");
    }
}

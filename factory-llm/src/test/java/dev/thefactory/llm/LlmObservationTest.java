package dev.thefactory.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.Factory;
import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.llm.FakeOpenAi.Reply;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model calls recorded as observations with their token counts, against the loopback server. */
class LlmObservationTest {

    private static final String CALL = "factory.llm.call";

    @TempDir
    Path tmp;

    private final FakeOpenAi server = new FakeOpenAi();
    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final List<Observation.Context> stopped = Collections.synchronizedList(new ArrayList<>());

    LlmObservationTest() {
        registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private LlmSettings settings() {
        return LlmSettings.builder().baseUrl(server.baseUrl()).model("test-model").apiKey("sk-observed")
                .timeout(Duration.ofSeconds(5)).build();
    }

    private Factory.Builder factory() {
        return Factory.builder().spec(ScriptedProject.SPEC, SpecFormat.MARKDOWN).mode(Mode.INTEGRATED)
                .outputDirectory(tmp.resolve("out")).requireFeatures(FeatureRequirement.NONE)
                .runGeneratedTests(false).retry(new RetrySettings(2, Duration.ZERO, Duration.ZERO, 1.0, 0.0))
                .observationRegistry(registry).backend(LlmBackend.provider(settings(), registry));
    }

    private List<Observation.Context> calls() {
        synchronized (stopped) {
            return stopped.stream().filter(c -> c.getName().equals(CALL)).toList();
        }
    }

    private static String low(Observation.Context context, String key) {
        KeyValue value = context.getLowCardinalityKeyValue(key);
        return value == null ? null : value.getValue();
    }

    private static long high(Observation.Context context, String key) {
        return Long.parseLong(context.getHighCardinalityKeyValue(key).getValue());
    }

    @Test
    void everyModelCallIsObservedWithItsTokenCountsAndLowCardinalityTags() {
        server.otherwise(new ScriptedProject());

        BuildResult result = factory().build().run();

        List<Observation.Context> calls = calls();
        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo(CALL, server.chats().size())
                .forAllObservationsWithNameEqualTo(CALL, call -> call
                        .hasLowCardinalityKeyValue("backend", "llm")
                        .hasLowCardinalityKeyValue("model", "test-model")
                        .hasLowCardinalityKeyValue("outcome", "success")
                        .hasHighCardinalityKeyValueWithKey("task"));
        assertThat(stopped).anySatisfy(phase -> {
            assertThat(phase.getName()).isEqualTo("factory.phase");
            assertThat(low(phase, "phase")).isEqualTo("generate");
            assertThat(low(phase, "backend")).isEqualTo("llm");
        });
        assertThat(calls).allSatisfy(call -> {
            assertThat(low(call, "phase")).isNotEqualTo("unknown");
            assertThat(low(call, "role")).isNotEqualTo("unknown");
            // nested under the attempt of the task that made it, so a trace shows it there
            Observation.ContextView parent = call.getParentObservation().getContextView();
            assertThat(parent.getName()).isEqualTo("factory.task.attempt");
            assertThat(parent.getHighCardinalityKeyValue("task").getValue())
                    .isEqualTo(call.getHighCardinalityKeyValue("task").getValue());
            assertThat(parent.getLowCardinalityKeyValue("role").getValue()).isEqualTo(low(call, "role"));
        });
        assertThat(calls).anySatisfy(call -> {
            assertThat(low(call, "phase")).isEqualTo("analyze");
            assertThat(high(call, "gen_ai.usage.input_tokens")).isEqualTo(100);
            assertThat(high(call, "gen_ai.usage.output_tokens")).isEqualTo(50);
        });
        assertThat(calls.stream().mapToLong(c -> high(c, "gen_ai.usage.input_tokens")).sum())
                .isEqualTo(result.usage().inputTokens());
        assertThat(calls.stream().mapToLong(c -> high(c, "gen_ai.usage.output_tokens")).sum())
                .isEqualTo(result.usage().outputTokens());
    }

    @Test
    void aRefusedCallIsObservedAsAFailureWithItsError() {
        server.otherwise(r -> Reply.error(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}"));

        assertThatThrownBy(() -> factory().build().run()).isInstanceOf(BuildFailedException.class);

        assertThat(calls()).isNotEmpty().allSatisfy(call -> {
            assertThat(low(call, "outcome")).isEqualTo("failure");
            assertThat(call.getError()).isNotNull();
            assertThat(call.getHighCardinalityKeyValue("gen_ai.usage.input_tokens")).isNull();
        });
    }

    @Test
    void onlyTheObservedCallsAndTheProviderMethodsThatTakeARegistryReferToMicrometer() throws IOException {
        Path classes = Path.of(LlmBackend.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<String> referring = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("io/micrometer")) {
                    referring.add(classes.relativize(file).toString().replace('\\', '/'));
                }
            }
        }
        assertThat(referring).containsExactlyInAnyOrder("dev/thefactory/llm/LlmBackend.class",
                "dev/thefactory/llm/internal/ObservedModelCalls.class",
                "dev/thefactory/llm/internal/ObservedModelCalls$1.class");
    }
}

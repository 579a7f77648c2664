package dev.thefactory.llm.internal;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.Phase;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;

/**
 * Records each model call as a Micrometer observation named {@value #NAME}. Low-cardinality key values (tags):
 * {@code backend}, {@code model}, {@code phase}, {@code role} and {@code outcome} ({@code success}, {@code rejected}
 * when an answer came but could not be used, {@code failure} when none came). The task id and the token counts
 * ({@value #INPUT_TOKENS}, {@value #OUTPUT_TOKENS}, named after the OpenTelemetry GenAI conventions) are
 * high-cardinality key values: traces show them on the span; a metrics handler that wants totals reads them from the
 * context. The parent is the registry's current observation on the calling thread, if any. Thread-safe.
 */
public final class ObservedModelCalls implements ModelCalls {

    /** The observation's name. */
    public static final String NAME = "factory.llm.call";
    /** High-cardinality key: the prompt tokens of the call. */
    public static final String INPUT_TOKENS = "gen_ai.usage.input_tokens";
    /** High-cardinality key: the answer tokens of the call. */
    public static final String OUTPUT_TOKENS = "gen_ai.usage.output_tokens";

    private final ObservationRegistry registry;
    private final String backend;
    private final String model;

    /**
     * @param registry where observations are recorded
     * @param backend  the backend's id
     * @param model    the model's name, or null when the chat model chooses
     */
    public ObservedModelCalls(ObservationRegistry registry, String backend, String model) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.model = model == null || model.isBlank() ? "default" : model;
    }

    @Override
    public Call start(String taskId, Phase phase, AgentRole role) {
        Observation observation = Observation.createNotStarted(NAME, registry)
                .contextualName("model call")
                .parentObservation(registry.getCurrentObservation())
                .lowCardinalityKeyValue("backend", backend)
                .lowCardinalityKeyValue("model", model)
                .lowCardinalityKeyValue("phase", phase == null ? "unknown" : phase.id())
                .lowCardinalityKeyValue("role", role == null ? "unknown" : role.id())
                .highCardinalityKeyValue("task", taskId)
                .start();
        return new Call() {
            @Override
            public void answered(long inputTokens, long outputTokens, boolean accepted) {
                observation.lowCardinalityKeyValue("outcome", accepted ? "success" : "rejected")
                        .highCardinalityKeyValue(INPUT_TOKENS, Long.toString(inputTokens))
                        .highCardinalityKeyValue(OUTPUT_TOKENS, Long.toString(outputTokens))
                        .stop();
            }

            @Override
            public void failed(Throwable failure) {
                observation.error(failure);
                observation.lowCardinalityKeyValue("outcome", "failure").stop();
            }
        };
    }
}

package dev.thefactory.llm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.thefactory.api.AgentException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Turns a model's answer into a typed value: the text must be one JSON object (a Markdown code fence around it is
 * tolerated), it is read with Jackson under size and depth limits, and the value is checked with Bean Validation
 * before anything uses it. Whatever fails is a transient {@link AgentException} "model output rejected: ..." (a new
 * sample may do better; the core's retry budget bounds the attempts). Thread-safe.
 */
final class Answers {

    /** The longest answer read, in characters. */
    static final int MAX_ANSWER_CHARS = 2_000_000;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                .maxStringLength(MAX_ANSWER_CHARS).build());
    }

    private static final ValidatorFactory VALIDATION = Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private static final Validator VALIDATOR = VALIDATION.getValidator();

    private Answers() {
    }

    /** @return the mapper used for answers and for the facts they become */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * @param taskId the task, for the message
     * @param text   the model's answer
     * @param type   the record it must match
     * @param <T>    the type
     * @return the parsed, validated value
     * @throws AgentException (transient) when it is not a JSON object of that shape
     */
    static <T> T parse(String taskId, String text, Class<T> type) {
        String json = unfence(text);
        if (json.length() > MAX_ANSWER_CHARS) {
            throw rejected(taskId, "the answer is longer than " + MAX_ANSWER_CHARS + " characters");
        }
        if (!json.startsWith("{")) {
            throw rejected(taskId, "the answer is prose, not the JSON object asked for: '" + Secrets.snippet(json, 80)
                    + "'; a model that keeps answering in prose cannot build the project: set "
                    + dev.thefactory.llm.LlmSettings.ENV_MODEL + " to one that follows JSON instructions");
        }
        T value;
        try {
            value = MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw rejected(taskId, "the answer is not the JSON asked for: " + Secrets.snippet(e.getOriginalMessage(),
                    200) + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        }
        if (value == null) {
            throw rejected(taskId, "the answer is JSON null, not an object");
        }
        Set<ConstraintViolation<T>> violations = VALIDATOR.validate(value);
        if (!violations.isEmpty()) {
            List<String> problems = violations.stream()
                    .sorted(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                    .limit(10)
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()
                            + (v.getInvalidValue() instanceof String s ? " (was '" + Secrets.snippet(s, 60) + "')" : ""))
                    .toList();
            throw rejected(taskId, "the answer does not match the schema: " + String.join("; ", problems));
        }
        return value;
    }

    /**
     * @param value a parsed answer
     * @return its JSON, keys in a fixed order, as stored in facts
     */
    static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * @param taskId the task
     * @param why    what is wrong with the answer
     * @return a transient failure that says the model's output was rejected
     */
    static AgentException rejected(String taskId, String why) {
        return AgentException.transientFailure("model output rejected: task '" + taskId + "': " + why);
    }

    private static String unfence(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("```")) {
            int firstLine = trimmed.indexOf('\n');
            int closing = trimmed.lastIndexOf("```");
            if (firstLine > 0 && closing > firstLine) {
                return trimmed.substring(firstLine + 1, closing).strip();
            }
        }
        return trimmed;
    }
}

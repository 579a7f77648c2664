package dev.thefactory.internal.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.thefactory.spi.OutputValidator;
import dev.thefactory.spi.ValidationOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks that a {@code .json} file holds exactly one well-formed JSON value, without duplicate keys, within parser
 * limits (nesting depth, document size). Thread-safe (the mapper is immutable after construction).
 */
final class JsonOutputValidator implements OutputValidator {

    /** The deepest nesting accepted. */
    static final int MAX_NESTING_DEPTH = 500;

    private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(limits())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public String id() {
        return "json";
    }

    @Override
    public boolean supports(String relativePath) {
        return ProjectFiles.extension(relativePath).equals("json");
    }

    @Override
    public ValidationOutcome validate(Path projectRoot, String relativePath) {
        return ProjectFiles.readAndCheck(projectRoot, relativePath, content -> check(relativePath, content));
    }

    private ValidationOutcome check(String relativePath, byte[] content) {
        try {
            JsonNode value = mapper.readTree(content);
            if (value == null || value.isMissingNode()) {
                return ValidationOutcome.failed(List.of(ProjectFiles.problem(relativePath, 0,
                        "holds no JSON value; write at least {} or []")));
            }
            return ValidationOutcome.passed();
        } catch (JsonProcessingException e) {
            return ValidationOutcome.failed(List.of(describe(relativePath, e)));
        } catch (IOException e) {
            return ValidationOutcome.failed(List.of(ProjectFiles.problem(relativePath, 0, "cannot be parsed: " + e)));
        }
    }

    /** @return {@code path:line: message} for a Jackson parse failure */
    static String describe(String relativePath, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        long line = location == null ? 0 : location.getLineNr();
        return ProjectFiles.problem(relativePath, line, e.getOriginalMessage());
    }

    /** @return the parser limits used for generated JSON and YAML */
    static StreamReadConstraints limits() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxDocumentLength(OutputValidation.MAX_VALIDATED_BYTES)
                .build();
    }
}

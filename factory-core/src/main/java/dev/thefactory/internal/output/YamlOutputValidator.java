package dev.thefactory.internal.output;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.thefactory.spi.OutputValidator;
import dev.thefactory.spi.ValidationOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Checks that a {@code .yaml}/{@code .yml} file is well-formed YAML (every document of a multi-document stream),
 * without duplicate keys, within limits on nesting, aliases and size. Tags never create objects: the content is only
 * read into a tree. Thread-safe (the mapper is immutable after construction).
 */
final class YamlOutputValidator implements OutputValidator {

    /** The most aliases a collection may use (bounds "billion laughs" expansion). */
    static final int MAX_ALIASES = 50;

    private final ObjectMapper mapper = new YAMLMapper(YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(JsonOutputValidator.limits())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    @Override
    public String id() {
        return "yaml";
    }

    @Override
    public boolean supports(String relativePath) {
        String extension = ProjectFiles.extension(relativePath);
        return extension.equals("yaml") || extension.equals("yml");
    }

    @Override
    public ValidationOutcome validate(Path projectRoot, String relativePath) {
        return ProjectFiles.readAndCheck(projectRoot, relativePath, content -> check(relativePath, content));
    }

    private ValidationOutcome check(String relativePath, byte[] content) {
        try (JsonParser parser = mapper.getFactory().createParser(content);
                MappingIterator<JsonNode> documents = mapper.readValues(parser, JsonNode.class)) {
            while (documents.hasNextValue()) {
                documents.nextValue();
            }
            return ValidationOutcome.passed();
        } catch (JsonProcessingException e) {
            return ValidationOutcome.failed(List.of(JsonOutputValidator.describe(relativePath, e)));
        } catch (IOException | RuntimeException e) {
            return ValidationOutcome.failed(List.of(ProjectFiles.problem(relativePath, 0, "is not valid YAML: " + e)));
        }
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(JsonOutputValidator.MAX_NESTING_DEPTH);
        options.setCodePointLimit(OutputValidation.MAX_VALIDATED_BYTES);
        options.setAllowDuplicateKeys(false);
        return options;
    }
}

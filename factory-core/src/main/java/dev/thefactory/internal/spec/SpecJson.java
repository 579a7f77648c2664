package dev.thefactory.internal.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thefactory.api.ProjectSpec;
import java.util.List;
import java.util.Objects;

/**
 * The normalized spec as JSON, as {@code factory validate --json} prints it (see {@code CLI.md}).
 *
 * <p>Keys, always present and always in this order: {@code name}, {@code description}, {@code type} (an id such as
 * {@code web_app}; {@code null} only for an unvalidated spec without one), {@code complexity} (an id),
 * {@code objectives}, {@code features} ({@code core}, {@code extended}), {@code techStack}, {@code architectureHints},
 * {@code technicalPreferences}, {@code qualityRequirements}, {@code outputExpectations}, {@code extras} (an object of
 * section name to list of strings, in the spec's order). Empty sections are written as empty lists rather than left
 * out, so scripts need no presence checks. The output reads back through {@link SpecLoader} as the same spec.
 *
 * <p>Stateless and thread-safe.
 */
public final class SpecJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private SpecJson() {
    }

    /**
     * @param spec the spec; need not be valid
     * @return the normalized spec, pretty-printed with two-space indents and {@code \n} line ends, stable key order
     * @throws NullPointerException if {@code spec} is null
     */
    public static String toJson(ProjectSpec spec) {
        try {
            return PRETTY.writeValueAsString(toTree(spec)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings could not be written as JSON", e);
        }
    }

    /**
     * @param spec the spec; need not be valid
     * @return a new, mutable tree of the normalized spec (the caller may add to it)
     * @throws NullPointerException if {@code spec} is null
     */
    public static ObjectNode toTree(ProjectSpec spec) {
        Objects.requireNonNull(spec, "spec");
        JsonNodeFactory nodes = MAPPER.getNodeFactory();
        ObjectNode root = nodes.objectNode();
        root.put("name", spec.name());
        root.put("description", spec.description());
        root.put("type", spec.type() == null ? null : spec.type().id());
        root.put("complexity", spec.complexity() == null ? null : spec.complexity().id());
        root.set("objectives", array(nodes, spec.objectives()));
        ObjectNode features = root.putObject("features");
        features.set("core", array(nodes, spec.features().core()));
        features.set("extended", array(nodes, spec.features().extended()));
        root.set("techStack", array(nodes, spec.techStack()));
        root.set("architectureHints", array(nodes, spec.architectureHints()));
        root.set("technicalPreferences", array(nodes, spec.technicalPreferences()));
        root.set("qualityRequirements", array(nodes, spec.qualityRequirements()));
        root.set("outputExpectations", array(nodes, spec.outputExpectations()));
        ObjectNode extras = root.putObject("extras");
        spec.extras().forEach((key, lines) -> extras.set(key, array(nodes, lines)));
        return root;
    }

    private static ArrayNode array(JsonNodeFactory nodes, List<String> values) {
        ArrayNode array = nodes.arrayNode(values.size());
        values.forEach(array::add);
        return array;
    }
}

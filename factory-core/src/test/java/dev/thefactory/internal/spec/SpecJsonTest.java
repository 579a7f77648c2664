package dev.thefactory.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The normalized JSON that {@code factory validate --json} prints. */
class SpecJsonTest {

    @Test
    void writesEveryKeyInTheDocumentedOrderWithEmptySectionsAsEmptyLists() {
        String json = SpecJson.toJson(ProjectSpec.builder("X", ProjectType.CLI_TOOL).build());

        assertThat(json).isEqualTo("""
                {
                  "name": "X",
                  "description": "",
                  "type": "cli_tool",
                  "complexity": "simple",
                  "objectives": [],
                  "features": {
                    "core": [],
                    "extended": []
                  },
                  "techStack": [],
                  "architectureHints": [],
                  "technicalPreferences": [],
                  "qualityRequirements": [],
                  "outputExpectations": [],
                  "extras": {}
                }
                """);
    }

    @Test
    void writesIdsForEnumsAndExtrasInTheirOrder() {
        ProjectSpec spec = ProjectSpec.builder("X", ProjectType.DATA_PIPELINE)
                .features(List.of("a"), List.of("b"))
                .extras(orderedExtras())
                .build();

        ObjectNode tree = SpecJson.toTree(spec);

        assertThat(tree.get("type").asText()).isEqualTo("data_pipeline");
        assertThat(tree.get("features").get("extended").get(0).asText()).isEqualTo("b");
        assertThat(tree.get("extras").fieldNames()).toIterable().containsExactly("Zeta", "Alpha");
    }

    @Test
    void anUnvalidatedSpecWithoutATypeIsWrittenWithNull() {
        ObjectNode tree = SpecJson.toTree(ProjectSpec.builder("X", null).build());

        assertThat(tree.get("type").isNull()).isTrue();
    }

    private static Map<String, List<String>> orderedExtras() {
        Map<String, List<String>> extras = new java.util.LinkedHashMap<>();
        extras.put("Zeta", List.of("z"));
        extras.put("Alpha", List.of("a"));
        return extras;
    }
}

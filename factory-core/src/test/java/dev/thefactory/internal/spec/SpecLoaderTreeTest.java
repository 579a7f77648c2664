package dev.thefactory.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.thefactory.api.Complexity;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.SpecLimits;
import dev.thefactory.api.SpecValidationException;
import dev.thefactory.api.SpecValidationException.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The YAML and JSON front door: field names, shapes, lenient enums, extras, defaults and violations with lines. */
class SpecLoaderTreeTest {

    private final SpecLoader loader = new SpecLoader(SpecLimits.defaults());

    private ProjectSpec yaml(String text) {
        return loader.load(text, SpecFormat.YAML, "<test>");
    }

    private ProjectSpec json(String text) {
        return loader.load(text, SpecFormat.JSON, "<test>");
    }

    private SpecValidationException fails(String text, SpecFormat format) {
        SpecValidationException e = catchThrowableOfType(SpecValidationException.class,
                () -> loader.load(text, format, "<test>"));
        assertThat(e).as("a SpecValidationException").isNotNull();
        return e;
    }

    @Test
    void readsAYamlSpecWithSnakeCaseKeysAndLenientEnums() {
        ProjectSpec spec = loader.load(SpecLoaderMarkdownTest.resource("inventory.yaml"));

        assertThat(spec.name()).isEqualTo("Inventory Service");
        assertThat(spec.description()).isEqualTo("Tracks stock levels across warehouses.\nExposes a JSON API.");
        assertThat(spec.type()).isEqualTo(ProjectType.API_SERVICE);
        assertThat(spec.complexity()).isEqualTo(Complexity.COMPLEX);
        assertThat(spec.objectives()).containsExactly("Keep stock levels accurate to the minute");
        assertThat(spec.features().core()).containsExactly("Record stock movements", "Query stock per warehouse", "42");
        assertThat(spec.features().extended()).containsExactly("Low-stock alerts");
        assertThat(spec.techStack()).containsExactly("language: Java 17", "framework: Helidon", "PostgreSQL");
        assertThat(spec.architectureHints()).containsExactly("Event-sourced stock ledger");
        assertThat(spec.technicalPreferences()).containsExactly("Prefer records for DTOs");
        assertThat(spec.qualityRequirements()).containsExactly("Contract tests for the API");
        assertThat(spec.outputExpectations()).containsExactly("OpenAPI document");
        assertThat(spec.extras()).containsExactly(Map.entry("deployment", List.of("target: kubernetes", "replicas: 3")));
    }

    @Test
    void readsTheSameSpecFromJsonWithCamelCaseKeys() {
        ProjectSpec fromJson = loader.load(SpecLoaderMarkdownTest.resource("inventory.json"));
        ProjectSpec fromYaml = loader.load(SpecLoaderMarkdownTest.resource("inventory.yaml"));

        assertThat(fromJson).isEqualTo(fromYaml);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tech_stack", "techStack", "TechStack", "tech-stack", "TECH STACK", "technologies"})
    void acceptsEverySpellingOfTechStack(String key) {
        ProjectSpec fromYaml = yaml("name: X\ntype: library\n\"" + key + "\": [Java 17, Maven]\n");
        ProjectSpec fromJson = json("{\"name\": \"X\", \"type\": \"library\", \"" + key + "\": [\"Java 17\", \"Maven\"]}");

        assertThat(fromYaml.techStack()).containsExactly("Java 17", "Maven");
        assertThat(fromJson.techStack()).containsExactly("Java 17", "Maven");
        assertThat(fromYaml.extras()).isEmpty();
    }

    @Test
    void acceptsSnakeAndCamelCaseForEveryListField() {
        ProjectSpec snake = yaml("""
                name: X
                type: library
                architecture_hints: [a]
                technical_preferences: [b]
                quality_requirements: [c]
                output_expectations: [d]
                """);
        ProjectSpec camel = json("""
                {"name": "X", "type": "library", "architectureHints": ["a"], "technicalPreferences": ["b"],
                 "qualityRequirements": ["c"], "outputExpectations": ["d"]}
                """);

        assertThat(snake).isEqualTo(camel);
        assertThat(snake.architectureHints()).containsExactly("a");
        assertThat(snake.technicalPreferences()).containsExactly("b");
        assertThat(snake.qualityRequirements()).containsExactly("c");
        assertThat(snake.outputExpectations()).containsExactly("d");
    }

    @ParameterizedTest
    @CsvSource({"web_app, WEB_APP", "web-app, WEB_APP", "WEB_APP, WEB_APP", "Web App, WEB_APP",
            "api-service, API_SERVICE", "CLI_TOOL, CLI_TOOL", "Data-Pipeline, DATA_PIPELINE", "ai_system, AI_SYSTEM",
            "custom, CUSTOM", "library, LIBRARY"})
    void acceptsTypesInAnyCaseWithDashesOrSpaces(String written, ProjectType expected) {
        assertThat(yaml("name: X\ntype: " + written + "\n").type()).isEqualTo(expected);
        assertThat(json("{\"name\": \"X\", \"type\": \"" + written + "\"}").type()).isEqualTo(expected);
        assertThat(loader.load("# X\n\n## Type: " + written + "\n", SpecFormat.MARKDOWN, "<test>").type())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"simple, SIMPLE", "MODERATE, MODERATE", "Complex, COMPLEX", "EXTREME, EXTREME"})
    void acceptsComplexitiesInAnyCase(String written, Complexity expected) {
        assertThat(yaml("name: X\ntype: library\ncomplexity: " + written + "\n").complexity()).isEqualTo(expected);
        assertThat(json("{\"name\": \"X\", \"type\": \"library\", \"complexity\": \"" + written + "\"}").complexity())
                .isEqualTo(expected);
    }

    @Test
    void appliesTheDocumentedDefaults() {
        ProjectSpec spec = yaml("name: Minimal\ntype: custom\n");

        assertThat(spec).isEqualTo(ProjectSpec.builder("Minimal", ProjectType.CUSTOM).build());
        assertThat(spec.complexity()).isEqualTo(Complexity.SIMPLE);
        assertThat(spec.description()).isEmpty();
        assertThat(spec.objectives()).isEmpty();
        assertThat(spec.features().all()).isEmpty();
        assertThat(spec.extras()).isEmpty();
    }

    @Test
    void nullValuesAreEmptySections() {
        ProjectSpec spec = yaml("name: X\ntype: library\ndescription:\nobjectives:\nfeatures:\nextras:\n");

        assertThat(spec.description()).isEmpty();
        assertThat(spec.objectives()).isEmpty();
        assertThat(spec.features().all()).isEmpty();
        assertThat(spec.extras()).isEmpty();
    }

    @Test
    void aPlainFeatureListIsTheCoreAndGroupAliasesAreAccepted() {
        assertThat(yaml("name: X\ntype: library\nfeatures: [a, b]\n").features().core()).containsExactly("a", "b");

        ProjectSpec spec = yaml("name: X\ntype: library\nfeatures:\n  mvp: [a]\n  nice_to_have: [b]\n");
        assertThat(spec.features().core()).containsExactly("a");
        assertThat(spec.features().extended()).containsExactly("b");
    }

    @Test
    void keepsUnknownKeysAndAnExplicitExtrasObjectAsExtrasInOrder() {
        ProjectSpec spec = yaml("""
                zeta: one line
                name: X
                type: library
                extras:
                  Notes: [first, second]
                  Risks: single
                alpha:
                  - plain
                  - {nested: [1, 2]}
                """);

        assertThat(spec.extras()).containsExactly(
                Map.entry("zeta", List.of("one line")),
                Map.entry("Notes", List.of("first", "second")),
                Map.entry("Risks", List.of("single")),
                Map.entry("alpha", List.of("plain", "{nested: [1, 2]}")));
    }

    @Test
    void mapsKeyValueItemsAndObjectsInListsToText() {
        ProjectSpec spec = yaml("""
                name: X
                type: library
                tech_stack:
                  - language: Java 17
                  - tools: [Maven, Git]
                  - {db: PostgreSQL, cache: Redis}
                quality:
                  coverage: 80%
                  latency: under 100 ms
                """);

        assertThat(spec.techStack()).containsExactly("language: Java 17", "tools: Maven, Git",
                "db: PostgreSQL; cache: Redis");
        assertThat(spec.qualityRequirements()).containsExactly("coverage: 80%", "latency: under 100 ms");
    }

    @Test
    void reportsEveryProblemAtOnceWithItsFieldAndLine() {
        SpecValidationException e = fails("""
                name: ""
                type: spaceship
                complexity: huge
                objectives: just one string
                features:
                  core: [ok, "", [nested]]
                  later: [x]
                """, SpecFormat.YAML);

        assertThat(e.violations()).extracting(Violation::field, Violation::line).containsExactly(
                tuple("name", 1),
                tuple("type", 2),
                tuple("complexity", 3),
                tuple("objectives", 4),
                tuple("features.core[1]", 6),
                tuple("features.core[2]", 6),
                tuple("features.later", 7));
        assertThat(e.violations().get(1).message()).isEqualTo("unknown type 'spaceship'; must be one of web_app, "
                + "api_service, cli_tool, library, data_pipeline, ai_system, custom");
        assertThat(e.violations().get(1).invalidValue()).isEqualTo("spaceship");
        assertThat(e.violations().get(2).message()).contains("simple, moderate, complex, extreme");
        assertThat(e.violations().get(3).message()).contains("must be a list of strings but is a single value");
        assertThat(e.violations().get(6).message()).contains("unknown feature group", "core (or mvp)");
        assertThat(e.getMessage()).startsWith("Invalid spec <test> (7 problems):\n  name: must not be blank")
                .contains("\n  type: unknown type 'spaceship'; must be one of web_app, api_service, cli_tool, library, "
                        + "data_pipeline, ai_system, custom (line 2, was 'spaceship')");
    }

    @Test
    void reportsJsonViolationsWithTheirLines() {
        SpecValidationException e = fails("""
                {
                  "name": "X",
                  "type": "library",
                  "objectives": [
                    "fine",
                    "   "
                  ],
                  "features": "everything"
                }
                """, SpecFormat.JSON);

        assertThat(e.violations()).extracting(Violation::field, Violation::line).containsExactly(
                tuple("objectives[1]", 6),
                tuple("features", 8));
    }

    @Test
    void reportsAMissingNameAndTypeWithAHintInTheSpecsOwnFormat() {
        SpecValidationException yaml = fails("complexity: simple\n", SpecFormat.YAML);
        SpecValidationException json = fails("{}", SpecFormat.JSON);

        assertThat(yaml.violations()).extracting(Violation::field).containsExactly("name", "type");
        assertThat(yaml.violations().get(0).message()).isEqualTo("is missing; add 'name: My Project'");
        assertThat(json.violations().get(1).message()).endsWith("add \"type\": \"web_app\"");
    }

    @Test
    void aNameGivenAsAListIsReportedOnceNotAlsoAsMissing() {
        SpecValidationException e = fails("name: [a, b]\ntype: [library]\n", SpecFormat.YAML);

        assertThat(e.violations()).extracting(Violation::field, Violation::line)
                .containsExactly(tuple("name", 1), tuple("type", 2));
        assertThat(e.violations()).allSatisfy(v -> assertThat(v.message()).contains("must be a single string"));
    }

    @Test
    void reportsTooLongValuesWithTheConstraint() {
        SpecValidationException e = fails("name: " + "n".repeat(121) + "\ntype: library\nobjectives: [\""
                + "o".repeat(1_001) + "\"]\n", SpecFormat.YAML);

        assertThat(e.violations()).extracting(Violation::field, Violation::message, Violation::line).containsExactly(
                tuple("name", "size must be between 0 and 120; shorten it", 1),
                tuple("objectives[0]", "size must be between 0 and 1000; shorten it", 3));
        assertThat(e.violations().get(0).invalidValue()).hasSize(81).endsWith("…");
    }

    @Test
    void anEmptyDocumentIsOneClearProblem() {
        assertThat(fails("", SpecFormat.YAML).violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("is empty; write a YAML mapping"));
        assertThat(fails("  ", SpecFormat.JSON).violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("is empty; write a JSON object"));
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        assertThat(json("\uFEFF{\"name\": \"X\", \"type\": \"library\"}").name()).isEqualTo("X");
    }

    @Test
    void validateReportsEveryViolationOfASpecBuiltInCode() {
        ProjectSpec spec = ProjectSpec.builder(" ", null).objectives(List.of("ok", "")).build();

        SpecValidationException e = catchThrowableOfType(SpecValidationException.class,
                () -> loader.validate(spec, "<code>"));

        assertThat(e.source()).isEqualTo("<code>");
        assertThat(e.violations()).extracting(Violation::field)
                .containsExactlyInAnyOrder("name", "type", "objectives[1]");
        assertThat(e.violations()).allSatisfy(v -> assertThat(v.line()).isZero());
        assertThat(loader.validate(ProjectSpec.builder("Fine", ProjectType.LIBRARY).build(), "<code>").name())
                .isEqualTo("Fine");
    }

    @Test
    void aFeatureWrittenAsAnObjectReadsItsSentenceAndItsPriorityLikeATableRow() {
        ProjectSpec spec = yaml("""
                name: Shelf
                type: cli_tool
                features:
                  - title: Add books with a title and an author
                    priority: high
                  - {id: 2, feature: List books}
                  - title: Export books as CSV
                    priority: nice to have
                  - title: Sync with Goodreads
                    priority: won't
                  - Search: by author
                """);
        ProjectSpec fromJson = json("""
                {"name": "Shelf", "type": "cli_tool", "features": {"extended": [
                  {"description": "Rate books", "priority": "must"}, {"description": "Tag books"}]}}
                """);

        assertThat(spec.features().core()).containsExactly("Add books with a title and an author", "List books",
                "Search: by author");
        assertThat(spec.features().extended()).containsExactly("Export books as CSV");
        assertThat(spec.extras()).containsEntry("Features marked won't", List.of("Sync with Goodreads"));
        assertThat(fromJson.features().core()).containsExactly("Rate books");
        assertThat(fromJson.features().extended()).containsExactly("Tag books");
    }

    @Test
    void aFeatureObjectWithAKeyWhoseValueWouldBeLostOrAnUnknownPriorityIsRefused() {
        SpecValidationException lost = fails("""
                name: Shelf
                type: cli_tool
                features:
                  - title: Add books
                    notes: only admins
                """, SpecFormat.YAML);
        SpecValidationException priority = fails("""
                name: Shelf
                type: cli_tool
                features:
                  - title: Add books
                    priority: whenever
                """, SpecFormat.YAML);

        assertThat(lost.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("features.core");
            assertThat(v.invalidValue()).isEqualTo("notes");
            assertThat(v.message()).contains("whose content would be lost", "put what the column says into the sentence");
            assertThat(v.line()).isEqualTo(5);
        });
        assertThat(priority.violations()).singleElement().satisfies(v -> {
            assertThat(v.invalidValue()).isEqualTo("whenever");
            assertThat(v.message()).contains("write must (or core, high) for a core feature");
        });
    }
}

package dev.thefactory.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    private static final String VALID = """
            # Text Stats

            Counts words and lines.

            ## Type: library

            ## Complexity: simple

            ## FEATURES

            ### Core

            - Count words
            - Count lines
            """;

    private static final String INVALID = """
            #

            ## Type: mobile_game

            ## Complexity: gigantic
            """;

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void aValidSpecExitsZeroWithASummary() throws IOException {
        Cli.Result result = Cli.run("validate", "--spec", write("ok.md", VALID).toString());

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.out()).contains("is valid: Text Stats (library, simple), 2 core and 0 extended features");
    }

    @Test
    void jsonPrintsTheNormalizedSpecAsExactlyOneObject() throws IOException {
        Cli.Result result = Cli.run("validate", "--json", "--spec", write("ok.md", VALID).toString());

        assertThat(result.exitCode()).as("%s", result).isZero();
        JsonNode spec = result.json();
        assertThat(spec.get("name").asText()).isEqualTo("Text Stats");
        assertThat(spec.get("type").asText()).isEqualTo("library");
        assertThat(spec.get("complexity").asText()).isEqualTo("simple");
        assertThat(spec.get("features").get("core")).extracting(JsonNode::asText)
                .containsExactly("Count words", "Count lines");
        assertThat(spec.get("features").get("extended")).isEmpty();
    }

    @Test
    void anInvalidSpecPrintsOneFieldMessageLinePerViolationAndExitsTwo() throws IOException {
        Cli.Result result = Cli.run("validate", "--spec", write("bad.md", INVALID).toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        List<String> lines = Arrays.asList(result.err().strip().split("\\R"));
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(line -> assertThat(line).matches("[A-Za-z_(][\\w.\\[\\]()]*: \\S.*"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("type: ").contains("line 3"))
                .anySatisfy(line -> assertThat(line).startsWith("complexity: "));
        assertThat(result.err()).doesNotContain("\tat ");
    }

    @Test
    void anInvalidSpecWithJsonListsTheViolationsInOneObject() throws IOException {
        Cli.Result result = Cli.run("validate", "--json", "--spec", write("bad.md", INVALID).toString());

        assertThat(result.exitCode()).isEqualTo(2);
        JsonNode error = result.json().get("error");
        assertThat(error.get("type").asText()).isEqualTo("SpecValidationException");
        assertThat(error.get("violations")).isNotEmpty()
                .allSatisfy(v -> assertThat(v.get("field").asText()).isNotBlank());
        assertThat(error.get("violations")).extracting(v -> v.get("field").asText()).contains("type");
    }

    @Test
    void aMissingFileIsAnInputErrorWithoutAStackTrace() {
        Cli.Result result = Cli.run("validate", "--spec", dir.resolve("nope.md").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--spec: spec file", "nope.md does not exist").doesNotContain("\tat ");
    }

    @Test
    void aDirectoryIsNotASpec() {
        Cli.Result result = Cli.run("validate", "--spec", dir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("is not a regular file");
    }

    @Test
    void theShippedExampleSpecsAreValid() throws IOException {
        try (var specs = Files.list(Path.of("specs"))) {
            List<Path> examples = specs.filter(p -> !p.getFileName().toString().contains("invalid")).toList();
            assertThat(examples).isNotEmpty();
            for (Path spec : examples) {
                Cli.Result result = Cli.run("validate", "--spec", spec.toString());
                assertThat(result.exitCode()).as("%s: %s", spec, result).isZero();
            }
        }
    }

    @Test
    void theShippedInvalidExampleIsInvalid() {
        Cli.Result result = Cli.run("validate", "--spec", "specs/example_invalid.md");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.err()).contains("name: ", "type: ", "complexity: ");
    }
}

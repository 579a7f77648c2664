package dev.thefactory.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.SpecLimits;
import dev.thefactory.api.SpecValidationException;
import dev.thefactory.api.SpecValidationException.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Format detection: the extension decides when it is known, else the content. */
class SpecFormatDetectionTest {

    private static final String YAML = "name: Detected\ntype: library\n";
    private static final String JSON = "{\"name\": \"Detected\", \"type\": \"library\"}";
    private static final String MARKDOWN = "# Detected\n\n## Type: library\n";

    @TempDir
    Path dir;

    private final SpecLoader loader = new SpecLoader(SpecLimits.defaults());

    @ParameterizedTest
    @CsvSource({"spec.md, MARKDOWN", "SPEC.MD, MARKDOWN", "spec.markdown, MARKDOWN", "spec.yaml, YAML",
            "spec.YML, YAML", "spec.json, JSON", "dir/x.Json, JSON"})
    void theExtensionDecidesWhateverTheContent(String fileName, SpecFormat expected) {
        assertThat(SpecLoader.detectFormat(fileName, "{\"looks\": \"like json\"}")).isEqualTo(expected);
        assertThat(SpecLoader.detectFormat(fileName, "key: value")).isEqualTo(expected);
        assertThat(SpecLoader.detectFormat(fileName, null)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\": \"x\"}                   | JSON",
            "  \\n\\n  [1, 2]                    | JSON",
            "---\\nname: x                       | YAML",
            "name: x\\ntype: library             | YAML",
            "# a YAML comment\\nname: x          | YAML",
            "tech_stack:\\n  - Java              | YAML",
            "# Title\\n\\nSome text.             | MARKDOWN",
            "## MANIFEST\\n- **Name**: x         | MARKDOWN",
            "Just a sentence: with a colon.      | MARKDOWN",
            "''                                  | MARKDOWN",
            "\\uFEFF{}                            | JSON"})
    void withoutAKnownExtensionTheContentDecides(String content, SpecFormat expected) {
        String text = content.replace("\\n", "\n").replace("\\uFEFF", "\uFEFF").replace("''", "");

        assertThat(SpecLoader.detectFormat(null, text)).isEqualTo(expected);
        assertThat(SpecLoader.detectFormat("spec.txt", text)).isEqualTo(expected);
    }

    @Test
    void contentIsRequiredWhenTheExtensionDoesNotDecide() {
        assertThatNullPointerException().isThrownBy(() -> SpecLoader.detectFormat("spec.txt", null))
                .withMessage("content");
    }

    @ParameterizedTest
    @CsvSource({"spec.yaml, YAML", "spec.yml, YAML", "spec.json, JSON", "spec.md, MARKDOWN", "spec.txt, YAML",
            "spec, JSON", "spec.spec, MARKDOWN"})
    void loadingAFileUsesItsExtensionThenItsContent(String fileName, SpecFormat format) throws IOException {
        String content = switch (format) {
            case YAML -> YAML;
            case JSON -> JSON;
            case MARKDOWN -> MARKDOWN;
        };
        Path file = dir.resolve(fileName);
        Files.writeString(file, content, StandardCharsets.UTF_8);

        ProjectSpec spec = loader.load(file);

        assertThat(spec.name()).isEqualTo("Detected");
        assertThat(spec.type()).isEqualTo(ProjectType.LIBRARY);
    }

    @Test
    void aStringWithoutAFormatIsDetectedFromItsContent() {
        assertThat(loader.load(YAML, null, "<stdin>").name()).isEqualTo("Detected");
        assertThat(loader.load(JSON, null, "<stdin>").name()).isEqualTo("Detected");
        assertThat(loader.load(MARKDOWN, null, "<stdin>").name()).isEqualTo("Detected");
    }

    @Test
    void aHeadingStyleSpecThatLooksLikeYamlIsReadAsMarkdownWhenThatMakesItValid() throws IOException {
        String headingStyle = "# Billing\n\nType: api_service\n\n## Features\n\n- Send invoices\n";
        assertThat(SpecLoader.detectFormat(null, headingStyle)).isEqualTo(SpecFormat.YAML);

        ProjectSpec fromString = loader.load(headingStyle, null, "<stdin>");
        Path file = dir.resolve("billing.spec");
        Files.writeString(file, headingStyle, StandardCharsets.UTF_8);
        ProjectSpec fromFile = loader.load(file);

        assertThat(fromString.name()).isEqualTo("Billing");
        assertThat(fromString.features().core()).containsExactly("Send invoices");
        assertThat(fromFile).isEqualTo(fromString);
    }

    @Test
    void aDetectedYamlSpecThatIsInvalidEitherWayReportsItsYamlProblems() {
        SpecValidationException e = catchThrowableOfType(SpecValidationException.class,
                () -> loader.load("name: X\ntype: boat\n", null, "<stdin>"));

        assertThat(e.violations()).extracting(Violation::field, Violation::line).containsExactly(tuple("type", 2));
        assertThat(e.getSuppressed()).hasSize(1);
    }

    @Test
    void anExplicitYamlFormatIsNeverReadAsMarkdown() {
        SpecValidationException e = catchThrowableOfType(SpecValidationException.class,
                () -> loader.load("# Billing\n\nType: api_service\n", SpecFormat.YAML, "<s>"));

        assertThat(e.violations()).extracting(Violation::field).containsExactly("name");
    }

    @Test
    void anExplicitFormatWinsOverTheContent() {
        // valid JSON is valid YAML too; read as Markdown it is just a title-less paragraph
        assertThat(loader.load(JSON, SpecFormat.YAML, "<s>").name()).isEqualTo("Detected");
        assertThat(loader.load("# Detected\n\nType: library\n", SpecFormat.MARKDOWN, "<s>").type())
                .isEqualTo(ProjectType.LIBRARY);
    }

    @Test
    void aByteOrderMarkBeforeAFileIsDropped() throws IOException {
        Path file = dir.resolve("bom.md");
        Files.write(file, ("\uFEFF" + MARKDOWN).getBytes(StandardCharsets.UTF_8));

        assertThat(loader.load(file).name()).isEqualTo("Detected");
    }
}

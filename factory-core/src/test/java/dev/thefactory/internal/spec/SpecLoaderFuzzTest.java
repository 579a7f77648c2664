package dev.thefactory.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.SpecLimits;
import dev.thefactory.api.SpecValidationException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random documents stitched from the tokens each format cares about: loading one either gives a spec that passes
 * validation or throws a {@link SpecValidationException} with at least one violation whose line lies inside the
 * document. Nothing else may escape: no parser exception, no {@link IllegalStateException}, no
 * {@link StackOverflowError}. Tight limits make the limit paths as likely as the others.
 */
class SpecLoaderFuzzTest {

    private static final List<String> TOKENS = List.of(
            "\n", "\n", "\n", "\r\n", "\r", " ", "  ", "    ", "\t", "# ", "## ", "### ", "#", "- ", "* ", "+ ", "1. ",
            "2) ", "> ", ">", "[ ] ", "[x] ", "[", "]", "](", ")", "(", "`", "```", "~~~", "*", "**", "_", "<", ">",
            "<https://x.org>", "<a@b.c>", "<!--", "-->", "&amp;", "&#", "\\", "!", ":", ": ", "---", "===", "|",
            "name", "Name", "type", "Type", "complexity", "web_app", "cli-tool", "LIBRARY", "simple", "MANIFEST",
            "FEATURES", "Core (MVP)", "Extended", "OBJECTIVES", "TECH STACK", "tech_stack", "techStack", "extras",
            "features", "core", "objectives", "description", "Notes", "{", "}", "\"", "'", ",", "&a ", "*a", "&b ",
            "*b", "!!java.net.URL ", "!tag ", "~", "null", "true", "42", "é", "日本", "😀", "\u0001", "\u001b",
            "\uFEFF", "\u0000", "\uD800", "word", "Some text", "x");

    private final SpecLoader loader = new SpecLoader(new SpecLimits(4_096, 6, 200, 3));

    @Property(tries = 300)
    void markdownNeverFailsUntyped(@ForAll("documents") String document) {
        check(document, SpecFormat.MARKDOWN);
    }

    @Property(tries = 300)
    void yamlNeverFailsUntyped(@ForAll("documents") String document) {
        check(document, SpecFormat.YAML);
    }

    @Property(tries = 300)
    void jsonNeverFailsUntyped(@ForAll("documents") String document) {
        check(document, SpecFormat.JSON);
    }

    @Property(tries = 300)
    void detectionNeverFailsUntyped(@ForAll("documents") String document) {
        check(document, null);
    }

    private void check(String document, SpecFormat format) {
        int lines = document.split("\r\n|\r|\n", -1).length;
        try {
            ProjectSpec spec = loader.load(document, format, "<fuzz>");
            assertThat(spec.name()).isNotBlank();
            assertThat(spec.type()).isNotNull();
            assertThat(spec.complexity()).isNotNull();
        } catch (SpecValidationException e) {
            assertThat(e.violations()).isNotEmpty().hasSizeLessThanOrEqualTo(SpecDraft.MAX_VIOLATIONS + 1);
            assertThat(e.violations()).allSatisfy(v -> {
                assertThat(v.field()).isNotBlank();
                assertThat(v.message()).isNotBlank();
                assertThat(v.line()).isBetween(0, lines);
            });
        }
    }

    @Provide
    Arbitrary<String> documents() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(120).map(tokens -> String.join("", tokens));
    }
}

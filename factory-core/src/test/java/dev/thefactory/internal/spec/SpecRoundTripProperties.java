package dev.thefactory.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.Complexity;
import dev.thefactory.api.Features;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.SpecLimits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * A valid spec written by {@link SpecWriter} as YAML, JSON or Markdown reads back as the same spec. The generators
 * produce valid specs only, with text that is hard on each format: Markdown markup ({@code * _ ` [ ] < > & # \}),
 * list markers and numbers at the start of a line, YAML scalars that would read as other types ({@code null},
 * {@code true}, {@code 0x1F}, {@code ~}), quotes, colons, and non-ASCII text.
 */
class SpecRoundTripProperties {

    private static final List<String> TRICKY = List.of("null", "true", "no", "~", "42", "007", "0x1F", "1e3", "-1",
            "-", "*", "+", "#", "##", "1.", "2)", ">", "<b>", "</p>", "<https://x.org>", "&amp;", "&", "[x]", "[ ]",
            "[link](u)", "`code`", "**bold**", "_u_", "\\", "a\\b", "x:", "key: value", "'q'", "\"q\"", "%", "@",
            "!", "|", "{", "}", "=", "===", "---", "~~~", "```", "é", "日本語", "😀", "—", "a#", "#b", "Type:",
            "\\[", "*a*", "-x", "||");

    private final SpecLoader loader = new SpecLoader(SpecLimits.defaults());

    @Property(tries = 200)
    void yamlRoundTrips(@ForAll("validSpecs") ProjectSpec spec) {
        String yaml = SpecWriter.toYaml(spec);

        assertThat(loader.load(yaml, SpecFormat.YAML, "<yaml>")).as(yaml).isEqualTo(spec);
    }

    @Property(tries = 200)
    void jsonRoundTrips(@ForAll("validSpecs") ProjectSpec spec) {
        String json = SpecWriter.toJson(spec);

        assertThat(loader.load(json, SpecFormat.JSON, "<json>")).as(json).isEqualTo(spec);
    }

    @Property(tries = 200)
    void markdownRoundTrips(@ForAll("validSpecs") ProjectSpec spec) {
        String markdown = SpecWriter.toMarkdown(spec);

        assertThat(loader.load(markdown, SpecFormat.MARKDOWN, "<md>")).as(markdown).isEqualTo(spec);
    }

    @Property(tries = 200)
    void everyWrittenFormatIsDetectedFromItsContent(@ForAll("validSpecs") ProjectSpec spec) {
        assertThat(SpecLoader.detectFormat(null, SpecWriter.toJson(spec))).isEqualTo(SpecFormat.JSON);
        assertThat(SpecLoader.detectFormat(null, SpecWriter.toYaml(spec))).isEqualTo(SpecFormat.YAML);
    }

    @Example
    void aSpecThatUsesEverySectionRoundTripsInEveryFormat() {
        ProjectSpec spec = ProjectSpec.builder("Shop: *the* <best> #1", ProjectType.WEB_APP)
                .complexity(Complexity.EXTREME)
                .description("First line\nsecond [line]\n\n1. not a list")
                .objectives(List.of("- not a bullet", "null"))
                .features(List.of("[ ] not a checkbox", "`code`"), List.of("&amp; stays"))
                .techStack(List.of("Language: Java 17"))
                .architectureHints(List.of("> not a quote"))
                .technicalPreferences(List.of("# not a heading"))
                .qualityRequirements(List.of("80%"))
                .outputExpectations(List.of("a \\ backslash"))
                .extras(Map.of("Glossary", List.of("SKU: stock keeping unit")))
                .build();

        for (SpecFormat format : SpecFormat.values()) {
            String text = switch (format) {
                case MARKDOWN -> SpecWriter.toMarkdown(spec);
                case YAML -> SpecWriter.toYaml(spec);
                case JSON -> SpecWriter.toJson(spec);
            };
            assertThat(loader.load(text, format, "<" + format.id() + ">")).as(text).isEqualTo(spec);
        }
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<ProjectSpec> validSpecs() {
        Arbitrary<List<String>> items = text(6).list().ofMaxSize(5);
        Arbitrary<Features> features = Combinators.combine(items, items).as(Features::new);
        return Combinators.combine(name(), description(), Arbitraries.of(ProjectType.class),
                Arbitraries.of(Complexity.class), items, features, items.list().ofSize(5), extras())
                .as((name, description, type, complexity, objectives, feats, lists, extras) -> new ProjectSpec(
                        name, description, type, complexity, objectives, feats, lists.get(0), lists.get(1),
                        lists.get(2), lists.get(3), lists.get(4), extras));
    }

    private static Arbitrary<String> word() {
        Arbitrary<String> plain = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').ofMinLength(1).ofMaxLength(8);
        return Arbitraries.frequencyOf(Tuple.of(3, plain), Tuple.of(2, Arbitraries.of(TRICKY)));
    }

    /** One to {@code maxWords} words joined by single spaces: stripped and never blank. */
    private static Arbitrary<String> text(int maxWords) {
        return word().list().ofMinSize(1).ofMaxSize(maxWords).map(words -> String.join(" ", words));
    }

    private static Arbitrary<String> name() {
        return text(5).filter(name -> name.length() <= ProjectSpec.MAX_NAME_LENGTH);
    }

    /** Paragraphs of lines, as Markdown can hold them: paragraphs split by one blank line, lines by a newline. */
    private static Arbitrary<String> description() {
        Arbitrary<String> paragraph = text(6).list().ofMinSize(1).ofMaxSize(3).map(lines -> String.join("\n", lines));
        return paragraph.list().ofMaxSize(3).map(paragraphs -> String.join("\n\n", paragraphs));
    }

    /**
     * Extras as Markdown can hold them: the name is not itself a section name (it would read back as that section)
     * and entries are not blank.
     */
    private static Arbitrary<Map<String, List<String>>> extras() {
        Arbitrary<String> key = text(3).filter(k -> !MarkdownSpecReader.namesSection(k));
        Arbitrary<List<String>> entries = text(6).list().ofMaxSize(4);
        return Combinators.combine(key, entries).as(Map::entry).list().ofMaxSize(3).map(list -> {
            Map<String, List<String>> map = new LinkedHashMap<>();
            list.forEach(e -> map.putIfAbsent(e.getKey(), e.getValue()));
            return map;
        });
    }
}

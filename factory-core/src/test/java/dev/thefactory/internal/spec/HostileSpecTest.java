package dev.thefactory.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.SpecLimits;
import dev.thefactory.api.SpecValidationException;
import dev.thefactory.api.SpecValidationException.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile specs: each must end in a typed {@link SpecValidationException} naming the field, quickly and without a
 * {@link StackOverflowError} or {@link OutOfMemoryError}. The 10 s timeout is only a hang guard; the measured times
 * (all well under 2 s, most a few milliseconds) are recorded in {@code docs/spec-format.md}.
 */
class HostileSpecTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(10);
    private static final int DEEP = 200_000;
    private static final String SOURCE = "<hostile>";

    /** Counts instances of {@link Gadget}; a honoured YAML tag would create one. */
    static final AtomicInteger GADGETS = new AtomicInteger();

    /** A class a YAML {@code !!} tag could name; it must never be instantiated by the spec reader. */
    public static final class Gadget {
        /** Counts itself. */
        public Gadget() {
            GADGETS.incrementAndGet();
        }

        /** @param value ignored; counts itself */
        public Gadget(String value) {
            this();
        }
    }

    @TempDir
    Path dir;

    private final SpecLoader loader = new SpecLoader(SpecLimits.defaults());

    /** Runs the load under the hang guard and returns the typed exception it must throw. */
    private static SpecValidationException rejects(Supplier<ProjectSpec> load) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            SpecValidationException e = catchThrowableOfType(SpecValidationException.class, load::get);
            assertThat(e).as("a typed SpecValidationException").isNotNull();
            return e;
        });
    }

    private SpecValidationException rejects(String content, SpecFormat format) {
        return rejects(() -> loader.load(content, format, SOURCE));
    }

    private static Violation only(SpecValidationException e) {
        assertThat(e.violations()).hasSize(1);
        return e.violations().get(0);
    }

    // ------------------------------------------------------------------ YAML aliases and tags

    @Test
    void billionLaughsIsStoppedByTheAliasLimit() {
        StringBuilder yaml = new StringBuilder("name: Laughs\ntype: library\nlol0: &l0 [\"lol\",\"lol\",\"lol\","
                + "\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int level = 1; level <= 9; level++) {
            yaml.append("lol").append(level).append(": &l").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i > 0 ? "," : "").append("*l").append(level - 1);
            }
            yaml.append("]\n");
        }

        Violation v = only(rejects(yaml.toString(), SpecFormat.YAML));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.message()).contains("more than 50 YAML aliases", "SpecLimits.maxAliases");
        assertThat(v.line()).isEqualTo(9); // the 51st alias is on the 6th "lolN" line
    }

    @Test
    void aliasesWithinTheLimitDoNotExpandExponentiallyIntoExtras() {
        // 4 levels of 9 aliases = 36 aliases, 9^5 leaves when fully expanded; rendering is capped per entry
        StringBuilder yaml = new StringBuilder("name: Laughs\ntype: library\nl0: &l0 [\"lol\",\"lol\",\"lol\","
                + "\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int level = 1; level <= 4; level++) {
            yaml.append('l').append(level).append(": &l").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i > 0 ? "," : "").append("*l").append(level - 1);
            }
            yaml.append("]\n");
        }
        SpecLoader tight = new SpecLoader(new SpecLimits(1L << 20, 64, 1_000, 50));

        SpecValidationException e = rejects(() -> tight.load(yaml.toString(), SpecFormat.YAML, SOURCE));

        assertThat(e.violations()).isNotEmpty().allSatisfy(v -> {
            assertThat(v.field()).startsWith("extras[l");
            assertThat(v.message()).contains("expands to more than 1000 characters");
        });
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "loop: &a [x, *a]\n",
            "loop: &a {x: *a}\n",
            "features: &f {core: *f}\n",
            "objectives: &o [*o]\n"})
    void aRecursiveAliasEndsInAReportNotALoop(String recursive) {
        SpecLoader tight = new SpecLoader(new SpecLimits(1L << 20, 64, 1_000, 50));

        SpecValidationException e = rejects(() -> tight.load("name: X\ntype: library\n" + recursive,
                SpecFormat.YAML, SOURCE));

        assertThat(e.violations()).isNotEmpty().allSatisfy(v -> assertThat(v.line()).isEqualTo(3));
    }

    @Test
    void anAliasToAnUndefinedAnchorIsASyntaxError() {
        Violation v = only(rejects("name: X\ntype: library\nobjectives: *nowhere\n", SpecFormat.YAML));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.line()).isEqualTo(3);
    }

    @Test
    void javaTypeTagsAreReportedAndNeverInstantiated() {
        String gadget = Gadget.class.getName();
        String yaml = "name: !!" + gadget + " [\"x\"]\n"
                + "type: library\n"
                + "objectives:\n"
                + "  - !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL "
                + "[\"http://localhost:1/\"]]]]\n"
                + "description: !!" + gadget + " plain\n";
        int before = GADGETS.get();

        SpecValidationException e = rejects(yaml, SpecFormat.YAML);

        assertThat(GADGETS.get()).as("no tagged class was instantiated").isEqualTo(before);
        assertThat(e.violations()).filteredOn(v -> v.message().contains("YAML tag"))
                .extracting(Violation::field, Violation::line)
                .contains(org.assertj.core.groups.Tuple.tuple("name", 1),
                        org.assertj.core.groups.Tuple.tuple("objectives[0]", 4),
                        org.assertj.core.groups.Tuple.tuple("description", 5));
        assertThat(e.violations()).filteredOn(v -> v.field().equals("name"))
                .extracting(Violation::invalidValue).contains("!!" + gadget);
    }

    @Test
    void aLocalTagOnAPlainValueIsReportedToo() {
        Violation v = only(rejects("name: X\ntype: !custom library\n", SpecFormat.YAML));

        assertThat(v.field()).isEqualTo("type");
        assertThat(v.message()).contains("YAML tag", "never honoured");
        assertThat(v.line()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ nesting

    @Test
    void jsonNested200000DeepIsRejectedByDepth() {
        String json = "{\"name\":\"X\",\"type\":\"library\",\"extras\":" + "[".repeat(DEEP) + "]".repeat(DEEP) + "}";

        Violation v = only(rejects(json, SpecFormat.JSON));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.message()).contains("nests deeper than the limit of 64 levels");
        assertThat(v.line()).isEqualTo(1);
    }

    @Test
    void jsonObjectsNested200000DeepAreRejectedByDepth() {
        String json = "{\"\":".repeat(DEEP) + "1" + "}".repeat(DEEP);

        Violation v = only(rejects(json, SpecFormat.JSON));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.message()).contains("nests deeper than the limit of 64 levels");
    }

    @Test
    void yamlFlowSequencesNested200000DeepAcrossLinesAreRejectedByDepth() {
        String yaml = "[\n".repeat(DEEP) + "]\n".repeat(DEEP);

        Violation v = only(rejects(yaml, SpecFormat.YAML));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.message()).contains("nests deeper than the limit of 64 levels");
        assertThat(v.line()).isEqualTo(65);
    }

    @Test
    void yamlNested200000DeepOnOneLineIsRejectedByTheLineLimitBeforeParsing() {
        String yaml = "name: X\ntype: library\nobjectives: " + "[".repeat(DEEP) + "]".repeat(DEEP) + "\n";

        Violation v = only(rejects(yaml, SpecFormat.YAML));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.message()).contains("line 3 is 400012 characters long, more than the limit of 100000");
        assertThat(v.line()).isEqualTo(3);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"[", "{a: ", "- "})
    void yamlNested200000DeepOnOneLineIsRejectedByDepthWhenLinesMayBeLong(String opener) {
        SpecLoader longLines = new SpecLoader(new SpecLimits(30L << 20, 64, 10_000_000, 50));
        String closer = opener.equals("[") ? "]" : opener.equals("{a: ") ? "}" : "";
        String yaml = "name: X\ntype: library\nobjectives:\n  " + opener.repeat(DEEP) + "x" + closer.repeat(DEEP)
                + "\n";

        Violation v = only(rejects(() -> longLines.load(yaml, SpecFormat.YAML, SOURCE)));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.message()).contains("nests deeper than the limit of 64 levels");
        assertThat(v.line()).isEqualTo(4);
    }

    @Test
    void markdownBlockQuotesNested200000DeepAreRejected() {
        String md = "# X\n\n## Type: library\n\n" + ">".repeat(DEEP) + " deep\n";

        Violation v = only(rejects(md, SpecFormat.MARKDOWN));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.line()).isEqualTo(5);
    }

    @Test
    void markdownBlockQuotesNested200000DeepAreRejectedByDepthWhenLinesMayBeLong() {
        SpecLoader longLines = new SpecLoader(new SpecLimits(30L << 20, 64, 10_000_000, 50));
        String md = "# X\n\n## Type: library\n\n" + "> ".repeat(DEEP) + "deep\n";

        Violation v = only(rejects(() -> longLines.load(md, SpecFormat.MARKDOWN, SOURCE)));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.message()).contains("nests block quotes or lists deeper than the limit of 64 levels");
        assertThat(v.line()).isEqualTo(5);
    }

    @Test
    void markdownListItemsNested200000DeepAreRejectedByDepthWhenLinesMayBeLong() {
        SpecLoader longLines = new SpecLoader(new SpecLimits(30L << 20, 64, 10_000_000, 50));
        String md = "# X\n\n## Type: library\n\n## Objectives\n\n" + "- 1. * + ".repeat(DEEP / 4) + "deep\n";

        Violation v = only(rejects(() -> longLines.load(md, SpecFormat.MARKDOWN, SOURCE)));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.message()).contains("nests block quotes or lists deeper than the limit of 64 levels");
        assertThat(v.line()).isEqualTo(7);
    }

    @Test
    void markdownListsNestedByIndentationAcrossLinesAreRejectedByDepth() {
        // each line opens 60 more list levels, indented under the previous line's content: no single line breaks the
        // pre-scan, so the nesting is only visible in the parsed tree
        StringBuilder md = new StringBuilder("# X\n\n## Type: library\n\n## Objectives\n\n");
        int indent = 0;
        for (int line = 0; line < 40; line++) {
            md.append(" ".repeat(indent)).append("- ".repeat(60)).append("item\n");
            indent += 120;
        }
        SpecLoader big = new SpecLoader(new SpecLimits(30L << 20, 64, 10_000_000, 50));

        Violation v = only(rejects(() -> big.load(md.toString(), SpecFormat.MARKDOWN, SOURCE)));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.message()).contains("nests block quotes or lists deeper than the limit of 64 levels");
        assertThat(v.line()).isEqualTo(8);
    }

    @Test
    void markdownWithinTheDepthLimitStillParses() {
        String md = "# X\n\n## Type: library\n\n" + "> ".repeat(60) + "## Objectives\n" + "> ".repeat(60) + "- deep\n";

        ProjectSpec spec = assertTimeoutPreemptively(HANG_GUARD, () -> loader.load(md, SpecFormat.MARKDOWN, SOURCE));

        assertThat(spec.objectives()).containsExactly("deep");
    }

    @Test
    void markdownIndentedPastTheDepthLimitIsRejectedBeforeParsing() {
        String md = "# X\n\n## Type: library\n\n## Objectives\n\n- a\n" + " ".repeat(130) + "- b\n";

        Violation v = only(rejects(md, SpecFormat.MARKDOWN));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.message()).contains("nests block quotes or lists deeper than the limit of 64 levels at line 8",
                "indentation");
        assertThat(v.line()).isEqualTo(8);
    }

    @Test
    void aMarkdownParagraphLongerThanTheStringLimitIsRejectedBeforeParsing() {
        String md = "# X\n\n## Type: library\n\n## Notes\n\n- item\n\n" + "> plain words without markup\n".repeat(4_000);

        Violation v = only(rejects(md, SpecFormat.MARKDOWN));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.message()).contains("the paragraph starting at line 9 is more than 100000 characters long");
        assertThat(v.line()).isEqualTo(9);
    }

    @ParameterizedTest
    @EnumSource(SpecFormat.class)
    void manyUnbalancedOpeningBracketsOnOneLineFinishQuickly(SpecFormat format) {
        // "<" is the costly one for commonmark: its autolink parser searches the rest of the paragraph for ">"
        String body = "[".repeat(90_000);
        String content = switch (format) {
            case MARKDOWN -> "# X\n\n## Type: library\n\n## Objectives\n\n- " + body + "\n- <a " + "_*<".repeat(30_000)
                    + "\n";
            case YAML -> "name: X\ntype: library\nobjectives: " + body + "\n";
            case JSON -> "{\"name\":\"X\",\"type\":\"library\",\"objectives\":" + body;
        };

        Violation v = only(rejects(content, format));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        if (format == SpecFormat.MARKDOWN) {
            assertThat(v.message()).contains("the paragraph starting at line 7 holds more than 10000 Markdown markup "
                    + "characters");
        }
    }

    @Test
    void markupJustUnderTheParagraphLimitIsParsedQuickly() {
        // 9 990 emphasis and bracket characters in each of two items: commonmark's delimiter processing is worse
        // than linear, the markup limit keeps it to milliseconds
        String md = "# X\n\n## Type: library\n\n## Notes\n\n- " + "_*".repeat(4_995) + "\n\n- "
                + "[![".repeat(3_330) + "\n";

        ProjectSpec spec = assertTimeoutPreemptively(HANG_GUARD, () -> loader.load(md, SpecFormat.MARKDOWN, SOURCE));

        assertThat(spec.extras().get("Notes")).hasSize(2);
    }

    @Test
    void codeInATopLevelFenceDoesNotCountAsMarkup() {
        String code = "x = a * b * c; y = a_b[c] & d; // <markup> `chars`\n".repeat(1_000);
        String md = "# X\n\n## Type: library\n\n## Appendix\n\n```java\n" + code + "```\n\n~~~~\n" + code
                + "~~~~\n";

        ProjectSpec spec = assertTimeoutPreemptively(HANG_GUARD, () -> loader.load(md, SpecFormat.MARKDOWN, SOURCE));

        assertThat(spec.extras().get("Appendix")).hasSize(2_000)
                .first().isEqualTo("x = a * b * c; y = a_b[c] & d; // <markup> `chars`");
    }

    @Test
    void aFenceInsideAQuoteDoesNotHideTheParagraphsAfterIt() {
        String md = "# X\n\n## Type: library\n\n> ```\n\n" + "a_*".repeat(6_000) + "\n";

        Violation v = only(rejects(md, SpecFormat.MARKDOWN));

        assertThat(v.message()).contains("the paragraph starting at line 7 holds more than 10000 Markdown markup");
    }

    // ------------------------------------------------------------------ size

    @Test
    void a30MegabyteFileIsRejectedBeforeItIsRead() throws IOException {
        Path file = dir.resolve("huge.md");
        byte[] line = "- padding padding padding padding padding padding padding padding padding padding\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (var out = Files.newOutputStream(file)) {
            out.write("# Huge\n\n## Type: library\n\n## Objectives\n\n".getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < 30L << 20; written += line.length) {
                out.write(line);
            }
        }

        Violation v = only(rejects(() -> loader.load(file)));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.message()).contains("more than the limit of 1048576 bytes", "SpecLimits.maxBytes");
    }

    @ParameterizedTest
    @EnumSource(SpecFormat.class)
    void a30MegabyteStringIsRejectedBeforeParsing(SpecFormat format) {
        String huge = "x".repeat(30 << 20);

        Violation v = only(rejects(huge, format));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.message()).contains("31457280 characters", "more than the limit of 1048576 bytes");
    }

    @Test
    void theSizeCapCountsUtf8BytesNotCharacters() {
        // 400 000 three-byte characters: 1.2 MB of UTF-8 in fewer than 1 MiB characters
        String content = "# X\n\n## Type: library\n\n" + "€".repeat(400_000);

        Violation v = only(rejects(content, SpecFormat.MARKDOWN));

        assertThat(v.message()).contains("bytes, more than the limit of 1048576 bytes");
    }

    @Test
    void theSizeCapIsConfigurable() {
        SpecLoader small = new SpecLoader(SpecLimits.defaults().withMaxBytes(100));
        String spec = "name: A name that is long enough\ntype: library\ndescription: " + "d".repeat(80) + "\n";

        Violation v = only(rejects(() -> small.load(spec, SpecFormat.YAML, SOURCE)));

        assertThat(v.message()).contains("more than the limit of 100 bytes");
        assertThat(loader.load(spec, SpecFormat.YAML, SOURCE).name()).isEqualTo("A name that is long enough");
    }

    @ParameterizedTest
    @EnumSource(SpecFormat.class)
    void aOneMegabyteSingleLineIsRejectedByTheStringLimit(SpecFormat format) {
        String text = "a".repeat(1_000_000);
        String content = switch (format) {
            case MARKDOWN -> "# X\n\n## Type: library\n\n" + text + "\n";
            case YAML -> "name: X\ntype: library\ndescription: " + text + "\n";
            case JSON -> "{\"name\":\"X\",\"type\":\"library\",\"description\":\"" + text + "\"}";
        };

        Violation v = only(rejects(content, format));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.message()).contains("limit of 100000", "SpecLimits.maxStringLength");
        assertThat(v.line()).isEqualTo(format == SpecFormat.JSON ? 1 : format == SpecFormat.YAML ? 3 : 5);
    }

    @Test
    void aLongKeyIsRejectedByTheStringLimit() {
        String json = "{\"name\":\"X\",\"type\":\"library\",\"" + "k".repeat(200_000) + "\":[]}";

        Violation v = only(rejects(json, SpecFormat.JSON));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.message()).contains("longer than the limit of 100000");
    }

    @ParameterizedTest
    @EnumSource(SpecFormat.class)
    void hundredsOfThousandsOfItemsStopTheReadingEarly(SpecFormat format) {
        int count = 200_000;
        String content = switch (format) {
            case MARKDOWN -> "# X\n\n## Type: library\n\n## Objectives\n\n" + "- \n".repeat(count);
            case YAML -> "name: X\ntype: library\nobjectives:\n" + "- ''\n".repeat(count);
            case JSON -> "{\"name\":\"X\",\"type\":\"library\",\"objectives\":[\n" + "\"\",\n".repeat(count - 1)
                    + "\"\"]}";
        };

        Violation v = only(rejects(content, format));

        if (format == SpecFormat.MARKDOWN) {
            assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
            assertThat(v.message()).contains("holds more than 5000 paragraphs, list items and headings",
                    "the first one too many is at line 5004");
            assertThat(v.line()).isEqualTo(5_004);
        } else {
            assertThat(v.field()).isEqualTo("objectives");
            assertThat(v.message()).isEqualTo("has more than 10000 entries; a list or section holds at most 500, "
                    + "remove the surplus");
            assertThat(v.line()).isEqualTo(format == SpecFormat.YAML ? 10_004 : 10_002);
        }
    }

    @ParameterizedTest
    @EnumSource(SpecFormat.class)
    void aListOverTheEntryLimitIsReportedOnceWithItsCountNotOncePerEntry(SpecFormat format) {
        int count = 3_000;
        String content = switch (format) {
            case MARKDOWN -> "# X\n\n## Type: library\n\n## Objectives\n\n" + "- \n".repeat(count);
            case YAML -> "name: X\ntype: library\nobjectives:\n" + "- ''\n".repeat(count);
            case JSON -> "{\"name\":\"X\",\"type\":\"library\",\n\"objectives\":[" + "\"\",".repeat(count - 1)
                    + "\"\"]}";
        };

        SpecValidationException e = rejects(content, format);

        // the first 500 (blank) entries are validated; the 2 500 beyond are counted, not kept
        assertThat(e.violations()).hasSize(SpecDraft.MAX_VIOLATIONS + 1);
        assertThat(e.violations().get(0).field()).isEqualTo("objectives");
        assertThat(e.violations().get(0).message()).isEqualTo("has 3000 entries, more than 500 entries; merge or "
                + "drop entries (only the first 500 were read)");
        assertThat(e.violations().get(0).line()).isEqualTo(format == SpecFormat.JSON ? 2 : format == SpecFormat.YAML
                ? 3 : 5);
        assertThat(e.violations().get(1).field()).isEqualTo("objectives[0]");
        assertThat(e.violations().get(SpecDraft.MAX_VIOLATIONS).field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(e.violations().get(SpecDraft.MAX_VIOLATIONS).message())
                .isEqualTo("and 401 more problems not listed; fix the ones above and run again");
        assertThat(e.getMessage().length()).isLessThan(20_000);
    }

    // ------------------------------------------------------------------ characters and encoding

    @Test
    void aNulCharacterInTheTextIsRejectedWithItsLine() {
        Violation v = only(rejects("# Bad\0Name\n\n## Type: library\n", SpecFormat.MARKDOWN));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.message()).contains("1 NUL character", "first at line 1");
        assertThat(v.line()).isEqualTo(1);
    }

    @Test
    void anEscapedNulInAJsonNameIsReportedOnTheNameField() {
        SpecValidationException e = rejects("{\n\"name\": \"Bad\\u0000Name\",\n\"type\": \"library\"\n}",
                SpecFormat.JSON);

        Violation v = only(e);
        assertThat(v.field()).isEqualTo("name");
        assertThat(v.message()).contains("NUL");
        assertThat(v.invalidValue()).isEqualTo("Bad\\u0000Name");
        assertThat(v.line()).isEqualTo(2);
    }

    @Test
    void anEscapedNulInAYamlNameIsReportedOnTheNameField() {
        Violation v = only(rejects("type: library\nname: \"Bad\\0Name\"\n", SpecFormat.YAML));

        assertThat(v.field()).isEqualTo("name");
        assertThat(v.line()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(SpecFormat.class)
    void controlCharactersInTheNameAreRejected(SpecFormat format) {
        String content = switch (format) {
            case MARKDOWN -> "# Esc\u001b[31mape\n\n## Type: library\n";
            case YAML -> "name: \"Esc\\e[31mape\"\ntype: library\n";
            case JSON -> "{\"name\": \"Esc\\u001b[31mape\", \"type\": \"library\"}";
        };

        Violation v = only(rejects(content, format));

        assertThat(v.field()).isEqualTo("name");
        assertThat(v.message()).isEqualTo(ProjectSpec.NO_CONTROL_MESSAGE);
        assertThat(v.invalidValue()).isEqualTo("Esc\\u001b[31mape");
        assertThat(v.line()).isEqualTo(1);
    }

    @Test
    void invalidUtf8IsReportedWithItsByteOffsetAndLine() throws IOException {
        Path file = dir.resolve("broken.md");
        byte[] head = "# Caf\u00e9\n\n## Type: library\n\nbroken ".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3; // a lead byte ...
        bytes[head.length + 1] = (byte) 0x28; // ... followed by '(' instead of a continuation byte
        bytes[head.length + 2] = '\n';
        Files.write(file, bytes);

        Violation v = only(rejects(() -> loader.load(file)));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.message()).contains("not valid UTF-8", "0xC3", "byte offset " + head.length);
        assertThat(v.line()).isEqualTo(5);
    }

    @Test
    void aTruncatedUtf8SequenceAtTheEndIsReported() throws IOException {
        Path file = dir.resolve("truncated.yaml");
        byte[] head = "name: X\ntype: library\ndescription: \u20ac".getBytes(StandardCharsets.UTF_8);
        Files.write(file, java.util.Arrays.copyOf(head, head.length - 1));

        Violation v = only(rejects(() -> loader.load(file)));

        assertThat(v.message()).contains("not valid UTF-8", "byte offset " + (head.length - 3));
        assertThat(v.line()).isEqualTo(3);
    }

    @Test
    void anUnpairedSurrogateInAStringIsRejected() {
        Violation v = only(rejects("# X\n\n## Type: library\n\nbad \uD800 char\n", SpecFormat.MARKDOWN));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.message()).contains("unpaired UTF-16 surrogate (U+D800)");
        assertThat(v.line()).isEqualTo(5);
    }

    // ------------------------------------------------------------------ duplicates and shapes

    @Test
    void duplicateJsonKeysAreRejectedWithThePath() {
        Violation v = only(rejects("{\n\"name\": \"A\",\n\"type\": \"library\",\n\"name\": \"B\"\n}", SpecFormat.JSON));

        assertThat(v.field()).isEqualTo("name");
        assertThat(v.message()).contains("duplicate key 'name'");
        assertThat(v.line()).isEqualTo(4);
    }

    @Test
    void duplicateYamlKeysAreRejectedWithThePath() {
        Violation v = only(rejects("name: A\ntype: library\nfeatures:\n  core: [a]\n  core: [b]\n", SpecFormat.YAML));

        assertThat(v.field()).isEqualTo("features.core");
        assertThat(v.message()).contains("duplicate key 'core'");
        assertThat(v.line()).isEqualTo(5);
    }

    @Test
    void twoSpellingsOfOneFieldAreRejected() {
        SpecValidationException e = rejects("name: A\ntype: library\ntech_stack: [Java]\ntechStack: [Go]\n",
                SpecFormat.YAML);

        Violation v = only(e);
        assertThat(v.field()).isEqualTo("techStack");
        assertThat(v.message()).contains("is given twice, as 'tech_stack' and as 'techStack'");
        assertThat(v.line()).isEqualTo(4);
    }

    @Test
    void moreThanOneYamlDocumentIsRejected() {
        Violation v = only(rejects("name: A\ntype: library\n---\nname: B\ntype: library\n", SpecFormat.YAML));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.message()).contains("more than one YAML document");
    }

    @ParameterizedTest
    @EnumSource(value = SpecFormat.class, names = {"YAML", "JSON"})
    void aTopLevelListIsRejected(SpecFormat format) {
        Violation v = only(rejects(format == SpecFormat.JSON ? "[1, 2]" : "- 1\n- 2\n", format));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.message()).contains("at the top level", "a list");
    }

    @Test
    void truncatedJsonIsASyntaxErrorWithItsLine() {
        Violation v = only(rejects("{\n\"name\": \"A\",\n\"type\": \"libr", SpecFormat.JSON));

        assertThat(v.field()).isEqualTo(SpecDraft.DOCUMENT);
        assertThat(v.message()).startsWith("is not valid JSON");
        assertThat(v.line()).isEqualTo(3);
    }

    @Test
    void aMissingFileAndADirectoryAreReportedOnTheSpecField() {
        Violation missing = only(rejects(() -> loader.load(dir.resolve("nope.md"))));
        Violation directory = only(rejects(() -> loader.load(dir)));

        assertThat(missing.field()).isEqualTo("spec");
        assertThat(missing.message()).contains("does not exist");
        assertThat(directory.field()).isEqualTo("spec");
        assertThat(directory.message()).contains("is a directory");
    }
}

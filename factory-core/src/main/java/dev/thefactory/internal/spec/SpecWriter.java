package dev.thefactory.internal.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.thefactory.api.ProjectSpec;
import java.util.List;
import java.util.Objects;

/**
 * Writes a spec back out as Markdown (template style), YAML or JSON. Reading the output with {@link SpecLoader} gives
 * the same spec, within what each format can say:
 * <ul>
 *   <li>YAML and JSON hold every spec exactly (unrecognised sections go under {@code extras}).</li>
 *   <li>Markdown normalizes whitespace the way Markdown does: items and description lines are stripped, a
 *       description keeps its paragraphs (blank-line separated) and line breaks but not blank lines beyond one; an
 *       extras section whose name is a known section name (e.g. {@code Objectives}) or starts with
 *       {@code Type:}-style text reads back as that section; blank extras entries are dropped.</li>
 * </ul>
 * Text is escaped so that it reads back literally: characters Markdown would interpret ({@code * _ ` [ ] < > & \})
 * are backslash-escaped, as is a leading character that would start a block ({@code # - + = ~ >}, {@code 1.}).
 *
 * <p>Stateless and thread-safe.
 */
public final class SpecWriter {

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private SpecWriter() {
    }

    /**
     * @param spec the spec; need not be valid (a missing type is left out)
     * @return the spec as a template-style Markdown document
     * @throws NullPointerException if {@code spec} is null
     */
    public static String toMarkdown(ProjectSpec spec) {
        Objects.requireNonNull(spec, "spec");
        StringBuilder md = new StringBuilder();
        String name = String.valueOf(spec.name());
        if (!MarkdownSpecReader.namesSection(name)) {
            // a title that reads as a section heading ("Objectives", "Type: x") is left out; the manifest names it
            md.append("# ").append(escape(name, true)).append("\n\n");
        }
        md.append("## MANIFEST\n\n");
        md.append("- **Name**: ").append(escape(name, false)).append('\n');
        if (spec.type() != null) {
            md.append("- **Type**: ").append(spec.type().id()).append('\n');
        }
        if (spec.complexity() != null) {
            md.append("- **Complexity**: ").append(spec.complexity().id()).append('\n');
        }
        if (!spec.description().isBlank()) {
            md.append("\n## DESCRIPTION\n\n");
            String[] paragraphs = spec.description().strip().split("\n\\s*\n");
            for (int i = 0; i < paragraphs.length; i++) {
                String[] lines = paragraphs[i].strip().split("\n");
                for (int j = 0; j < lines.length; j++) {
                    md.append(escape(lines[j].strip(), false)).append(j < lines.length - 1 ? "\\\n" : "\n");
                }
                if (i < paragraphs.length - 1) {
                    md.append('\n');
                }
            }
        }
        section(md, "OBJECTIVES", spec.objectives(), true);
        if (!spec.features().core().isEmpty() || !spec.features().extended().isEmpty()) {
            md.append("\n## FEATURES\n");
            subsection(md, "Core (MVP)", spec.features().core());
            subsection(md, "Extended", spec.features().extended());
        }
        section(md, "TECH STACK", spec.techStack(), false);
        section(md, "ARCHITECTURE HINTS", spec.architectureHints(), false);
        section(md, "TECHNICAL PREFERENCES", spec.technicalPreferences(), false);
        section(md, "QUALITY REQUIREMENTS", spec.qualityRequirements(), false);
        section(md, "OUTPUT EXPECTATIONS", spec.outputExpectations(), false);
        spec.extras().forEach((heading, lines) -> {
            md.append("\n## ").append(escape(heading, true)).append('\n');
            List<String> entries = lines.stream().filter(line -> !line.isBlank()).toList();
            if (!entries.isEmpty()) {
                md.append('\n');
                entries.forEach(line -> md.append("- ").append(escape(line.strip(), false)).append('\n'));
            }
        });
        return md.toString();
    }

    /**
     * @param spec the spec; need not be valid
     * @return the spec as YAML, keys as in {@link SpecJson}
     * @throws NullPointerException if {@code spec} is null
     */
    public static String toYaml(ProjectSpec spec) {
        try {
            return YAML.writeValueAsString(SpecJson.toTree(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings could not be written as YAML", e);
        }
    }

    /**
     * @param spec the spec; need not be valid
     * @return the spec as JSON, exactly {@link SpecJson#toJson(ProjectSpec)}
     * @throws NullPointerException if {@code spec} is null
     */
    public static String toJson(ProjectSpec spec) {
        return SpecJson.toJson(spec);
    }

    private static void section(StringBuilder md, String heading, List<String> items, boolean numbered) {
        if (items.isEmpty()) {
            return;
        }
        md.append("\n## ").append(heading).append("\n\n");
        for (int i = 0; i < items.size(); i++) {
            md.append(numbered ? (i + 1) + ". " : "- ").append(escape(items.get(i).strip(), false)).append('\n');
        }
    }

    private static void subsection(StringBuilder md, String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        md.append("\n### ").append(heading).append("\n\n");
        items.forEach(item -> md.append("- ").append(escape(item.strip(), false)).append('\n'));
    }

    /**
     * Backslash-escapes what Markdown would interpret: inline markup characters everywhere, a block-starting first
     * character, the {@code .}/{@code )} of a leading number, and in headings every {@code #} (a closing sequence).
     */
    static String escape(String text, boolean heading) {
        StringBuilder s = new StringBuilder(text.length() + 8);
        int leadingDigits = 0;
        while (leadingDigits < text.length() && Character.isDigit(text.charAt(leadingDigits))
                && text.charAt(leadingDigits) < 128) {
            leadingDigits++;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean always = "\\`*_[]<>&!".indexOf(c) >= 0;
            boolean first = i == 0 && c < 128 && isAsciiPunctuation(c);
            boolean afterNumber = i == leadingDigits && i > 0 && (c == '.' || c == ')');
            if (always || first || afterNumber || heading && c == '#') {
                s.append('\\');
            }
            s.append(c);
        }
        return s.toString();
    }

    private static boolean isAsciiPunctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }
}

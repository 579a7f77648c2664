package dev.thefactory.internal.spec;

import dev.thefactory.api.Complexity;
import dev.thefactory.api.Features;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.SpecValidationException.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a reader found in a spec document before it becomes a {@link ProjectSpec}: the raw field values, the 1-based
 * source line of every field and item (keyed by the violation path, e.g. {@code features.core[2]}), and the
 * problems found while reading. Mutable and confined to the reading thread.
 */
final class SpecDraft {

    /** The field name of whole-document problems. */
    static final String DOCUMENT = "(document)";

    /**
     * Most violations one report lists; the rest are summed up in one last violation, so that a hostile spec with
     * hundreds of thousands of bad entries still gives a short report.
     */
    static final int MAX_VIOLATIONS = 100;

    private record Scalar(String value, int line) {
    }

    /** Opens an inline code span in Markdown text (a noncharacter, removed from the input before parsing). */
    static final char CODE_OPEN = '\uFDD0';
    /** Closes an inline code span in Markdown text. */
    static final char CODE_CLOSE = '\uFDD1';

    private final SpecFormat format;
    private final Map<SpecField, Scalar> scalars = new EnumMap<>(SpecField.class);
    private final List<String> descriptionParts = new ArrayList<>();
    private final Map<String, List<String>> lists = new HashMap<>();
    /** Items given per list path, including those beyond {@link ProjectSpec#MAX_ITEMS} that were not kept. */
    private final Map<String, Integer> itemCounts = new HashMap<>();
    /** Source line of the first item beyond {@link ProjectSpec#MAX_ITEMS}, per list path. */
    private final Map<String, Integer> overflowLines = new LinkedHashMap<>();
    private final Map<String, List<String>> extras = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();
    private final List<Violation> violations = new ArrayList<>();
    private Scalar implicitName;

    SpecDraft(SpecFormat format) {
        this.format = format;
    }

    /**
     * Sets a single-valued field. Description parts are appended instead; any other field given twice is a violation.
     *
     * @param field a {@link SpecField.Kind#SCALAR} field
     * @param value the value as written, stripped
     * @param line  its source line, or 0
     */
    void setScalar(SpecField field, String value, int line) {
        if (field == SpecField.DESCRIPTION) {
            appendDescription(value, line);
            return;
        }
        value = plain(value);
        Scalar previous = scalars.get(field);
        if (previous != null) {
            violation(field.path(), "is given more than once" + (previous.line() > 0 ? " (first at line "
                    + previous.line() + ")" : "") + "; keep one", value, line);
            return;
        }
        scalars.put(field, new Scalar(value, line));
        mark(field.path(), line);
    }

    /** A Markdown {@code # Title}: the name unless the spec names one explicitly; the first one counts. */
    void setImplicitName(String value, int line) {
        if (implicitName == null) {
            implicitName = new Scalar(plain(value), line);
        }
    }

    boolean hasImplicitName() {
        return implicitName != null;
    }

    /** Appends a paragraph to the description; paragraphs are joined with a blank line. */
    void appendDescription(String paragraph, int line) {
        if (!paragraph.isBlank()) {
            descriptionParts.add(text(paragraph));
            mark(SpecField.DESCRIPTION.path(), line);
        }
    }

    /**
     * Appends an item to a list field. Items beyond {@link ProjectSpec#MAX_ITEMS} are counted but not kept; the list
     * is then reported once, by {@link #toSpec()}, instead of each surplus item being validated.
     *
     * @param path the list's path, e.g. {@code objectives} or {@code features.core}
     * @param text the item
     * @param line its source line, or 0
     * @return the path of the new item, e.g. {@code objectives[3]}
     */
    String addItem(String path, String text, int line) {
        int index = itemCounts.merge(path, 1, Integer::sum) - 1;
        String itemPath = path + "[" + index + "]";
        mark(path, line);
        if (index >= ProjectSpec.MAX_ITEMS) {
            overflowLines.putIfAbsent(path, line);
            return itemPath;
        }
        lists.computeIfAbsent(path, p -> new ArrayList<>()).add(text(text));
        mark(itemPath, line);
        return itemPath;
    }

    /** Opens an extras section (so that an empty one is kept) and records its line. */
    void startExtra(String key, int line) {
        extras.computeIfAbsent(key, k -> new ArrayList<>());
        mark(extrasPath(key), line);
    }

    /** Appends an entry to an extras section, opening it when needed. */
    void addExtra(String key, String text, int line) {
        startExtra(key, line);
        extras.get(key).add(text(text));
    }

    /** Records the line of a field or item unless one is known already. */
    void mark(String path, int line) {
        if (line > 0) {
            lines.putIfAbsent(path, line);
        }
    }

    void violation(String field, String message, String invalidValue, int line) {
        violations.add(new Violation(field, message, invalidValue == null ? null : text(invalidValue),
                Math.max(line, 0)));
    }

    /**
     * @param value Markdown text with its code spans marked ({@link #CODE_OPEN}, {@link #CODE_CLOSE})
     * @return the text as written, code spans between their backticks ({@code `mvn package`}): how requirement text,
     *         the description and extras keep it
     */
    private String text(String value) {
        if (format != SpecFormat.MARKDOWN || value.indexOf(CODE_OPEN) < 0) {
            return value;
        }
        return value.replace(String.valueOf(CODE_OPEN), "").replace(String.valueOf(CODE_CLOSE), "");
    }

    /**
     * @param value Markdown text with its code spans marked
     * @return the text with each code span's content only: a single value ({@code Type: `web_app`}) is its content
     */
    private String plain(String value) {
        if (format != SpecFormat.MARKDOWN || value.indexOf(CODE_OPEN) < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < value.length()) {
            int open = value.indexOf(CODE_OPEN, at);
            int close = open < 0 ? -1 : value.indexOf(CODE_CLOSE, open);
            if (open < 0 || close < 0) {
                out.append(value, at, value.length());
                break;
            }
            out.append(value, at, open);
            String span = value.substring(open + 1, close);
            int ticks = 0;
            while (ticks < span.length() && span.charAt(ticks) == '`') {
                ticks++;
            }
            String inner = span.substring(ticks, Math.max(ticks, span.length() - ticks));
            boolean padded = inner.length() >= 2 && inner.startsWith(" ") && inner.endsWith(" ")
                    && (inner.charAt(1) == '`' || inner.charAt(inner.length() - 2) == '`');
            out.append(padded ? inner.substring(1, inner.length() - 1) : inner);
            at = close + 1;
        }
        return out.toString().strip();
    }

    static String extrasPath(String key) {
        return "extras[" + key + "]";
    }

    /** @return every field path → 1-based line recorded so far */
    Map<String, Integer> lines() {
        return Collections.unmodifiableMap(lines);
    }

    /** @return the reading problems found so far, including those found by {@link #toSpec()} */
    List<Violation> violations() {
        return Collections.unmodifiableList(violations);
    }

    /**
     * Builds the spec. Resolves type and complexity (a missing or unknown one is a violation here; complexity defaults
     * to {@code simple}); the result is not yet validated against the model's constraints.
     *
     * @return the spec, possibly invalid
     */
    ProjectSpec toSpec() {
        Scalar name = scalars.getOrDefault(SpecField.NAME, implicitName);
        if (name != null) {
            mark(SpecField.NAME.path(), name.line());
        }
        if (name == null && !reported(SpecField.NAME.path())) {
            violation(SpecField.NAME.path(), "is missing; " + hint("Name", "My Project"), null, 0);
        }
        ProjectType type = resolveType();
        Complexity complexity = resolveComplexity();
        overflowLines.forEach((path, line) -> violation(path, "has " + itemCounts.get(path)
                + " entries, more than " + ProjectSpec.MAX_ITEMS + " entries; merge or drop entries (only the first "
                + ProjectSpec.MAX_ITEMS + " were read)", null, lines.getOrDefault(path, line)));
        return new ProjectSpec(name == null ? null : name.value(), String.join("\n\n", descriptionParts), type,
                complexity, list(SpecField.OBJECTIVES.path()),
                new Features(list(SpecField.FeatureGroup.CORE.path()), list(SpecField.FeatureGroup.EXTENDED.path())),
                list(SpecField.TECH_STACK.path()), list(SpecField.ARCHITECTURE_HINTS.path()),
                list(SpecField.TECHNICAL_PREFERENCES.path()), list(SpecField.QUALITY_REQUIREMENTS.path()),
                list(SpecField.OUTPUT_EXPECTATIONS.path()), extras);
    }

    private ProjectType resolveType() {
        Scalar type = scalars.get(SpecField.TYPE);
        if (type == null) {
            if (reported(SpecField.TYPE.path())) {
                return null; // e.g. given as a list: that is reported already, "missing" would only repeat it
            }
            violation(SpecField.TYPE.path(), "is missing; must be one of " + ProjectType.validIds() + "; "
                    + hint("Type", "web_app"), null, 0);
            return null;
        }
        Optional<ProjectType> found = ProjectType.find(type.value());
        if (found.isEmpty()) {
            violation(SpecField.TYPE.path(), "unknown type '" + type.value() + "'" + didYouMean(type.value(),
                    Arrays.stream(ProjectType.values()).map(ProjectType::id).toList()) + "; must be one of "
                    + ProjectType.validIds(), type.value(), type.line());
        }
        return found.orElse(null);
    }

    /** Words people use for a complexity, each with the identifier it means ("medium" is moderate). */
    private static final java.util.Map<String, String> COMPLEXITY_SYNONYMS = java.util.Map.ofEntries(
            java.util.Map.entry("medium", "moderate"), java.util.Map.entry("intermediate", "moderate"),
            java.util.Map.entry("mid", "moderate"), java.util.Map.entry("normal", "moderate"),
            java.util.Map.entry("average", "moderate"), java.util.Map.entry("easy", "simple"),
            java.util.Map.entry("basic", "simple"), java.util.Map.entry("low", "simple"),
            java.util.Map.entry("small", "simple"), java.util.Map.entry("hard", "complex"),
            java.util.Map.entry("high", "complex"), java.util.Map.entry("advanced", "complex"),
            java.util.Map.entry("large", "complex"), java.util.Map.entry("difficult", "complex"));

    private Complexity resolveComplexity() {
        Scalar complexity = scalars.get(SpecField.COMPLEXITY);
        if (complexity == null) {
            return Complexity.SIMPLE;
        }
        Optional<Complexity> found = Complexity.find(complexity.value());
        if (found.isEmpty()) {
            String synonym = COMPLEXITY_SYNONYMS.get(squeeze(complexity.value()));
            violation(SpecField.COMPLEXITY.path(), "unknown complexity '" + complexity.value() + "'"
                    + (synonym != null ? "; did you mean '" + synonym + "'?"
                            : didYouMean(complexity.value(), Arrays.stream(Complexity.values()).map(Complexity::id)
                                    .toList()))
                    + "; must be one of " + Complexity.validIds() + " (or leave it out for simple)",
                    complexity.value(), complexity.line());
        }
        return found.orElse(null);
    }

    /**
     * @param value an unknown value
     * @param ids   the valid identifiers
     * @return {@code ; did you mean 'web_app'?} when one identifier is the value without its separators or differs
     *         from it by at most two letters, else empty
     */
    static String didYouMean(String value, List<String> ids) {
        String wanted = squeeze(value);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String id : ids) {
            int distance = distance(wanted, squeeze(id));
            if (distance < bestDistance) {
                best = id;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.min(2, wanted.length() / 3) ? "; did you mean '" + best + "'?"
                : "";
    }

    /** @return the value in lower case without anything but letters and digits */
    private static String squeeze(String value) {
        return value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** @return the Levenshtein distance of two short texts (the caller bounds their length) */
    private static int distance(String a, String b) {
        if (a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** @return whether a problem with this exact field was recorded already */
    private boolean reported(String path) {
        return violations.stream().anyMatch(v -> v.field().equals(path));
    }

    private List<String> list(String path) {
        return lists.getOrDefault(path, List.of());
    }

    private String hint(String key, String example) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        return switch (format) {
            case MARKDOWN -> "add '- **" + key + "**: " + example + "' to the MANIFEST section"
                    + (key.equals("Name") ? " or a '# " + example + "' heading" : " or a '## " + key + ": "
                    + example + "' heading");
            case YAML -> "add '" + lower + ": " + example + "'";
            case JSON -> "add \"" + lower + "\": \"" + example + "\"";
        };
    }
}

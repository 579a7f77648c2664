package dev.thefactory.internal.spec;

import dev.thefactory.api.Complexity;
import dev.thefactory.api.Features;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.SpecValidationException.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
            implicitName = new Scalar(value, line);
        }
    }

    boolean hasImplicitName() {
        return implicitName != null;
    }

    /** Appends a paragraph to the description; paragraphs are joined with a blank line. */
    void appendDescription(String paragraph, int line) {
        if (!paragraph.isBlank()) {
            descriptionParts.add(paragraph);
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
        lists.computeIfAbsent(path, p -> new ArrayList<>()).add(text);
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
        extras.get(key).add(text);
    }

    /** Records the line of a field or item unless one is known already. */
    void mark(String path, int line) {
        if (line > 0) {
            lines.putIfAbsent(path, line);
        }
    }

    void violation(String field, String message, String invalidValue, int line) {
        violations.add(new Violation(field, message, invalidValue, Math.max(line, 0)));
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
            violation(SpecField.TYPE.path(), "unknown type '" + type.value() + "'; must be one of "
                    + ProjectType.validIds(), type.value(), type.line());
        }
        return found.orElse(null);
    }

    private Complexity resolveComplexity() {
        Scalar complexity = scalars.get(SpecField.COMPLEXITY);
        if (complexity == null) {
            return Complexity.SIMPLE;
        }
        Optional<Complexity> found = Complexity.find(complexity.value());
        if (found.isEmpty()) {
            violation(SpecField.COMPLEXITY.path(), "unknown complexity '" + complexity.value()
                    + "'; must be one of " + Complexity.validIds() + " (or leave it out for simple)",
                    complexity.value(), complexity.line());
        }
        return found.orElse(null);
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

package dev.thefactory.internal.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a feature written as a row of columns is read, the same for a Markdown table row and a YAML/JSON object
 * ({@code - title: Add books / priority: must}): one column holds the sentence, an optional priority column chooses
 * the group, a numbering column carries nothing, and any other column is refused, since what it says would be lost.
 */
final class FeatureColumns {

    /** Names of the column that holds the sentence (normalised keys). */
    private static final Set<String> SENTENCE = Set.of("feature", "features", "title", "description", "story",
            "userstory", "requirement", "requirements", "capability", "what");

    /** Names of the priority column. */
    private static final Set<String> PRIORITY = Set.of("priority", "moscow", "importance", "scope", "group");

    /** Names of a numbering column. */
    private static final Set<String> NUMBERING = Set.of("", "no", "nr", "number", "id", "ref", "key");

    private static final Set<String> CORE = Set.of("must", "musthave", "core", "high", "critical", "essential",
            "mvp", "p0", "p1");

    private static final Set<String> EXTENDED = Set.of("should", "shouldhave", "could", "couldhave", "nicetohave",
            "nice", "medium", "low", "later", "extended", "optional", "p2", "p3");

    private static final Set<String> WONT = Set.of("wont", "wonthave", "outofscope");

    /** Where extras keep the features marked won't, followed by the value as written. */
    static final String WONT_EXTRAS = "Features marked ";

    /** What a priority says of its feature. */
    enum Placement { CORE, EXTENDED, WONT, UNKNOWN }

    /** The roles of a row's columns: indexes into its names, -1 when absent. */
    record Roles(int sentence, int priority, List<String> lost) {
    }

    private FeatureColumns() {
    }

    /**
     * @param names the columns' names (a table's header cells, an object's keys) in order
     * @return which column is the sentence (the one named like {@code Feature}, else the first that is neither a
     *         priority nor a numbering column), which the priority, and the names of the columns that would be lost
     */
    static Roles roles(List<String> names) {
        int sentence = -1;
        int priority = -1;
        for (int c = 0; c < names.size(); c++) {
            String key = SpecField.normalizeKey(names.get(c));
            if (sentence < 0 && SENTENCE.contains(key)) {
                sentence = c;
            } else if (priority < 0 && PRIORITY.contains(key)) {
                priority = c;
            }
        }
        if (sentence < 0) {
            for (int c = 0; c < names.size() && sentence < 0; c++) {
                if (c != priority && !NUMBERING.contains(SpecField.normalizeKey(names.get(c)))) {
                    sentence = c;
                }
            }
        }
        List<String> lost = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            if (c != sentence && c != priority && !NUMBERING.contains(SpecField.normalizeKey(names.get(c)))) {
                lost.add(names.get(c));
            }
        }
        return new Roles(sentence, priority, List.copyOf(lost));
    }

    /**
     * @param names the columns' names
     * @return true when one of them names the sentence column ({@code title}, {@code feature}, ...), so an object
     *         with these keys is a feature written as columns, not a {@code key: value} line
     */
    static boolean namesASentence(List<String> names) {
        return names.stream().map(SpecField::normalizeKey).anyMatch(SENTENCE::contains);
    }

    /**
     * @param value a priority as written
     * @return the group it puts its feature in, {@link Placement#WONT} for a feature that is not wanted, or
     *         {@link Placement#UNKNOWN}
     */
    static Placement placement(String value) {
        String key = SpecField.normalizeKey(value);
        if (CORE.contains(key)) {
            return Placement.CORE;
        }
        if (EXTENDED.contains(key)) {
            return Placement.EXTENDED;
        }
        if (WONT.contains(key)) {
            return Placement.WONT;
        }
        Optional<SpecField.FeatureGroup> group = SpecField.FeatureGroup.forKey(key);
        return group.map(g -> g == SpecField.FeatureGroup.CORE ? Placement.CORE : Placement.EXTENDED)
                .orElse(Placement.UNKNOWN);
    }

    /**
     * Adds a feature written as columns to the draft: to the group its priority says, to {@code extras} when it is
     * marked won't, and as a violation when the priority is unknown.
     *
     * @param draft        the draft
     * @param groupPath    the group of the section it is in, for a feature without a priority
     * @param text         the sentence
     * @param priorityName the priority column's name; null when there is none
     * @param priority     the priority as written; empty when none is given
     * @param line         the source line
     */
    static void add(SpecDraft draft, String groupPath, String text, String priorityName, String priority, int line) {
        if (priorityName == null || priority.isEmpty()) {
            draft.addItem(groupPath, text, line);
            return;
        }
        switch (placement(priority)) {
            case CORE -> draft.addItem(SpecField.FeatureGroup.CORE.path(), text, line);
            case EXTENDED -> draft.addItem(SpecField.FeatureGroup.EXTENDED.path(), text, line);
            case WONT -> draft.addExtra(WONT_EXTRAS + priority, text, line);
            default -> draft.violation(groupPath, unknownPriority(priorityName, priority), priority, line);
        }
    }

    /**
     * @param name the column (or key) that would be lost
     * @return the violation message
     */
    static String lostColumn(String name) {
        return "has a feature with a column '" + name + "' whose content would be lost: a feature written as "
                + "columns holds its sentence and, optionally, a 'Priority' (must, should, could, nice to have, "
                + "won't); put what the column says into the sentence, or write the feature as one sentence";
    }

    /**
     * @param name  the priority column's name
     * @param value its value as written
     * @return the violation message
     */
    static String unknownPriority(String name, String value) {
        return "has a feature whose " + name + " '" + value + "' is not one the reader knows; write must (or core, "
                + "high) for a core feature, should (or could, nice to have, low) for an extended one, or won't for "
                + "one that is not wanted";
    }
}

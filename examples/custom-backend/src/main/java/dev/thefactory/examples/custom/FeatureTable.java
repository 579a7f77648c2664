package dev.thefactory.examples.custom;

import dev.thefactory.api.AgentException;
import dev.thefactory.api.Features;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The spec's features as the constants of the generated {@code Feature} enum, in spec order (core first), with
 * unique constant names and without features that repeat an earlier one. It travels between phases as the fact
 * {@value #FACT}, one feature per line, {@code CONSTANT<TAB>SCOPE<TAB>text} (a validated feature has no control
 * characters, so a tab cannot occur in it). Immutable and thread-safe.
 *
 * @param entries    the features, in order
 * @param duplicates features left out because they repeat an earlier one (compared ignoring case and outer space)
 */
record FeatureTable(List<Entry> entries, List<String> duplicates) {

    static final String FACT = "library.features";

    private static final int MAX_CONSTANT_LENGTH = 60;

    FeatureTable {
        entries = List.copyOf(entries);
        duplicates = List.copyOf(duplicates);
    }

    /** Where a feature belongs; the names match the generated {@code Scope} enum. */
    enum Scope {
        CORE, EXTENDED
    }

    /**
     * One feature.
     *
     * @param constant the enum constant's name, e.g. {@code ADD_A_TASK}
     * @param scope    core or extended
     * @param text     the feature as the spec wrote it
     */
    record Entry(String constant, Scope scope, String text) {
        Entry {
            Objects.requireNonNull(constant, "constant");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * @param features the spec's features
     * @return the table
     */
    static FeatureTable of(Features features) {
        List<Entry> entries = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        Set<String> constants = new HashSet<>();
        Set<String> texts = new HashSet<>();
        add(features.core(), Scope.CORE, entries, duplicates, constants, texts);
        add(features.extended(), Scope.EXTENDED, entries, duplicates, constants, texts);
        return new FeatureTable(entries, duplicates);
    }

    private static void add(List<String> features, Scope scope, List<Entry> entries, List<String> duplicates,
            Set<String> constants, Set<String> texts) {
        for (String feature : features) {
            String text = feature.strip();
            if (!texts.add(normalize(text))) {
                duplicates.add(text);
                continue;
            }
            String base = constantFor(text);
            String constant = base;
            for (int n = 2; !constants.add(constant); n++) {
                constant = base + "_" + n;
            }
            entries.add(new Entry(constant, scope, text));
        }
    }

    /** The same rule as the generated library's {@code find}: ignore outer space and case. */
    static String normalize(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private static String constantFor(String text) {
        String constant = text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (constant.length() > MAX_CONSTANT_LENGTH) {
            constant = constant.substring(0, MAX_CONSTANT_LENGTH).replaceAll("_+$", "");
        }
        if (constant.isEmpty()) {
            return "FEATURE";
        }
        return Character.isDigit(constant.charAt(0)) ? "F_" + constant : constant;
    }

    /** @return the table as the value of the fact {@value #FACT} */
    String encode() {
        StringBuilder s = new StringBuilder();
        for (Entry e : entries) {
            s.append(e.constant()).append('\t').append(e.scope().name()).append('\t').append(e.text()).append('\n');
        }
        return s.toString();
    }

    /**
     * @param fact the value of the fact {@value #FACT}
     * @return the table it encodes (without the duplicates, which are not part of the fact)
     * @throws AgentException (permanent) when the fact is malformed
     */
    static FeatureTable decode(String fact) {
        List<Entry> entries = new ArrayList<>();
        for (String line : fact.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\t", 3);
            if (parts.length != 3 || !parts[0].matches("[A-Z][A-Z0-9_]*")
                    || !(parts[1].equals("CORE") || parts[1].equals("EXTENDED"))) {
                throw AgentException.permanentFailure("fact '" + FACT + "' has a malformed line '" + line
                        + "'; expected CONSTANT<TAB>CORE|EXTENDED<TAB>text");
            }
            entries.add(new Entry(parts[0], Scope.valueOf(parts[1]), parts[2]));
        }
        return new FeatureTable(entries, List.of());
    }

    /**
     * @param scope a scope
     * @return how many features have it
     */
    long count(Scope scope) {
        return entries.stream().filter(e -> e.scope() == scope).count();
    }
}

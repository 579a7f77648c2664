package dev.thefactory.fallbacks.internal.domain;

import dev.thefactory.fallbacks.internal.domain.FeatureInterpreter.Interpretation;
import dev.thefactory.fallbacks.internal.domain.FeatureInterpreter.ValueList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The status values a spec names anywhere: a workflow ("new -&gt; in progress -&gt; resolved -&gt; closed") or a
 * value list after a status ("by status (requested, approved, rejected)") with more values than a yes/no status
 * tells apart. When a spec names them, "status" means one of them, never the yes/no field the simple backend
 * otherwise gives an entity. Stateless and thread-safe.
 */
final class StatusValues {

    private static final Pattern ARROW = Pattern.compile("\\s*(?:->|=>|\u2192|\u27f6|\u21d2)\\s*");
    private static final Pattern CLAUSE_END = Pattern.compile("[;,.:()]|\\s(?:and|but|then|or)\\s");
    private static final Set<String> STATUS = Set.of("status", "state");

    private StatusValues() {
    }

    /**
     * @param texts           every feature's text
     * @param interpretations their interpretations, in the same order
     * @return the status values named, lower case, in the order first named; empty when none or when they are
     *         only the two values a yes/no status tells apart ("open, completed")
     */
    static List<String> named(List<String> texts, List<Interpretation> interpretations) {
        Set<String> values = new LinkedHashSet<>();
        for (String text : texts) {
            String[] parts = ARROW.split(text.toLowerCase(Locale.ROOT), -1);
            if (parts.length < 3) {
                continue;
            }
            String[] first = parts[0].strip().split("\\s+");
            values.add(first[first.length - 1]);
            for (int i = 1; i < parts.length; i++) {
                String part = parts[i];
                java.util.regex.Matcher end = CLAUSE_END.matcher(part);
                values.add((end.find() ? part.substring(0, end.start()) : part).strip());
            }
        }
        for (Interpretation it : interpretations) {
            for (ValueList list : it.valueLists()) {
                if (list.fieldWords().size() == 1 && STATUS.contains(list.fieldWords().get(0))) {
                    values.addAll(list.values());
                }
            }
        }
        values.removeIf(String::isBlank);
        boolean yesNo = values.size() <= 2
                && values.stream().allMatch(v -> FeatureInterpreter.statusWord(v).isPresent());
        return yesNo ? List.of() : new ArrayList<>(values);
    }
}

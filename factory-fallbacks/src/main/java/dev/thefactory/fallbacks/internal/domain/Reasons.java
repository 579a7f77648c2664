package dev.thefactory.fallbacks.internal.domain;

import java.util.List;
import java.util.Set;

/**
 * Precise reasons for sentences the feature interpreter does not build, chosen by what the sentence says rather
 * than by the first word it recognises: a rule that limits a value ("cannot be requested for more than the stock
 * available"), a value the project would generate for each item ("gets a unique QR code"), a figure asked with
 * "how many", a sentence that says what an item holds without adding it ("Each ingredient has a name"), and a verb
 * the simple backend does not know, named as written ("'Compute' is ..."). Stateless and thread-safe.
 */
final class Reasons {

    private static final Set<String> NEGATIONS = Set.of("cannot", "never", "not");
    private static final Set<String> COMPARISONS = Set.of("more", "less", "fewer", "exceed", "exceeds", "exceeding",
            "greater", "higher", "lower", "larger", "smaller", "beyond", "above", "below", "over", "under", "than",
            "most", "least");
    private static final Set<String> RECEIVES = Set.of("gets", "get", "receives", "receive", "given", "assigned");
    private static final Set<String> GENERATED = Set.of("unique", "random", "generated", "sequential");
    private static final Set<String> UNDO = Set.of("undo", "undoes", "redo", "revert", "reverts", "rollback");
    private static final Set<String> GROUPED = Set.of("grouped", "group", "groups", "grouping");
    private static final Set<String> HOLDS = Set.of("has", "have", "holds", "contains", "consists");
    private static final Set<String> BEFORE_VERB = Set.of("can", "cannot", "may", "must", "should", "will", "to");

    private Reasons() {
    }

    /**
     * @param s a sentence
     * @return why it is not generated, whatever its verb, or null: a workflow of status values, a rule limiting a
     *         value, a rule the items must obey ("never overlap"), or a value generated for each item
     */
    static String early(Sentence s) {
        List<String> tokens = s.tokens();
        if (s.workflow() != null) {
            // "Appointments move through booked -> confirmed -> completed": status values, never a kind of item
            return "'" + s.workflow() + "' is a workflow of status values: where a feature filters by or sets the"
                    + " status, the generated status takes these values, but which value may follow which is not"
                    + " checked";
        }
        int first = verbAfterSubject(tokens);
        if (first < tokens.size() && (UNDO.contains(tokens.get(first)) || tokens.get(first).equals("roll")
                && first + 1 < tokens.size() && tokens.get(first + 1).equals("back"))) {
            // "Undo the last change": no item is named, and the generated code keeps no history
            return "'" + s.text(first, end(tokens, first)) + "' asks to take back earlier changes, which needs a"
                    + " history of changes: the generated code keeps only each item's current values, so undo is"
                    + " not generated";
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (GROUPED.contains(tokens.get(i)) && tokens.get(i + 1).equals("by") && i + 2 < tokens.size()) {
                // "Show the list grouped by aisle": items in groups, never an item called a "grouped"
                int stop = end(tokens, i);
                for (int k = i + 2; k < stop; k++) {
                    if (tokens.get(k).equals(",") || tokens.get(k).equals("and")) {
                        stop = k;
                        break;
                    }
                }
                String by = s.text(i + 2, stop);
                return "'" + s.text(i, stop) + "' asks for the items shown in groups, one per " + by + ", which is"
                        + " not generated: the simple backend lists all items, or those with one " + by
                        + " when a feature filters by it";
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (NEGATIONS.contains(token) && (!token.equals("not") || i > 0 && BEFORE_VERB.contains(tokens.get(i - 1))
                    || i > 0 && Set.of("do", "does", "must", "may", "should").contains(tokens.get(i - 1)))) {
                int end = end(tokens, i);
                for (int k = i + 1; k < end; k++) {
                    if (COMPARISONS.contains(tokens.get(k))) {
                        int from = i > 0 && BEFORE_VERB.contains(tokens.get(i - 1)) ? i - 1 : i;
                        return "'" + s.text(from, end) + "' is a rule that limits a value, which the generated code"
                                + " does not check: validation rules beyond required fields and value types are not"
                                + " generated";
                    }
                }
            }
            if (Set.of("never", "cannot").contains(token) || token.equals("not") && i > 0
                    && Set.of("must", "may", "should", "can", "do", "does").contains(tokens.get(i - 1))) {
                int verb = i + 1 < tokens.size() && Set.of("be", "ever").contains(tokens.get(i + 1)) ? i + 2 : i + 1;
                if (verb < tokens.size() && Character.isLetter(tokens.get(verb).charAt(0))
                        && FeatureInterpreter.lemma(tokens.get(verb)) == null
                        && !Lexicon.TERMINATORS.contains(tokens.get(verb))) {
                    // "Two appointments of the same dentist never overlap": a rule over the items, whatever the
                    // sentence starts with
                    return "'" + s.text(0, end(tokens, i)) + "' is a rule the items must obey, which the generated"
                            + " code does not check: rules beyond required fields and value types (such as items"
                            + " that must not overlap or conflict) are not generated";
                }
            }
            if (RECEIVES.contains(token)) {
                for (int k = i + 1; k < Math.min(i + 4, tokens.size()); k++) {
                    if (GENERATED.contains(tokens.get(k))) {
                        return "'" + s.text(i, end(tokens, i)) + "' asks the project to generate a value for each"
                                + " item (a code, a number, an image), which is not generated: items get only their"
                                + " id";
                    }
                }
            }
        }
        return null;
    }

    /**
     * @param s a sentence in which no verb of the lexicon was found
     * @return why it is not generated, naming its verb as written and what is missing
     */
    static String noVerb(Sentence s, String understands) {
        List<String> tokens = s.tokens();
        for (int i = 1; i < tokens.size(); i++) {
            if (HOLDS.contains(tokens.get(i))) {
                String noun = tokens.get(i - 1);
                if (noun.chars().allMatch(Character::isLetter) && !Sentence.FUNCTION_WORDS.contains(noun)) {
                    String plural = Inflector.plural(Inflector.singular(noun));
                    return "'" + s.text(0, end(tokens, 0)) + "' says what " + plural + " hold, but the simple backend builds items only from a feature that adds them (such"
                            + " as 'Add " + plural + " with a name'), and it has no operation verb";
                }
            }
        }
        int verb = verbAfterSubject(tokens);
        if (verb >= tokens.size() || !tokens.get(verb).chars().allMatch(Character::isLetter)) {
            return "no operation verb found; the simple backend understands " + understands;
        }
        String word = s.original(verb);
        if (Lexicon.IMPORT_VERBS.contains(tokens.get(verb))) {
            int from = tokens.subList(verb, tokens.size()).indexOf("from");
            String source = from < 0 ? "" : " " + s.text(verb + from, end(tokens, verb + from));
            return "'" + word + "'" + source + " is no operation verb the simple backend generates: it reads items"
                    + " only from CSV files ('Read orders from CSV files')" + (source.isEmpty() ? ""
                            : ", and" + source.substring(source.indexOf(' ', 1)) + " is not a CSV file");
        }
        return "'" + word + "' is no operation verb the simple backend generates; it understands " + understands;
    }

    /**
     * @param tokens a sentence's tokens
     * @return the index of the verb after a subject ("Reporters can file", "As a user, I want to book"), else 0
     */
    static int verbAfterSubject(List<String> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean modal = BEFORE_VERB.contains(token) && !token.equals("to");
            boolean wantTo = token.equals("to") && i > 0
                    && Set.of("want", "wants", "need", "needs", "able", "like").contains(tokens.get(i - 1));
            if (modal || wantTo) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * @param tokens a sentence's tokens
     * @param from   where to start
     * @return the index of the end of the clause: ";", "." or the end
     */
    private static int end(List<String> tokens, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).equals(";") || tokens.get(i).equals(".")) {
                return i;
            }
        }
        return tokens.size();
    }
}

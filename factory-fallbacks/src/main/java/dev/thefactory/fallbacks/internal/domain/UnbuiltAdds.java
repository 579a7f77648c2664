package dev.thefactory.fallbacks.internal.domain;

import dev.thefactory.fallbacks.internal.domain.FeatureInterpreter.Interpretation;
import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the kinds of item whose adding feature the simple backend could not build ("Reporters can file bugs with a
 * title, a description, ..." when "file" is not understood). Such an item is what that sentence says it holds; no
 * other feature ("Managers assign bugs to developers", "Filter bugs by severity") may build it from its own words,
 * since the fields it would invent are not the ones the spec gives. Stateless and thread-safe.
 */
final class UnbuiltAdds {

    /** Words after which a noun is said to hold fields: "bugs with a title", "each ingredient has a name". */
    private static final Set<String> HOLDS = Set.of("with", "has", "have", "holds", "contains");
    /** Words that, after "Verb items", say what the new item is made of: "Request transfers of a quantity". */
    private static final Set<String> MADE_OF = Set.of("of", "with", "from", "for", "to", "into", "on");

    private UnbuiltAdds() {
    }

    /**
     * @param texts           every feature's text, in order
     * @param interpretations every feature's interpretation, in the same order
     * @param names           the entity each understood feature names, or null
     * @return the entities no understood feature adds or imports but a feature that is not understood means to add,
     *         each with the index of the first such feature
     */
    static Map<String, Integer> find(List<String> texts, List<Interpretation> interpretations, List<String> names) {
        Set<String> created = new HashSet<>();
        Set<String> known = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            Interpretation it = interpretations.get(i);
            String name = names.get(i);
            if (name == null || !it.understood()) {
                continue;
            }
            known.add(name);
            if (it.operations().contains(Operation.CREATE) || it.aggregates().contains(AggregateKind.IMPORT)) {
                created.add(name);
            }
        }
        Map<String, Integer> unbuilt = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            if (interpretations.get(i).understood()) {
                continue;
            }
            String head = definedHead(texts.get(i));
            if (head == null) {
                continue;
            }
            for (String name : known) {
                List<String> words = Naming.words(name).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
                String last = words.get(words.size() - 1);
                // "entries" is EntryItem: a reserved word gets "Item" after it
                boolean renamed = last.equals("item") && words.size() > 1 && words.get(words.size() - 2).equals(head);
                if (!created.contains(name) && (last.equals(head) || renamed)) {
                    unbuilt.putIfAbsent(name, i);
                }
            }
        }
        return unbuilt;
    }

    /**
     * @param text a feature that is not understood
     * @return the singular head noun of the items it means to add: the noun before "with" or "has" ("file bugs with
     *         a title", "each ingredient has a name"), or the plural noun after its verb when what the items are made
     *         of follows ("Request transfers of a quantity"); null when it names none or its verb is one of the
     *         lexicon that adds nothing ("Export products to PDF")
     */
    static String definedHead(String text) {
        List<String> tokens = FeatureInterpreter.tokenize(text.toLowerCase(Locale.ROOT));
        int verb = Reasons.verbAfterSubject(tokens);
        String lemma = verb < tokens.size() ? FeatureInterpreter.lemma(tokens.get(verb)) : null;
        if (lemma != null && Lexicon.VERBS.get(lemma) != Operation.CREATE) {
            // "Export products to PDF" is about products that are added elsewhere, not an add
            return null;
        }
        for (int i = 1; i < tokens.size(); i++) {
            if (HOLDS.contains(tokens.get(i))) {
                String noun = tokens.get(i - 1);
                return isNoun(noun) ? Inflector.singular(noun) : null;
            }
        }
        int at = verb + 1;
        while (at < tokens.size() && Lexicon.SKIPPED.contains(tokens.get(at))) {
            at++;
        }
        if (at + 1 >= tokens.size()) {
            return null;
        }
        String noun = tokens.get(at);
        boolean plural = !Inflector.singular(noun).equals(noun);
        return plural && isNoun(noun) && MADE_OF.contains(tokens.get(at + 1)) ? Inflector.singular(noun) : null;
    }

    private static boolean isNoun(String token) {
        return token.length() > 1 && token.chars().allMatch(Character::isLetter)
                && !Sentence.FUNCTION_WORDS.contains(token) && FeatureInterpreter.lemma(token) == null;
    }

    /**
     * @param name   the entity
     * @param text   the feature that means to add it
     * @param reason why that feature is not understood
     * @return why a feature about the entity is not generated
     */
    static String reason(String name, String text, String reason) {
        List<String> words = Naming.words(name).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        String plural = String.join(" ", words.subList(0, words.size() - 1))
                + (words.size() > 1 ? " " : "") + Inflector.plural(words.get(words.size() - 1));
        int cut = reason == null ? -1 : reason.indexOf(';');
        String cause = reason == null ? "" : " (" + (cut > 0 ? reason.substring(0, cut) : reason) + ")";
        return "no feature that adds " + plural + " was understood: '" + text + "' is not generated" + cause
                + ", and another feature's words would invent what " + plural + " hold";
    }
}

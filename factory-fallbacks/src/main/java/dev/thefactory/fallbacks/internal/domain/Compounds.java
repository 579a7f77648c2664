package dev.thefactory.fallbacks.internal.domain;

import java.util.List;
import java.util.Set;

/**
 * Word shapes the feature interpreter reads the same way wherever they stand: a verb of the lexicon used as the
 * first noun of a compound ("display names", "transfer requests"), a sort direction ("descending"), and the field a
 * comparison with a number names ("a status of 500 or above"). Stateless and thread-safe.
 */
final class Compounds {

    /** Sort directions: never a field. */
    static final Set<String> DIRECTIONS = Set.of("ascending", "descending", "asc", "desc", "reversed", "reverse");
    /** The directions the generated sort follows. */
    static final Set<String> ASCENDING = Set.of("ascending", "asc");

    private static final Set<String> LINKS = Set.of("of", "is", "at", "equal", "equals", "than");

    private Compounds() {
    }

    /**
     * @param tokens  a sentence's tokens
     * @param at      the index of a token
     * @return true if the token, a verb of the lexicon, is the first noun of a compound: a plural noun that is no
     *         verb follows it ("transfer requests", "display names")
     */
    static boolean verbBeforeNoun(List<String> tokens, int at) {
        if (at + 1 >= tokens.size() || FeatureInterpreter.lemma(tokens.get(at)) == null
                || !tokens.get(at).chars().allMatch(Character::isLetter)) {
            return false;
        }
        String next = tokens.get(at + 1);
        boolean plural = next.length() > 2 && next.chars().allMatch(Character::isLetter)
                && !Inflector.singular(next).equals(next) && !Lexicon.PLURAL_MODIFIERS.contains(next);
        return plural && FeatureInterpreter.lemma(next) == null && !Sentence.FUNCTION_WORDS.contains(next);
    }

    /**
     * @param tokens a sentence's tokens
     * @param at     the index of a token in a field list
     * @param part   the words of the field read so far
     * @return true if the token is the "at" of a moment named by a participle ({@code created_at}, {@code
     *         updated_at}): after a word in -ed and before the end of the field
     */
    static boolean momentSuffix(List<String> tokens, int at, List<String> part) {
        if (!tokens.get(at).equals("at") || part.isEmpty() || !part.get(part.size() - 1).endsWith("ed")) {
            return false;
        }
        return at + 1 >= tokens.size() || Lexicon.LIST_SEPARATORS.contains(tokens.get(at + 1))
                || Set.of(".", ";", ":").contains(tokens.get(at + 1));
    }

    /**
     * @param tokens a sentence's tokens
     * @param at     the index of "above" or "below"
     * @return the index of the field a comparison with a number names before it ("a status of 500 or above": the
     *         index of "status"), or -1
     */
    static int comparedBefore(List<String> tokens, int at) {
        int k = at - 1;
        if (k >= 0 && (tokens.get(k).equals("or") || tokens.get(k).equals("and"))) {
            k--;
        }
        if (k < 0 || !tokens.get(k).chars().allMatch(Character::isDigit)) {
            return -1;
        }
        k--;
        if (k >= 0 && LINKS.contains(tokens.get(k))) {
            k--;
        }
        if (k < 0) {
            return -1;
        }
        String word = tokens.get(k);
        return word.length() > 1 && word.chars().allMatch(Character::isLetter) && !Sentence.FUNCTION_WORDS.contains(word)
                ? k : -1;
    }
}

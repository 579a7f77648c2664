package dev.thefactory.fallbacks.internal.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of one feature sentence and the account of which of them the interpretation honours: every word is
 * either used (a verb, the entity, a field, a criterion, a status word, or filler) or left over, and the left-over
 * words, grouped into the phrases they stand in, are the gaps of the feature. Parenthesised asides such as
 * "(open, completed)" are kept apart as {@linkplain Group groups}. Not thread-safe: one account per interpretation.
 */
final class Sentence {

    /**
     * A parenthesised aside.
     *
     * @param position  the number of main tokens before it
     * @param tokens    its lower-case tokens
     * @param originals its tokens as written
     * @param text      its text as written, parentheses included
     */
    record Group(int position, List<String> tokens, List<String> originals, String text) {
        Group {
            tokens = List.copyOf(tokens);
            originals = List.copyOf(originals);
        }
    }

    /**
     * Words that carry no requirement of their own: articles, quantifiers, pronouns, prepositions, conjunctions,
     * modal verbs, and the filler of user stories ("allow users to", "be able to").
     */
    static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "all", "any", "each", "every", "some",
            "his", "her", "its", "this", "that", "these", "those", "new", "existing",
            "single", "multiple", "several", "many", "one", "more", "other", "current", "selected",
            "specific", "individual", "various", "saved", "stored", "entire", "whole", "just", "also", "easily",
            "quickly", "up", "out", "off", "with", "having", "including", "containing", "by", "to", "in", "into",
            "from", "for", "of", "on", "at", "as", "via", "using", "per", "within", "without", "and", "or", "but",
            "so", "which", "who", "when", "where", "while", "if", "then", "than", "after", "before", "until",
            "between", "through", "plus", "i", "we", "you", "they", "it", "them", "me", "us", "he", "she", "can",
            "could", "should", "must", "will", "would", "may", "might", "be", "is", "are", "was", "were", "been",
            "being", "able", "not", "no", "like", "such", "etc", "e", "g", "ie", "eg", "want", "wants", "need",
            "needs", "allow", "allows", "let", "lets", "enable", "enables", "ability", "support", "supports", "way",
            "option", "there", "here", "has", "have", "do", "does", "easy", "simple", "simply", "please", "both",
            "either", "optional", "optionally", "required", "mandatory", "possibly", "maybe", "across", "against",
            "among", "around", "about", "along", "beyond", "except", "during", "throughout", "onto", "upon",
            "toward", "towards", "inside", "outside", "under", "over", "below", "above", ",", ";", ".", ":");

    /** Words that, after a gap's leading function words, still belong to it ("admins only"). */
    private static final Set<String> KEPT_AT_END = Set.of("only");

    /** Words a gap does not start with. */
    private static final Set<String> NOT_AT_START = Set.of(",", ";", ".", ":", "and", "or", "but", "also", "then",
            "so", "a", "an", "the", "is", "are", "be", "can", "could", "should", "must", "will", "would", "may",
            "might");

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]+|[,;.:]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)");

    private final List<String> tokens;
    private final List<String> originals;
    private final List<Group> groups;
    private final BitSet possessives;
    private final String workflow;
    private final BitSet used = new BitSet();
    private final BitSet usedGroups = new BitSet();
    private final List<String> extraGaps = new ArrayList<>();

    private Sentence(List<String> tokens, List<String> originals, List<Group> groups, BitSet possessives,
            String workflow) {
        this.tokens = List.copyOf(tokens);
        this.originals = List.copyOf(originals);
        this.groups = List.copyOf(groups);
        this.possessives = (BitSet) possessives.clone();
        this.workflow = workflow;
    }

    /**
     * @param text a feature sentence
     * @return its words: lower-case ASCII words and the punctuation that ends phrases, with parenthesised asides
     *         kept apart
     */
    static Sentence of(String text) {
        String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        List<String> tokens = new ArrayList<>();
        List<String> originals = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        BitSet possessives = new BitSet();
        Matcher group = PARENTHESES.matcher(ascii);
        int from = 0;
        while (group.find()) {
            addTokens(ascii.substring(from, group.start()), tokens, originals, possessives);
            List<String> inner = new ArrayList<>();
            List<String> innerOriginals = new ArrayList<>();
            addTokens(group.group(), inner, innerOriginals, null);
            if (!inner.isEmpty()) {
                groups.add(new Group(tokens.size(), inner, innerOriginals, group.group()));
            }
            from = group.end();
        }
        addTokens(ascii.substring(from), tokens, originals, possessives);
        return new Sentence(tokens, originals, groups, possessives, workflow(ascii));
    }

    private static void addTokens(String text, List<String> tokens, List<String> originals,
            BitSet possessives) {
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            String original = matcher.group();
            String token = original.toLowerCase(Locale.ROOT);
            if ((token.equals("mail") || token.equals("mails")) && !tokens.isEmpty()
                    && tokens.get(tokens.size() - 1).equals("e") && matcher.start() > 0
                    && "-\u2010\u2011".indexOf(text.charAt(matcher.start() - 1)) >= 0) {
                // "an e-mail" is an email
                tokens.set(tokens.size() - 1, "e" + token);
                originals.set(originals.size() - 1, originals.get(originals.size() - 1) + "-" + original);
                continue;
            }
            if (!token.equals("s")) {
                tokens.add(token);
                originals.add(original);
            } else if (possessives != null && !tokens.isEmpty() && matcher.start() > 0
                    && "'\u2019".indexOf(text.charAt(matcher.start() - 1)) >= 0) {
                // "a dentist's appointments": the owner is written with its "'s" and remembered as a possessive
                int owner = tokens.size() - 1;
                possessives.set(owner);
                originals.set(owner, originals.get(owner) + text.charAt(matcher.start() - 1) + "s");
            }
        }
    }

    /**
     * @param text a sentence
     * @return its chain of two or more arrows between values ("booked -&gt; confirmed -&gt; completed, or booked
     *         -&gt; cancelled"), as written, or null
     */
    private static String workflow(String text) {
        Matcher arrows = Pattern.compile("->|=>|\u2192|\u27f6|\u21d2").matcher(text);
        int count = 0;
        int first = -1;
        int last = -1;
        while (arrows.find()) {
            count++;
            first = first < 0 ? arrows.start() : first;
            last = arrows.end();
        }
        if (count < 2) {
            return null;
        }
        int start = first;
        while (start > 0 && text.charAt(start - 1) == ' ') {
            start--;
        }
        while (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
            start--;
        }
        int end = last;
        while (end < text.length() && text.charAt(end) == ' ') {
            end++;
        }
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == ' ')
                && !text.startsWith(" and ", end) && !text.startsWith(" but ", end)) {
            end++;
        }
        return text.substring(start, end).strip();
    }

    /** @return the workflow the sentence names with arrows ("new -&gt; open -&gt; closed"), or null */
    String workflow() {
        return workflow;
    }

    /**
     * @param index a token's index
     * @return true if the token was written with a possessive "'s" ("a dentist's appointments")
     */
    boolean possessive(int index) {
        return possessives.get(index);
    }

    /** @return the lower-case tokens outside parentheses */
    List<String> tokens() {
        return tokens;
    }

    /** @return the parenthesised asides */
    List<Group> groups() {
        return groups;
    }

    /**
     * @param index a token's index
     * @return its text as written
     */
    String original(int index) {
        return originals.get(index);
    }

    /** Marks the tokens from {@code from} (inclusive) to {@code to} (exclusive) as honoured. */
    void use(int from, int to) {
        if (from < to) {
            used.set(Math.max(0, from), Math.min(tokens.size(), to));
        }
    }

    /** Marks one token as honoured. */
    void use(int index) {
        use(index, index + 1);
    }

    /** Marks a parenthesised aside as honoured. */
    void useGroup(Group group) {
        usedGroups.set(groups.indexOf(group));
    }

    /**
     * @param token a lower-case token
     * @return true if it carries a requirement of its own
     */
    static boolean isContent(String token) {
        return !FUNCTION_WORDS.contains(token) && Character.isLetterOrDigit(token.charAt(0));
    }

    /** Adds a gap found outside the word account, such as a field the templates store as plain text. */
    void gap(String text) {
        extraGaps.add(text);
    }

    /** @return how many content words are honoured */
    int usedContent() {
        int count = 0;
        for (int i = used.nextSetBit(0); i >= 0; i = used.nextSetBit(i + 1)) {
            if (isContent(tokens.get(i))) {
                count++;
            }
        }
        return count;
    }

    /** @return the left-over content words, in the main text and in the asides not honoured */
    List<String> leftOverContent() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!used.get(i) && isContent(tokens.get(i))) {
                words.add(tokens.get(i));
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            if (!usedGroups.get(g)) {
                groups.get(g).tokens().stream().filter(Sentence::isContent).forEach(words::add);
            }
        }
        return words;
    }

    /**
     * @return the left-over phrases as written: each run of tokens not honoured that holds a content word, without
     *         leading conjunctions and articles or trailing function words, and each aside not honoured
     */
    List<String> gaps() {
        List<String> gaps = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (used.get(i)) {
                i++;
                continue;
            }
            int end = i;
            while (end < tokens.size() && !used.get(end) && !Set.of(";", ".", ":").contains(tokens.get(end))) {
                end++;
            }
            addGap(gaps, i, Math.max(end, i + 1));
            i = Math.max(end, i + 1);
        }
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            if (!usedGroups.get(g) && group.tokens().stream().anyMatch(Sentence::isContent)) {
                gaps.add(phrase(group.tokens(), group.originals(), 0, group.tokens().size()));
            }
        }
        gaps.addAll(extraGaps);
        return gaps;
    }

    /**
     * @param from the index of the first token
     * @param to   the index after the last one
     * @return the tokens as written, without trailing function words
     */
    String text(int from, int to) {
        int end = Math.min(to, tokens.size());
        while (end > from && !isContent(tokens.get(end - 1))) {
            end--;
        }
        return phrase(tokens, originals, from, end);
    }

    private void addGap(List<String> gaps, int from, int to) {
        int start = from;
        while (start < to && NOT_AT_START.contains(tokens.get(start))) {
            start++;
        }
        int end = to;
        while (end > start && !isContent(tokens.get(end - 1)) && !KEPT_AT_END.contains(tokens.get(end - 1))) {
            end--;
        }
        boolean content = false;
        for (int i = start; i < end; i++) {
            content |= isContent(tokens.get(i));
        }
        if (content) {
            gaps.add(phrase(tokens, originals, start, end));
        }
    }

    private static String phrase(List<String> tokens, List<String> originals, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            boolean punctuation = !Character.isLetterOrDigit(tokens.get(i).charAt(0));
            if (text.length() > 0 && !punctuation) {
                text.append(' ');
            }
            text.append(originals.get(i));
        }
        return text.toString();
    }
}

package dev.thefactory.fallbacks.internal.domain;

import static dev.thefactory.fallbacks.internal.domain.Lexicon.ABOVE;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.ANYONE;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.BELOW;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.BE_FORMS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.CHANNELS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.CLAUSE_VERBS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.CONTAINERS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.CSV;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.DATA_FORMATS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.DATE_COMPARISONS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.EVENT_NOUNS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.EVENT_PAIRS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.EVENT_PARTICIPLES;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.FIELD_LIST;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.FIELD_NOISE;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.FIELD_NOUNS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.FIGURES;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.FIGURES_OF;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.GROUPINGS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.HASHED;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.IMPORT_VERBS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.LINK_VERBS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.LIST_END;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.LIST_SEPARATORS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.MODALS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.NARROWING;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.NOMINALS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.NOT_REFERENCES;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.NOT_YET;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.NO_DERIVED_FORMS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.OTHER_FORMATS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.PLURAL_MODIFIERS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.QUALIFIERS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.RECORD_VERBS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.REFERENCE_WORDS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.ROLES;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.SETTABLE_FIGURES;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.SKIPPED;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.STATUS_VERBS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.STATUS_WORDS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.TARGET_VERBS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.TERMINATORS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.TEXT_UNITS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.THRESHOLD_NOUNS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.TRADE_VERBS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.TRIGGERS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.UNITS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.VERBS;
import static dev.thefactory.fallbacks.internal.domain.Lexicon.complete;

import dev.thefactory.fallbacks.internal.domain.Sentence.Group;
import dev.thefactory.fallbacks.internal.domain.StatusAction.Effect;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Understands one feature sentence the way a careful reader skims it: the first verb from a small lexicon
 * decides the operation ({@code add → create}, {@code list → list}, {@code filter → find}, {@code edit → update},
 * {@code delete → delete}, {@code mark → status change}, {@code export → aggregate}); the noun after it (singular)
 * is the entity; {@code with ...} names fields ("with title and optional due date"), {@code by ...} names the
 * criteria of a search or sort, and {@code mark X as Y} names the status. Larger specs add:
 * <ul>
 *   <li>status verbs ({@code cancel, ship, receive, deliver, approve, reject, close, reopen, complete, archive})
 *       become status actions of the entity after them ("Cancel customer orders" → action {@code cancel} setting
 *       {@code cancelled}); {@code mark X received} gives the action {@code receive}; status adjectives before a
 *       noun are skipped to find it ("Archive delivered shipments" is about shipments), and are gaps, since the
 *       generated action does not check them;</li>
 *   <li>{@code below/under/above/over ...} asks for a threshold query ("List stock below a threshold"), on the
 *       named number field ("below a price threshold": the words beside the threshold noun name it) or the entity's
 *       first one; the domain builder leaves out a threshold on a named quantity that is no number or date field
 *       ("below a reorder threshold");</li>
 *   <li>{@code per X} is a query criterion ("List stock per warehouse"; after a count it is a gap, since the
 *       summary is not grouped); after a create, {@code of/to/for/per X}
 *       names a field the item refers to ("Create purchase orders to suppliers" gives a {@code supplier});</li>
 *   <li>{@code assign/transfer/move X to/between Y} sets the field {@code y} ("Transfer stock between
 *       warehouses"); {@code add notes to X} and {@code tag X with Y} give {@code X} a field with its own setter;</li>
 *   <li>{@code load/read/ingest X from CSV ...} is an import of {@code X}, and the fields after {@code with} are
 *       the imported columns ("Import sales from CSV files with order_id, region, amount and date").</li>
 * </ul>
 * A figure over items ("total sales per region", "the number of visits per link", "average amount per customer")
 * and counting how often something happens ("how many times each short link was followed", "how often each item is
 * viewed", "clicks per link") are not understood, whatever entity word they contain: the summary counts stored
 * items, and events would have to be recorded as a side effect of another operation. Nor are a data format or an
 * output channel named as the item ("Write a JSON array of objects ... to standard output": a transformation), and a
 * clause that makes the work a side effect of something else ("Update order totals when an item is added").
 * Every word is accounted for: it is either honoured by what the generated code does (a verb, the entity, a field,
 * a criterion, a status word, a value list such as "(open, completed)", an article or other filler) or left over.
 * Left-over phrases ("admins only", "to PDF", "with HTTP 302") are the feature's {@linkplain Interpretation#gaps()
 * gaps}. A feature is not understood, with a reason, when it has no verb of the lexicon, starts with a word that is
 * not one ("Redirect ..."), is about something the templates cannot do (logging in, messages, payments, documents
 * other than CSV, validation rules, language models: see {@link Beyond}), names no kind of item ("order_id
 * values"), or when more of it is left over than honoured. Nothing is guessed.
 *
 * <p>Stateless and thread-safe.
 */
public final class FeatureInterpreter {

    /**
     * Container words that, after another noun, are the head of the item's name ("time entries", "menu items",
     * "medical records"), never dropped from it.
     */
    /** A short label before the sentence of a feature: "**Chore creation**: add chores ...", "Chore list - list ...". */
    private static final Pattern LABEL = Pattern.compile(
            "\\s*(?:[-*+]\\s+)?[*_]{0,2}[\\p{L}\\p{N} '/&-]{1,40}?[*_]{0,2}\\s*(?::|\u2014|\u2013| - )\\s*[*_]{0,2}"
                    + "\\s*(\\S.*)");
    /** Comparatives before "than" → the quantity they compare and the direction ("heavier than" is weight above). */
    private static final Map<String, String[]> COMPARATIVES = Map.ofEntries(
            Map.entry("heavier", new String[] {"weight", "above"}), Map.entry("lighter", new String[] {"weight", "below"}),
            Map.entry("cheaper", new String[] {"price", "below"}), Map.entry("dearer", new String[] {"price", "above"}),
            Map.entry("longer", new String[] {"duration", "above"}), Map.entry("shorter", new String[] {"duration", "below"}),
            Map.entry("larger", new String[] {"size", "above"}), Map.entry("smaller", new String[] {"size", "below"}),
            Map.entry("bigger", new String[] {"size", "above"}));
    /** The words of a date format the generated date and date-time fields read: ISO 8601. */
    private static final Set<String> DATE_FORMATS = Set.of("yyyy", "mm", "dd", "iso", "8601", "hh", "t", "format",
            "iso8601");
    /** The words of how every generated search matches: in any case, on part of the text. */
    private static final Set<String> SEARCH_MANNERS = Set.of("case", "insensitive", "insensitively", "partial",
            "match", "matches", "matching", "substring", "ignoring", "ignores", "any");
    private static final Set<String> HEADS = Set.of("entry", "entries", "item", "items", "record", "records");
    /**
     * Plural container words that, alone after a verb, are the items themselves ("Create lists with a name",
     * "Delete lists", "Rename collections"), never a way of showing another kind.
     */
    private static final Set<String> CONTAINER_ITEMS = Set.of("lists", "collections", "tables", "pages", "screens",
            "dashboards");
    /** Words that introduce the names of a field list rather than name a field: "with columns a, b and c". */
    private static final Set<String> HEADINGS = Set.of("columns", "headers", "headings");
    /** Words that, before "of", make a field a count: "a number of deliveries". */
    private static final Set<String> QUANTITY_HEADS = Set.of("number", "count");
    /** Words that qualify a count and stay in its name: "a minimum number of players". */
    private static final Set<String> QUANTITY_QUALIFIERS = Set.of("minimum", "maximum", "min", "max", "target",
            "total");
    private static final Pattern LETTERS = Pattern.compile("[a-z]{2,}");
    /** Words that compare a value wherever they stand in a left-over phrase: the phrase says which items. */
    private static final Set<String> COMPARISONS = Set.of("above", "below", "exceeding", "least", "than");

    /** The verbs a user can rely on, for messages. */
    static final String VERB_SUMMARY = "add/create/new/register/save/store, list/show/view/display/browse, "
            + "get/find/search/filter/query/sort, update/edit/modify/rename/change/set, delete/remove, "
            + "assign/transfer/move/tag, mark/complete/finish/toggle/archive/close/cancel/ship/receive/approve, "
            + "export/import/report/count/summary, load/read/ingest ... from CSV";

    /** How to phrase a feature the simple backend can build, for reasons. */
    private static final String REPHRASE = "; the simple backend builds features phrased as an operation on a kind"
            + " of item, " + FeatureInterpreter.EXAMPLES;

    /** The examples of {@link #REPHRASE}, which the domain builder replaces with ones about the spec's own items. */
    static final String EXAMPLES = "such as 'Add tasks with a title', 'List tasks', 'Filter tasks by status'";

    /** Why counting events is not generated. */
    private static final String EVENTS = "counting or tracking how often something happens (a link followed, an"
            + " item viewed, a click) needs each event recorded as a side effect of another operation, which is not"
            + " generated; the summary of the simple backend counts stored items";

    /**
     * A field a feature names.
     *
     * @param words lower-case words
     * @param required false if marked optional
     */
    public record FieldHint(List<String> words, boolean required) {
        /** Copies the words. */
        public FieldHint {
            words = List.copyOf(words);
        }
    }

    /**
     * A status change a feature asks for.
     *
     * @param action the action name, lower camel
     * @param field  the boolean field's name, or null for "the entity's status field"
     * @param effect what the action does
     */
    public record StatusSpec(String action, String field, Effect effect) {
    }

    /**
     * A threshold query a feature asks for ("stock below a threshold").
     *
     * @param fieldWords the compared field's lower-case words ("price" in "below a price threshold"); empty for
     *                   "the entity's first number field"
     * @param below      true for items below the threshold, false for items above it
     * @param text       the phrase as written ("below a reorder threshold"), the gap when it is not honoured
     * @param date       true for a date comparison ("due before a date", "after a given date"): the field must be
     *                   a date
     */
    public record ThresholdSpec(List<String> fieldWords, boolean below, String text, boolean date) {
        /** Copies the words. */
        public ThresholdSpec {
            fieldWords = List.copyOf(fieldWords);
            Objects.requireNonNull(text, "text");
        }

        /**
         * A threshold on a number or a date.
         *
         * @param fieldWords the compared field's words
         * @param below      true for below
         * @param text       the phrase as written
         */
        public ThresholdSpec(List<String> fieldWords, boolean below, String text) {
            this(fieldWords, below, text, false);
        }
    }

    /**
     * The values a feature lists for a field or criterion, such as "(open, completed)" after "by status" or
     * "(low, normal, high)" after "priorities". Whether the generated code honours them depends on the field, so
     * the domain builder decides.
     *
     * @param fieldWords the field's or criterion's lower-case words, singular
     * @param criterion  true if they follow a criterion ("by status"), false if a field
     * @param values     the values, lower case
     * @param text       the aside as written, parentheses included
     */
    public record ValueList(List<String> fieldWords, boolean criterion, List<String> values, String text) {
        /** Copies the lists. */
        public ValueList {
            fieldWords = List.copyOf(fieldWords);
            values = List.copyOf(values);
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * What a feature says.
     *
     * @param operations   the operations asked for, in order; empty when not understood
     * @param entityWords  the entity's lower-case words, singular; empty for "the primary entity"
     * @param fields       fields named by {@code with ...}
     * @param updateFields fields the feature sets on their own ("set task priorities")
     * @param labelUpdate  true for "rename": the label field gets its own setter
     * @param criteria     the field phrases after {@code by}, for find and sort
     * @param sort         true if items are sorted rather than filtered
     * @param statuses     the status changes asked for
     * @param aggregates   the aggregates asked for
     * @param thresholds   the threshold queries asked for ("below a threshold")
     * @param valueLists   the values listed for fields or criteria, still to be judged against the domain
     * @param gaps         the phrases of the sentence the interpretation leaves over, as written
     * @param reason       why the feature is not understood, or null
     */
    public record Interpretation(List<Operation> operations, List<String> entityWords, List<FieldHint> fields,
            List<FieldHint> updateFields, boolean labelUpdate, List<List<String>> criteria, boolean sort,
            List<StatusSpec> statuses, Set<AggregateKind> aggregates, List<ThresholdSpec> thresholds,
            List<ValueList> valueLists, List<String> gaps, String reason) {

        /** Copies every list. */
        public Interpretation {
            operations = List.copyOf(operations);
            entityWords = List.copyOf(entityWords);
            fields = List.copyOf(fields);
            updateFields = List.copyOf(updateFields);
            criteria = criteria.stream().map(List::copyOf).toList();
            statuses = List.copyOf(statuses);
            aggregates = aggregates.isEmpty() ? Set.of() : Set.copyOf(aggregates);
            thresholds = List.copyOf(thresholds);
            valueLists = List.copyOf(valueLists);
            gaps = List.copyOf(gaps);
        }

        /** @return true if the feature was understood */
        public boolean understood() {
            return reason == null;
        }

        static Interpretation unsupported(String reason) {
            return new Interpretation(List.of(), List.of(), List.of(), List.of(), false, List.of(), false,
                    List.of(), Set.of(), List.of(), List.of(), List.of(), reason);
        }

        Interpretation withGaps(List<ValueList> lists, List<String> newGaps) {
            return new Interpretation(operations, entityWords, fields, updateFields, labelUpdate, criteria, sort,
                    statuses, aggregates, thresholds, lists, newGaps, reason);
        }
    }


    /**
     * @param gap a left-over phrase of a sentence, as written
     * @return true if it says which items the sentence is about: a qualifier ("overdue", "open", "shipped"), or a
     *         phrase that starts with a word that narrows or groups them ("with a due date", "due today", "by
     *         ingredient", "below a reorder threshold", "after they are shipped", "per customer", "of a project"), an
     *         owner ("a member's"), or a comparison anywhere in it ("a status of 500 or above", "a total of at least 100")
     */
    static boolean narrows(String gap) {
        List<String> words = tokenize(gap);
        if (words.isEmpty()) {
            return false;
        }
        String first = words.get(0);
        String trimmed = gap.strip();
        return trimmed.endsWith("'s") || trimmed.endsWith("\u2019s") || NARROWING.contains(first) || isQualifier(first)
                || isStatusParticiple(first) || words.contains("me")
                || words.stream().anyMatch(COMPARISONS::contains);
    }

    /**
     * @param word a lower-case word
     * @return the status change a word after "mark ... as" or in a value list names, if it is a known one
     */
    static Optional<StatusSpec> statusWord(String word) {
        return Optional.ofNullable(STATUS_WORDS.get(word));
    }

    /** One interpretation on its way: the sentence's account and where its parts stand. Not thread-safe. */
    private static final class Parse {
        final Sentence sentence;
        final List<String> tokens;
        /** The index of each field or criterion's last word → the words it was read as. */
        final Map<Integer, List<String>> fieldAt = new HashMap<>();
        /** The indexes of the last words of criteria. */
        final Set<Integer> criterionEnds = new HashSet<>();
        List<String> verbs = List.of();
        int verbAt = -1;
        int coreStart;
        int coreEnd;
        /** Where the entity's nouns start and end, or -1 when the sentence names none after its verb. */
        int nounFrom = -1;
        int nounEnd = -1;
        String format;
        boolean perItemSummary;
        /** Where the field after an owner's "'s" starts ("a time entry's note"), or -1. */
        int ownFieldFrom = -1;

        Parse(Sentence sentence) {
            this.sentence = sentence;
            this.tokens = sentence.tokens();
        }
    }

    /**
     * @param feature a feature sentence from the spec
     * @return what it says; {@link Interpretation#understood()} is false, with a reason, when it is not understood
     */
    public Interpretation interpret(String feature) {
        Objects.requireNonNull(feature, "feature");
        java.util.regex.Matcher label = LABEL.matcher(feature);
        if (label.matches()) {
            List<String> rest = tokenize(label.group(1));
            List<String> named = tokenize(feature.substring(0, label.start(1)));
            if (!rest.isEmpty() && named.stream().noneMatch(ROLES::contains) && (verb(rest, 0) != null || RECORD_VERBS.contains(rest.get(0))
                    || TRADE_VERBS.contains(rest.get(0)))) {
                // "**Chore creation**: add chores with a title": the label names the feature, the sentence is after it
                return interpret(label.group(1));
            }
        }
        Parse p = new Parse(Sentence.of(feature));
        Sentence s = p.sentence;
        List<String> tokens = p.tokens;
        String early = Reasons.early(s);
        if (early != null) {
            return Interpretation.unsupported(early);
        }
        int verbAt = -1;
        String firstVerb = null;
        boolean trade = false;
        for (int i = 0; i < tokens.size(); i++) {
            boolean logIn = "log".equals(lemma(tokens.get(i))) && i + 1 < tokens.size()
                    && Set.of("in", "on", "out", "into").contains(tokens.get(i + 1));
            if (verb(tokens, i) != null && !logIn) {
                verbAt = i;
                firstVerb = verb(tokens, i);
                break;
            }
            // "Issue invoices", "Sell tickets", "Users can book rooms": business verbs that are also nouns count
            // only where a sentence's verb stands, and never in a phrase of nouns ("Book titles")
            boolean verbPlace = i == 0 || MODALS.contains(tokens.get(i - 1));
            String token = tokens.get(i);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            boolean object = Set.of("a", "an", "the", "some", "new").contains(next)
                    || (LETTERS.matcher(next).matches() && !Inflector.singular(next).equals(next));
            if (verbPlace && object && fieldPhrase(tokens.subList(i, tokens.size())).isEmpty()) {
                if (LINK_VERBS.contains(token)) {
                    return Interpretation.unsupported("'" + s.original(i) + "' links existing items of two kinds"
                            + " (such as a student and a course), which is not generated; a feature of its own that"
                            + " records the link ('Add enrolments with a student and a course') is");
                }
                if (TRADE_VERBS.contains(token)) {
                    Interpretation placement = placement(p, i);
                    if (placement != null) {
                        return placement;
                    }
                }
                if (RECORD_VERBS.contains(token) || TRADE_VERBS.contains(token)) {
                    verbAt = i;
                    firstVerb = "create";
                    trade = TRADE_VERBS.contains(token);
                    break;
                }
            }
        }
        if (verbAt > 0 && tokens.subList(0, verbAt).stream().anyMatch(TRIGGERS::contains)) {
            // "Email speakers when their talk is accepted": a verb inside a "when" clause is the trigger, not what
            // the sentence asks to do
            verbAt = -1;
        }
        if (verbAt < 0) {
            List<String> nouns = fieldPhrase(tokens);
            if (!nouns.isEmpty()) {
                int start = tokens.size() - nouns.size();
                s.use(0, start);
                p.verbs = List.of("set");
                p.coreStart = start;
                p.coreEnd = tokens.size();
                return account(p, build(p, nouns, start, tokens.size(), start, start));
            }
            Optional<Beyond.Topic> topic = Beyond.find(tokens, 0, tokens.size());
            if (topic.isPresent()) {
                return Interpretation.unsupported(topic.get().reason() + REPHRASE);
            }
            int clauseEnd = clauseEnd(tokens, 0);
            if (eventAt(tokens, 0, clauseEnd) >= 0) {
                return Interpretation.unsupported(EVENTS);
            }
            // "Average amount per customer", "Compute total sales per region"; not "Print a total line"
            int first = skip(tokens, skip(tokens, 0, Set.of("compute", "calculate", "determine")), SKIPPED);
            if (first < clauseEnd && (FIGURES.contains(Inflector.singular(tokens.get(first)))
                    || (FIGURES_OF.contains(tokens.get(first)) && first + 1 < tokens.size()
                            && tokens.get(first + 1).equals("of")))) {
                return Interpretation.unsupported(figure(s, first, clauseEnd));
            }
            return Interpretation.unsupported(Reasons.noVerb(s, VERB_SUMMARY));
        }
        p.verbAt = verbAt;
        List<String> verbs = new ArrayList<>();
        verbs.add(firstVerb);
        if (!trade) {
            // a trade verb ("Sell tickets") creates a record of the item, but its business (payment, stock,
            // availability) is not generated: the verb stays over as a gap
            s.use(verbAt);
        }
        int at = verbAt + 1;
        if (VERBS.get(verbs.get(0)) == Operation.LIST) {
            int next = skip(tokens, at, SKIPPED);
            String nextVerb = next < tokens.size() ? lemma(tokens.get(next)) : null;
            if (nextVerb != null && (VERBS.get(nextVerb) == Operation.FIND
                    || VERBS.get(nextVerb) == Operation.AGGREGATE)) {
                verbs.set(0, nextVerb);
                s.use(at, next + 1);
                at = next + 1;
            }
        }
        p.perItemSummary = Set.of("summarize", "summarise").contains(verbs.get(0)) && at < tokens.size()
                && Set.of("each", "every", "a", "an", "one", "single").contains(tokens.get(at));
        while (at + 1 < tokens.size() && LIST_SEPARATORS.contains(tokens.get(at))
                && lemma(tokens.get(at + 1)) != null) {
            verbs.add(lemma(tokens.get(at + 1)));
            s.use(at, at + 2);
            at += 2;
        }
        p.verbs = List.copyOf(verbs);
        int afterPreposition = skip(tokens, at, Set.of("of", "for", "through"));
        s.use(at, afterPreposition);
        at = afterPreposition;
        int nounStart = skipModifiers(tokens, at);
        while (nounStart > at && nounStart < tokens.size() && tokens.get(nounStart).equals("of")) {
            // "the list of overdue loans": the "of" belongs to the container word, never to a gap
            s.use(nounStart);
            nounStart = skipModifiers(tokens, nounStart + 1);
        }
        List<String> nouns = new ArrayList<>();
        int i = nounStart;
        while (i < tokens.size() && (isNoun(tokens.get(i), i == nounStart && i > verbAt + 1
                && (SKIPPED.contains(tokens.get(i - 1)) || tokens.get(i - 1).equals("of"))) || isGerundBefore(tokens, i)
                || Compounds.verbBeforeNoun(tokens, i))) {
            nouns.add(tokens.get(i));
            i++;
            // "Update a user's password": after an owner, one singular noun that ends the phrase is the owner's
            // field, as a field noun is anywhere ("set task priorities")
            boolean ownField = i < tokens.size() && VERBS.get(verbs.get(0)) == Operation.UPDATE
                    && (FIELD_NOUNS.contains(Inflector.singular(tokens.get(i))) || s.possessive(i - 1)
                            && isNoun(tokens.get(i), false) && Inflector.singular(tokens.get(i)).equals(tokens.get(i)))
                    && (i + 1 >= tokens.size() || !isNoun(tokens.get(i + 1), false));
            if (s.possessive(i - 1) && ownField) {
                // "Edit a time entry's note": the note of the time entry, a field of the item
                p.ownFieldFrom = i;
            }
            if (s.possessive(i - 1) && i < tokens.size() && !ownField) {
                // "a dentist's appointments": the items are the nouns after the owner, whose scope is a gap unless
                // honoured, and never part of the items' name
                s.use(at, i);
                s.gap(s.text(at, i));
                nouns.clear();
                nounStart = skipModifiers(tokens, i);
                i = nounStart;
                continue;
            }
            if (endsCompound(tokens.get(i - 1))) {
                break;
            }
        }
        boolean numberOf = nouns.equals(List.of("number")) && i < tokens.size() && tokens.get(i).equals("of")
                && verbs.size() == 1 && Set.of(Operation.LIST, Operation.AGGREGATE).contains(VERBS.get(verbs.get(0)))
                && tokens.subList(i, clauseEnd(tokens, i)).stream().noneMatch(GROUPINGS::contains);
        if (numberOf) {
            // "Show the number of tasks" counts them; "the number of visits per link" is a figure over groups
            p.verbs = List.of("count");
        }
        if (!nouns.isEmpty() && (numberOf || nouns.stream().allMatch(CONTAINERS::contains)) && i < tokens.size()
                && tokens.get(i).equals("of")) {
            // "a dashboard of sales" is about sales
            s.use(nounStart, i + 1);
            nounStart = skipModifiers(tokens, i + 1);
            nouns.clear();
            i = nounStart;
            while (i < tokens.size() && (isNoun(tokens.get(i), false) || isGerundBefore(tokens, i))) {
                nouns.add(tokens.get(i));
                i++;
                if (endsCompound(tokens.get(i - 1))) {
                    break;
                }
            }
        }
        int afterNouns = i;
        p.coreStart = verbAt;
        p.coreEnd = Math.max(afterNouns, verbAt + 2);
        if (nouns.size() == 1 && verbs.stream().allMatch(v -> VERBS.get(v) == Operation.CREATE)
                && FIELD_NOUNS.contains(Inflector.singular(nouns.get(0))) && afterNouns < tokens.size()
                && (tokens.get(afterNouns).equals("to") || tokens.get(afterNouns).equals("on"))) {
            List<String> target = nounPhrase(tokens, afterNouns + 1);
            if (!target.isEmpty()) {
                int targetEnd = nounPhraseEnd(tokens, afterNouns + 1);
                useFiller(s, at, nounStart);
                s.use(nounStart, afterNouns + 1);
                useNounPhrase(s, afterNouns + 1, targetEnd);
                p.fieldAt.put(nounStart, List.of(nouns.get(0)));
                p.coreEnd = Math.max(p.coreEnd, targetEnd);
                return account(p, attach(nouns.get(0), target));
            }
        }
        int nounFrom = nounStart;
        if (nouns.isEmpty()) {
            List<String> before = nounsBefore(tokens, verbAt);
            if (!before.isEmpty()) {
                int end = verbAt;
                while (end > 0 && MODALS.contains(tokens.get(end - 1))) {
                    end--;
                }
                nounFrom = end - before.size();
                s.use(end, verbAt);
                p.coreStart = nounFrom;
            }
            nouns.addAll(before);
            afterNouns = at;
        }
        if (!nouns.isEmpty()) {
            p.nounFrom = nounFrom;
            p.nounEnd = nounFrom + nouns.size();
        }
        return account(p, build(p, nouns, nounFrom, afterNouns, at, nounStart));
    }

    /**
     * "Book a member into a class": a trade verb that places an item into another creates a record of its own
     * named after the verb (a booking), which refers to both; the references are the domain builder's to judge.
     *
     * @param p      the parse
     * @param verbAt the index of the trade verb
     * @return the interpretation, or null when the sentence is not of that shape
     */
    private Interpretation placement(Parse p, int verbAt) {
        List<String> tokens = p.tokens;
        Sentence s = p.sentence;
        String record = Lexicon.TRADE_RECORDS.get(tokens.get(verbAt));
        List<String> item = nounPhrase(tokens, verbAt + 1);
        int itemEnd = nounPhraseEnd(tokens, verbAt + 1);
        if (record == null || item.isEmpty() || itemEnd >= tokens.size()
                || !Set.of("into", "onto").contains(tokens.get(itemEnd))) {
            return null;
        }
        List<String> place = nounPhrase(tokens, itemEnd + 1);
        int placeEnd = nounPhraseEnd(tokens, itemEnd + 1);
        if (place.isEmpty()) {
            return null;
        }
        List<String> itemWords = singularLast(last(item, 3));
        List<String> placeWords = singularLast(last(place, 3));
        s.use(verbAt);
        useNounPhrase(s, verbAt + 1, itemEnd);
        s.use(itemEnd);
        useNounPhrase(s, itemEnd + 1, placeEnd);
        p.verbAt = verbAt;
        p.verbs = List.of("create");
        p.coreStart = verbAt;
        p.coreEnd = placeEnd;
        p.fieldAt.put(itemEnd - 1, itemWords);
        p.fieldAt.put(placeEnd - 1, placeWords);
        return account(p, new Interpretation(List.of(Operation.CREATE), List.of(record),
                List.of(new FieldHint(itemWords, true), new FieldHint(placeWords, true)), List.of(), false, List.of(),
                false, List.of(), Set.of(), List.of(), List.of(), List.of(), null));
    }

    private static List<String> singularLast(List<String> words) {
        List<String> out = new ArrayList<>(words);
        out.set(out.size() - 1, Inflector.singular(out.get(out.size() - 1)));
        return out;
    }

    /**
     * "Add notes to customer orders": the added thing is a field of the entity after "to", with its own setter.
     *
     * @param fieldNoun the added noun as written
     * @param target    the entity's words
     */
    private static Interpretation attach(String fieldNoun, List<String> target) {
        List<String> entityWords = new ArrayList<>(last(target, 3));
        entityWords.set(entityWords.size() - 1, Inflector.singular(entityWords.get(entityWords.size() - 1)));
        return new Interpretation(List.of(Operation.UPDATE), entityWords, List.of(),
                List.of(new FieldHint(List.of(fieldNoun), false)), false, List.of(), false, List.of(), Set.of(),
                List.of(), List.of(), List.of(), null);
    }

    private Interpretation build(Parse p, List<String> rawNouns, int nounFrom, int afterNouns, int modifiersFrom,
            int modifiersTo) {
        Sentence s = p.sentence;
        List<String> tokens = p.tokens;
        List<String> verbs = p.verbs;
        Set<Operation> operations = new LinkedHashSet<>();
        for (String verb : verbs) {
            operations.add(VERBS.get(verb));
        }
        List<String> nouns = new ArrayList<>(rawNouns);
        while (nouns.size() > 1 && CONTAINERS.contains(nouns.get(nouns.size() - 1))
                && !HEADS.contains(nouns.get(nouns.size() - 1))
                && !(operations.contains(Operation.UPDATE) && FIELD_NOUNS.contains(nouns.get(nouns.size() - 1)))) {
            // "Update a parcel's status" sets the status; "the task list" is about tasks
            nouns.remove(nouns.size() - 1);
        }
        int nounEnd = nounFrom + nouns.size();
        s.use(nounEnd, nounFrom + rawNouns.size());
        List<FieldHint> updateFields = new ArrayList<>();
        String lastNoun = nouns.isEmpty() ? "" : Inflector.singular(nouns.get(nouns.size() - 1));
        if (operations.contains(Operation.UPDATE) && nouns.size() >= 2
                && (FIELD_NOUNS.contains(lastNoun) || SETTABLE_FIGURES.contains(lastNoun)
                        || p.ownFieldFrom == nounFrom + nouns.size() - 1)) {
            int split = p.ownFieldFrom > nounFrom && p.ownFieldFrom < nounFrom + nouns.size()
                    ? p.ownFieldFrom - nounFrom : 1;
            List<String> fieldWords = new ArrayList<>(nouns.subList(split, nouns.size()));
            fieldWords.set(fieldWords.size() - 1, Inflector.singular(fieldWords.get(fieldWords.size() - 1)));
            List<String> kept = last(fieldWords, 3);
            updateFields.add(new FieldHint(kept, false));
            s.use(nounEnd - kept.size(), nounEnd);
            p.fieldAt.put(nounEnd - 1, List.copyOf(kept));
            nouns = new ArrayList<>(nouns.subList(0, split));
            nounEnd = nounFrom + split;
        }
        if (nouns.size() == 1 && CONTAINERS.contains(nouns.get(0)) && !nouns.get(0).startsWith("item")
                && !nouns.get(0).startsWith("entr") && !nouns.get(0).startsWith("record")
                && !CONTAINER_ITEMS.contains(nouns.get(0))) {
            nouns.clear();
            s.use(nounFrom);
        }
        List<String> entityWords = new ArrayList<>(last(nouns, 3));
        if (!entityWords.isEmpty()) {
            int lastIndex = entityWords.size() - 1;
            entityWords.set(lastIndex, Inflector.singular(entityWords.get(lastIndex)));
            s.use(nounEnd - entityWords.size(), nounEnd);
        }

        List<FieldHint> fields = new ArrayList<>();
        List<List<String>> criteria = new ArrayList<>();
        List<Integer> fieldWords = new ArrayList<>();
        List<Integer> criteriaWords = new ArrayList<>();
        List<Integer> perWords = new ArrayList<>();
        String statusWord = null;
        String assignTarget = null;
        List<ThresholdSpec> thresholds = new ArrayList<>();
        boolean create = operations.contains(Operation.CREATE);
        boolean query = operations.stream().allMatch(op -> op == Operation.LIST || op == Operation.FIND);
        boolean exchange = verbs.contains("export") || verbs.contains("import");
        boolean targetVerb = verbs.stream().anyMatch(TARGET_VERBS::contains);
        boolean perCriteria = false;
        for (int i = afterNouns; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (FIELD_LIST.contains(token)) {
                fieldWords.add(i);
                i = readList(p, i + 1, fields, true, fieldWords) - 1;
            } else if (token.equals("by")) {
                List<FieldHint> hints = new ArrayList<>();
                criteriaWords.add(i);
                if (i > 0 && Set.of("sorted", "ordered", "filtered", "grouped", "sorting", "ordering", "filtering")
                        .contains(tokens.get(i - 1))) {
                    criteriaWords.add(i - 1);
                }
                int byAt = i;
                boolean then = i > 0 && tokens.get(i - 1).equals("then") && !criteria.isEmpty();
                i = readList(p, i + 1, hints, false, criteriaWords) - 1;
                List<String> between = tokens.subList(byAt + 1, i + 1);
                if (hints.size() > 1 && between.contains("and") && !between.contains("or")) {
                    // "Filter books by genre and publication year": one query with both, which is not generated;
                    // each criterion is a query of its own
                    s.gap(String.join(" and ", hints.stream().map(h -> String.join(" ", h.words())).toList())
                            + " together");
                }
                if (then && !hints.isEmpty()) {
                    // "Sort books by title, then by author": a second key that breaks ties is not generated
                    s.gap("then by " + String.join(" ", hints.get(0).words()));
                }
                for (FieldHint hint : hints) {
                    criteria.add(hint.words());
                }
            } else if (query && COMPARATIVES.containsKey(token) && i + 1 < tokens.size()
                    && tokens.get(i + 1).equals("than")) {
                // "List parcels heavier than a given weight": a threshold on the quantity the comparative measures
                String[] measure = COMPARATIVES.get(token);
                int end = nounPhraseEnd(tokens, i + 2);
                ThresholdSpec threshold = new ThresholdSpec(List.of(measure[0]), measure[1].equals("below"),
                        s.text(i, Math.max(end, i + 2)));
                if (!thresholds.contains(threshold)) {
                    thresholds.add(threshold);
                }
                s.use(i, Math.max(end, i + 2));
                i = Math.max(end, i + 2) - 1;
            } else if (query && (BELOW.contains(token) || ABOVE.contains(token))) {
                int end = nounPhraseEnd(tokens, i + 1);
                List<String> words = tokens.subList(skipModifiers(tokens, i + 1), end);
                // "below a threshold" names no field; "below a reorder threshold" names the quantity compared
                List<String> named = words.stream().filter(w -> !THRESHOLD_NOUNS.contains(w)).toList();
                List<String> thresholdWords = named.isEmpty() ? List.of() : last(named, 3);
                int compared = named.isEmpty() ? Compounds.comparedBefore(tokens, i) : -1;
                if (compared >= 0) {
                    // "a status of 500 or above": the field is the noun before the number, never the number
                    thresholdWords = List.of(tokens.get(compared));
                    s.use(compared, i);
                }
                ThresholdSpec threshold = new ThresholdSpec(thresholdWords, BELOW.contains(token),
                        compared >= 0 ? originals(s, compared, i + 1) : s.text(i, Math.max(end, i + 1)));
                if (!thresholds.contains(threshold)) {
                    thresholds.add(threshold);
                }
                if (end > i + 1 || thresholdWords.isEmpty() || compared >= 0) {
                    s.use(i, Math.max(end, i + 1));
                }
                i = Math.max(i, end - 1);
            } else if (query && DATE_COMPARISONS.containsKey(token)) {
                // "List tasks due before a date", "events after a given date": a date comparison, when a date
                // follows; "after they are shipped" is no date and stays over
                int end = nounPhraseEnd(tokens, i + 1);
                List<String> named = tokens.subList(skipModifiers(tokens, i + 1), end).stream()
                        .filter(w -> !THRESHOLD_NOUNS.contains(w)).toList();
                if (!named.isEmpty()) {
                    List<String> words = new ArrayList<>(last(named, 3));
                    int from = i;
                    if (i > 0 && tokens.get(i - 1).equals("due") && !words.get(0).equals("due")) {
                        words.add(0, "due");
                        from = i - 1;
                    }
                    ThresholdSpec threshold = new ThresholdSpec(last(words, 3), DATE_COMPARISONS.get(token),
                            s.text(from, end), true);
                    if (!thresholds.contains(threshold)) {
                        thresholds.add(threshold);
                    }
                    s.use(from, end);
                    i = end - 1;
                }
            } else if (targetVerb && assignTarget == null && (token.equals("to") || token.equals("between"))) {
                List<String> target = nounPhrase(tokens, i + 1);
                if (!target.isEmpty()) {
                    assignTarget = Inflector.singular(target.get(target.size() - 1));
                    int end = nounPhraseEnd(tokens, i + 1);
                    s.use(i);
                    useNounPhrase(s, i + 1, end);
                    p.fieldAt.put(end - 1, List.of(assignTarget));
                    i = end - 1;
                }
            } else if (exchange && Set.of("as", "to", "in", "into", "from").contains(token)) {
                int f = skip(tokens, i + 1, Set.of("a", "an", "the"));
                if (f < tokens.size() && tokens.get(f).equals(CSV)) {
                    int end = skip(tokens, f + 1, Set.of("file", "files", "format", "document", "documents"));
                    s.use(i, end);
                    i = end - 1;
                } else if (f < tokens.size() && OTHER_FORMATS.contains(tokens.get(f))) {
                    p.format = s.original(f);
                }
            } else if (token.equals("per") || (create && REFERENCE_WORDS.contains(token))) {
                int end = nounPhraseEnd(tokens, i + 1);
                List<String> target = nounPhrase(tokens, i + 1);
                if (!target.isEmpty() && !NOT_REFERENCES.contains(target.get(target.size() - 1))
                        && !CONTAINERS.contains(tokens.get(end - 1))
                        && (end >= tokens.size() || !CONTAINERS.contains(tokens.get(end)))) {
                    List<String> reference = new ArrayList<>(last(target, 3));
                    reference.set(reference.size() - 1, Inflector.singular(reference.get(reference.size() - 1)));
                    if (create) {
                        // "record visits for a pet": the pet is required, as a field of the "with" list would be
                        boolean optional = i > 0 && Set.of("optional", "optionally").contains(tokens.get(i - 1))
                                || i + 1 < tokens.size() && Set.of("optional", "optionally").contains(tokens.get(i + 1));
                        FieldHint hint = new FieldHint(reference, !optional);
                        if (!reference.equals(entityWords) && fields.stream().noneMatch(f -> f.words().equals(reference))) {
                            fields.add(hint);
                        }
                        s.use(i);
                        useNounPhrase(s, i + 1, end);
                    } else {
                        criteria.add(reference);
                        perCriteria = true;
                        for (int k = i; k < end; k++) {
                            perWords.add(k);
                        }
                        p.criterionEnds.add(end - 1);
                    }
                    p.fieldAt.put(end - 1, List.copyOf(reference));
                    i = end - 1;
                }
            } else if (statusWord == null && operations.contains(Operation.STATUS) && verbs.contains("mark")) {
                int st = skip(tokens, i, Set.of("as", "to", "being", "a", "an", "the", "is"));
                if (st < tokens.size() && LETTERS.matcher(tokens.get(st)).matches()
                        && !TERMINATORS.contains(tokens.get(st))) {
                    statusWord = tokens.get(st);
                    s.use(i, st + 1);
                    i = st;
                }
            }
        }

        boolean sort = verbs.contains("sort") || mentionsSortOrder(tokens);
        if (!criteria.isEmpty() && (operations.contains(Operation.LIST)
                || (perCriteria && operations.contains(Operation.AGGREGATE)))) {
            operations.add(Operation.FIND);
        }
        if (!thresholds.isEmpty()) {
            operations.add(Operation.FIND);
        }
        if (sort && !operations.contains(Operation.FIND)) {
            operations.add(Operation.FIND);
        }
        if (operations.contains(Operation.FIND)) {
            criteria.removeIf(words -> words.equals(List.of("id")) || words.equals(List.of("identifier")));
            if (criteria.isEmpty() && thresholds.isEmpty()
                    && verbs.stream().allMatch(v -> v.equals("get") || VERBS.get(v) != Operation.FIND) && !sort) {
                operations.remove(Operation.FIND);
                operations.add(Operation.GET);
            }
        }
        if (!criteria.isEmpty() && criteria.stream().allMatch(words -> words.equals(List.of("id"))
                || words.equals(List.of("identifier")))) {
            // "Delete an expense by its id": the id is how every operation names an item
            criteriaWords.forEach(s::use);
            criteria.clear();
        }
        if (operations.contains(Operation.FIND) || operations.contains(Operation.GET)) {
            criteriaWords.forEach(s::use);
            if (!operations.contains(Operation.AGGREGATE)) {
                perWords.forEach(s::use);
            }
        }

        boolean labelUpdate = verbs.contains("rename");
        if (verbs.contains("prioritize") || verbs.contains("prioritise")) {
            updateFields.add(new FieldHint(List.of("priority"), false));
        }
        if (verbs.contains("reschedule")) {
            updateFields.add(new FieldHint(List.of("due", "date"), false));
        }
        if (assignTarget != null) {
            updateFields.add(new FieldHint(List.of(assignTarget), false));
        }
        if (verbs.contains("tag")) {
            if (fields.isEmpty()) {
                updateFields.add(new FieldHint(List.of("tags"), false));
            }
            fields.forEach(hint -> updateFields.add(new FieldHint(hint.words(), false)));
            fields.clear();
            fieldWords.forEach(s::use);
        } else if (create || operations.contains(Operation.UPDATE) || verbs.contains("import")) {
            // an import creates items: "Import sales from CSV files with a region and an amount"
            fieldWords.forEach(s::use);
        } else {
            fields.clear();
        }

        List<StatusSpec> statuses = new ArrayList<>();
        for (String verb : verbs) {
            StatusSpec spec = STATUS_VERBS.get(verb);
            if (spec != null) {
                statuses.add(spec);
            } else if (verb.equals("mark")) {
                statuses.add(statusFor(statusWord));
            }
        }
        boolean change = operations.stream().anyMatch(op -> op == Operation.STATUS || op == Operation.DELETE
                || op == Operation.UPDATE) && !create;
        for (int m = modifiersFrom; m < modifiersTo; m++) {
            String token = tokens.get(m);
            if (change && Set.of("all", "several", "multiple").contains(token)) {
                // "Mark all items as discontinued": the generated change takes one item by its id
                s.use(m);
                s.gap(s.text(m, Math.max(m + 1, nounFrom + rawNouns.size())));
                continue;
            }
            boolean aboutTheVerb = verbs.contains("reopen") || (NOT_YET.contains(token)
                    && statuses.stream().anyMatch(st -> st.effect() == Effect.SET));
            if ((SKIPPED.contains(token) && !token.equals("only") && !token.equals("own")
                    && !Lexicon.PERSONAL.contains(token)) || aboutTheVerb) {
                s.use(m);
            }
        }

        EnumSet<AggregateKind> aggregates = EnumSet.noneOf(AggregateKind.class);
        for (String verb : verbs) {
            if (verb.equals("export")) {
                aggregates.add(AggregateKind.EXPORT);
            } else if (verb.equals("import")) {
                aggregates.add(AggregateKind.IMPORT);
            } else if (VERBS.get(verb) == Operation.AGGREGATE) {
                aggregates.add(AggregateKind.SUMMARY);
            }
        }
        return new Interpretation(List.copyOf(operations), entityWords, fields, updateFields, labelUpdate, criteria,
                sort, statuses, aggregates, thresholds, List.of(), List.of(), null);
    }

    /**
     * Settles the account of a parsed sentence: who the sentence is about, what its asides say, what is left over,
     * and whether the feature is about something the templates cannot do.
     */
    private Interpretation account(Parse p, Interpretation it) {
        Sentence s = p.sentence;
        List<String> tokens = p.tokens;
        String unknownStart = subject(p);
        List<ValueList> lists = new ArrayList<>();
        Set<String> known = new HashSet<>();
        boolean secret = false;
        for (FieldHint hint : concat(it.fields(), it.updateFields())) {
            hint.words().forEach(w -> known.add(Inflector.singular(w)));
            secret |= Field.holdsSecret(hint.words());
        }
        it.criteria().forEach(c -> c.forEach(w -> known.add(Inflector.singular(w))));
        known.addAll(it.entityWords());
        for (Group group : s.groups()) {
            List<String> words = group.tokens();
            if (Set.of("e", "eg", "ie", "i", "such", "like", "example", "examples", "see").contains(words.get(0))) {
                s.useGroup(group);
                continue;
            }
            List<String> formatOwner = p.fieldAt.get(group.position() - 1);
            if (formatOwner != null && DATE_FORMATS.containsAll(words) && Set.of(FieldType.DATE, FieldType.DATE_TIME)
                    .contains(FieldType.infer(formatOwner))) {
                // "a date (YYYY-MM-DD)", "a timestamp (ISO 8601)": the ISO-8601 form the generated field reads
                s.useGroup(group);
                continue;
            }
            if (!it.criteria().isEmpty() && SEARCH_MANNERS.containsAll(words)) {
                // "by title (case-insensitive)": every generated search ignores case and matches part of a text
                s.useGroup(group);
                continue;
            }
            List<String> values = valueItems(words);
            List<String> owner = p.fieldAt.get(group.position() - 1);
            if (values != null && owner != null) {
                lists.add(new ValueList(owner, p.criterionEnds.contains(group.position() - 1), values,
                        group.text()));
                s.useGroup(group);
                continue;
            }
            boolean finalSecret = secret;
            if (words.stream().filter(Sentence::isContent).allMatch(w -> known.contains(Inflector.singular(w))
                    || (finalSecret && HASHED.contains(w)))) {
                s.useGroup(group);
            }
        }
        for (FieldHint hint : concat(it.fields(), it.updateFields())) {
            List<String> words = new ArrayList<>();
            for (int k = 0; k < hint.words().size(); k++) {
                String w = hint.words().get(k);
                // an email address is a field ("an email"), and so is a time to live
                if (!Set.of("email", "emails", "mail").contains(w)
                        && !(w.equals("live") && k > 0 && hint.words().get(k - 1).equals("to"))) {
                    words.add(w);
                }
            }
            if (Beyond.find(words, 0, words.size()).isPresent()) {
                s.gap(String.join(" ", hint.words()));
            }
        }
        String notGenerated = " is not generated";
        // the words of a field the sentence names ("Update a user's email") are judged as a field above, not as
        // what the sentence asks to do
        List<String> scanned = new ArrayList<>(tokens);
        for (Map.Entry<Integer, List<String>> field : p.fieldAt.entrySet()) {
            for (int k = field.getKey() - field.getValue().size() + 1; k <= field.getKey(); k++) {
                if (k >= 0 && k < scanned.size()) {
                    scanned.set(k, "");
                }
            }
        }
        Optional<Beyond.Topic> topic = Beyond.find(scanned, p.coreStart, p.coreEnd);
        if (topic.isPresent()) {
            return Interpretation.unsupported(topic.get().reason() + REPHRASE);
        }
        List<String> entity = it.entityWords();
        String head = entity.isEmpty() ? "" : entity.get(entity.size() - 1);
        int clauseEnd = clauseEnd(tokens, Math.max(p.coreEnd, p.nounEnd));
        String format = p.format == null ? dataFormat(p, entity) : null;
        if (format != null) {
            return Interpretation.unsupported(format);
        }
        // "Update order totals when an item is added"; a query's "when ..." narrows the items and is a gap
        boolean changes = it.operations().stream().anyMatch(op -> !Set.of(Operation.LIST, Operation.FIND,
                Operation.GET, Operation.AGGREGATE).contains(op));
        int trigger = changes ? triggerAt(tokens, Math.max(p.coreEnd, p.verbAt + 1), clauseEnd) : -1;
        if (trigger >= 0 && p.format == null) {
            return Interpretation.unsupported("'" + s.text(trigger, clauseEnd) + "' asks for the work to be done"
                    + " as a side effect of another operation, which is not generated; a feature of its own (such as"
                    + " 'Update order totals') gives a value its own update");
        }
        if (entity.isEmpty() && p.verbs.stream().anyMatch(NO_DERIVED_FORMS::contains)) {
            // "Store data in files" is about how items are kept, not about a kind of item
            return Interpretation.unsupported("'" + s.text(p.verbAt, clauseEnd) + "' names no kind of item to store;"
                    + " where the generated project keeps its items is a setting of its own (memory or files)"
                    + REPHRASE);
        }
        if (eventAt(tokens, Math.min(p.coreStart, p.verbAt), clauseEnd) >= 0 || EVENT_NOUNS.contains(head)) {
            return Interpretation.unsupported(EVENTS);
        }
        for (int i = Math.max(0, p.verbAt); i + 1 < clauseEnd; i++) {
            if (tokens.get(i).equals("how") && Set.of("many", "much").contains(tokens.get(i + 1))) {
                // "Show how many spots are left in each class" asks for a figure, not for items called "how many"
                return Interpretation.unsupported(figure(s, i, clauseEnd));
            }
        }
        if (p.nounFrom >= 0 && (entity.stream().anyMatch(w -> FIGURES.contains(Inflector.singular(w)))
                || (FIGURES_OF.contains(head) && p.nounEnd < tokens.size() && tokens.get(p.nounEnd).equals("of")))) {
            return Interpretation.unsupported(figure(s, p.nounFrom, clauseEnd));
        }
        if (entity.contains("id") || entity.contains("ids") || entity.contains("identifier")) {
            return Interpretation.unsupported("'" + String.join(" ", entity) + "' names a value rather than a kind"
                    + " of item to store" + REPHRASE);
        }
        if (!it.aggregates().isEmpty() && TEXT_UNITS.contains(head)) {
            return Interpretation.unsupported("counting the " + Inflector.plural(head) + " of a text is text"
                    + " processing, which" + notGenerated + "; the summary of the simple backend counts stored items");
        }
        if (p.perItemSummary) {
            return Interpretation.unsupported("summarising the text of each item needs a language model, which"
                    + notGenerated + "; a summary ('Show a summary of orders') counts and sums all items");
        }
        if (p.format != null) {
            return Interpretation.unsupported("exports and imports are CSV only; " + p.format + notGenerated);
        }
        if (unknownStart != null) {
            return Interpretation.unsupported(Beyond.find(tokens, 0, p.verbAt).map(Beyond.Topic::reason)
                    .orElse("the sentence starts with '" + unknownStart + "', which is no operation the simple"
                            + " backend generates; it understands " + VERB_SUMMARY));
        }
        List<String> leftOver = new ArrayList<>(s.leftOverContent());
        for (Group group : s.groups()) {
            List<String> words = group.tokens().stream().filter(Sentence::isContent).toList();
            if (words.size() > 2 && words.get(words.size() - 1).equals("only")) {
                // "(front desk staff only)": who may do it is one gap, however many words name the role
                for (String w : words.subList(1, words.size() - 1)) {
                    leftOver.remove(w);
                }
            }
        }
        Optional<Beyond.Topic> decisive = Beyond.decisive(leftOver);
        if (decisive.isPresent()) {
            return Interpretation.unsupported(decisive.get().reason() + REPHRASE);
        }
        List<String> gaps = s.gaps();
        if (leftOver.stream().filter(w -> !w.equals("only") && !Lexicon.PERSONAL.contains(w)).count()
                > s.usedContent()) {
            return Interpretation.unsupported("most of the sentence is beyond the simple backend: '"
                    + String.join("', '", gaps) + "'" + notGenerated + REPHRASE);
        }
        return it.withGaps(lists, gaps);
    }

    /**
     * Accounts for the words before the verb: whoever uses the project ("Users can", "As a user, I want to") is
     * honoured, a role ("Admins can", "Only the owner may") is left over, anything else is an unknown start.
     *
     * @return the first word of an unknown start ("Redirect GET ..."), or null
     */
    private static String subject(Parse p) {
        if (p.verbAt <= 0 || p.coreStart < p.verbAt) {
            return null;
        }
        List<String> tokens = p.tokens;
        int end = p.verbAt;
        while (end > 0 && (MODALS.contains(tokens.get(end - 1))
                || Set.of("want", "wants", "need", "needs").contains(tokens.get(end - 1)))) {
            end--;
        }
        List<Integer> content = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            if (Sentence.isContent(tokens.get(i)) || ROLES.contains(tokens.get(i))) {
                content.add(i);
            }
        }
        if (content.isEmpty() || content.stream().anyMatch(i -> ROLES.contains(tokens.get(i)))) {
            return null;
        }
        String lastWord = tokens.get(content.get(content.size() - 1));
        boolean person = content.stream().allMatch(i -> ANYONE.contains(tokens.get(i)));
        if (person || end < p.verbAt || (lastWord.endsWith("s") && lemma(lastWord) == null)) {
            p.sentence.use(0, p.verbAt);
            return null;
        }
        return p.sentence.original(content.get(0));
    }

    /**
     * @param s    the sentence
     * @param from the index of the figure's first word ("total sales per region")
     * @param to   the index after its clause
     * @return why a figure over the items (a total, an average, a count per group) is not generated
     */
    private static String figure(Sentence s, int from, int to) {
        boolean grouped = false;
        for (int i = from; i < to; i++) {
            grouped |= GROUPINGS.contains(s.tokens().get(i));
        }
        return "'" + s.text(from, to) + "' is a figure computed over " + (grouped ? "groups of items" : "the items")
                + ", which is not generated; the summary of the simple backend ('Show a summary of orders') counts"
                + " all items and sums their number fields";
    }

    /**
     * A phrase that names a data format or an output channel ("a JSON array of objects", "to standard output") is no
     * kind of item to store: writing, printing or converting data to it is a transformation.
     *
     * @param p      the parse
     * @param entity the entity's words
     * @return why the feature is not generated, or null when it names no format or channel
     */
    private static String dataFormat(Parse p, List<String> entity) {
        List<String> tokens = p.tokens;
        String named = null;
        if (entity.stream().anyMatch(DATA_FORMATS::contains) && p.nounFrom >= 0) {
            named = p.sentence.text(p.nounFrom, p.nounEnd);
        }
        boolean exchange = p.verbs.contains("export") || p.verbs.contains("import");
        for (int i = Math.max(0, p.verbAt); named == null && !exchange && i + 1 < tokens.size(); i++) {
            int at = skip(tokens, i + 1, Set.of("a", "an", "the"));
            if (tokens.get(i).equals("to") && at < tokens.size() && CHANNELS.contains(tokens.get(at))
                    && (!tokens.get(at).equals("standard") || at + 1 < tokens.size()
                            && Set.of("output", "out", "error", "err").contains(tokens.get(at + 1)))) {
                named = p.sentence.text(i + 1, tokens.get(at).equals("standard") ? at + 2 : at + 1);
            }
        }
        if (named == null) {
            return null;
        }
        return "'" + named + "' names a data format or an output channel, not a kind of item to store; writing,"
                + " printing or converting data to a format or a channel is a transformation the simple backend"
                + " does not generate (its CSV export and import excepted)" + REPHRASE;
    }

    /**
     * @param tokens a sentence's tokens
     * @param from   where to start looking
     * @param to     the index after the last token to look at
     * @return the index of a clause that tells when the work happens, as a side effect of something else ("when an
     *         item is added", "after an order is shipped"), or -1
     */
    private static int triggerAt(List<String> tokens, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, tokens.size()); i++) {
            if (!TRIGGERS.contains(tokens.get(i))) {
                continue;
            }
            for (int k = i + 1; k + 1 < Math.min(to, tokens.size()) && k <= i + 5; k++) {
                String next = tokens.get(k + 1);
                if (BE_FORMS.contains(tokens.get(k)) && (lemma(next) != null || next.endsWith("ed"))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * @param tokens a sentence's tokens
     * @param from   where to start looking
     * @param to     the index after the last token to look at
     * @return the index of the first words in the range that ask how often something happens ("how many times",
     *         "how often", "each link was followed"), or -1
     */
    private static int eventAt(List<String> tokens, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, tokens.size()); i++) {
            String token = tokens.get(i);
            if ((i + 1 < tokens.size() && EVENT_PAIRS.contains(token + " " + tokens.get(i + 1)))
                    || (i > 0 && EVENT_PARTICIPLES.contains(token) && BE_FORMS.contains(tokens.get(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param tokens a sentence's tokens
     * @param from   an index in the clause
     * @return the index after the clause: at ";" or ".", or at a separator before another verb ("..., and send a
     *         welcome email")
     */
    private static int clauseEnd(List<String> tokens, int from) {
        for (int i = Math.max(0, from); i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals(";") || token.equals(".")) {
                return i;
            }
            if (LIST_SEPARATORS.contains(token) || token.equals(",")) {
                int next = skip(tokens, i + 1, Set.of("and", "then", "also", ","));
                if (next < tokens.size() && (CLAUSE_VERBS.contains(tokens.get(next))
                        || VERBS.containsKey(tokens.get(next)))) {
                    return i;
                }
            }
        }
        return tokens.size();
    }

    /** @return the tokens from one index to another as written, joined by spaces, function words kept */
    private static String originals(Sentence s, int from, int to) {
        List<String> words = new ArrayList<>();
        for (int k = from; k < to; k++) {
            words.add(s.original(k));
        }
        return String.join(" ", words);
    }

    private static List<FieldHint> concat(List<FieldHint> a, List<FieldHint> b) {
        List<FieldHint> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * @param words the tokens of an aside
     * @return its items when it lists two or more values of one to three words each ("open, completed",
     *         "low, normal, high"), else null
     */
    private static List<String> valueItems(List<String> words) {
        List<String> items = new ArrayList<>();
        List<String> item = new ArrayList<>();
        for (String word : words) {
            if (word.equals(",") || word.equals("or") || word.equals("and")) {
                if (item.isEmpty()) {
                    return null;
                }
                items.add(String.join(" ", item));
                item = new ArrayList<>();
            } else if (!Character.isLetterOrDigit(word.charAt(0)) || item.size() == 3) {
                return null;
            } else {
                item.add(word);
            }
        }
        if (item.isEmpty()) {
            return null;
        }
        items.add(String.join(" ", item));
        return items.size() >= 2 ? items : null;
    }

    /** Marks the articles, quantifiers and possessives among tokens as honoured. */
    private static void useFiller(Sentence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (SKIPPED.contains(s.tokens().get(i)) && !s.tokens().get(i).equals("only")) {
                s.use(i);
            }
        }
    }

    /** Marks a noun phrase as honoured, but not the qualifiers that narrow it ("shipped orders"). */
    private static void useNounPhrase(Sentence s, int from, int end) {
        int start = skipModifiers(s.tokens(), from);
        useFiller(s, from, start);
        s.use(start, end);
    }

    /**
     * @param noun a noun of a compound
     * @return true if the compound ends with it: a plural ("tasks due today" is about tasks), since the nouns
     *         before the head of an English compound are singular ("task list"), "sales" and its kin excepted
     */
    private static boolean endsCompound(String noun) {
        return !Inflector.singular(noun).equals(noun) && !PLURAL_MODIFIERS.contains(noun);
    }

    private static StatusSpec statusFor(String word) {
        if (word == null) {
            return complete();
        }
        StatusSpec known = STATUS_WORDS.get(word);
        if (known != null) {
            return known;
        }
        String pascal = Character.toUpperCase(word.charAt(0)) + word.substring(1);
        return new StatusSpec("mark" + pascal, word, Effect.SET);
    }

    private static boolean mentionsSortOrder(List<String> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean sortWord = token.equals("sorted") || token.equals("ordered") || token.equals("sort")
                    || token.equals("order") || token.equals("sorting") || token.equals("ordering");
            if (sortWord && tokens.get(i + 1).equals("by")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads a list of field phrases. In a field list, "per" and the unit after it qualify the field before them
     * ("calories per serving", "a price per litre", "a rate per night"): the field is {@code calories},
     * {@code price} or {@code rate}, a number given for one unit, and the unit is honoured as that reading, never
     * a field of its own. "In" and a unit of measure after a field name the unit the number is given in, which
     * stays in the field's name ("an estimate in hours" is the number {@code estimateHours}, "a weight in kg" is
     * {@code weightKg}).
     *
     * @param used receives the indexes of the tokens the list is honoured by, once it is: separators, filler and
     *             the words of each phrase that make its name
     * @return the index after the list
     */
    private int readList(Parse p, int from, List<FieldHint> into, boolean fieldList, List<Integer> used) {
        List<String> tokens = p.tokens;
        List<String> part = new ArrayList<>();
        List<Integer> partAt = new ArrayList<>();
        boolean optional = false;
        int i = from;
        for (; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (fieldList && Compounds.momentSuffix(tokens, i, part)) {
                // "created_at", "a published at": the moment is the field, not a place after it
                part.add(token);
                partAt.add(i);
                continue;
            }
            if (fieldList && token.equals("on") && !part.isEmpty() && part.get(part.size() - 1).endsWith("ed")
                    && (i + 1 >= tokens.size() || Set.of("date", "day").contains(tokens.get(i + 1))
                            || LIST_SEPARATORS.contains(tokens.get(i + 1)) || LIST_END.contains(tokens.get(i + 1)))) {
                // "a joined on date", "a published on": the day something happened, the date field joinedOn
                part.add(token);
                partAt.add(i);
                if (i + 1 < tokens.size() && Set.of("date", "day").contains(tokens.get(i + 1))) {
                    used.add(++i);
                }
                continue;
            }
            if (!fieldList && Compounds.DIRECTIONS.contains(token)) {
                // "sorted by p95 descending": a direction is no field; ascending is how lists are sorted
                if (Compounds.ASCENDING.contains(token)) {
                    used.add(i);
                }
                continue;
            }
            if (fieldList && token.equals("per") && !part.isEmpty() && i + 1 < tokens.size()
                    && LETTERS.matcher(tokens.get(i + 1)).matches()) {
                used.add(i);
                while (i + 1 < tokens.size() && LETTERS.matcher(tokens.get(i + 1)).matches()
                        && !LIST_SEPARATORS.contains(tokens.get(i + 1)) && !LIST_END.contains(tokens.get(i + 1))) {
                    used.add(++i);
                }
                continue;
            }
            if (fieldList && token.equals("in") && !part.isEmpty() && i + 1 < tokens.size()
                    && UNITS.contains(Inflector.singular(tokens.get(i + 1)))) {
                // "an estimate in hours": the unit qualifies the field and stays in its name (estimateHours)
                used.add(i);
                part.add(tokens.get(++i));
                partAt.add(i);
                continue;
            }
            if (fieldList && part.isEmpty() && (FIELD_LIST.contains(token) || (HEADINGS.contains(token)
                    && i + 1 < tokens.size() && LETTERS.matcher(tokens.get(i + 1)).matches()
                    && !LIST_SEPARATORS.contains(tokens.get(i + 1)) && !LIST_END.contains(tokens.get(i + 1))))) {
                // "with a dentist, with a start time": a repeated "with" goes on with the list, never into a name;
                // "with columns lot_id, plate": the word that introduces the columns is no part of the first one
                used.add(i);
                continue;
            }
            if (fieldList && token.equals("to") && !part.isEmpty() && isInfinitive(tokens, i + 1)) {
                // "steps to reproduce", "time to complete": one field, never a field and a reference
                part.add(token);
                partAt.add(i);
                part.add(tokens.get(++i));
                partAt.add(i);
                continue;
            }
            if (LIST_END.contains(token) || (!fieldList && FIELD_LIST.contains(token))
                    || (part.isEmpty() && i > from && LIST_SEPARATORS.contains(tokens.get(i - 1))
                            && (CLAUSE_VERBS.contains(token)
                                    || (VERBS.containsKey(token) && VERBS.get(token) != Operation.STATUS)))) {
                break;
            }
            if (LIST_SEPARATORS.contains(token)) {
                addHint(p, into, part, partAt, optional, fieldList, used);
                part = new ArrayList<>();
                partAt = new ArrayList<>();
                optional = false;
                used.add(i);
                continue;
            }
            if (token.equals("optional") || token.equals("optionally")) {
                optional = true;
            }
            if (!FIELD_NOISE.contains(token) && LETTERS.matcher(token).matches()) {
                part.add(token);
                partAt.add(i);
            } else if (FIELD_NOISE.contains(token)) {
                used.add(i);
            }
        }
        addHint(p, into, part, partAt, optional, fieldList, used);
        return i;
    }

    /**
     * @param tokens a sentence's tokens
     * @param at     the index after a "to" in a field list
     * @return true if a bare verb stands there and ends the field ("steps to reproduce,"): no article, no plural,
     *         no word of the lexicon's structure, and a separator, a list end or the sentence's end after it
     */
    private static boolean isInfinitive(List<String> tokens, int at) {
        if (at >= tokens.size()) {
            return false;
        }
        String word = tokens.get(at);
        if (!LETTERS.matcher(word).matches() || TERMINATORS.contains(word) || SKIPPED.contains(word)
                || FIELD_NOISE.contains(word) || !Inflector.singular(word).equals(word) || UNITS.contains(word)) {
            return false;
        }
        String after = at + 1 < tokens.size() ? tokens.get(at + 1) : ".";
        return LIST_SEPARATORS.contains(after) || LIST_END.contains(after);
    }

    private static void addHint(Parse p, List<FieldHint> into, List<String> part, List<Integer> partAt,
            boolean optional, boolean fieldList, List<Integer> used) {
        if (part.isEmpty()) {
            return;
        }
        List<String> words = new ArrayList<>(last(part, 3));
        int of = part.lastIndexOf("of");
        if (fieldList && of > 0 && QUANTITY_HEADS.contains(part.get(of - 1)) && of < part.size() - 1) {
            // "a minimum number of players": the count keeps its qualifier, so a minimum and a maximum differ
            int start = of - 1;
            if (start > 0 && QUANTITY_QUALIFIERS.contains(part.get(start - 1))) {
                start--;
            }
            words = new ArrayList<>(part.subList(start, part.size()));
            partAt = partAt.subList(start, partAt.size());
        }
        if (!fieldList) {
            words.set(words.size() - 1, Inflector.singular(words.get(words.size() - 1)));
        }
        used.addAll(last(partAt, words.size()));
        int end = partAt.get(partAt.size() - 1);
        p.fieldAt.put(end, List.copyOf(words));
        if (!fieldList) {
            p.criterionEnds.add(end);
        }
        into.add(new FieldHint(words, fieldList && !optional));
    }

    private List<String> nounsBefore(List<String> tokens, int verbAt) {
        int i = verbAt - 1;
        while (i >= 0 && MODALS.contains(tokens.get(i))) {
            i--;
        }
        List<String> nouns = new ArrayList<>();
        while (i >= 0 && isNoun(tokens.get(i), false) && !SKIPPED.contains(tokens.get(i))) {
            nouns.add(0, tokens.get(i));
            i--;
        }
        return nouns;
    }

    /**
     * Skips articles, quantifiers, qualifiers and status adjectives ("delivered shipments", "shipped orders").
     *
     * @return the index of the first other token
     */
    private static int skipModifiers(List<String> tokens, int from) {
        int i = from;
        while (i < tokens.size() && (SKIPPED.contains(tokens.get(i)) || isQualifier(tokens.get(i))
                || isStatusParticiple(tokens.get(i)))) {
            i++;
        }
        return i;
    }

    /**
     * @param token a lower-case word
     * @return true for an adjective that narrows the items before a noun: a known one ("overdue", "accepted",
     *         "newest") or a negated participle ("unbilled", "unassigned")
     */
    static boolean isQualifier(String token) {
        return QUALIFIERS.contains(token) || token.startsWith("un") && token.endsWith("ed") && token.length() > 6;
    }

    private static boolean isStatusParticiple(String token) {
        if (!token.endsWith("ed")) {
            return false;
        }
        String verb = lemma(token);
        return verb != null && VERBS.get(verb) == Operation.STATUS;
    }

    /** @return the index after the noun phrase starting at {@code from} (after its modifiers) */
    private static int nounPhraseEnd(List<String> tokens, int from) {
        int i = skipModifiers(tokens, from);
        while (i < tokens.size() && (isNoun(tokens.get(i), false) || isGerundBefore(tokens, i))) {
            i++;
        }
        return i;
    }

    /** @return true for a verb form in -ing that modifies the noun after it ("shipping addresses") */
    private static boolean isGerundBefore(List<String> tokens, int at) {
        return tokens.get(at).endsWith("ing") && !TERMINATORS.contains(tokens.get(at)) && at + 1 < tokens.size()
                && isNoun(tokens.get(at + 1), false);
    }

    /** @return the nouns of the phrase starting at {@code from}, without its modifiers; empty when there is none */
    private static List<String> nounPhrase(List<String> tokens, int from) {
        int start = skipModifiers(tokens, from);
        List<String> words = new ArrayList<>(tokens.subList(start, nounPhraseEnd(tokens, from)));
        while (!words.isEmpty() && CONTAINERS.contains(words.get(words.size() - 1)) && words.size() > 1
                && !HEADS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        return words;
    }

    private static int skip(List<String> tokens, int from, Set<String> words) {
        int i = from;
        while (i < tokens.size() && words.contains(tokens.get(i))) {
            i++;
        }
        return i;
    }

    private static boolean isNoun(String token, boolean afterDeterminer) {
        if (!LETTERS.matcher(token).matches() || TERMINATORS.contains(token)) {
            return false;
        }
        return afterDeterminer || lemma(token) == null;
    }

    private static <T> List<T> last(List<T> words, int count) {
        return words.size() <= count ? words : words.subList(words.size() - count, words.size());
    }

    /**
     * A feature without a verb that names an entity and one of its fields ("Task priorities") asks for that field
     * with its own setter.
     *
     * @param tokens the feature's tokens
     * @return its nouns, entity first and field last, or empty when it is not such a phrase
     */
    private List<String> fieldPhrase(List<String> tokens) {
        int start = skip(tokens, 0, SKIPPED);
        List<String> nouns = new ArrayList<>();
        for (int i = start; i < tokens.size(); i++) {
            if (!isNoun(tokens.get(i), false)) {
                return List.of();
            }
            nouns.add(tokens.get(i));
        }
        if (nouns.size() < 2 || !FIELD_NOUNS.contains(Inflector.singular(nouns.get(nouns.size() - 1)))) {
            return List.of();
        }
        return nouns;
    }

    /**
     * @param text a sentence
     * @return its lower-case ASCII words and the punctuation that ends phrases; parenthesised asides such as
     *         "(open, completed)" are left out, since they list values rather than fields
     */
    static List<String> tokenize(String text) {
        return Sentence.of(text).tokens();
    }

    /**
     * @param tokens a sentence's tokens
     * @param at     the index of a token
     * @return the lexicon verb the token is a form of; {@code import} for "load", "read" and "ingest" when
     *         "from" and a file format follow ("Load orders from CSV files"); or null
     */
    private static String verb(List<String> tokens, int at) {
        String token = tokens.get(at);
        if (token.equals("look") && at + 1 < tokens.size() && tokens.get(at + 1).equals("up")) {
            // "Look up a parcel by its tracking number"
            return "lookup";
        }
        if (IMPORT_VERBS.contains(token)) {
            int from = tokens.subList(at + 1, tokens.size()).indexOf("from");
            List<String> rest = from < 0 ? List.of() : tokens.subList(at + 1 + from, tokens.size());
            return rest.contains(CSV) || rest.stream().anyMatch(OTHER_FORMATS::contains) ? "import" : null;
        }
        return lemma(token);
    }

    /**
     * @param token a lower-case word
     * @return the lexicon verb it is a form of ({@code added → add}, {@code deleting → delete},
     *         {@code deletion → delete}), or null
     */
    static String lemma(String token) {
        if (VERBS.containsKey(token)) {
            return token;
        }
        String nominal = NOMINALS.get(token);
        if (nominal != null) {
            return nominal;
        }
        for (String suffix : List.of("ing", "ed", "ion", "al")) {
            if (token.endsWith(suffix) && token.length() > suffix.length() + 2) {
                String base = token.substring(0, token.length() - suffix.length());
                for (String candidate : List.of(base, base + "e", base.substring(0, base.length() - 1))) {
                    boolean doubled = candidate.length() < base.length()
                            && base.charAt(base.length() - 1) == base.charAt(base.length() - 2);
                    if (VERBS.containsKey(candidate) && !NO_DERIVED_FORMS.contains(candidate)
                            && (candidate.length() >= base.length() || doubled)) {
                        return candidate;
                    }
                }
            }
        }
        return null;
    }
}

package dev.thefactory.fallbacks.internal.domain;

import dev.thefactory.fallbacks.internal.domain.StatusAction.Effect;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
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
 *       noun are skipped ("Archive delivered shipments" is about shipments);</li>
 *   <li>{@code below/under/above/over ...} asks for a threshold query ("List stock below a threshold"), on the
 *       named number field or the entity's first one;</li>
 *   <li>{@code per X} is a query criterion ("Count orders per customer"); after a create, {@code of/to/for/per X}
 *       names a field the item refers to ("Create purchase orders to suppliers" gives a {@code supplier});</li>
 *   <li>{@code assign/transfer/move X to/between Y} sets the field {@code y} ("Transfer stock between
 *       warehouses"); {@code add notes to X} and {@code tag X with Y} give {@code X} a field with its own setter.</li>
 * </ul>
 * Anything it cannot place is reported with a reason rather than guessed.
 *
 * <p>Stateless and thread-safe.
 */
public final class FeatureInterpreter {

    /** The verb lexicon: word → operation. */
    static final Map<String, Operation> VERBS = byWord(List.of(
            Map.entry(Operation.CREATE, "add create new register insert enter log record track submit post schedule"
                    + " write"),
            Map.entry(Operation.LIST, "list show view display browse see"),
            Map.entry(Operation.FIND, "get find search filter query sort lookup retrieve fetch locate"),
            Map.entry(Operation.UPDATE, "update edit modify rename change set assign adjust prioritize prioritise"
                    + " reschedule transfer move tag"),
            Map.entry(Operation.DELETE, "delete remove erase discard destroy purge"),
            Map.entry(Operation.STATUS, "mark complete finish toggle done archive close reopen resolve publish"
                    + " approve cancel ship receive deliver reject"),
            Map.entry(Operation.AGGREGATE, "export import report count summary summarize summarise aggregate"
                    + " statistics stats")));

    /** Nouns formed from verbs that the suffix rules miss. */
    private static final Map<String, String> NOMINALS = Map.of("addition", "add", "registration", "register",
            "modification", "modify", "submission", "submit", "searching", "search", "prioritization", "prioritize");

    /** The known status words after {@code mark ... as}: word → action, field, effect. */
    private static final Map<String, StatusSpec> STATUS_WORDS = byWord(List.of(
            Map.entry(complete(), "complete completed done finished finish"),
            Map.entry(reopen(), "incomplete uncompleted undone reopened pending open"),
            Map.entry(set("archive", "archived"), "archived archive"),
            Map.entry(new StatusSpec("unarchive", "archived", Effect.CLEAR), "unarchived"),
            Map.entry(set("close", "closed"), "closed"),
            Map.entry(set("resolve", "resolved"), "resolved"),
            Map.entry(set("markRead", "read"), "read"),
            Map.entry(new StatusSpec("markUnread", "read", Effect.CLEAR), "unread"),
            Map.entry(set("favorite", "favorite"), "favorite favourite"),
            Map.entry(set("star", "starred"), "starred"),
            Map.entry(set("publish", "published"), "published"),
            Map.entry(set("approve", "approved"), "approved"),
            Map.entry(cancel(), "cancelled canceled"),
            Map.entry(set("ship", "shipped"), "shipped"),
            Map.entry(set("receive", "received"), "received"),
            Map.entry(set("deliver", "delivered"), "delivered"),
            Map.entry(set("reject", "rejected"), "rejected"),
            Map.entry(set("markPaid", "paid"), "paid")));

    /** The status a status verb itself names. */
    private static final Map<String, StatusSpec> STATUS_VERBS = byWord(List.of(
            Map.entry(complete(), "complete finish done"),
            Map.entry(set("archive", "archived"), "archive"),
            Map.entry(set("close", "closed"), "close"),
            Map.entry(set("resolve", "resolved"), "resolve"),
            Map.entry(set("publish", "published"), "publish"),
            Map.entry(set("approve", "approved"), "approve"),
            Map.entry(cancel(), "cancel"),
            Map.entry(set("ship", "shipped"), "ship"),
            Map.entry(set("receive", "received"), "receive"),
            Map.entry(set("deliver", "delivered"), "deliver"),
            Map.entry(set("reject", "rejected"), "reject"),
            Map.entry(reopen(), "reopen"),
            Map.entry(new StatusSpec("toggle", null, Effect.TOGGLE), "toggle")));

    /** Words skipped before a noun: articles, quantifiers, possessives, and status adjectives. */
    private static final Set<String> SKIPPED = Set.of("a", "an", "the", "all", "any", "each", "every", "some",
            "my", "your", "their", "our", "his", "her", "its", "this", "that", "these", "those", "new", "existing",
            "single", "multiple", "several", "many", "one", "more", "other", "own", "old", "current", "selected",
            "specific", "individual", "various", "recent", "upcoming", "pending", "completed", "finished", "done",
            "active", "archived", "open", "closed", "overdue", "important", "available", "saved",
            "stored", "entire", "whole", "list", "just", "only", "also", "easily", "quickly", "up", "out", "off");

    /** Words that may come between a noun and the verb of a passive sentence. */
    private static final Set<String> MODALS = Set.of("can", "could", "should", "must", "will", "would", "may",
            "might", "be", "is", "are", "was", "were", "been", "being", "able", "to", "get", "gets", "not");

    /** Words that end a noun phrase. */
    private static final Set<String> TERMINATORS = Set.of("with", "having", "including", "containing", "by", "to",
            "in", "into", "from", "for", "of", "on", "at", "as", "via", "using", "per", "within", "without", "and",
            "or", "but", "so", "that", "which", "who", "when", "where", "while", "if", "then", "than", "after",
            "before", "until", "between", "through", "plus", "below", "above", "under", "over", "beneath",
            "exceeding", "i", "we", "you", "they", "it", "them", "me", "us",
            "he", "she", "can", "could", "should", "must", "will", "would", "may", "might", "be", "is", "are",
            "was", "were", "been", "being", "not", "no", "like", "such", "etc", "e", "g", "ie", "eg", ",",
            ";", ".", ":");

    /** Words that start a field list. */
    private static final Set<String> FIELD_LIST = Set.of("with", "having", "including", "containing");

    /** Words that end a field or criteria list. */
    private static final Set<String> LIST_END = Set.of("by", "to", "in", "into", "from", "for", "via", "using",
            "on", "at", "per", "that", "which", "so", "when", "where", "if", "then", "as", "within", "without",
            "after", "before", "until", "like", "such", "etc", "below", "above", "under", "over", "beneath",
            "exceeding", "between", ";", ".", ":");

    /** Words that separate the items of a field or criteria list. */
    private static final Set<String> LIST_SEPARATORS = Set.of(",", "and", "or", "plus", "also");

    /** Words dropped inside a field phrase. */
    private static final Set<String> FIELD_NOISE = Set.of("a", "an", "the", "its", "their", "his", "her", "my",
            "your", "our", "optional", "optionally", "required", "mandatory", "some", "any", "new", "each", "own",
            "possibly", "maybe", "custom", "s");

    /** Words that end a compound noun without being part of it: "task list" is about tasks. */
    private static final Set<String> CONTAINERS = Set.of("list", "lists", "collection", "collections", "overview",
            "page", "pages", "screen", "screens", "table", "tables", "dashboard", "details", "detail", "info",
            "information", "completion", "status", "state", "entries", "records", "items", "item", "entry",
            "record", "data");

    /** Nouns that, after an entity noun, name a field of it ("set task priorities"). */
    private static final Set<String> FIELD_NOUNS = Set.of("name", "title", "description", "date", "priority",
            "status", "state", "deadline", "due", "note", "tag", "label", "category", "color", "colour", "amount",
            "price", "cost", "quantity", "count", "owner", "assignee", "email", "phone", "address", "rating", "score",
            "level", "severity", "progress", "comment", "text", "content", "body", "url", "link", "time", "duration",
            "position", "order", "importance", "urgency", "type", "kind", "size", "weight", "location");

    /** Words that ask for items below a threshold. */
    private static final Set<String> BELOW = Set.of("below", "under", "beneath");

    /** Words that ask for items above a threshold. */
    private static final Set<String> ABOVE = Set.of("above", "over", "exceeding");

    /** Words after "below"/"above" that name the threshold itself rather than a field. */
    private static final Set<String> THRESHOLD_NOUNS = Set.of("threshold", "limit", "value", "minimum", "maximum",
            "min", "max", "given", "certain", "specified", "configurable", "chosen", "than", "level", "mark",
            "point", "cutoff");

    /** Prepositions that, after the entity of a create, name another thing it refers to ("orders to suppliers"). */
    private static final Set<String> REFERENCE_WORDS = Set.of("of", "to", "for", "per");

    /** Nouns that look like the object of a preposition but name no thing an item refers to. */
    private static final Set<String> NOT_REFERENCES = Set.of("today", "tomorrow", "yesterday", "later", "now",
            "example", "instance", "free", "sale", "use", "reference", "everyone", "everybody", "anyone", "all",
            "time", "ever", "good", "review", "approval", "csv", "json", "file", "files", "export");

    /** Verbs whose target after "to" or "between" is a field of the entity ("assign employees to warehouses"). */
    private static final Set<String> TARGET_VERBS = Set.of("assign", "transfer", "move");

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9]+|[,;.:]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)");
    private static final Pattern LETTERS = Pattern.compile("[a-z]{2,}");

    /** The verbs a user can rely on, for messages. */
    static final String VERB_SUMMARY = "add/create/new/register, list/show/view/display/browse, "
            + "get/find/search/filter/query/sort, update/edit/modify/rename/change/set, delete/remove, "
            + "assign/transfer/move/tag, mark/complete/finish/toggle/archive/close/cancel/ship/receive/approve, "
            + "export/import/report/count/summary";

    /** A field a feature names. @param words lower-case words @param required false if marked optional */
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
     * @param fieldWords the compared field's lower-case words; empty for "the entity's first number field"
     * @param below      true for items below the threshold, false for items above it
     */
    public record ThresholdSpec(List<String> fieldWords, boolean below) {
        /** Copies the words. */
        public ThresholdSpec {
            fieldWords = List.copyOf(fieldWords);
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
     * @param reason       why the feature is not understood, or null
     */
    public record Interpretation(List<Operation> operations, List<String> entityWords, List<FieldHint> fields,
            List<FieldHint> updateFields, boolean labelUpdate, List<List<String>> criteria, boolean sort,
            List<StatusSpec> statuses, Set<AggregateKind> aggregates, List<ThresholdSpec> thresholds,
            String reason) {

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
        }

        /** @return true if the feature was understood */
        public boolean understood() {
            return reason == null;
        }

        static Interpretation unsupported(String reason) {
            return new Interpretation(List.of(), List.of(), List.of(), List.of(), false, List.of(), false,
                    List.of(), Set.of(), List.of(), reason);
        }
    }

    /**
     * @param entries each value with the words that name it, separated by spaces
     * @return word → value
     * @throws IllegalStateException when a word names two values
     */
    private static <V> Map<String, V> byWord(List<Map.Entry<V, String>> entries) {
        Map<String, V> map = new HashMap<>();
        for (Map.Entry<V, String> entry : entries) {
            for (String word : entry.getValue().split(" ")) {
                if (map.putIfAbsent(word, entry.getKey()) != null) {
                    throw new IllegalStateException("the word '" + word + "' is in the lexicon twice");
                }
            }
        }
        return Map.copyOf(map);
    }

    private static StatusSpec set(String action, String field) {
        return new StatusSpec(action, field, Effect.SET);
    }

    private static StatusSpec complete() {
        return new StatusSpec("complete", "completed", Effect.SET);
    }

    private static StatusSpec cancel() {
        return new StatusSpec("cancel", "cancelled", Effect.SET);
    }

    private static StatusSpec reopen() {
        return new StatusSpec("reopen", null, Effect.CLEAR);
    }

    /**
     * @param feature a feature sentence from the spec
     * @return what it says; {@link Interpretation#understood()} is false, with a reason, when no verb of the
     *         lexicon is found
     */
    public Interpretation interpret(String feature) {
        Objects.requireNonNull(feature, "feature");
        List<String> tokens = tokenize(feature);
        int verbAt = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (lemma(tokens.get(i)) != null) {
                verbAt = i;
                break;
            }
        }
        if (verbAt < 0) {
            List<String> nouns = fieldPhrase(tokens);
            if (!nouns.isEmpty()) {
                return build(tokens, List.of("set"), nouns, tokens.size());
            }
            return Interpretation.unsupported("no operation verb found; the simple backend understands "
                    + VERB_SUMMARY);
        }
        List<String> verbs = new ArrayList<>();
        verbs.add(lemma(tokens.get(verbAt)));
        int at = verbAt + 1;
        if (VERBS.get(verbs.get(0)) == Operation.LIST) {
            int next = skip(tokens, at, SKIPPED);
            String nextVerb = next < tokens.size() ? lemma(tokens.get(next)) : null;
            if (nextVerb != null && (VERBS.get(nextVerb) == Operation.FIND
                    || VERBS.get(nextVerb) == Operation.AGGREGATE)) {
                verbs.set(0, nextVerb);
                at = next + 1;
            }
        }
        while (at + 1 < tokens.size() && LIST_SEPARATORS.contains(tokens.get(at))
                && lemma(tokens.get(at + 1)) != null) {
            verbs.add(lemma(tokens.get(at + 1)));
            at += 2;
        }
        at = skip(tokens, at, Set.of("of", "for", "through"));
        int nounStart = skipModifiers(tokens, at);
        List<String> nouns = new ArrayList<>();
        int i = nounStart;
        while (i < tokens.size() && (isNoun(tokens.get(i), i == nounStart && i > verbAt + 1
                && (SKIPPED.contains(tokens.get(i - 1)) || tokens.get(i - 1).equals("of"))) || isGerundBefore(tokens, i))) {
            nouns.add(tokens.get(i));
            i++;
        }
        int afterNouns = i;
        if (nouns.size() == 1 && verbs.stream().allMatch(v -> VERBS.get(v) == Operation.CREATE)
                && FIELD_NOUNS.contains(Inflector.singular(nouns.get(0))) && afterNouns < tokens.size()
                && (tokens.get(afterNouns).equals("to") || tokens.get(afterNouns).equals("on"))) {
            List<String> target = nounPhrase(tokens, afterNouns + 1);
            if (!target.isEmpty()) {
                return attach(nouns.get(0), target);
            }
        }
        if (nouns.isEmpty()) {
            nouns.addAll(nounsBefore(tokens, verbAt));
            afterNouns = at;
        }
        return build(tokens, verbs, nouns, afterNouns);
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
                List.of(), null);
    }

    private Interpretation build(List<String> tokens, List<String> verbs, List<String> rawNouns, int afterNouns) {
        Set<Operation> operations = new LinkedHashSet<>();
        for (String verb : verbs) {
            operations.add(VERBS.get(verb));
        }
        List<String> nouns = new ArrayList<>(rawNouns);
        while (nouns.size() > 1 && CONTAINERS.contains(nouns.get(nouns.size() - 1))) {
            nouns.remove(nouns.size() - 1);
        }
        List<FieldHint> updateFields = new ArrayList<>();
        if (operations.contains(Operation.UPDATE) && nouns.size() >= 2
                && FIELD_NOUNS.contains(Inflector.singular(nouns.get(nouns.size() - 1)))) {
            List<String> fieldWords = new ArrayList<>(nouns.subList(1, nouns.size()));
            fieldWords.set(fieldWords.size() - 1, Inflector.singular(fieldWords.get(fieldWords.size() - 1)));
            updateFields.add(new FieldHint(last(fieldWords, 3), false));
            nouns = new ArrayList<>(nouns.subList(0, 1));
        }
        if (nouns.size() == 1 && CONTAINERS.contains(nouns.get(0)) && !nouns.get(0).startsWith("item")
                && !nouns.get(0).startsWith("entr") && !nouns.get(0).startsWith("record")) {
            nouns.clear();
        }
        List<String> entityWords = new ArrayList<>(last(nouns, 3));
        if (!entityWords.isEmpty()) {
            int lastIndex = entityWords.size() - 1;
            entityWords.set(lastIndex, Inflector.singular(entityWords.get(lastIndex)));
        }

        List<FieldHint> fields = new ArrayList<>();
        List<List<String>> criteria = new ArrayList<>();
        String statusWord = null;
        String assignTarget = null;
        List<ThresholdSpec> thresholds = new ArrayList<>();
        boolean create = operations.contains(Operation.CREATE);
        boolean targetVerb = verbs.stream().anyMatch(TARGET_VERBS::contains);
        boolean perCriteria = false;
        for (int i = afterNouns; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (FIELD_LIST.contains(token)) {
                i = readList(tokens, i + 1, fields, true) - 1;
            } else if (token.equals("by")) {
                List<FieldHint> hints = new ArrayList<>();
                i = readList(tokens, i + 1, hints, false) - 1;
                for (FieldHint hint : hints) {
                    criteria.add(hint.words());
                }
            } else if (!create && (BELOW.contains(token) || ABOVE.contains(token))) {
                int end = nounPhraseEnd(tokens, i + 1);
                List<String> words = tokens.subList(skipModifiers(tokens, i + 1), end);
                List<String> fieldWords = words.isEmpty() || THRESHOLD_NOUNS.contains(words.get(words.size() - 1))
                        ? List.of() : last(words, 3);
                ThresholdSpec threshold = new ThresholdSpec(fieldWords, BELOW.contains(token));
                if (!thresholds.contains(threshold)) {
                    thresholds.add(threshold);
                }
                i = Math.max(i, end - 1);
            } else if (targetVerb && assignTarget == null && (token.equals("to") || token.equals("between"))) {
                List<String> target = nounPhrase(tokens, i + 1);
                if (!target.isEmpty()) {
                    assignTarget = Inflector.singular(target.get(target.size() - 1));
                }
            } else if (token.equals("per") || (create && REFERENCE_WORDS.contains(token))) {
                int end = nounPhraseEnd(tokens, i + 1);
                List<String> target = nounPhrase(tokens, i + 1);
                if (!target.isEmpty() && !NOT_REFERENCES.contains(target.get(target.size() - 1))
                        && !CONTAINERS.contains(tokens.get(end - 1))
                        && (end >= tokens.size() || !CONTAINERS.contains(tokens.get(end)))) {
                    String reference = Inflector.singular(target.get(target.size() - 1));
                    if (create) {
                        FieldHint hint = new FieldHint(List.of(reference), false);
                        if (!reference.equals(entityWords.isEmpty() ? "" : entityWords.get(entityWords.size() - 1))
                                && fields.stream().noneMatch(f -> f.words().equals(hint.words()))) {
                            fields.add(hint);
                        }
                    } else {
                        criteria.add(List.of(reference));
                        perCriteria = true;
                    }
                    i = end - 1;
                }
            } else if (statusWord == null && operations.contains(Operation.STATUS) && verbs.contains("mark")) {
                int s = skip(tokens, i, Set.of("as", "to", "being", "a", "an", "the", "is"));
                if (s < tokens.size() && LETTERS.matcher(tokens.get(s)).matches()
                        && !TERMINATORS.contains(tokens.get(s))) {
                    statusWord = tokens.get(s);
                    i = s;
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
                sort, statuses, aggregates, thresholds, null);
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

    /** Reads a list of field phrases; returns the index after it. */
    private int readList(List<String> tokens, int from, List<FieldHint> into, boolean fieldList) {
        List<String> part = new ArrayList<>();
        boolean optional = false;
        int i = from;
        for (; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (LIST_END.contains(token) || (!fieldList && FIELD_LIST.contains(token))) {
                break;
            }
            if (LIST_SEPARATORS.contains(token)) {
                addHint(into, part, optional, fieldList);
                part = new ArrayList<>();
                optional = false;
                continue;
            }
            if (token.equals("optional") || token.equals("optionally")) {
                optional = true;
            }
            if (!FIELD_NOISE.contains(token) && LETTERS.matcher(token).matches()) {
                part.add(token);
            }
        }
        addHint(into, part, optional, fieldList);
        return i;
    }

    private static void addHint(List<FieldHint> into, List<String> part, boolean optional, boolean fieldList) {
        if (part.isEmpty()) {
            return;
        }
        List<String> words = new ArrayList<>(last(part, 3));
        if (!fieldList) {
            words.set(words.size() - 1, Inflector.singular(words.get(words.size() - 1)));
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
     * Skips articles, quantifiers and status adjectives ("delivered shipments", "shipped orders").
     *
     * @return the index of the first other token
     */
    private static int skipModifiers(List<String> tokens, int from) {
        int i = from;
        while (i < tokens.size() && (SKIPPED.contains(tokens.get(i)) || isStatusParticiple(tokens.get(i)))) {
            i++;
        }
        return i;
    }

    private static boolean isStatusParticiple(String token) {
        if (!token.endsWith("ed")) {
            return false;
        }
        String verb = lemma(token);
        return verb != null && VERBS.get(verb) == Operation.STATUS;
    }

    /** @return the index after the noun phrase starting at {@code from} (after its modifiers) */
    private int nounPhraseEnd(List<String> tokens, int from) {
        int i = skipModifiers(tokens, from);
        while (i < tokens.size() && (isNoun(tokens.get(i), false) || isGerundBefore(tokens, i))) {
            i++;
        }
        return i;
    }

    /** @return true for a verb form in -ing that modifies the noun after it ("shipping addresses") */
    private boolean isGerundBefore(List<String> tokens, int at) {
        return tokens.get(at).endsWith("ing") && !TERMINATORS.contains(tokens.get(at)) && at + 1 < tokens.size()
                && isNoun(tokens.get(at + 1), false);
    }

    /** @return the nouns of the phrase starting at {@code from}, without its modifiers; empty when there is none */
    private List<String> nounPhrase(List<String> tokens, int from) {
        int start = skipModifiers(tokens, from);
        List<String> words = new ArrayList<>(tokens.subList(start, nounPhraseEnd(tokens, from)));
        while (!words.isEmpty() && CONTAINERS.contains(words.get(words.size() - 1)) && words.size() > 1) {
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

    private boolean isNoun(String token, boolean afterDeterminer) {
        if (!LETTERS.matcher(token).matches() || TERMINATORS.contains(token)) {
            return false;
        }
        return afterDeterminer || lemma(token) == null;
    }

    private static List<String> last(List<String> words, int count) {
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
        String ascii = MARKS.matcher(Normalizer.normalize(PARENTHESES.matcher(text).replaceAll(" "),
                Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(ascii);
        while (matcher.find()) {
            String token = matcher.group();
            if (!token.equals("s")) {
                tokens.add(token);
            }
        }
        return tokens;
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
                    if (VERBS.containsKey(candidate) && (candidate.length() >= base.length() || doubled)) {
                        return candidate;
                    }
                }
            }
        }
        return null;
    }
}

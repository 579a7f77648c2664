package dev.thefactory.fallbacks.internal.domain;

import dev.thefactory.fallbacks.internal.domain.FeatureInterpreter.StatusSpec;
import dev.thefactory.fallbacks.internal.domain.StatusAction.Effect;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words the feature interpreter knows: verbs and the operations they ask for, status words, and the word classes
 * that shape a sentence (articles, qualifiers, modals, prepositions, containers, field nouns, roles, formats).
 * Immutable and thread-safe.
 */
final class Lexicon {

    /** The verb lexicon: word → operation. */
    static final Map<String, Operation> VERBS = byWord(List.of(
            Map.entry(Operation.CREATE, "add create new register insert enter log record track submit post schedule"
                    + " write save store"),
            Map.entry(Operation.LIST, "list show view display browse see"),
            Map.entry(Operation.FIND, "get find search filter query sort lookup retrieve fetch locate"),
            Map.entry(Operation.UPDATE, "update edit modify rename change set assign adjust prioritize prioritise"
                    + " reschedule transfer move tag"),
            Map.entry(Operation.DELETE, "delete remove erase discard destroy purge"),
            Map.entry(Operation.STATUS, "mark complete finish toggle done archive close reopen resolve publish"
                    + " approve accept cancel ship receive deliver reject"),
            Map.entry(Operation.AGGREGATE, "export import report count summary summarize summarise aggregate"
                    + " statistics stats")));

    /**
     * Verbs that are also nouns and, where a sentence's verb stands ("Issue invoices with an amount"), record a new
     * item: a create.
     */
    static final Set<String> RECORD_VERBS = Set.of("issue", "file", "draft", "request");

    /**
     * Verbs of a trade that, where a sentence's verb stands ("Sell tickets for events with a price"), record the
     * traded item, but whose business (payment, stock, availability, returns) the templates do not have: a create,
     * with the verb left over as a gap.
     */
    static final Set<String> TRADE_VERBS = Set.of("sell", "buy", "purchase", "order", "book", "reserve", "rent",
            "hire", "lend", "borrow", "loan");

    /**
     * The record a trade verb makes when it places an item into another ("book a member into a class" records a
     * booking).
     */
    static final Map<String, String> TRADE_RECORDS = Map.ofEntries(Map.entry("book", "booking"),
            Map.entry("reserve", "reservation"), Map.entry("order", "order"), Map.entry("sell", "sale"),
            Map.entry("buy", "purchase"), Map.entry("purchase", "purchase"), Map.entry("rent", "rental"),
            Map.entry("hire", "hire"), Map.entry("lend", "loan"), Map.entry("borrow", "loan"),
            Map.entry("loan", "loan"));

    /** Verbs that link existing items of two kinds ("Enrol students in courses"): not generated. */
    static final Set<String> LINK_VERBS = Set.of("enrol", "enroll", "enrols", "enrolls", "subscribe", "join");

    /** Nouns formed from verbs that the suffix rules miss. */
    static final Map<String, String> NOMINALS = Map.of("addition", "add", "registration", "register",
            "modification", "modify", "submission", "submit", "searching", "search", "prioritization", "prioritize");

    /** The known status words after {@code mark ... as}: word → action, field, effect. */
    static final Map<String, StatusSpec> STATUS_WORDS = byWord(List.of(
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
            Map.entry(set("accept", "accepted"), "accepted"),
            Map.entry(cancel(), "cancelled canceled"),
            Map.entry(set("ship", "shipped"), "shipped"),
            Map.entry(set("receive", "received"), "received"),
            Map.entry(set("deliver", "delivered"), "delivered"),
            Map.entry(set("reject", "rejected"), "rejected"),
            Map.entry(set("markPaid", "paid"), "paid")));

    /** The status a status verb itself names. */
    static final Map<String, StatusSpec> STATUS_VERBS = byWord(List.of(
            Map.entry(complete(), "complete finish done"),
            Map.entry(set("archive", "archived"), "archive"),
            Map.entry(set("close", "closed"), "close"),
            Map.entry(set("resolve", "resolved"), "resolve"),
            Map.entry(set("publish", "published"), "publish"),
            Map.entry(set("approve", "approved"), "approve"),
            Map.entry(set("accept", "accepted"), "accept"),
            Map.entry(cancel(), "cancel"),
            Map.entry(set("ship", "shipped"), "ship"),
            Map.entry(set("receive", "received"), "receive"),
            Map.entry(set("deliver", "delivered"), "deliver"),
            Map.entry(set("reject", "rejected"), "reject"),
            Map.entry(reopen(), "reopen"),
            Map.entry(new StatusSpec("toggle", null, Effect.TOGGLE), "toggle")));

    /** Words skipped before a noun: articles, quantifiers and possessives. */
    static final Set<String> SKIPPED = Set.of("a", "an", "the", "all", "any", "each", "every", "some",
            "my", "your", "their", "our", "his", "her", "its", "this", "that", "these", "those", "new", "existing",
            "single", "multiple", "several", "many", "one", "more", "other", "own", "current", "selected",
            "specific", "individual", "various", "saved", "stored", "entire", "whole", "list", "just", "only", "also",
            "easily", "quickly", "up", "out", "off");

    /**
     * Adjectives before a noun that narrow the items ("completed tasks", "overdue invoices"): skipped to find the
     * noun, but left over unless the verb itself is about that state ("Reopen closed tickets").
     */
    static final Set<String> QUALIFIERS = Set.of("pending", "completed", "finished", "done", "active",
            "archived", "open", "closed", "overdue", "important", "available", "recent", "upcoming", "old", "similar",
            "incoming", "related", "duplicate", "expired", "unpaid", "unread", "late", "newest", "latest", "oldest",
            "accepted", "billed", "submitted", "proposed", "assigned", "scheduled", "past", "future", "answered",
            "invoiced", "paid", "published", "approved", "rejected", "cancelled", "canceled", "valid", "invalid");

    /**
     * Possessive determiners that say whose items a sentence is about ("my tasks", "their orders"): the generated
     * project has no current user, so they are left over, never skipped.
     */
    static final Set<String> PERSONAL = Set.of("my", "your", "their", "our");

    /**
     * Words that, at the start of a left-over phrase, say which items a sentence is about ("with a due date", "due
     * today", "by ingredient", "after they are shipped", "per customer"): listing or counting all items does not
     * honour such a sentence.
     */
    static final Set<String> NARROWING = Set.of("with", "having", "without", "containing", "including", "due",
            "by", "below", "above", "under", "over", "exceeding", "after", "before", "since", "until", "older",
            "newer", "that", "which", "whose", "where", "for", "of", "per", "own", "between", "my", "your", "their",
            "our");

    /**
     * Units of measure, singular: after "in", a unit names what a number field is given in ("an estimate in hours",
     * "a distance in km"), and the field is a number.
     */
    static final Set<String> UNITS = Set.of("millisecond", "second", "minute", "hour", "day", "week", "month",
            "year", "mg", "gram", "kg", "kilogram", "lb", "pound", "ounce", "oz", "mm", "cm", "metre", "meter", "km",
            "kilometre", "kilometer", "mile", "inch", "foot", "feet", "ml", "litre", "liter", "gallon", "cent", "euro",
            "dollar", "usd", "eur", "gbp", "percent", "kcal", "calorie", "byte", "kb", "mb", "gb", "point", "degree",
            "celsius", "fahrenheit", "step", "rep", "repetition");

    /** Qualifiers a status change that sets its field may be about: completing open tasks. */
    static final Set<String> NOT_YET = Set.of("open", "pending", "active", "incoming", "unpaid", "unread");

    /** Words that may come between a noun and the verb of a passive sentence. */
    static final Set<String> MODALS = Set.of("can", "could", "should", "must", "will", "would", "may",
            "might", "be", "is", "are", "was", "were", "been", "being", "able", "to", "get", "gets", "not");

    /** Words that end a noun phrase. */
    static final Set<String> TERMINATORS = Set.of("with", "having", "including", "containing", "by", "to",
            "in", "into", "from", "for", "of", "on", "at", "as", "via", "using", "per", "within", "without", "and",
            "or", "but", "so", "that", "which", "who", "when", "where", "while", "if", "then", "than", "after",
            "before", "until", "between", "through", "plus", "below", "above", "under", "over", "beneath",
            "exceeding", "i", "we", "you", "they", "it", "them", "me", "us",
            "he", "she", "can", "could", "should", "must", "will", "would", "may", "might", "be", "is", "are",
            "was", "were", "been", "being", "not", "no", "like", "such", "etc", "e", "g", "ie", "eg", "across",
            "against", "among", "around", "about", "along", "beyond", "except", "during", "throughout", "onto",
            "upon", "toward", "towards", "inside", "outside", "only", "all", "every", "each", "any", "whose", "once",
            "today", "tomorrow", "yesterday", "now", "later", "soon", ",", ";", ".", ":");

    /** Plurals that may stand before the head of a compound noun ("sales orders"). */
    static final Set<String> PLURAL_MODIFIERS = Set.of("sales", "news", "goods", "savings", "earnings", "logistics",
            "analytics", "customs", "clothes", "series", "species", "sports", "arts", "parts", "systems", "means");

    /** Verbs outside the lexicon that start a new clause in a list ("with an email, and send a welcome email"). */
    static final Set<String> CLAUSE_VERBS = Set.of("send", "prevent", "ensure", "check", "return", "calculate",
            "compute", "generate", "notify", "allow", "avoid", "block", "limit", "warn", "remind", "print", "read",
            "sync", "save", "store", "keep", "make", "take", "give", "use", "support", "handle", "process", "convert",
            "render", "validate", "verify", "redirect", "charge", "show", "let", "disallow", "forbid", "require",
            "reset", "upload", "download", "share", "invite", "display", "highlight", "suggest", "recommend");

    /** Words that start a field list. */
    static final Set<String> FIELD_LIST = Set.of("with", "having", "including", "containing");

    /** Words that end a field or criteria list. */
    static final Set<String> LIST_END = Set.of("by", "to", "in", "into", "from", "for", "via", "using",
            "on", "at", "per", "that", "which", "so", "when", "where", "if", "then", "as", "within", "without",
            "after", "before", "until", "like", "such", "etc", "below", "above", "under", "over", "beneath",
            "exceeding", "between", "across", "against", "among", "around", "about", "along", "beyond", "except",
            "during", "throughout", "onto", "upon", "toward", "towards", "only", "whose", "once", ";", ".", ":");

    /** Words that separate the items of a field or criteria list. */
    static final Set<String> LIST_SEPARATORS = Set.of(",", "and", "or", "plus", "also");

    /** Words dropped inside a field phrase. */
    static final Set<String> FIELD_NOISE = Set.of("a", "an", "the", "its", "their", "his", "her", "my",
            "your", "our", "optional", "optionally", "required", "mandatory", "some", "any", "new", "each", "own",
            "possibly", "maybe", "custom", "s");

    /** Words that end a compound noun without being part of it: "task list" is about tasks. */
    static final Set<String> CONTAINERS = Set.of("list", "lists", "collection", "collections", "overview",
            "page", "pages", "screen", "screens", "table", "tables", "dashboard", "details", "detail", "info",
            "information", "completion", "status", "state", "entries", "records", "items", "item", "entry",
            "record", "data");

    /** Nouns that, after an entity noun, name a field of it ("set task priorities"). */
    static final Set<String> FIELD_NOUNS = Set.of("name", "title", "description", "date", "priority",
            "status", "state", "deadline", "due", "note", "tag", "label", "category", "color", "colour", "amount",
            "price", "cost", "quantity", "count", "owner", "assignee", "email", "phone", "address", "rating", "score",
            "level", "severity", "progress", "comment", "text", "content", "body", "url", "link", "time", "duration",
            "position", "order", "importance", "urgency", "type", "kind", "size", "weight", "location");

    /** Words that ask for items below a threshold. */
    static final Set<String> BELOW = Set.of("below", "under", "beneath");

    /** Words that ask for items above a threshold. */
    static final Set<String> ABOVE = Set.of("above", "over", "exceeding");

    /** Words that compare dates in a query ("due before a date", "after a given date"): word → true for before. */
    static final Map<String, Boolean> DATE_COMPARISONS = Map.of("before", true, "until", true, "after", false,
            "since", false);

    /** Words after "below"/"above" that name the threshold itself rather than a field. */
    static final Set<String> THRESHOLD_NOUNS = Set.of("threshold", "limit", "value", "minimum", "maximum",
            "min", "max", "given", "certain", "specified", "configurable", "chosen", "than", "level", "mark",
            "point", "cutoff");

    /** Prepositions that, after the entity of a create, name another thing it refers to ("orders to suppliers"). */
    static final Set<String> REFERENCE_WORDS = Set.of("of", "to", "for", "per");

    /** Nouns that look like the object of a preposition but name no thing an item refers to. */
    static final Set<String> NOT_REFERENCES = Set.of("today", "tomorrow", "yesterday", "later", "now",
            "example", "instance", "free", "sale", "use", "reference", "everyone", "everybody", "anyone", "all",
            "time", "ever", "good", "review", "approval", "csv", "json", "file", "files", "export", "row", "rows",
            "line", "lines", "column", "columns", "output", "console", "stdout", "stderr");

    /** Verbs whose past participles ("saved", "stored") describe an item rather than ask for an operation. */
    static final Set<String> NO_DERIVED_FORMS = Set.of("save", "store");

    /**
     * Words that name a data format, a piece of one or an output channel ("a JSON array of objects", "standard
     * output"): not a kind of item to store, so no entity or field is made from them.
     */
    static final Set<String> DATA_FORMATS = Set.of("json", "xml", "csv", "yaml", "yml", "html", "pdf", "array",
            "arrays", "object", "objects", "stdout", "stderr", "console", "terminal", "output", "outputs");

    /** Words after "to" that name an output channel ("write ... to standard output", "print ... to the console"). */
    static final Set<String> CHANNELS = Set.of("stdout", "stderr", "console", "terminal", "standard", "disk",
            "file", "files", "screen", "json", "xml", "yaml", "html");

    /** Words that start a clause telling when something happens ("when an item is added"). */
    static final Set<String> TRIGGERS = Set.of("when", "whenever", "once", "after");

    /** Figures an update may set as a plain field of the item ("Update order totals"). */
    static final Set<String> SETTABLE_FIGURES = Set.of("total", "subtotal", "balance");

    /** Verbs whose target after "to" or "between" is a field of the entity ("assign employees to warehouses"). */
    static final Set<String> TARGET_VERBS = Set.of("assign", "transfer", "move");

    /** Words before the verb that name whoever uses the project, which every generated operation serves. */
    static final Set<String> ANYONE = Set.of("user", "users", "person", "people", "visitor", "visitors",
            "anyone", "everyone", "someone", "somebody", "customer", "customers", "client", "clients", "member",
            "members", "player", "players", "patient", "patients", "student", "students", "developer", "developers",
            "caller", "callers", "application", "applications", "app", "apps", "system", "service", "it");

    /** Words before the verb that limit who may do it: the templates have no access rules. */
    static final Set<String> ROLES = Set.of("admin", "admins", "administrator", "administrators", "manager",
            "managers", "moderator", "moderators", "owner", "owners", "staff", "editor", "editors", "superuser",
            "superusers", "operator", "operators", "reviewer", "reviewers", "only", "authorized", "authorised",
            "logged", "authenticated", "signed");

    /** Words after a field that tell how a secret is kept: honoured for secret fields, which are stored hashed. */
    static final Set<String> HASHED = Set.of("hashed", "hash", "salted", "hashes", "hashing");

    /** The format of exports and imports. */
    static final String CSV = "csv";

    /** Formats other than CSV an export or import may ask for. */
    static final Set<String> OTHER_FORMATS = Set.of("pdf", "excel", "xlsx", "xls", "json", "xml", "html",
            "markdown", "docx", "yaml", "yml", "parquet", "word");

    /** The heads of noun phrases that name figures over groups rather than kinds of items. */
    static final Set<String> FIGURES = Set.of("total", "sum", "average", "mean", "median", "breakdown",
            "trend", "statistic", "percentage", "ratio", "revenue", "frequency", "histogram", "leaderboard");

    /** Heads that, before "of", name a figure over the items after it ("the number of visits"). */
    static final Set<String> FIGURES_OF = Set.of("number", "count", "total", "sum", "average", "mean", "median",
            "share", "percentage", "ratio", "proportion");

    /** Words that group a figure: "per region", "by month", "monthly". */
    static final Set<String> GROUPINGS = Set.of("per", "by", "each", "every", "hourly", "daily", "weekly",
            "monthly", "quarterly", "yearly", "annual", "annually");

    /**
     * Word pairs that ask how often something happens ("how many times", "how often", "each time it is opened"):
     * counting events needs each one recorded as a side effect of another operation.
     */
    static final Set<String> EVENT_PAIRS = Set.of("many times", "how often", "of times", "each time",
            "every time");

    /** Nouns, singular, that name events rather than items someone stores ("count clicks per link"). */
    static final Set<String> EVENT_NOUNS = Set.of("click", "hit", "view", "pageview", "impression",
            "clickthrough", "download");

    /** Participles that, after a form of "be" or "get", tell that something happened ("each link was followed"). */
    static final Set<String> EVENT_PARTICIPLES = Set.of("followed", "visited", "viewed", "clicked", "opened",
            "accessed", "downloaded", "played", "seen", "watched", "requested", "shared", "used", "hit");

    /** The forms of "be" and "get" before a participle. */
    static final Set<String> BE_FORMS = Set.of("is", "are", "was", "were", "been", "be", "being", "gets", "get",
            "got", "gotten");

    /** Verbs outside the lexicon that, with "from" later in the sentence, ask for an import ("load orders from"). */
    static final Set<String> IMPORT_VERBS = Set.of("load", "read", "ingest");

    /** Units of text: counting them is text processing, not counting stored items. */
    static final Set<String> TEXT_UNITS = Set.of("word", "line", "character", "char", "letter", "sentence",
            "paragraph", "byte", "token", "syllable");


    /**
     * @param entries each value with the words that name it, separated by spaces
     * @return word → value
     * @throws IllegalStateException when a word names two values
     */
    static <V> Map<String, V> byWord(List<Map.Entry<V, String>> entries) {
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

    static StatusSpec set(String action, String field) {
        return new StatusSpec(action, field, Effect.SET);
    }

    static StatusSpec complete() {
        return new StatusSpec("complete", "completed", Effect.SET);
    }

    static StatusSpec cancel() {
        return new StatusSpec("cancel", "cancelled", Effect.SET);
    }

    static StatusSpec reopen() {
        return new StatusSpec("reopen", null, Effect.CLEAR);
    }

    private Lexicon() {
    }
}

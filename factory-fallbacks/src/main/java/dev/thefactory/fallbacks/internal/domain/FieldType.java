package dev.thefactory.fallbacks.internal.domain;

import dev.thefactory.fallbacks.internal.text.Codes;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The value types a generated field can have, and the naming heuristic that picks one. Immutable and
 * thread-safe.
 */
public enum FieldType {
    /** Free text. */
    STRING,
    /** A calendar date (ISO-8601, {@code 2026-12-01}). */
    DATE,
    /** A date with a time of day, without a zone (ISO-8601, {@code 2026-12-01T09:30}). */
    DATE_TIME,
    /** A whole number that fits an {@code int}, at least 0. */
    INT,
    /** A whole number that needs a {@code long}, at least 0. */
    LONG,
    /** An exact decimal number such as a price, at least 0. */
    DECIMAL,
    /** Yes or no. */
    BOOLEAN,
    /** One of {@link #LEVELS}, such as a priority. */
    LEVEL;

    /** The values of a {@link #LEVEL} field, lowest first. */
    public static final List<String> LEVELS = List.of("LOW", "MEDIUM", "HIGH");

    private static final Set<String> DATE_WORDS = Set.of("date", "deadline", "birthday", "due", "day",
            "birth", "birthdate", "expiry", "expiration", "expires");
    /** Last words that name a moment with its time of day: "a timestamp", "a created_at". */
    private static final Set<String> MOMENT_WORDS = Set.of("timestamp", "datetime", "moment", "instant");
    /**
     * Words before {@code time} that make it a moment ("a start time"); a bare "time" is a time of day and "a
     * response time" a duration, both kept as text.
     */
    private static final Set<String> MOMENT_TIMES = Set.of("start", "end", "begin", "finish", "pickup", "departure",
            "arrival", "delivery", "appointment", "meeting", "booking", "event", "checkin", "checkout", "due",
            "opening", "closing", "expiry", "expiration", "release", "publication", "publish", "reminder", "launch",
            "visit", "entry", "exit", "login", "logout", "session", "slot", "scheduled", "created", "updated",
            "modified", "sent", "received", "submission", "creation", "kickoff", "kick", "deadline");
    private static final Set<String> INT_WORDS = Set.of("count", "quantity", "number", "age", "rating", "score",
            "year", "stock", "pages", "minutes", "hours", "days", "servings", "calories", "capacity", "seats",
            "seconds", "secs", "weeks", "months", "years", "target", "limit", "goal", "quota", "threshold", "minimum",
            "maximum", "min", "max");
    private static final Set<String> LONG_WORDS = Set.of("size", "bytes", "duration", "population", "ms",
            "millis", "milliseconds", "micros", "nanos", "kb", "mb", "gb");
    private static final Set<String> DECIMAL_WORDS = Set.of("amount", "price", "cost", "total", "balance",
            "salary", "fee", "budget", "rate", "weight", "distance", "tax", "percent", "percentage", "length",
            "height", "width", "depth");
    private static final Set<String> BOOLEAN_WORDS = Set.of("done", "completed", "active", "enabled", "archived",
            "closed", "read", "published", "visible", "paid", "favorite", "favourite", "starred", "flagged",
            "pinned", "private", "public", "verified", "approved");
    private static final Set<String> LEVEL_WORDS = Set.of("priority", "severity", "importance", "urgency");
    /**
     * Words before {@code number} that keep it a quantity or a position ("a total number", "a page number"); before
     * any other word ("an insurance
     * number", "a student number", "a phone number") or alone ("invoices with a number") it is an identifier written
     * with digits (and letters, leading zeros), so text.
     */
    private static final Set<String> QUANTITY_NUMBERS = Set.of("total", "maximum", "minimum", "max", "min",
            "target", "average", "expected", "estimated", "page", "chapter", "episode", "floor", "lap", "round",
            "step", "line");

    /** @return the lower-case code used in facts */
    public String code() {
        return Codes.of(this);
    }

    /**
     * @param code a code from {@link #code()}
     * @return the type, if the code names one
     */
    public static Optional<FieldType> fromCode(String code) {
        return Codes.parse(FieldType.class, code);
    }

    /**
     * Picks a type from a field's words: a moment with its time of day ("a start time", "a timestamp",
     * {@code created_at}) is a date-time; names ending in {@code date}, {@code birth} or {@code birthday} are dates,
     * and so is "date of" anything ("date of birth"); a unit of time or size ({@code duration_ms}, "seconds",
     * "weeks", {@code kb}) and a target, limit, quota or capacity are numbers; {@code count}, {@code quantity},
     * {@code number} are ints (but a phone, insurance or student number, any "X number" but a total, maximum,
     * minimum, target or average one or a position such as a page number, is an identifier: text), and so is "number of" or
     * "count of" anything ("numberOfDeliveries"); {@code size} is a long;
     * {@code amount} (of money: "12.50"), {@code price}, {@code cost}, {@code total} are decimals;
     * {@code done}, {@code completed}, {@code active}, {@code enabled} (and names starting with {@code is} or
     * {@code has}) are booleans; {@code priority} and its kin are levels; a name that ends with a unit of measure
     * ("distance km", from "a distance in km") is a decimal, or an int for the units above; anything else is a
     * string.
     *
     * @param words the field's lower-case words, not empty
     * @return the type
     */
    public static FieldType infer(List<String> words) {
        String last = words.get(words.size() - 1);
        String first = words.get(0);
        if (words.size() > 1 && (first.equals("is") || first.equals("has"))) {
            return BOOLEAN;
        }
        int of = words.indexOf("of");
        if (of > 0 && (words.get(of - 1).equals("number") || words.get(of - 1).equals("count"))) {
            return INT;
        }
        if (last.equals("number") && (words.size() == 1 || !QUANTITY_NUMBERS.contains(words.get(words.size() - 2)))) {
            // "a number" of an invoice or a room names it, like "an invoice number": an identifier
            return STRING;
        }
        if (last.equals("value") && words.size() > 1) {
            // "a minimum order value", "a total value": an amount; a bare "value" (of a setting) is text
            return DECIMAL;
        }
        if (MOMENT_WORDS.contains(last) || (words.size() == 1 && (last.equals("start") || last.equals("end")))
                || (last.equals("time") && words.size() > 1
                && MOMENT_TIMES.contains(words.get(words.size() - 2)))
                || (last.equals("at") && words.size() > 1)) {
            return DATE_TIME;
        }
        if (DATE_WORDS.contains(last) || last.endsWith("date") || (first.equals("date") && of == 1)
                || (last.equals("on") && words.size() > 1 && words.get(words.size() - 2).endsWith("ed"))) {
            return DATE;
        }
        if (LEVEL_WORDS.contains(last)) {
            return LEVEL;
        }
        if (BOOLEAN_WORDS.contains(last)) {
            return BOOLEAN;
        }
        if (DECIMAL_WORDS.contains(last)) {
            return DECIMAL;
        }
        if (LONG_WORDS.contains(last) || last.equals("ttl") || (last.equals("live") && words.size() > 2
                && words.get(words.size() - 2).equals("to") && words.get(words.size() - 3).equals("time"))) {
            // "a time to live" is a duration, like a duration_ms
            return LONG;
        }
        if (INT_WORDS.contains(last) || last.endsWith("count")) {
            return INT;
        }
        if (words.size() > 1 && Lexicon.UNITS.contains(Inflector.singular(last))) {
            // "an estimate in hours" → estimateHours; "a distance in km" → distanceKm
            return DECIMAL;
        }
        return STRING;
    }
}

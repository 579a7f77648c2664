package dev.thefactory.fallbacks.internal.layout;

import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.Field;
import dev.thefactory.fallbacks.internal.domain.FieldType;
import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An input-validation rule read from a requirement's text by its content, whatever its wording ("Input is validated:
 * a task title is required and at most 200 characters", "Input must be validated (title required, max 200
 * characters)", "A ticket title is required and at most 200 characters"), and checked against what the simple
 * backend's generated code enforces: every field of the domain keeps the required flag its feature gave it, and every
 * text field is at most {@value #TEXT_LIMIT} characters long. Immutable and thread-safe.
 *
 * @param checks      the parts of the rule the generated code enforces, each exercised by the generated test
 * @param differences the parts it does not, each saying exactly what differs
 */
public record ValidationRule(List<Check> checks, List<String> differences) {

    /** The longest text the generated code accepts in a text field (its {@code Validation.MAX_TEXT}). */
    public static final int TEXT_LIMIT = 200;

    private static final String FIELD = "([a-z][a-z0-9_]*(?: [a-z][a-z0-9_]*)?)";
    private static final List<Pattern> REQUIRED = List.of(
            Pattern.compile(FIELD + " (?:is|are) (?:always )?(?:required|mandatory|compulsory|obligatory)"),
            Pattern.compile(FIELD + " (?:must|should|shall|cannot|can't|can ?not|may not)(?: not)? be (?:empty|blank"
                    + "|missing|omitted|left out|left empty|left blank)"),
            Pattern.compile(FIELD + " (?:must|should|shall) be (?:given|present|provided|set|filled in)"),
            Pattern.compile(FIELD + " (?:required|mandatory)\\b"),
            Pattern.compile("\\b(?:requires?|needs?|must have|must include) (?:a |an |the )?" + FIELD),
            Pattern.compile("\\b(?:required|mandatory|non-empty|non-blank) " + FIELD));
    private static final String UNIT = "\\s*(?:characters?|chars?|letters?)\\b";
    private static final Pattern MAX = Pattern.compile("(?:" + FIELD + "(?: (?:is|are|must be|should be|of|has|have"
            + "|with|limited to|can be|may be))?,? )?(?:at most|max(?:imum)?(?: of| length(?: of)?)?|no more than|"
            + "up to|not (?:exceed(?:ing)?|more than)|limited to|maximum length(?: of)?|<=)\\s*(\\d+)" + UNIT);
    private static final Pattern MIN = Pattern.compile("(?:at least|min(?:imum)?(?: of| length(?: of)?)?|no fewer "
            + "than|no less than|>=)\\s*(\\d+)" + UNIT);
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern VALIDATED = Pattern.compile("\\b(?:validated|validation|validate|validates"
            + "|validating)\\b");
    /** Constraints the generated code does not check, as the words that name them. */
    private static final List<String> UNCHECKED = List.of("unique", "duplicate", "duplicates", "valid email",
            "valid e-mail", "valid url", "valid phone", "well-formed", "well formed", "format", "formats", "pattern",
            "regex", "regular expression", "positive", "negative", "range", "between", "in the future", "in the past",
            "lowercase", "lower case", "uppercase", "upper case", "numeric", "alphanumeric", "digits", "letters only",
            "sanitized", "sanitised", "escaped", "xss", "sql injection", "strong", "complexity", "confirmed",
            "confirmation", "captcha", "json schema", "schema");
    private static final Set<String> NOT_FIELDS = Set.of("a", "an", "the", "and", "or", "is", "are", "it", "its",
            "input", "inputs", "field", "fields", "value", "values", "that", "which", "this", "these", "those", "all",
            "every", "each", "any", "data", "text", "entry", "entries", "be", "must", "should", "validated",
            "validation", "valid", "required", "mandatory", "length", "characters", "character", "also",
            "both", "always", "input's", "request", "requests", "user", "users", "form", "forms", "max", "maximum",
            "at", "most", "of", "to", "with", "has", "have", "than", "not", "no", "one", "item", "items", "thing",
            "things", "record", "records", "body", "payload");

    /** Copies the lists. */
    public ValidationRule {
        checks = List.copyOf(checks);
        differences = List.copyOf(differences);
    }

    /**
     * One enforced part of a rule.
     *
     * @param entity the entity the field belongs to
     * @param field  the field
     * @param limit  the length limit checked, or 0 when this part is "the field is required"
     */
    public record Check(Entity entity, Field field, int limit) {

        /** @return true when this part is a length limit, false when it is "required" */
        public boolean isLimit() {
            return limit > 0;
        }
    }

    /**
     * @param text a requirement's text
     * @return true when the text states an input-validation rule: a required field, a length limit, or validation
     */
    public static boolean isRule(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return VALIDATED.matcher(lower).find() || MAX.matcher(lower).find() || MIN.matcher(lower).find()
                || REQUIRED.stream().anyMatch(p -> fields(p, lower).findAny().isPresent());
    }

    /**
     * Reads a rule and checks each part against the domain. Parts on a field that only the Java API reaches (the
     * data pipeline's other entities) are not reachable through the public surface and count as differences.
     *
     * @param text         the requirement's text; {@link #isRule} is true for it
     * @param domain       the domain the generated code enforces
     * @param primaryOnly  whether only the primary entity is reachable through the project's public surface
     * @return the rule: its enforced parts and its differences
     */
    public static ValidationRule read(String text, Domain domain, boolean primaryOnly) {
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        List<Check> checks = new ArrayList<>();
        Set<String> differences = new LinkedHashSet<>();
        Set<Integer> numbersUsed = new LinkedHashSet<>();
        List<Field> named = new ArrayList<>();
        List<Entity> namedIn = new ArrayList<>();

        List<int[]> spans = new ArrayList<>();
        for (Pattern p : REQUIRED) {
            Matcher m = p.matcher(lower);
            while (m.find()) {
                String phrase = clean(m.group(1));
                int start = m.start(1);
                int end = m.end(1);
                if (phrase == null || spans.stream().anyMatch(s -> start < s[1] && s[0] < end)) {
                    continue;
                }
                spans.add(new int[] {start, end});
                Optional<Owned> found = find(domain, phrase);
                if (found.isEmpty()) {
                    differences.add("no item of the generated code has a field '" + phrase + "'");
                    continue;
                }
                Owned owned = found.get();
                if (!named.contains(owned.field())) {
                    named.add(owned.field());
                    namedIn.add(owned.entity());
                }
                if (primaryOnly && owned.entity() != domain.primary()) {
                    differences.add(owned.entity().name() + "." + owned.field().name() + " is reachable only from "
                            + "the Java API, not through the pipeline");
                } else if (owned.field().type() == FieldType.BOOLEAN) {
                    differences.add(owned.entity().name() + "." + owned.field().name() + " is a yes/no field that "
                            + "defaults to no, so it is never missing");
                } else if (!owned.field().required()) {
                    differences.add("the simple backend makes " + owned.entity().name() + "." + owned.field().name()
                            + " optional, not required");
                } else {
                    add(checks, new Check(owned.entity(), owned.field(), 0));
                }
            }
        }

        Matcher max = MAX.matcher(lower);
        while (max.find()) {
            int limit = Integer.parseInt(max.group(2));
            numbersUsed.add(max.start(2));
            List<Owned> targets = new ArrayList<>();
            String phrase = clean(max.group(1));
            if (phrase != null) {
                find(domain, phrase).ifPresent(targets::add);
            }
            if (targets.isEmpty()) {
                for (int i = 0; i < named.size(); i++) {
                    targets.add(new Owned(namedIn.get(i), named.get(i)));
                }
            }
            if (targets.isEmpty()) {
                targets.add(new Owned(domain.primary(), domain.primary().label()));
            }
            for (Owned target : targets) {
                String where = target.entity().name() + "." + target.field().name();
                if (target.field().type() != FieldType.STRING) {
                    differences.add(where + " is not a text field, so a length limit does not apply to it");
                } else if (limit != TEXT_LIMIT) {
                    differences.add("the simple backend limits text fields to " + TEXT_LIMIT + " characters, not "
                            + limit);
                } else if (primaryOnly && target.entity() != domain.primary()) {
                    differences.add(where + " is reachable only from the Java API, not through the pipeline");
                } else {
                    add(checks, new Check(target.entity(), target.field(), limit));
                }
            }
        }
        Matcher min = MIN.matcher(lower);
        while (min.find()) {
            numbersUsed.add(min.start(1));
            differences.add("the simple backend enforces no minimum length (" + min.group(1) + " characters)");
        }
        Matcher number = NUMBER.matcher(lower);
        boolean statuses = !Ledger.httpStatuses(lower).isEmpty();
        while (number.find()) {
            // an HTTP status code ("returns 400") is not a limit: the rule's status part is checked on its own
            boolean status = statuses && number.group().matches("[45]\\d\\d");
            if (!numbersUsed.contains(number.start()) && !status) {
                differences.add("the simple backend does not enforce '" + number.group() + "'");
            }
        }
        for (String word : UNCHECKED) {
            if (Pattern.compile("(?<![a-z0-9-])" + Pattern.quote(word) + "(?![a-z0-9-])").matcher(lower).find()) {
                differences.add("the simple backend checks only required fields and text length, not '" + word
                        + "'");
            }
        }
        if (checks.isEmpty() && differences.isEmpty()) {
            // "Input is validated" and nothing more: the required fields of the primary entity and its label's limit.
            Entity e = domain.primary();
            for (Field f : e.requiredFields()) {
                if (f.type() != FieldType.BOOLEAN) {
                    add(checks, new Check(e, f, 0));
                }
            }
            if (e.label().type() == FieldType.STRING) {
                add(checks, new Check(e, e.label(), TEXT_LIMIT));
            }
        }
        return new ValidationRule(checks, List.copyOf(differences));
    }

    private record Owned(Entity entity, Field field) {
    }

    private static void add(List<Check> checks, Check check) {
        if (!checks.contains(check)) {
            checks.add(check);
        }
    }

    private static java.util.stream.Stream<String> fields(Pattern p, String lower) {
        return p.matcher(lower).results().map(r -> clean(r.group(1))).filter(g -> g != null);
    }

    /** @return the phrase without the words around it that never name a field ("a title of"), or null if none is left */
    private static String clean(String phrase) {
        if (phrase == null) {
            return null;
        }
        List<String> words = new ArrayList<>(List.of(phrase.split(" ")));
        while (!words.isEmpty() && NOT_FIELDS.contains(words.get(0))) {
            words.remove(0);
        }
        while (!words.isEmpty() && NOT_FIELDS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        return words.isEmpty() ? null : String.join(" ", words);
    }

    /**
     * Finds the field a phrase names: its two words as one name ("due date" is {@code dueDate}), else its last word,
     * singular or plural; the entity its first word names wins, then the primary entity, then the others.
     */
    private static Optional<Owned> find(Domain domain, String phrase) {
        String[] words = phrase.split(" ");
        List<String> names = new ArrayList<>();
        if (words.length == 2) {
            names.add(Naming.camel(List.of(words[0], words[1])).toLowerCase(Locale.ROOT));
        }
        String last = words[words.length - 1];
        names.add(last);
        if (last.endsWith("s")) {
            names.add(last.substring(0, last.length() - 1));
        }
        if (last.contains("_")) {
            names.add(last.replace("_", ""));
        }
        List<Entity> order = new ArrayList<>();
        if (words.length == 2) {
            domain.entities().stream().filter(e -> e.name().equalsIgnoreCase(words[0])
                    || e.plural().equalsIgnoreCase(words[0])).forEach(order::add);
        }
        if (!order.contains(domain.primary())) {
            order.add(domain.primary());
        }
        domain.entities().stream().filter(e -> !order.contains(e)).forEach(order::add);
        for (String name : names) {
            for (Entity e : order) {
                for (Field f : e.fields()) {
                    if (f.name().toLowerCase(Locale.ROOT).equals(name)) {
                        return Optional.of(new Owned(e, f));
                    }
                }
            }
        }
        return Optional.empty();
    }
}

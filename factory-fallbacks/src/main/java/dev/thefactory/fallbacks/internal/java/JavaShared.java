package dev.thefactory.fallbacks.internal.java;

import java.util.List;

/**
 * The generated Java files that do not depend on the domain: the model helpers, the repository and the CSV codec.
 * Each method returns a whole compilation unit for the given base package. Stateless and thread-safe.
 */
final class JavaShared {

    private JavaShared() {
    }

    static String fill(String template, String basePackage) {
        return template.replace("${pkg}", basePackage);
    }

    static String identifiable(String pkg) {
        return fill("""
                package ${pkg}.model;

                /** Something stored under a numeric id. */
                public interface Identifiable {

                    /** @return the id, 0 for an item not stored yet */
                    long id();
                }
                """, pkg);
    }

    /**
     * @param pkg    the base package
     * @param values the level values of every level field of the project, each once, lowest first
     * @return the {@code Level} enum: one constant per value
     */
    static String level(String pkg, List<String> values) {
        StringBuilder constants = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            constants.append("    /** Level ").append(values.get(i)).append(". */\n    ").append(values.get(i))
                    .append(i + 1 < values.size() ? ",\n" : "\n");
        }
        return fill("""
                package ${pkg}.model;

                /**
                 * The levels of the project's level fields (such as a priority), lowest first. Each field accepts only
                 * its own values (see FieldValues#choice).
                 */
                public enum Level {
                """, pkg) + constants + "}\n";
    }

    static String validation(String pkg) {
        return fill("""
                package ${pkg}.model;

                import java.math.BigDecimal;

                /** The checks every model type applies in its constructor. Stateless and thread-safe. */
                public final class Validation {

                    /** The longest text a field may hold. */
                    public static final int MAX_TEXT = 200;

                    private Validation() {
                    }

                    /**
                     * @param field    the field's name, for the message
                     * @param value    the value; may be null
                     * @param required whether a value must be present
                     * @return the value without surrounding blanks, or null when it is absent or blank and optional
                     * @throws IllegalArgumentException when a required value is missing or the text is too long
                     */
                    public static String text(String field, String value, boolean required) {
                        String stripped = value == null ? "" : value.strip();
                        if (stripped.isEmpty()) {
                            if (required) {
                                throw new IllegalArgumentException(field + " is required and must not be blank");
                            }
                            return null;
                        }
                        if (stripped.length() > MAX_TEXT) {
                            throw new IllegalArgumentException(field + " must be at most " + MAX_TEXT
                                    + " characters but has " + stripped.length());
                        }
                        return stripped;
                    }

                    /**
                     * @param field the field's name, for the message
                     * @param value the value
                     * @param <T>   its type
                     * @return the value
                     * @throws IllegalArgumentException when it is null
                     */
                    public static <T> T required(String field, T value) {
                        if (value == null) {
                            throw new IllegalArgumentException(field + " is required");
                        }
                        return value;
                    }

                    /**
                     * @param field the field's name @param value the value; may be null @return the value
                     * @throws IllegalArgumentException when it is negative
                     */
                    public static Integer nonNegative(String field, Integer value) {
                        if (value != null && value < 0) {
                            throw new IllegalArgumentException(field + " must be >= 0 but was " + value);
                        }
                        return value;
                    }

                    /**
                     * @param field the field's name @param value the value; may be null @return the value
                     * @throws IllegalArgumentException when it is negative
                     */
                    public static Long nonNegative(String field, Long value) {
                        if (value != null && value < 0) {
                            throw new IllegalArgumentException(field + " must be >= 0 but was " + value);
                        }
                        return value;
                    }

                    /**
                     * @param field the field's name @param value the value; may be null @return the value
                     * @throws IllegalArgumentException when it is negative
                     */
                    public static BigDecimal nonNegative(String field, BigDecimal value) {
                        if (value != null && value.signum() < 0) {
                            throw new IllegalArgumentException(field + " must be >= 0 but was " + value.toPlainString());
                        }
                        return value;
                    }
                }
                """, pkg);
    }

    static String fieldValues(String pkg) {
        return fill("""
                package ${pkg}.model;

                import java.math.BigDecimal;
                import java.time.LocalDate;
                import java.time.LocalDateTime;
                import java.time.format.DateTimeParseException;
                import java.util.Arrays;
                import java.util.Collection;
                import java.util.Collections;
                import java.util.LinkedHashMap;
                import java.util.Locale;
                import java.util.Map;
                import java.util.Objects;

                /**
                 * Field values as text, as they come from the command line, JSON bodies or CSV rows, with typed getters
                 * that parse them. An absent or blank value reads as null (false for a boolean). Immutable and
                 * thread-safe.
                 */
                public final class FieldValues {

                    private final Map<String, String> values;

                    /** @param values field name to text; copied */
                    public FieldValues(Map<String, String> values) {
                        Map<String, String> copy = new LinkedHashMap<>();
                        values.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "name"),
                                Objects.requireNonNull(value, "value of " + name)));
                        this.values = Collections.unmodifiableMap(copy);
                    }

                    /**
                     * @param namesAndValues a name, its value, the next name, ...
                     * @return the values
                     * @throws IllegalArgumentException on an odd number of arguments
                     */
                    public static FieldValues of(String... namesAndValues) {
                        if (namesAndValues.length % 2 != 0) {
                            throw new IllegalArgumentException("expected names and values in pairs but got "
                                    + namesAndValues.length + " arguments");
                        }
                        Map<String, String> map = new LinkedHashMap<>();
                        for (int i = 0; i < namesAndValues.length; i += 2) {
                            map.put(namesAndValues[i], namesAndValues[i + 1]);
                        }
                        return new FieldValues(map);
                    }

                    /** @return the values by name, in the order given */
                    public Map<String, String> asMap() {
                        return values;
                    }

                    /**
                     * @param changes values that replace these
                     * @return the merged values
                     */
                    public FieldValues with(FieldValues changes) {
                        Map<String, String> merged = new LinkedHashMap<>(values);
                        merged.putAll(changes.values);
                        return new FieldValues(merged);
                    }

                    /**
                     * @param known the field names allowed
                     * @throws IllegalArgumentException naming the first unknown field and the known ones
                     */
                    public void requireOnly(Collection<String> known) {
                        for (String name : values.keySet()) {
                            if (!known.contains(name)) {
                                throw new IllegalArgumentException("unknown field '" + name + "'; known fields: "
                                        + String.join(", ", known));
                            }
                        }
                    }

                    /**
                     * @param name a field
                     * @return its text, or null when absent or blank
                     */
                    public String text(String name) {
                        String value = values.get(name);
                        return value == null || value.isBlank() ? null : value;
                    }

                    /**
                     * @param name a field
                     * @return its date and time of day (ISO-8601 without a zone), or null
                     * @throws IllegalArgumentException if not a date and time
                     */
                    public LocalDateTime dateTime(String name) {
                        String value = text(name);
                        try {
                            return value == null ? null : LocalDateTime.parse(value.strip());
                        } catch (DateTimeParseException e) {
                            throw new IllegalArgumentException(name + " must be a date and time like 2030-01-15T09:30"
                                    + " but was '" + value + "'", e);
                        }
                    }

                    /**
                     * @param name a field
                     * @return its date, or null
                     * @throws IllegalArgumentException if not a date
                     */
                    public LocalDate date(String name) {
                        String value = text(name);
                        try {
                            return value == null ? null : LocalDate.parse(value.strip());
                        } catch (DateTimeParseException e) {
                            throw new IllegalArgumentException(name + " must be a date like 2030-01-15 but was '"
                                    + value + "'", e);
                        }
                    }

                    /**
                     * @param name a field
                     * @return its number, or null
                     * @throws IllegalArgumentException if not one
                     */
                    public Integer integer(String name) {
                        String value = text(name);
                        try {
                            return value == null ? null : Integer.valueOf(value.strip());
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException(name + " must be a whole number but was '" + value + "'", e);
                        }
                    }

                    /**
                     * @param name a field
                     * @return its number, or null
                     * @throws IllegalArgumentException if not one
                     */
                    public Long longValue(String name) {
                        String value = text(name);
                        try {
                            return value == null ? null : Long.valueOf(value.strip());
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException(name + " must be a whole number but was '" + value + "'", e);
                        }
                    }

                    /**
                     * @param name a field
                     * @return its number, or null
                     * @throws IllegalArgumentException if not one
                     */
                    public BigDecimal decimal(String name) {
                        String value = text(name);
                        try {
                            return value == null ? null : new BigDecimal(value.strip());
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException(name + " must be a decimal number such as 9.99 but was '"
                                    + value + "'", e);
                        }
                    }

                    /**
                     * @param name a field
                     * @return true for true/yes/y/1, false for false/no/n/0 or an absent value
                     * @throws IllegalArgumentException for anything else
                     */
                    public boolean bool(String name) {
                        String value = text(name);
                        if (value == null) {
                            return false;
                        }
                        switch (value.strip().toLowerCase(Locale.ROOT)) {
                            case "true", "yes", "y", "1":
                                return true;
                            case "false", "no", "n", "0":
                                return false;
                            default:
                                throw new IllegalArgumentException(name + " must be true or false but was '" + value + "'");
                        }
                    }

                    /**
                     * @param name a field
                     * @param type the enum
                     * @param <E>  the enum's type
                     * @return its constant (case-insensitive), or null
                     * @throws IllegalArgumentException naming the valid constants
                     */
                    public <E extends Enum<E>> E choice(String name, Class<E> type) {
                        String value = text(name);
                        if (value == null) {
                            return null;
                        }
                        String wanted = value.strip().toUpperCase(Locale.ROOT);
                        for (E constant : type.getEnumConstants()) {
                            if (constant.name().equals(wanted)) {
                                return constant;
                            }
                        }
                        throw new IllegalArgumentException(name + " must be one of "
                                + Arrays.toString(type.getEnumConstants()) + " but was '" + value + "'");
                    }

                    /**
                     * @param name    a field
                     * @param type    the enum
                     * @param allowed the names of the constants this field accepts
                     * @param <E>     the enum's type
                     * @return its constant (case-insensitive), or null
                     * @throws IllegalArgumentException naming the accepted constants
                     */
                    public <E extends Enum<E>> E choice(String name, Class<E> type, String... allowed) {
                        String value = text(name);
                        if (value == null) {
                            return null;
                        }
                        String wanted = value.strip().toUpperCase(Locale.ROOT);
                        if (Arrays.asList(allowed).contains(wanted)) {
                            return Enum.valueOf(type, wanted);
                        }
                        throw new IllegalArgumentException(name + " must be one of " + Arrays.toString(allowed)
                                + " but was '" + value + "'");
                    }

                    /**
                     * @param value any field value; may be null
                     * @return its text form, empty for null
                     */
                    public static String format(Object value) {
                        if (value == null) {
                            return "";
                        }
                        if (value instanceof BigDecimal decimal) {
                            return decimal.toPlainString();
                        }
                        if (value instanceof Enum<?> constant) {
                            return constant.name();
                        }
                        return value.toString();
                    }

                    @Override
                    public boolean equals(Object other) {
                        return other instanceof FieldValues that && values.equals(that.values);
                    }

                    @Override
                    public int hashCode() {
                        return values.hashCode();
                    }

                    @Override
                    public String toString() {
                        return values.toString();
                    }
                }
                """, pkg);
    }

    static String repository(String pkg) {
        return fill("""
                package ${pkg}.repository;

                import ${pkg}.model.Identifiable;
                import java.util.List;
                import java.util.Optional;
                import java.util.function.LongFunction;
                import java.util.function.UnaryOperator;

                /**
                 * Stores items by id. Implementations must be thread-safe: every method may be called from several
                 * threads at once.
                 *
                 * @param <T> the item type
                 */
                public interface Repository<T extends Identifiable> {

                    /**
                     * Stores a new item under the next free id.
                     *
                     * @param factory makes the item from its id
                     * @return the stored item
                     */
                    T add(LongFunction<T> factory);

                    /**
                     * @param id an id
                     * @return the item, if stored
                     */
                    Optional<T> findById(long id);

                    /** @return every item, by ascending id */
                    List<T> findAll();

                    /**
                     * Replaces an item atomically.
                     *
                     * @param id     the id
                     * @param change makes the new item from the current one; must keep the id
                     * @return the new item, or empty when no item has the id
                     */
                    Optional<T> update(long id, UnaryOperator<T> change);

                    /**
                     * @param id an id
                     * @return true if an item was removed
                     */
                    boolean deleteById(long id);

                    /** @return how many items are stored */
                    int count();

                    /**
                     * Checks an item an implementation is about to store.
                     *
                     * @param id   the id it is stored under
                     * @param item the item
                     * @param <T>  the item type
                     * @return the item
                     * @throws IllegalStateException when the item is null or has another id
                     */
                    static <T extends Identifiable> T requireId(long id, T item) {
                        if (item == null || item.id() != id) {
                            throw new IllegalStateException("an item stored under id " + id + " must have that id but was "
                                    + item);
                        }
                        return item;
                    }
                }
                """, pkg);
    }

    static String inMemoryRepository(String pkg) {
        return fill("""
                package ${pkg}.repository;

                import ${pkg}.model.Identifiable;
                import java.util.List;
                import java.util.Optional;
                import java.util.concurrent.ConcurrentSkipListMap;
                import java.util.concurrent.atomic.AtomicLong;
                import java.util.function.LongFunction;
                import java.util.function.UnaryOperator;

                /**
                 * A {@link Repository} in memory: a concurrent sorted map and an atomic id sequence. Thread-safe.
                 *
                 * @param <T> the item type
                 */
                public final class InMemoryRepository<T extends Identifiable> implements Repository<T> {

                    private final ConcurrentSkipListMap<Long, T> items = new ConcurrentSkipListMap<>();
                    private final AtomicLong lastId = new AtomicLong();

                    @Override
                    public T add(LongFunction<T> factory) {
                        long id = lastId.incrementAndGet();
                        T item = Repository.requireId(id, factory.apply(id));
                        items.put(id, item);
                        return item;
                    }

                    @Override
                    public Optional<T> findById(long id) {
                        return Optional.ofNullable(items.get(id));
                    }

                    @Override
                    public List<T> findAll() {
                        return List.copyOf(items.values());
                    }

                    @Override
                    public Optional<T> update(long id, UnaryOperator<T> change) {
                        return Optional.ofNullable(items.computeIfPresent(id,
                                (key, current) -> Repository.requireId(id, change.apply(current))));
                    }

                    @Override
                    public boolean deleteById(long id) {
                        return items.remove(id) != null;
                    }

                    @Override
                    public int count() {
                        return items.size();
                    }
                }
                """, pkg);
    }

    static String csvCodec(String pkg) {
        return fill("""
                package ${pkg}.service;

                import java.util.ArrayList;
                import java.util.List;

                /**
                 * Reads and writes one CSV line at a time (RFC 4180 quoting: a cell with a comma, a quote or surrounding
                 * blanks is quoted, quotes are doubled). Stateless and thread-safe.
                 */
                public final class CsvCodec {

                    private CsvCodec() {
                    }

                    /**
                     * @param cells the cells
                     * @return one CSV line, without a line break
                     */
                    public static String line(List<String> cells) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 0; i < cells.size(); i++) {
                            if (i > 0) {
                                line.append(',');
                            }
                            String cell = cells.get(i);
                            boolean quote = cell.contains(",") || cell.contains("\\"") || cell.contains("\\n")
                                    || cell.contains("\\r") || !cell.equals(cell.strip());
                            line.append(quote ? '"' + cell.replace("\\"", "\\"\\"") + '"' : cell);
                        }
                        return line.toString();
                    }

                    /**
                     * @param line one CSV line
                     * @return its cells
                     * @throws IllegalArgumentException on a quote that is not closed or text after a closing quote
                     */
                    public static List<String> parse(String line) {
                        List<String> cells = new ArrayList<>();
                        StringBuilder cell = new StringBuilder();
                        int i = 0;
                        while (true) {
                            if (i < line.length() && line.charAt(i) == '"') {
                                i++;
                                while (true) {
                                    if (i >= line.length()) {
                                        throw new IllegalArgumentException("a quoted cell is not closed");
                                    }
                                    char c = line.charAt(i++);
                                    if (c == '"') {
                                        if (i < line.length() && line.charAt(i) == '"') {
                                            cell.append('"');
                                            i++;
                                        } else {
                                            break;
                                        }
                                    } else {
                                        cell.append(c);
                                    }
                                }
                                if (i < line.length() && line.charAt(i) != ',') {
                                    throw new IllegalArgumentException("unexpected text after a quoted cell at column "
                                            + (i + 1));
                                }
                            } else {
                                while (i < line.length() && line.charAt(i) != ',') {
                                    cell.append(line.charAt(i++));
                                }
                            }
                            cells.add(cell.toString());
                            cell.setLength(0);
                            if (i >= line.length()) {
                                return cells;
                            }
                            i++;
                        }
                    }
                }
                """, pkg);
    }
}

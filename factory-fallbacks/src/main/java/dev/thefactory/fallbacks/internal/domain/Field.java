package dev.thefactory.fallbacks.internal.domain;

import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A field of an entity. Immutable and thread-safe; no component is null.
 *
 * @param name     a lower-camel name, never {@code id}
 * @param type     its type
 * @param required whether a value must be given when the entity is created
 * @param secret   whether it holds a secret (password, passphrase, secret, token, API key, PIN): such a field is
 *                 stored only as a salted hash, is write-only in JSON, and is never returned
 * @param values   for a {@link FieldType#LEVEL} field, the values it accepts as the spec named them ("(low, normal,
 *                 high)"), upper case; empty for the default {@link FieldType#LEVELS} (and for every other type)
 */
public record Field(String name, FieldType type, boolean required, boolean secret, List<String> values) {

    /** What a level value must look like: an upper-case Java identifier. */
    private static final java.util.regex.Pattern LEVEL_VALUE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    /** Most values a level field may have. */
    static final int MAX_VALUES = 12;

    /** Words that make a text field a secret wherever they stand in its name. */
    private static final Set<String> SECRET_WORDS = Set.of("password", "passphrase", "passcode", "passwd", "secret",
            "token", "pin", "apikey");

    /** Words that, before {@code key}, make it a secret key ("API key", "private key"). */
    private static final Set<String> SECRET_KEYS = Set.of("api", "private", "secret", "access", "signing",
            "encryption");

    /**
     * A field that holds no secret.
     *
     * @param name     a lower-camel name
     * @param type     its type
     * @param required whether a value must be given
     */
    public Field(String name, FieldType type, boolean required) {
        this(name, type, required, false, List.of());
    }

    /**
     * A field with the default values.
     *
     * @param name     a lower-camel name
     * @param type     its type
     * @param required whether a value must be given
     * @param secret   whether it holds a secret
     */
    public Field(String name, FieldType type, boolean required, boolean secret) {
        this(name, type, required, secret, List.of());
    }

    /** @return the values a level field accepts: its own, or {@link FieldType#LEVELS} */
    public List<String> levels() {
        return values.isEmpty() ? FieldType.LEVELS : values;
    }

    /**
     * @param levels the values the field is to accept, upper case
     * @return a copy accepting exactly those values
     * @throws IllegalArgumentException when this is not a level field or a value is not a valid level value
     */
    public Field withValues(List<String> levels) {
        return new Field(name, type, required, secret, levels);
    }

    /**
     * @param candidates values as a spec names them ("low", "normal", "high")
     * @return them upper case, if every one is a valid level value, there are 2 to {@value #MAX_VALUES} and no two
     *         are the same; else empty
     */
    public static java.util.Optional<List<String>> levelValues(List<String> candidates) {
        List<String> upper = candidates.stream().map(v -> v.strip().replace(' ', '_').replace('-', '_')
                .toUpperCase(java.util.Locale.ROOT)).toList();
        boolean valid = upper.size() >= 2 && upper.size() <= MAX_VALUES && Set.copyOf(upper).size() == upper.size()
                && upper.stream().allMatch(v -> LEVEL_VALUE.matcher(v).matches());
        return valid ? java.util.Optional.of(upper) : java.util.Optional.empty();
    }

    /** @throws IllegalArgumentException if the name is not a safe member name */
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!Naming.isMember(name) || ReservedNames.FIELDS.contains(name)) {
            throw new IllegalArgumentException("field name must be a lower-camel identifier that is not reserved"
                    + " but was '" + name + "'");
        }
        values = List.copyOf(values);
        if (!values.isEmpty() && (type != FieldType.LEVEL || levelValues(values).filter(values::equals).isEmpty())) {
            throw new IllegalArgumentException("values of field " + name + " must be 2 to " + MAX_VALUES
                    + " distinct upper-case identifiers of a level field but were " + values + " (type " + type + ")");
        }
    }

    /**
     * Whether a field named by these words holds a secret: a text field whose name has {@code password},
     * {@code passphrase}, {@code passcode}, {@code secret}, {@code token}, {@code PIN} or {@code API key} (or
     * another secret key) in it, such as {@code password}, {@code passwordHash} or {@code accessToken}; not
     * {@code tokenCount}, which is a number.
     *
     * @param words the field's lower-case words
     * @return true if it holds a secret
     */
    public static boolean holdsSecret(List<String> words) {
        if (words.isEmpty() || FieldType.infer(words) != FieldType.STRING) {
            return false;
        }
        for (int i = 0; i < words.size(); i++) {
            String word = Inflector.singular(words.get(i));
            if (SECRET_WORDS.contains(word)
                    || (word.equals("key") && i > 0 && SECRET_KEYS.contains(words.get(i - 1)))) {
                return true;
            }
        }
        return false;
    }
}

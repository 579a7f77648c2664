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
 */
public record Field(String name, FieldType type, boolean required, boolean secret) {

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
        this(name, type, required, false);
    }

    /** @throws IllegalArgumentException if the name is not a safe member name */
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!Naming.isMember(name) || ReservedNames.FIELDS.contains(name)) {
            throw new IllegalArgumentException("field name must be a lower-camel identifier that is not reserved"
                    + " but was '" + name + "'");
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

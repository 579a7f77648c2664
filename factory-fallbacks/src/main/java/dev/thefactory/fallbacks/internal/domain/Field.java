package dev.thefactory.fallbacks.internal.domain;

import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.Objects;

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
}

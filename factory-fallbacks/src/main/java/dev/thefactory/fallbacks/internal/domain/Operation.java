package dev.thefactory.fallbacks.internal.domain;

import dev.thefactory.fallbacks.internal.text.Codes;
import java.util.Optional;

/** What a feature asks to do with an entity. Immutable and thread-safe. */
public enum Operation {
    /** Add a new item. */
    CREATE,
    /** List all items. */
    LIST,
    /** Get one item by id. */
    GET,
    /** Change an item's fields. */
    UPDATE,
    /** Remove an item. */
    DELETE,
    /** Change an item's status (complete, archive, toggle, ...). */
    STATUS,
    /** Find, filter or sort items by their fields. */
    FIND,
    /** Summaries, export and import. */
    AGGREGATE;

    /** @return the lower-case code used in facts and documents */
    public String code() {
        return Codes.of(this);
    }

    /**
     * @param code a code from {@link #code()}
     * @return the operation, if the code names one
     */
    public static Optional<Operation> fromCode(String code) {
        return Codes.parse(Operation.class, code);
    }
}

package dev.thefactory.fallbacks.internal.domain;

import dev.thefactory.fallbacks.internal.text.Codes;
import java.util.Optional;

/** The aggregate operations an entity can offer. Immutable and thread-safe. */
public enum AggregateKind {
    /** Counts and sums over all items. */
    SUMMARY,
    /** All items as CSV. */
    EXPORT,
    /** New items from CSV. */
    IMPORT;

    /** @return the lower-case code used in facts */
    public String code() {
        return Codes.of(this);
    }

    /**
     * @param code a code from {@link #code()}
     * @return the kind, if the code names one
     */
    public static Optional<AggregateKind> fromCode(String code) {
        return Codes.parse(AggregateKind.class, code);
    }
}

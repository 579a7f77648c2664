package dev.thefactory.fallbacks.internal.domain;

import java.util.Locale;
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
        return name().toLowerCase(Locale.ROOT);
    }

    /** @param code a code from {@link #code()} @return the kind, if the code names one */
    public static Optional<AggregateKind> fromCode(String code) {
        for (AggregateKind kind : values()) {
            if (kind.code().equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}

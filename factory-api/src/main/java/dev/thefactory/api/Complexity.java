package dev.thefactory.api;

import java.util.Optional;

/**
 * How large the project is; it sets the agent budget of a build (see the planner).
 *
 * <p>Each constant has a lower-case {@link #id() id} (e.g. {@code simple}); {@link #fromId(String)} accepts it in any
 * case and with {@code -} or a space for {@code _}. Immutable and thread-safe.
 */
public enum Complexity {
    /** A few features; the smallest agent budget. */
    SIMPLE,
    /** A handful of features and components. */
    MODERATE,
    /** Many features and components. */
    COMPLEX,
    /** The largest projects; the largest agent budget. */
    EXTREME;

    /** @return the lower-case identifier used in specs, JSON and on the command line */
    public String id() {
        return Identifiers.id(this);
    }

    /**
     * Looks a constant up by identifier, leniently: {@code simple}, {@code simple} and
     * {@code SIMPLE} are the same.
     *
     * @param id the identifier; may be null
     * @return the constant, or empty when {@code id} is null or unknown
     */
    public static Optional<Complexity> find(String id) {
        return Identifiers.find(Complexity.class, id);
    }

    /**
     * Like {@link #find(String)}, but fails on an unknown identifier.
     *
     * @param id the identifier
     * @return the constant
     * @throws IllegalArgumentException naming the valid identifiers when {@code id} is unknown or null
     */
    public static Complexity fromId(String id) {
        return Identifiers.parse(Complexity.class, "complexity", id);
    }

    /** @return the valid identifiers, comma-separated, for error messages */
    public static String validIds() {
        return Identifiers.validIds(Complexity.class);
    }
}

package dev.thefactory.api;

import java.util.Optional;

/**
 * How a build chooses its orchestrator backends.
 *
 * <p>Each constant has a lower-case {@link #id() id} (e.g. {@code auto}); {@link #fromId(String)} accepts it in any
 * case and with {@code -} or a space for {@code _}. Immutable and thread-safe.
 */
public enum Mode {
    /** The healthiest integrated backend, else the built-in simple one, else minimal, decided per phase. */
    AUTO,
    /** Integrated backends only; a build fails at once when none is available. */
    INTEGRATED,
    /** The built-in backends only: simple, then minimal. */
    STANDALONE,
    /** The always-available minimal backend only. */
    MINIMAL;

    /** @return the lower-case identifier used in specs, JSON and on the command line */
    public String id() {
        return Identifiers.id(this);
    }

    /**
     * Looks a constant up by identifier, leniently: {@code auto}, {@code auto} and
     * {@code AUTO} are the same.
     *
     * @param id the identifier; may be null
     * @return the constant, or empty when {@code id} is null or unknown
     */
    public static Optional<Mode> find(String id) {
        return Identifiers.find(Mode.class, id);
    }

    /**
     * Like {@link #find(String)}, but fails on an unknown identifier.
     *
     * @param id the identifier
     * @return the constant
     * @throws IllegalArgumentException naming the valid identifiers when {@code id} is unknown or null
     */
    public static Mode fromId(String id) {
        return Identifiers.parse(Mode.class, "mode", id);
    }

    /** @return the valid identifiers, comma-separated, for error messages */
    public static String validIds() {
        return Identifiers.validIds(Mode.class);
    }
}

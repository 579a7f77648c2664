package dev.thefactory.api;

import java.util.Optional;

/**
 * The formats a project specification can be written in.
 *
 * <p>Each constant has a lower-case {@link #id() id} (e.g. {@code markdown}); {@link #fromId(String)} accepts it in any
 * case and with {@code -} or a space for {@code _}. Immutable and thread-safe.
 */
public enum SpecFormat {
    /** Markdown, the primary format ({@code .md}, {@code .markdown}). */
    MARKDOWN,
    /** YAML ({@code .yaml}, {@code .yml}). */
    YAML,
    /** JSON ({@code .json}). */
    JSON;

    /** @return the lower-case identifier used in specs, JSON and on the command line */
    public String id() {
        return Identifiers.id(this);
    }

    /**
     * Looks a constant up by identifier, leniently: {@code markdown}, {@code markdown} and
     * {@code MARKDOWN} are the same.
     *
     * @param id the identifier; may be null
     * @return the constant, or empty when {@code id} is null or unknown
     */
    public static Optional<SpecFormat> find(String id) {
        return Identifiers.find(SpecFormat.class, id);
    }

    /**
     * Like {@link #find(String)}, but fails on an unknown identifier.
     *
     * @param id the identifier
     * @return the constant
     * @throws IllegalArgumentException naming the valid identifiers when {@code id} is unknown or null
     */
    public static SpecFormat fromId(String id) {
        return Identifiers.parse(SpecFormat.class, "format", id);
    }

    /** @return the valid identifiers, comma-separated, for error messages */
    public static String validIds() {
        return Identifiers.validIds(SpecFormat.class);
    }
}

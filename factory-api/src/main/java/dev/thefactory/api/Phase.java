package dev.thefactory.api;

import java.util.Optional;

/**
 * The phases of a build, in the order they run. Each ends with a checkpoint.
 *
 * <p>Each constant has a lower-case {@link #id() id} (e.g. {@code validate_spec}); {@link #fromId(String)} accepts it in any
 * case and with {@code -} or a space for {@code _}. Immutable and thread-safe.
 */
public enum Phase {
    /** The spec is parsed and validated. */
    VALIDATE_SPEC,
    /** Agents analyse the spec: domain, entities, operations. */
    ANALYZE,
    /** Agents design the project: packages and components. */
    DESIGN,
    /** Agents lay out the project: which files will exist. */
    STRUCTURE,
    /** Agents generate the files into the staging area. */
    GENERATE,
    /** The staged output is validated: presence, confinement, quotas, syntax and compilation. */
    VALIDATE_OUTPUT,
    /** The validated output is moved into place in one step. */
    PUBLISH;

    /** @return the lower-case identifier used in specs, JSON and on the command line */
    public String id() {
        return Identifiers.id(this);
    }

    /**
     * Looks a constant up by identifier, leniently: {@code validate_spec}, {@code validate-spec} and
     * {@code VALIDATE_SPEC} are the same.
     *
     * @param id the identifier; may be null
     * @return the constant, or empty when {@code id} is null or unknown
     */
    public static Optional<Phase> find(String id) {
        return Identifiers.find(Phase.class, id);
    }

    /**
     * Like {@link #find(String)}, but fails on an unknown identifier.
     *
     * @param id the identifier
     * @return the constant
     * @throws IllegalArgumentException naming the valid identifiers when {@code id} is unknown or null
     */
    public static Phase fromId(String id) {
        return Identifiers.parse(Phase.class, "phase", id);
    }

    /** @return the valid identifiers, comma-separated, for error messages */
    public static String validIds() {
        return Identifiers.validIds(Phase.class);
    }
}

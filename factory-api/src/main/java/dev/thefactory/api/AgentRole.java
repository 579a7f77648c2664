package dev.thefactory.api;

import java.util.Optional;

/**
 * The role of an agent, which decides what kind of task it performs.
 *
 * <p>Each constant has a lower-case {@link #id() id} (e.g. {@code architect}); {@link #fromId(String)} accepts it in any
 * case and with {@code -} or a space for {@code _}. Immutable and thread-safe.
 */
public enum AgentRole {
    /** Analyses the spec and designs the project. */
    ARCHITECT,
    /** Writes production code. */
    DEVELOPER,
    /** Writes build files, layout and configuration. */
    BUILDER,
    /** Writes tests. */
    TESTER,
    /** Writes documentation. */
    DOCUMENTER,
    /** Reviews what others produced. */
    REVIEWER;

    /** @return the lower-case identifier used in specs, JSON and on the command line */
    public String id() {
        return Identifiers.id(this);
    }

    /**
     * Looks a constant up by identifier, leniently: {@code architect}, {@code architect} and
     * {@code ARCHITECT} are the same.
     *
     * @param id the identifier; may be null
     * @return the constant, or empty when {@code id} is null or unknown
     */
    public static Optional<AgentRole> find(String id) {
        return Identifiers.find(AgentRole.class, id);
    }

    /**
     * Like {@link #find(String)}, but fails on an unknown identifier.
     *
     * @param id the identifier
     * @return the constant
     * @throws IllegalArgumentException naming the valid identifiers when {@code id} is unknown or null
     */
    public static AgentRole fromId(String id) {
        return Identifiers.parse(AgentRole.class, "role", id);
    }

    /** @return the valid identifiers, comma-separated, for error messages */
    public static String validIds() {
        return Identifiers.validIds(AgentRole.class);
    }
}

package dev.thefactory.api;

import java.util.Optional;

/**
 * The kind of project a spec asks for.
 *
 * <p>Each constant has a lower-case {@link #id() id} (e.g. {@code web_app}); {@link #fromId(String)} accepts it in any
 * case and with {@code -} or a space for {@code _}. Immutable and thread-safe.
 */
public enum ProjectType {
    /** A web application with a browser-facing HTTP interface. */
    WEB_APP,
    /** An HTTP/JSON service. */
    API_SERVICE,
    /** A command-line tool. */
    CLI_TOOL,
    /** A library with a public API. */
    LIBRARY,
    /** A batch data pipeline. */
    DATA_PIPELINE,
    /** A system built around AI components. */
    AI_SYSTEM,
    /** Anything else. */
    CUSTOM;

    /** @return the lower-case identifier used in specs, JSON and on the command line */
    public String id() {
        return Identifiers.id(this);
    }

    /**
     * Looks a constant up by identifier, leniently: {@code web_app}, {@code web-app} and
     * {@code WEB_APP} are the same.
     *
     * @param id the identifier; may be null
     * @return the constant, or empty when {@code id} is null or unknown
     */
    public static Optional<ProjectType> find(String id) {
        return Identifiers.find(ProjectType.class, id);
    }

    /**
     * Like {@link #find(String)}, but fails on an unknown identifier.
     *
     * @param id the identifier
     * @return the constant
     * @throws IllegalArgumentException naming the valid identifiers when {@code id} is unknown or null
     */
    public static ProjectType fromId(String id) {
        return Identifiers.parse(ProjectType.class, "type", id);
    }

    /** @return the valid identifiers, comma-separated, for error messages */
    public static String validIds() {
        return Identifiers.validIds(ProjectType.class);
    }
}

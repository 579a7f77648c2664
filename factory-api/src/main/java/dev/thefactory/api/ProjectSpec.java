package dev.thefactory.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A project specification: what to build. Parsed from Markdown, YAML or JSON by the core, or built in code.
 *
 * <p>The record carries Bean Validation constraints; the core validates every spec at the API boundary and
 * reports all violations at once. The compact constructor only normalizes (null lists become empty, collections
 * are copied); it does not validate, so that an invalid spec can be built and then reported in full.
 *
 * <p>Immutable and thread-safe. Only {@code type} and {@code complexity} may be null before validation (a
 * parsed spec always has a complexity: {@link Complexity#SIMPLE} when the spec names none).
 *
 * @param name                  the project's name; required, at most 120 characters, no control characters
 * @param description           what the project is; may be empty, at most 10 000 characters
 * @param type                  the kind of project; required
 * @param complexity            how large it is; required (parsers default it to {@code simple})
 * @param objectives            what the project must achieve
 * @param features              core and extended features
 * @param techStack             languages, frameworks and tools, one per entry (e.g. {@code "Language: Java 17"})
 * @param architectureHints     hints on the architecture
 * @param technicalPreferences  technical preferences
 * @param qualityRequirements   quality requirements (tests, coverage, performance, ...)
 * @param outputExpectations    what the output must contain
 * @param extras                sections the parser did not recognise, by their heading or key, kept in order
 */
public record ProjectSpec(
        @NotBlank @Size(max = ProjectSpec.MAX_NAME_LENGTH)
        @Pattern(regexp = NO_CONTROL_CHARACTERS, message = NO_CONTROL_MESSAGE) String name,
        @NotNull @Size(max = ProjectSpec.MAX_DESCRIPTION_LENGTH) String description,
        @NotNull(message = "must be one of web_app, api_service, cli_tool, library, data_pipeline, ai_system, custom")
        ProjectType type,
        @NotNull(message = "must be one of simple, moderate, complex, extreme") Complexity complexity,
        @Size(max = MAX_ITEMS) List<@NotBlank @Size(max = MAX_ITEM_LENGTH) String> objectives,
        @NotNull @Valid Features features,
        @Size(max = MAX_ITEMS) List<@NotBlank @Size(max = MAX_ITEM_LENGTH) String> techStack,
        @Size(max = MAX_ITEMS) List<@NotBlank @Size(max = MAX_ITEM_LENGTH) String> architectureHints,
        @Size(max = MAX_ITEMS) List<@NotBlank @Size(max = MAX_ITEM_LENGTH) String> technicalPreferences,
        @Size(max = MAX_ITEMS) List<@NotBlank @Size(max = MAX_ITEM_LENGTH) String> qualityRequirements,
        @Size(max = MAX_ITEMS) List<@NotBlank @Size(max = MAX_ITEM_LENGTH) String> outputExpectations,
        @Size(max = MAX_ITEMS) Map<@NotBlank @Size(max = MAX_ITEM_LENGTH) String, List<String>> extras) {

    /** Longest allowed name. */
    public static final int MAX_NAME_LENGTH = 120;
    /** Longest allowed description. */
    public static final int MAX_DESCRIPTION_LENGTH = 10_000;
    /** Most entries in any list section. */
    public static final int MAX_ITEMS = 500;
    /** Longest allowed list entry. */
    public static final int MAX_ITEM_LENGTH = 1_000;
    /** Regular expression that rejects control characters (NUL, escape, newlines, ...). */
    public static final String NO_CONTROL_CHARACTERS = "[^\\p{Cntrl}]*";
    /** Message of a control-character violation. */
    public static final String NO_CONTROL_MESSAGE = "must not contain control characters such as NUL, tab or newline";

    /** Normalizes: null lists and maps become empty, all collections are copied, a null description is empty. */
    public ProjectSpec {
        description = description == null ? "" : description;
        features = features == null ? Features.NONE : features;
        objectives = copy(objectives);
        techStack = copy(techStack);
        architectureHints = copy(architectureHints);
        technicalPreferences = copy(technicalPreferences);
        qualityRequirements = copy(qualityRequirements);
        outputExpectations = copy(outputExpectations);
        extras = copyExtras(extras);
    }

    /**
     * Starts a spec in code.
     *
     * @param name the project's name
     * @param type the kind of project
     * @return a builder with complexity {@code simple} and everything else empty
     */
    public static Builder builder(String name, ProjectType type) {
        return new Builder(name, type);
    }

    /** @return a builder that starts from this spec */
    public Builder toBuilder() {
        Builder b = new Builder(name, type);
        b.description = description;
        b.complexity = complexity;
        b.objectives = objectives;
        b.features = features;
        b.techStack = techStack;
        b.architectureHints = architectureHints;
        b.technicalPreferences = technicalPreferences;
        b.qualityRequirements = qualityRequirements;
        b.outputExpectations = outputExpectations;
        b.extras = extras;
        return b;
    }

    static List<String> copy(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static Map<String, List<String>> copyExtras(Map<String, List<String>> extras) {
        if (extras == null || extras.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        extras.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "extras key"), copy(v)));
        return Collections.unmodifiableMap(copy);
    }

    /** Builds a {@link ProjectSpec} in code. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private final String name;
        private final ProjectType type;
        private String description = "";
        private Complexity complexity = Complexity.SIMPLE;
        private List<String> objectives = List.of();
        private Features features = Features.NONE;
        private List<String> techStack = List.of();
        private List<String> architectureHints = List.of();
        private List<String> technicalPreferences = List.of();
        private List<String> qualityRequirements = List.of();
        private List<String> outputExpectations = List.of();
        private Map<String, List<String>> extras = Map.of();

        private Builder(String name, ProjectType type) {
            this.name = name;
            this.type = type;
        }

        /**
         * @param description what the project is; default empty
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * @param complexity default {@code simple}
         * @return this builder
         */
        public Builder complexity(Complexity complexity) {
            this.complexity = Objects.requireNonNull(complexity, "complexity");
            return this;
        }

        /**
         * @param objectives default none
         * @return this builder
         */
        public Builder objectives(List<String> objectives) {
            this.objectives = List.copyOf(objectives);
            return this;
        }

        /**
         * @param core core features
         * @param extended extended features; default none
         * @return this builder
         */
        public Builder features(List<String> core, List<String> extended) {
            this.features = new Features(core, extended);
            return this;
        }

        /**
         * @param techStack default none
         * @return this builder
         */
        public Builder techStack(List<String> techStack) {
            this.techStack = List.copyOf(techStack);
            return this;
        }

        /**
         * @param hints default none
         * @return this builder
         */
        public Builder architectureHints(List<String> hints) {
            this.architectureHints = List.copyOf(hints);
            return this;
        }

        /**
         * @param preferences default none
         * @return this builder
         */
        public Builder technicalPreferences(List<String> preferences) {
            this.technicalPreferences = List.copyOf(preferences);
            return this;
        }

        /**
         * @param requirements default none
         * @return this builder
         */
        public Builder qualityRequirements(List<String> requirements) {
            this.qualityRequirements = List.copyOf(requirements);
            return this;
        }

        /**
         * @param expectations default none
         * @return this builder
         */
        public Builder outputExpectations(List<String> expectations) {
            this.outputExpectations = List.copyOf(expectations);
            return this;
        }

        /**
         * @param extras unrecognised sections; default none
         * @return this builder
         */
        public Builder extras(Map<String, List<String>> extras) {
            this.extras = Objects.requireNonNull(extras, "extras");
            return this;
        }

        /** @return a new spec; not validated (the core validates it at the API boundary) */
        public ProjectSpec build() {
            return new ProjectSpec(name, description, type, complexity, objectives, features, techStack,
                    architectureHints, technicalPreferences, qualityRequirements, outputExpectations, extras);
        }
    }
}

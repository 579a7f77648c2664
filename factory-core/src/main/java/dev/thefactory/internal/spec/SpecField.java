package dev.thefactory.internal.spec;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The vocabulary of a spec: every field, the path it is reported under, and the names a spec may use for it in any
 * format. Names are compared after {@link #normalizeKey(String)}, so {@code tech_stack}, {@code techStack},
 * {@code Tech Stack} and {@code TECH-STACK} are the same.
 */
enum SpecField {
    NAME("name", Kind.SCALAR, "name", "projectname", "title"),
    DESCRIPTION("description", Kind.SCALAR, "description", "overview", "summary", "projectdescription"),
    TYPE("type", Kind.SCALAR, "type", "projecttype"),
    COMPLEXITY("complexity", Kind.SCALAR, "complexity", "projectcomplexity"),
    OBJECTIVES("objectives", Kind.LIST, "objectives", "objective", "goals"),
    FEATURES("features", Kind.FEATURES, "features"),
    TECH_STACK("techStack", Kind.LIST, "techstack", "technologystack", "technologies", "stack"),
    ARCHITECTURE_HINTS("architectureHints", Kind.LIST, "architecturehints", "architecture"),
    TECHNICAL_PREFERENCES("technicalPreferences", Kind.LIST, "technicalpreferences", "preferences"),
    QUALITY_REQUIREMENTS("qualityRequirements", Kind.LIST, "qualityrequirements", "quality"),
    OUTPUT_EXPECTATIONS("outputExpectations", Kind.LIST, "outputexpectations", "deliverables", "output"),
    EXTRAS("extras", Kind.EXTRAS, "extras");

    /** The shape of a field's value. */
    enum Kind { SCALAR, LIST, FEATURES, EXTRAS }

    private static final Map<String, SpecField> BY_KEY = new HashMap<>();

    static {
        for (SpecField field : values()) {
            for (String alias : field.aliases) {
                BY_KEY.put(alias, field);
            }
        }
    }

    private final String path;
    private final Kind kind;
    private final String[] aliases;

    SpecField(String path, Kind kind, String... aliases) {
        this.path = path;
        this.kind = kind;
        this.aliases = aliases;
    }

    /** @return the field's path in violations and in the normalized JSON, e.g. {@code techStack} */
    String path() {
        return path;
    }

    Kind kind() {
        return kind;
    }

    /**
     * @param key a key or heading as written; may be null
     * @return the field it names, after normalization
     */
    static Optional<SpecField> forKey(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(BY_KEY.get(normalizeKey(key)));
    }

    /** Lower-cases and drops everything but letters and digits: {@code "Tech_Stack"} becomes {@code "techstack"}. */
    static String normalizeKey(String key) {
        StringBuilder s = new StringBuilder(Math.min(key.length(), 64));
        for (int i = 0; i < key.length() && s.length() <= 64; i++) {
            char c = key.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                s.append(Character.toLowerCase(c));
            }
        }
        return s.toString().toLowerCase(Locale.ROOT);
    }

    /** The feature groups of {@code features}. */
    enum FeatureGroup {
        CORE("features.core"),
        EXTENDED("features.extended");

        private static final Map<String, FeatureGroup> BY_KEY = Map.ofEntries(
                Map.entry("core", CORE), Map.entry("mvp", CORE), Map.entry("corefeatures", CORE),
                Map.entry("coremvp", CORE), Map.entry("musthave", CORE), Map.entry("required", CORE),
                Map.entry("extended", EXTENDED), Map.entry("extendedfeatures", EXTENDED),
                Map.entry("nicetohave", EXTENDED), Map.entry("optional", EXTENDED), Map.entry("future", EXTENDED),
                Map.entry("shouldhave", EXTENDED), Map.entry("stretch", EXTENDED),
                Map.entry("stretchgoals", EXTENDED));

        private final String path;

        FeatureGroup(String path) {
            this.path = path;
        }

        String path() {
            return path;
        }

        /**
         * @param key a key or sub-heading as written
         * @return the group it names
         */
        static Optional<FeatureGroup> forKey(String key) {
            return Optional.ofNullable(BY_KEY.get(normalizeKey(key)));
        }

        /** @return the keys accepted in a YAML/JSON {@code features} object, for error messages */
        static String validKeys() {
            return "core (or mvp), extended (or nice_to_have)";
        }
    }
}

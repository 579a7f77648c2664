package dev.thefactory.api;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The sections of a spec whose entries are requirements of the {@linkplain Coverage requirement ledger}, in the
 * order the ledger lists them. Each section has a JSON key (the one {@code validate --json} uses for it, or the
 * key of the feature list) and an id prefix; a requirement's id is the prefix, a dash, and its 1-based position
 * in the section ({@code core-3}, {@code tech-stack-1}). Thread-safe.
 */
public enum RequirementSection {
    /** A core (MVP) feature. */
    CORE("core", "core", spec -> spec.features().core()),
    /** An extended feature. */
    EXTENDED("extended", "extended", spec -> spec.features().extended()),
    /** An entry of the tech stack. */
    TECH_STACK("techStack", "tech-stack", ProjectSpec::techStack),
    /** A quality requirement. */
    QUALITY("quality", "quality", ProjectSpec::qualityRequirements),
    /** An architecture hint. */
    ARCHITECTURE("architecture", "architecture", ProjectSpec::architectureHints),
    /** A technical preference. */
    TECHNICAL("technical", "technical", ProjectSpec::technicalPreferences),
    /** An output expectation. */
    OUTPUT("output", "output", ProjectSpec::outputExpectations);

    private final String key;
    private final String idPrefix;
    private final Function<ProjectSpec, List<String>> entries;

    RequirementSection(String key, String idPrefix, Function<ProjectSpec, List<String>> entries) {
        this.key = key;
        this.idPrefix = idPrefix;
        this.entries = entries;
    }

    /** @return the section's key in JSON, e.g. {@code techStack} */
    public String key() {
        return key;
    }

    /** @return the prefix of its requirements' ids, e.g. {@code tech-stack} */
    public String idPrefix() {
        return idPrefix;
    }

    /**
     * @param spec a spec
     * @return the section's entries in the spec, in order
     */
    public List<String> entries(ProjectSpec spec) {
        return entries.apply(spec);
    }

    /**
     * @param key a section key such as {@code techStack}, or an enum name such as {@code TECH_STACK}
     * @return the section
     * @throws IllegalArgumentException when no section has that key, naming the valid ones
     */
    public static RequirementSection fromKey(String key) {
        for (RequirementSection section : values()) {
            if (section.key.equals(key) || section.name().equals(key.toUpperCase(Locale.ROOT))) {
                return section;
            }
        }
        throw new IllegalArgumentException("unknown requirement section '" + key + "'; valid: core, extended, "
                + "techStack, quality, architecture, technical, output");
    }
}

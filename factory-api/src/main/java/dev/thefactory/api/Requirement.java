package dev.thefactory.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One requirement of a spec: a core or extended feature, or an entry of the tech stack, quality requirements,
 * architecture hints, technical preferences or output expectations. Ids are stable: the same spec always yields the
 * same requirements with the same ids ({@code core-1}, {@code extended-2}, {@code tech-stack-1}, ...), so a backend
 * can claim a requirement by id and a resume finds the same ones. Immutable and thread-safe.
 *
 * @param id      the stable id: the section's {@link RequirementSection#idPrefix() prefix}, a dash, the 1-based
 *                position in the section
 * @param section the section it comes from
 * @param text    its text exactly as the spec (and {@code validate --json}) has it
 */
public record Requirement(String id, RequirementSection section, String text) {

    /** @throws NullPointerException if a component is null */
    public Requirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Lists every requirement of a spec, section by section in {@link RequirementSection} order, each section in
     * the spec's order.
     *
     * @param spec the spec
     * @return its requirements; empty when it has none
     */
    public static List<Requirement> of(ProjectSpec spec) {
        Objects.requireNonNull(spec, "spec");
        List<Requirement> all = new ArrayList<>();
        for (RequirementSection section : RequirementSection.values()) {
            List<String> entries = section.entries(spec);
            for (int i = 0; i < entries.size(); i++) {
                all.add(new Requirement(section.idPrefix() + "-" + (i + 1), section, entries.get(i)));
            }
        }
        return List.copyOf(all);
    }

    /**
     * Finds the tech-stack entry that names the project's programming language: the first entry keyed
     * {@code Language:} (or {@code Languages:}, {@code Lang:}, {@code Programming language:}); without one, the
     * first entry that names a well-known programming language ({@code Java 17}, {@code Python 3.12},
     * {@code JavaScript (Node.js 20)}, {@code Golang}, ...). Under {@link FeatureRequirement#CORE} this requirement
     * must be implemented, like every core feature.
     *
     * @param spec the spec
     * @return the language requirement, or empty when the spec names no language (a backend then chooses)
     */
    public static java.util.Optional<Requirement> language(ProjectSpec spec) {
        List<Requirement> stack = of(spec).stream().filter(r -> r.section() == RequirementSection.TECH_STACK)
                .toList();
        for (Requirement entry : stack) {
            int colon = entry.text().indexOf(':');
            if (colon > 0 && LANGUAGE_KEYS.contains(entry.text().substring(0, colon).strip()
                    .replaceAll("[*_`]", "").toLowerCase(java.util.Locale.ROOT))) {
                return java.util.Optional.of(entry);
            }
        }
        for (Requirement entry : stack) {
            String text = entry.text().toLowerCase(java.util.Locale.ROOT);
            int colon = text.indexOf(':');
            String value = colon >= 0 ? text.substring(colon + 1) : text;
            for (String word : value.split("[^a-z0-9+#]+")) {
                if (LANGUAGE_NAMES.contains(word)) {
                    return java.util.Optional.of(entry);
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static final java.util.Set<String> LANGUAGE_KEYS = java.util.Set.of("language", "languages", "lang",
            "programming language", "programming languages");

    private static final java.util.Set<String> LANGUAGE_NAMES = java.util.Set.of("java", "kotlin", "scala",
            "groovy", "python", "python3", "javascript", "typescript", "node", "nodejs", "go", "golang", "rust", "c",
            "c++", "cpp", "c#", "csharp", "ruby", "php", "swift", "dart", "elixir", "erlang", "haskell", "clojure",
            "perl", "lua", "r", "julia", "zig", "ocaml", "f#", "fsharp");

    /** @return true for a core or extended feature */
    public boolean isFeature() {
        return section == RequirementSection.CORE || section == RequirementSection.EXTENDED;
    }
}

package dev.thefactory.fallbacks.internal.layout;

import dev.thefactory.fallbacks.internal.domain.FeatureMapping;
import java.util.List;
import java.util.Objects;
import dev.thefactory.spi.RequirementClaim;
import java.util.function.Function;

/**
 * A layout whose files were planned once: every language's layout is one of these, so that only the planning
 * differs between languages. Immutable and thread-safe as long as {@code describe} and the files' suppliers are.
 *
 * @param files    every file, each path once, in order
 * @param describe how a user reaches a supported feature, for the documentation
 * @param notes    what the user should know about the layout
 * @param claims   what the layout claims about each feature
 * @param languageTests the generated tests, as the language's runner names them, that show the project is in its
 *                 language and runs with the language's own test runner
 */
public record PlannedLayout(List<PlannedFile> files, Function<FeatureMapping, String> describe, List<String> notes,
        Function<FeatureMapping, RequirementClaim> claims, List<String> languageTests) implements ProjectLayout {

    /** Copies the lists. */
    public PlannedLayout {
        files = List.copyOf(files);
        Objects.requireNonNull(describe, "describe");
        notes = List.copyOf(notes);
        Objects.requireNonNull(claims, "claims");
        languageTests = List.copyOf(languageTests);
    }

    @Override
    public RequirementClaim claim(FeatureMapping feature) {
        return claims.apply(feature);
    }

    @Override
    public String usage(FeatureMapping feature) {
        return describe.apply(feature);
    }
}

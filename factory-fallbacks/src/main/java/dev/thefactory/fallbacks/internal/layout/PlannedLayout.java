package dev.thefactory.fallbacks.internal.layout;

import dev.thefactory.fallbacks.internal.domain.FeatureMapping;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A layout whose files were planned once: every language's layout is one of these, so that only the planning
 * differs between languages. Immutable and thread-safe as long as {@code describe} and the files' suppliers are.
 *
 * @param files    every file, each path once, in order
 * @param describe how a user reaches a supported feature, for the documentation
 * @param notes    what the user should know about the layout
 */
public record PlannedLayout(List<PlannedFile> files, Function<FeatureMapping, String> describe, List<String> notes)
        implements ProjectLayout {

    /** Copies the lists. */
    public PlannedLayout {
        files = List.copyOf(files);
        Objects.requireNonNull(describe, "describe");
        notes = List.copyOf(notes);
    }

    @Override
    public String usage(FeatureMapping feature) {
        return describe.apply(feature);
    }
}

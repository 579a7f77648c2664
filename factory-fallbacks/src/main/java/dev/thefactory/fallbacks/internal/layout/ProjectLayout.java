package dev.thefactory.fallbacks.internal.layout;

import dev.thefactory.fallbacks.internal.domain.FeatureMapping;
import dev.thefactory.spi.RequirementClaim;
import java.util.List;

/**
 * The files of one generated project. Implementations are immutable and thread-safe, and deterministic: the same
 * input always gives the same files in the same order with the same text.
 */
public interface ProjectLayout {

    /** @return every file, each path once */
    List<PlannedFile> files();

    /**
     * @param feature a supported feature
     * @return how a user reaches it (commands, endpoints or methods), for the documentation
     */
    String usage(FeatureMapping feature);

    /** @return what the user should know about this layout (such as output that is not compile-checked) */
    List<String> notes();

    /**
     * @param feature a feature of the domain
     * @return what the layout claims about it, with its evidence
     */
    RequirementClaim claim(FeatureMapping feature);

    /**
     * @return the generated tests, named as the language's runner names them, that show the project is in its
     *         language: run by that runner, they pass
     */
    List<String> languageTests();
}

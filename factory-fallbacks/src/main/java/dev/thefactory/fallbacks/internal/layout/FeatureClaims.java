package dev.thefactory.fallbacks.internal.layout;

import dev.thefactory.fallbacks.internal.domain.FeatureMapping;
import dev.thefactory.spi.RequirementClaim;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns how a feature was understood and what a layout built and tested for it into the claim the simple backend
 * makes about it: implemented only when it is generated, every part of its text was honoured and a generated test
 * exercises it; partial with the gaps named; not implemented with the reason otherwise. Stateless and thread-safe.
 */
public final class FeatureClaims {

    private FeatureClaims() {
    }

    /**
     * @param feature  the feature
     * @param files    the generated files that implement it
     * @param tests    the generated tests that exercise it through the project's public surface, as
     *                 {@code Class#method}; empty when none does
     * @param untested why no test exercises it, when {@code tests} is empty
     * @param more     gaps of the layout beyond the feature's own (such as a secret not proven hidden)
     * @return the claim
     */
    public static RequirementClaim of(FeatureMapping feature, List<String> files, List<String> tests, String untested,
            List<String> more) {
        String id = feature.requirementId();
        if (!feature.supported()) {
            String detail = feature.detail().strip();
            return RequirementClaim.notImplemented(id, detail.toLowerCase(java.util.Locale.ROOT)
                    .startsWith("not generated") ? detail : "the simple backend did not generate it: " + detail);
        }
        if (tests.isEmpty()) {
            return RequirementClaim.notImplemented(id, untested);
        }
        List<String> gaps = new ArrayList<>(feature.gaps());
        more.stream().filter(g -> !gaps.contains(g)).forEach(gaps::add);
        if (!gaps.isEmpty()) {
            return RequirementClaim.partial(id, files, tests, gaps, gaps.size() == 1
                    ? "the simple backend builds the rest of the sentence, but no generated code enforces one part of it"
                    : "the simple backend builds the rest of the sentence, but no generated code enforces "
                            + gaps.size() + " parts of it");
        }
        return RequirementClaim.implemented(id, files, tests);
    }

    /**
     * @param feature  the feature
     * @param language the skeleton's language
     * @param commands the skeleton's generic commands that do what the feature asks, Markdown-quoted; empty when
     *                 it has none
     * @return the claim of a feature of a skeleton: not implemented, saying which generic commands it has for it
     */
    public static RequirementClaim skeleton(FeatureMapping feature, String language, String commands) {
        if (!feature.supported()) {
            return of(feature, List.of(), List.of(), "", List.of());
        }
        String start = "the simple backend generates only a skeleton in " + language + " (a generic store and "
                + "command line): ";
        boolean generic = feature.operations().stream().allMatch(op -> switch (op) {
            case CREATE, LIST, GET, UPDATE, DELETE, STATUS -> true;
            case FIND, AGGREGATE -> false;
        });
        if (generic && !commands.isBlank()) {
            return RequirementClaim.notImplemented(feature.requirementId(), start + "it has " + commands
                    + " for this, but no test of this feature, so it is not claimed; only its Java output has a "
                    + "test per feature");
        }
        return RequirementClaim.notImplemented(feature.requirementId(), start + "its generic commands do not find, "
                + "sort, sum or export, and no test is specific to this feature; only its Java output implements "
                + "features");
    }
}

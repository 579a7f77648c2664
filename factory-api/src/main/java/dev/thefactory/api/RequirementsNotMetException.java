package dev.thefactory.api;

import java.util.List;
import java.util.Map;

/**
 * The generated project passed validation, but requirements the {@link FeatureRequirement policy} needs were not
 * implemented by any backend of the cascade; nothing was published. CLI exit code 1. {@link #unmet()} lists each
 * unmet requirement with its status and reason; {@link BuildResult#coverage()} of the {@link #result() result} has
 * the whole ledger. Immutable and thread-safe.
 */
public class RequirementsNotMetException extends BuildFailedException {

    private static final long serialVersionUID = 1L;

    private final FeatureRequirement policy;
    private final List<RequirementOutcome> unmet;

    /**
     * @param message         what was not met, requirement by requirement
     * @param context         where it happened
     * @param result          the build's result, with status {@link BuildStatus#FAILED} and the ledger
     * @param policy          the policy that was not met
     * @param unmet           the requirements the policy needs that are not implemented
     * @param backendsTried   backend ids tried, in order
     * @param recoveryOptions what to do next
     */
    public RequirementsNotMetException(String message, ErrorContext context, BuildResult result,
            FeatureRequirement policy, List<RequirementOutcome> unmet, List<String> backendsTried,
            List<String> recoveryOptions) {
        super(message, null, context, result, Map.of(), backendsTried, recoveryOptions);
        this.policy = java.util.Objects.requireNonNull(policy, "policy");
        this.unmet = List.copyOf(unmet);
    }

    /** @return the policy that was not met */
    public FeatureRequirement policy() {
        return policy;
    }

    /** @return the requirements the policy needs that are not implemented, in ledger order */
    public List<RequirementOutcome> unmet() {
        return unmet;
    }
}

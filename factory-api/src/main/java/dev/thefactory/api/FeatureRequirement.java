package dev.thefactory.api;

import java.util.Locale;

/**
 * Which requirements of the spec must end {@link RequirementStatus#IMPLEMENTED} for a build to publish. When the
 * policy is not met after every backend of the cascade was tried, the build fails with a
 * {@link RequirementsNotMetException} and publishes nothing. Thread-safe.
 */
public enum FeatureRequirement {
    /** Every core feature and the requested language (the default). */
    CORE,
    /** Every requirement of every section. */
    ALL,
    /** Nothing: publish whatever was generated and validated; the ledger still says what was built. */
    NONE;

    /** @return the lower-case id used on the command line: {@code core}, {@code all}, {@code none} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id {@code core}, {@code all} or {@code none}, in any case
     * @return the policy
     * @throws IllegalArgumentException when the id names none, listing the valid ones
     */
    public static FeatureRequirement fromId(String id) {
        for (FeatureRequirement policy : values()) {
            if (policy.name().equalsIgnoreCase(id.strip())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("require-features must be one of core, all, none but was '" + id + "'");
    }
}

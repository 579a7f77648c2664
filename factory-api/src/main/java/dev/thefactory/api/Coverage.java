package dev.thefactory.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The requirement ledger of a build: every requirement of the spec, exactly once, with its verified fate. Present
 * whenever a build got as far as planning, on failure too. Immutable and thread-safe.
 *
 * @param requirements one outcome per requirement of the spec, in {@link Requirement#of(ProjectSpec)} order
 * @param languageId   the id of the tech-stack requirement that names the project's language (see
 *                     {@link Requirement#language(ProjectSpec)}); null when the spec names none
 */
public record Coverage(List<RequirementOutcome> requirements, String languageId) {

    /** A ledger with no requirement, for a build that never got as far as planning. */
    public static final Coverage EMPTY = new Coverage(List.of(), null);

    /**
     * Copies the list.
     *
     * @throws NullPointerException if the list or an element is null
     */
    public Coverage {
        requirements = List.copyOf(requirements);
    }

    /** @return how many requirements are {@link RequirementStatus#IMPLEMENTED} */
    public int implemented() {
        return count(RequirementStatus.IMPLEMENTED);
    }

    /** @return how many requirements are {@link RequirementStatus#PARTIAL} */
    public int partial() {
        return count(RequirementStatus.PARTIAL);
    }

    /** @return how many requirements are {@link RequirementStatus#NOT_IMPLEMENTED} */
    public int notImplemented() {
        return count(RequirementStatus.NOT_IMPLEMENTED);
    }

    /**
     * @param id a requirement id such as {@code core-2}
     * @return its outcome, if the ledger has one
     */
    public Optional<RequirementOutcome> requirement(String id) {
        Objects.requireNonNull(id, "id");
        return requirements.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * @param section a section
     * @return the outcomes of that section, in order
     */
    public List<RequirementOutcome> section(RequirementSection section) {
        Objects.requireNonNull(section, "section");
        return requirements.stream().filter(r -> r.section() == section).toList();
    }

    /**
     * @param policy which requirements must be implemented
     * @return the requirements the policy needs implemented that are not, in order; empty when the policy is met
     */
    public List<RequirementOutcome> unmet(FeatureRequirement policy) {
        Objects.requireNonNull(policy, "policy");
        return requirements.stream()
                .filter(r -> r.status() != RequirementStatus.IMPLEMENTED)
                .filter(r -> switch (policy) {
                    case NONE -> false;
                    case ALL -> true;
                    case CORE -> r.section() == RequirementSection.CORE || r.id().equals(languageId);
                })
                .toList();
    }

    private int count(RequirementStatus status) {
        return (int) requirements.stream().filter(r -> r.status() == status).count();
    }
}

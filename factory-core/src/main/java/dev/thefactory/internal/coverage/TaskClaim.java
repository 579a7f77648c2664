package dev.thefactory.internal.coverage;

import dev.thefactory.spi.RequirementClaim;
import java.util.Objects;

/**
 * A backend's claim about a requirement, with the task whose result made it (named in notes). Immutable.
 *
 * @param taskId the id of the task that made the claim
 * @param claim  the claim, unverified
 */
public record TaskClaim(String taskId, RequirementClaim claim) {

    /** @throws NullPointerException if a component is null */
    public TaskClaim {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(claim, "claim");
    }
}

package dev.thefactory.temporal.internal;

import dev.thefactory.api.Coverage;
import dev.thefactory.api.ValidationSummary;
import java.util.List;

/**
 * What the finish activity did.
 *
 * @param published       the published project's directory, or null when the output was refused
 * @param files           project files published (or staged)
 * @param failure         why the output was refused (validation problems, or the feature requirement), or null
 * @param refused         whether the feature requirement refused a valid output
 * @param validation      the validation counts
 * @param coverage        the verified ledger, or null when validation failed
 * @param notes           the notes of validation, ledger and publication
 * @param validateMillis  time spent in {@code VALIDATE_OUTPUT}
 * @param repairs         the repair rounds of this backend, in order (null in older histories)
 * @param repairAgents    the repair agents spawned
 * @param repairRetries   the retry attempts of the repair tasks
 * @param repairUsage     the model usage of the repair tasks (null in older histories)
 * @param events          the repair rounds' events for the progress log, in order (null in older histories)
 */
public record FinishOutcome(String published, int files, String failure, boolean refused,
        ValidationSummary validation, Coverage coverage, List<String> notes, long validateMillis,
        List<dev.thefactory.api.RepairRecord> repairs, int repairAgents, int repairRetries,
        dev.thefactory.api.Usage repairUsage, List<Progress> events) {
}

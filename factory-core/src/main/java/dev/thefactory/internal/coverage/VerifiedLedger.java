package dev.thefactory.internal.coverage;

import dev.thefactory.api.Coverage;
import java.util.List;
import java.util.Objects;

/**
 * The ledger of one backend's validated output, and what verification found worth telling the user: claims that
 * were downgraded because their evidence did not hold, claims of ids that are not requirements of the spec.
 * Immutable.
 *
 * @param backend  the backend whose output was verified
 * @param coverage the verified ledger
 * @param notes    one line per downgraded or ignored claim, in ledger order; empty when every claim held
 */
public record VerifiedLedger(String backend, Coverage coverage, List<String> notes) {

    /** @throws NullPointerException if a component is null */
    public VerifiedLedger {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(coverage, "coverage");
        notes = List.copyOf(notes);
    }
}

package dev.thefactory.api;

import java.util.List;
import java.util.Objects;

/**
 * The fate of one requirement of the spec, as the core verified it: a backend's claim whose evidence did not hold
 * (a file missing from the output, a test that does not exist or did not pass) was downgraded, and a requirement no
 * backend claimed is {@link RequirementStatus#NOT_IMPLEMENTED}. Immutable and thread-safe.
 *
 * @param id       the requirement's stable id, e.g. {@code core-3}
 * @param section  the section it comes from
 * @param text     its text exactly as the spec has it
 * @param status   what became of it
 * @param backend  the id of the backend that claimed it; null when none did
 * @param evidence for {@code IMPLEMENTED} (and what there is for {@code PARTIAL}): the files and tests that prove
 *                 it; never null
 * @param gaps     for {@code PARTIAL}: the parts of the text that were not honoured; empty otherwise
 * @param reason   for {@code PARTIAL} and {@code NOT_IMPLEMENTED}: why, in words; null for {@code IMPLEMENTED}
 */
public record RequirementOutcome(String id, RequirementSection section, String text, RequirementStatus status,
        String backend, Evidence evidence, List<String> gaps, String reason) {

    /**
     * @throws NullPointerException     if a required component is null
     * @throws IllegalArgumentException when a {@code PARTIAL} or {@code NOT_IMPLEMENTED} outcome has no reason, or a
     *                                  {@code PARTIAL} one no gaps
     */
    public RequirementOutcome {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
        evidence = evidence == null ? Evidence.NONE : evidence;
        gaps = List.copyOf(gaps);
        if (status != RequirementStatus.IMPLEMENTED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("reason must be given for a " + status + " requirement (" + id + ")");
        }
        if (status == RequirementStatus.PARTIAL && gaps.isEmpty()) {
            throw new IllegalArgumentException("gaps must name what is missing from PARTIAL requirement " + id);
        }
    }

    /** @return the requirement this is the outcome of */
    public Requirement requirement() {
        return new Requirement(id, section, text);
    }
}

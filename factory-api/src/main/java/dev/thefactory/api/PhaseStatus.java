package dev.thefactory.api;

/** How a phase ended. */
public enum PhaseStatus {
    /** The phase ran to completion in this run. */
    COMPLETED,
    /** The phase did not need to run, e.g. it was completed before a resume. */
    SKIPPED,
    /** The phase failed after its retries and fallbacks. */
    FAILED
}

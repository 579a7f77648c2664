package dev.thefactory.api;

/** How a phase ended. */
public enum PhaseStatus {
    /** The phase ran to completion in this run. */
    COMPLETED,
    /** The phase did not need to run, e.g. it was completed before a resume. */
    SKIPPED,
    /** The phase failed after its retries and fallbacks. */
    FAILED,
    /**
     * The build was stopped (cancelled, interrupted or past its deadline) while the phase ran: the phase did not fail,
     * and a resume runs it again, keeping the work checkpointed before the stop.
     */
    INTERRUPTED
}

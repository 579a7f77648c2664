package dev.thefactory.api;

/** How a build ended. */
public enum BuildStatus {
    /** The output passed validation and was published. */
    SUCCEEDED,
    /** Recovery was exhausted; nothing was published. */
    FAILED,
    /** The build was interrupted; finished work is checkpointed and it can be resumed. */
    INTERRUPTED
}

package dev.thefactory.api;

/** What became of one requirement of the spec. Thread-safe. */
public enum RequirementStatus {
    /** Built, with the files and the passing generated tests that prove it. */
    IMPLEMENTED,
    /** Built in part; the parts that were not honoured are named in the gaps. */
    PARTIAL,
    /** Not built; the reason says why. */
    NOT_IMPLEMENTED
}

package dev.thefactory.spi;

/** Where a backend stands in the fallback cascade: integrated, then standalone, then minimal. */
public enum BackendTier {
    /** A backend integrated with an external orchestration service or framework. */
    INTEGRATED,
    /** A built-in backend that needs no external service (the {@code simple} backend). */
    STANDALONE,
    /** The always-available last resort (the {@code minimal} backend). */
    MINIMAL
}

package dev.thefactory.api;

import java.util.Objects;

/**
 * A phase moved from one backend to the next one of the cascade. Immutable and thread-safe.
 *
 * @param phase  the phase that fell back
 * @param from   the backend that failed or whose circuit was open
 * @param to     the backend that took over
 * @param reason why, in a sentence
 */
public record FallbackRecord(Phase phase, String from, String to, String reason) {
    /** @throws NullPointerException if a component is null */
    public FallbackRecord {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }
}

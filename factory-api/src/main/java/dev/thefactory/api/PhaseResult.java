package dev.thefactory.api;

import java.util.Objects;

/**
 * How one phase of a build went. Immutable and thread-safe.
 *
 * @param phase          the phase
 * @param status         how it ended
 * @param backend        the id of the backend that ran it last ({@code core} for phases the core runs itself)
 * @param durationMillis elapsed time spent in it (monotonic time, not the build's clock), &gt;= 0
 */
public record PhaseResult(Phase phase, PhaseStatus status, String backend, long durationMillis) {
    /**
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException on negative time
     */
    public PhaseResult {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(backend, "backend");
        if (durationMillis < 0) {
            throw new IllegalArgumentException("durationMillis must be >= 0 but was " + durationMillis);
        }
    }
}

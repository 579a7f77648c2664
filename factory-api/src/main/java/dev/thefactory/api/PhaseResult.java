package dev.thefactory.api;

import java.util.Objects;

/**
 * How one phase of a build went. Immutable and thread-safe.
 *
 * @param phase          the phase
 * @param status         how it ended
 * @param backend        the id of the backend that ran it last ({@code core} for phases the core runs itself)
 * @param durationMillis elapsed time spent in it (monotonic time, not the build's clock), &gt;= 0
 * @param usage          the model usage of its tasks that returned a result, every attempt of them included
 *                       ({@link Usage#NONE} for a phase that called no model); the calls of tasks that returned no
 *                       result are in the build's {@link BuildResult#usage()} only
 */
public record PhaseResult(Phase phase, PhaseStatus status, String backend, long durationMillis, Usage usage) {
    /**
     * @throws NullPointerException if a component other than {@code usage} is null ({@code usage} null is
     *                              {@link Usage#NONE})
     * @throws IllegalArgumentException on negative time
     */
    public PhaseResult {
        usage = usage == null ? Usage.NONE : usage;
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(backend, "backend");
        if (durationMillis < 0) {
            throw new IllegalArgumentException("durationMillis must be >= 0 but was " + durationMillis);
        }
    }

    /**
     * A phase that called no model.
     *
     * @param phase          the phase
     * @param status         how it ended
     * @param backend        the id of the backend that ran it last
     * @param durationMillis elapsed time spent in it, &gt;= 0
     */
    public PhaseResult(Phase phase, PhaseStatus status, String backend, long durationMillis) {
        this(phase, status, backend, durationMillis, Usage.NONE);
    }
}

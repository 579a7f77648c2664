package dev.thefactory.api;

import java.util.Objects;

/**
 * One repair round of {@code VALIDATE_OUTPUT}: a backend that supports repair was handed the files that failed
 * validation and the diagnostics, and the output was validated again. Immutable and thread-safe.
 *
 * @param round       the round, 1 for the first of the backend
 * @param backend     the backend that was asked to repair
 * @param diagnostics the diagnostics it was given (all of them, including any left out of the request to bound it)
 * @param files       the files it replaced (0 when the repair task failed)
 * @param remaining   the problems validation found after the round; 0 when it passed, -1 when the repair task
 *                    failed and nothing was validated again
 * @param outcome     how the round ended
 * @param detail      why the repair task failed, for {@link Outcome#TASK_FAILED}; empty otherwise
 */
public record RepairRecord(int round, String backend, int diagnostics, int files, int remaining, Outcome outcome,
        String detail) {

    /** How a repair round ended. */
    public enum Outcome {
        /** The output passed validation after the round. */
        REPAIRED,
        /** The output still failed validation after the round. */
        STILL_FAILING,
        /** The repair task itself failed (permanently, out of retries, or the backend's circuit was open). */
        TASK_FAILED
    }

    /**
     * @throws NullPointerException     if {@code backend}, {@code outcome} or {@code detail} is null
     * @throws IllegalArgumentException if {@code round} is below 1 or a count is out of range
     */
    public RepairRecord {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        if (round < 1) {
            throw new IllegalArgumentException("round must be >= 1 but was " + round);
        }
        if (diagnostics < 0 || files < 0 || remaining < -1) {
            throw new IllegalArgumentException("counts must not be negative (remaining may be -1), got diagnostics="
                    + diagnostics + ", files=" + files + ", remaining=" + remaining);
        }
    }
}

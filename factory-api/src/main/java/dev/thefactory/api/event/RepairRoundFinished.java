package dev.thefactory.api.event;

import dev.thefactory.api.RepairRecord;
import java.time.Instant;

/**
 * A repair round of {@code VALIDATE_OUTPUT} ended: the backend was handed the files that failed validation and the
 * diagnostics, and the output was validated again (see {@link RepairRecord}).
 *
 * @param buildId     the build
 * @param time        when it happened
 * @param backend     the backend asked to repair
 * @param round       the round, 1 for the first
 * @param maxRounds   the most rounds allowed
 * @param diagnostics the diagnostics the backend was given
 * @param files       the files it replaced
 * @param remaining   the problems after the round; 0 when the output passed, -1 when the repair task failed
 * @param outcome     how the round ended
 */
public record RepairRoundFinished(String buildId, Instant time, String backend, int round, int maxRounds,
        int diagnostics, int files, int remaining, RepairRecord.Outcome outcome) implements BuildEvent {
}

package dev.thefactory.api.event;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import java.time.Instant;

/**
 * A failed task attempt will be retried after a delay.
 *
 * @param buildId the build
 * @param time    when it happened
 * @param phase       the phase
 * @param task        the task id
 * @param attempt     the number of the attempt that will run next (2 for the first retry)
 * @param maxAttempts the most attempts allowed
 * @param delayMillis the delay before it
 * @param cause       the failure that caused it
 */
public record RetryScheduled(String buildId, Instant time, Phase phase, String task, int attempt, int maxAttempts, long delayMillis, String cause) implements BuildEvent {
}

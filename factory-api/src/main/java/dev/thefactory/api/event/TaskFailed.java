package dev.thefactory.api.event;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import java.time.Instant;

/**
 * A task attempt failed.
 *
 * @param buildId the build
 * @param time    when it happened
 * @param phase     the phase
 * @param task      the task id
 * @param reason    the failure's message
 * @param retryable true exactly when another attempt of the task follows: the failure is transient and the retry
 *                  policy allows more attempts; false for a permanent failure and on the last attempt
 */
public record TaskFailed(String buildId, Instant time, Phase phase, String task, String reason, boolean retryable) implements BuildEvent {
}

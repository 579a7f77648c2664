package dev.thefactory.api.event;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import java.time.Instant;

/**
 * A task finished successfully.
 *
 * @param buildId the build
 * @param time    when it happened
 * @param phase          the phase
 * @param task           the task id
 * @param durationMillis time spent, all attempts included
 * @param files          files the task staged
 */
public record TaskCompleted(String buildId, Instant time, Phase phase, String task, long durationMillis, int files) implements BuildEvent {
}

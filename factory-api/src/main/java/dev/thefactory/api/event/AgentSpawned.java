package dev.thefactory.api.event;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import java.time.Instant;

/**
 * An agent was spawned for a task.
 *
 * @param buildId the build
 * @param time    when it happened
 * @param phase      the phase
 * @param task       the task id
 * @param role       the agent's role
 * @param parentTask the parent task id, or null for a top-level task
 */
public record AgentSpawned(String buildId, Instant time, Phase phase, String task, AgentRole role, String parentTask) implements BuildEvent {
}

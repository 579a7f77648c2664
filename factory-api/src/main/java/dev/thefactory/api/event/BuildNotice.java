package dev.thefactory.api.event;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import java.time.Instant;

/**
 * Something the user should know, e.g. work grouped to fit the agent budget.
 *
 * @param buildId the build
 * @param time    when it happened
 * @param phase   the phase, or null
 * @param message the notice
 */
public record BuildNotice(String buildId, Instant time, Phase phase, String message) implements BuildEvent {
}

package dev.thefactory.api.event;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import java.time.Instant;

/**
 * A phase moves to the next backend of the cascade.
 *
 * @param buildId the build
 * @param time    when it happened
 * @param phase  the phase
 * @param from   the backend that failed or whose circuit is open
 * @param to     the backend that takes over
 * @param reason why
 */
public record FallbackTriggered(String buildId, Instant time, Phase phase, String from, String to, String reason) implements BuildEvent {
}

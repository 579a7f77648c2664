package dev.thefactory.api.event;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import java.time.Instant;

/**
 * A phase completed.
 *
 * @param buildId the build
 * @param time    when it happened
 * @param phase          the phase
 * @param backend        the backend id
 * @param durationMillis time spent
 */
public record PhaseCompleted(String buildId, Instant time, Phase phase, String backend, long durationMillis) implements BuildEvent {
}

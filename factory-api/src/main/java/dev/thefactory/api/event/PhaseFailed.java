package dev.thefactory.api.event;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import java.time.Instant;

/**
 * A phase failed on a backend; a fallback or the build's failure follows.
 *
 * @param buildId the build
 * @param time    when it happened
 * @param phase   the phase
 * @param backend the backend id
 * @param reason  why
 */
public record PhaseFailed(String buildId, Instant time, Phase phase, String backend, String reason) implements BuildEvent {
}

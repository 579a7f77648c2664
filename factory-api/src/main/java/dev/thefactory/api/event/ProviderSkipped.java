package dev.thefactory.api.event;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import java.time.Instant;

/**
 * A backend or agent provider was skipped because it failed to load or its health check failed.
 *
 * @param buildId the build
 * @param time    when it happened
 * @param provider the provider's id, or its class name when the id is unknown
 * @param reason   why
 */
public record ProviderSkipped(String buildId, Instant time, String provider, String reason) implements BuildEvent {
}

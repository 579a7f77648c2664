package dev.thefactory.api.event;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import java.time.Instant;

/**
 * A build started (or resumed).
 *
 * @param buildId the build
 * @param time    when it happened
 * @param projectName the spec's name
 * @param mode        the mode asked for
 * @param resumedFrom the phase a resume starts at, or null for a fresh build
 */
public record BuildStarted(String buildId, Instant time, String projectName, Mode mode, Phase resumedFrom) implements BuildEvent {
}

package dev.thefactory.api.event;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import java.time.Instant;

/**
 * Progress of the build: percent complete by task weight, and an estimate of the time left.
 *
 * @param buildId the build
 * @param time    when it happened
 * @param phase     the current phase
 * @param percent   0 to 100, never decreasing within a build
 * @param etaMillis estimated time left, or -1 while unknown
 */
public record ProgressUpdated(String buildId, Instant time, Phase phase, double percent, long etaMillis) implements BuildEvent {
}

package dev.thefactory.api.event;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import java.time.Instant;

/**
 * A build finished, successfully or not.
 *
 * @param buildId the build
 * @param time    when it happened
 * @param status          how it ended
 * @param outputDirectory where the project was published, or null
 */
public record BuildFinished(String buildId, Instant time, BuildStatus status, java.nio.file.Path outputDirectory) implements BuildEvent {
}

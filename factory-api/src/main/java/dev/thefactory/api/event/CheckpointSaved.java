package dev.thefactory.api.event;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import java.time.Instant;

/**
 * A checkpoint was saved.
 *
 * @param buildId the build
 * @param time    when it happened
 * @param phase    the phase it follows
 * @param task     the task it records, or null for a phase checkpoint
 * @param sequence the checkpoint's sequence number in the build
 */
public record CheckpointSaved(String buildId, Instant time, Phase phase, String task, long sequence) implements BuildEvent {
}

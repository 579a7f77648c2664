package dev.thefactory.api.event;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.Usage;
import java.time.Instant;

/**
 * A task finished successfully.
 *
 * @param buildId the build
 * @param time    when it happened
 * @param phase          the phase
 * @param task           the task id
 * @param durationMillis time spent, all attempts included
 * @param files          files the task staged
 * @param usage          the model usage of the task, every attempt included; {@link Usage#NONE} when it called no
 *                       model
 */
public record TaskCompleted(String buildId, Instant time, Phase phase, String task, long durationMillis, int files,
        Usage usage) implements BuildEvent {

    /** Null usage is {@link Usage#NONE}. */
    public TaskCompleted {
        usage = usage == null ? Usage.NONE : usage;
    }

    /**
     * A task that called no model.
     *
     * @param buildId        the build
     * @param time           when it happened
     * @param phase          the phase
     * @param task           the task id
     * @param durationMillis time spent, all attempts included
     * @param files          files the task staged
     */
    public TaskCompleted(String buildId, Instant time, Phase phase, String task, long durationMillis, int files) {
        this(buildId, time, phase, task, durationMillis, files, Usage.NONE);
    }
}

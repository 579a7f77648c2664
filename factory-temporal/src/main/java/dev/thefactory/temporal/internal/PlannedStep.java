package dev.thefactory.temporal.internal;

import dev.thefactory.spi.AgentTask;

/**
 * A top-level task of the plan, as the workflow history holds it.
 *
 * @param task      the task
 * @param allowance how many agents its subtree may add
 */
public record PlannedStep(AgentTask task, int allowance) {
}

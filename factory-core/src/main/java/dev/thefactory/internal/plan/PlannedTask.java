package dev.thefactory.internal.plan;

import dev.thefactory.spi.AgentTask;
import java.util.Objects;

/**
 * A top-level task of a plan with what the planner decided about it. Immutable and thread-safe.
 *
 * @param task           the task handed to the agent; never null
 * @param weight         its share of the build's progress, {@code > 0}
 * @param childAllowance how many agents its subtree (children, grandchildren, ...) may add, {@code >= 0}; fixed in
 *                       the plan so that the bounds never depend on thread timing
 */
public record PlannedTask(AgentTask task, double weight, int childAllowance) {

    /**
     * @throws NullPointerException if {@code task} is null
     * @throws IllegalArgumentException on bad numbers
     */
    public PlannedTask {
        Objects.requireNonNull(task, "task");
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be a finite number > 0 but was " + weight);
        }
        if (childAllowance < 0) {
            throw new IllegalArgumentException("childAllowance must be >= 0 but was " + childAllowance);
        }
    }

    /** @return the task's id */
    public String id() {
        return task.id();
    }

    /** @return how many children the task itself may spawn */
    public int maxChildren() {
        return AgentLimits.maxChildren(task.role(), task.depth(), childAllowance);
    }
}

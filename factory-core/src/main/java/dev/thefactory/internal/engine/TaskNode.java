package dev.thefactory.internal.engine;

import dev.thefactory.internal.plan.AgentLimits;
import dev.thefactory.spi.AgentTask;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One task while a phase runs: the task, its share of the progress weight, the allowance of its subtree, its parent,
 * and the facts it inherits from its ancestors. Immutable apart from {@link #lastReported}, which only the task's own
 * attempts write (one at a time) and the coordinator reads.
 */
final class TaskNode {

    private final AgentTask task;
    private final double weight;
    private final int allowance;
    private final TaskNode parent;
    private final Map<String, String> inheritedFacts;
    private volatile Throwable lastReported;

    /**
     * @param task           the task
     * @param weight         its share of the progress weight, children included
     * @param allowance      how many agents its subtree may add
     * @param parent         its parent, or null for a top-level task
     * @param inheritedFacts the facts its ancestors published, nearer ancestors winning
     */
    TaskNode(AgentTask task, double weight, int allowance, TaskNode parent, Map<String, String> inheritedFacts) {
        this.task = Objects.requireNonNull(task, "task");
        this.weight = weight;
        this.allowance = allowance;
        this.parent = parent;
        this.inheritedFacts = Collections.unmodifiableMap(new TreeMap<>(inheritedFacts));
    }

    AgentTask task() {
        return task;
    }

    String id() {
        return task.id();
    }

    double weight() {
        return weight;
    }

    int allowance() {
        return allowance;
    }

    TaskNode parent() {
        return parent;
    }

    Map<String, String> inheritedFacts() {
        return inheritedFacts;
    }

    /** @return how many children this task may spawn: role cap, depth and allowance */
    int maxChildren() {
        return AgentLimits.maxChildren(task.role(), task.depth(), allowance);
    }

    /** @return the failure last announced as a {@code TaskFailed} event, or null */
    Throwable lastReported() {
        return lastReported;
    }

    void reported(Throwable failure) {
        lastReported = failure;
    }

    @Override
    public String toString() {
        return task.id();
    }
}

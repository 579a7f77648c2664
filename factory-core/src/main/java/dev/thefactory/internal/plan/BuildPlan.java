package dev.thefactory.internal.plan;

import dev.thefactory.api.Complexity;
import dev.thefactory.api.Phase;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A deterministic build plan: the same spec always gives an equal plan (same tasks, ids, weights, allowances and
 * notes), which resume relies on. Immutable and thread-safe.
 *
 * @param complexity  the spec's complexity
 * @param agentBudget the most agents one backend may run for this build
 * @param tasks       the top-level tasks of the backend phases, in phase order and, within a phase, in plan order
 * @param notes       what the planner had to do to fit the budget (e.g. grouped features); empty when nothing
 */
public record BuildPlan(Complexity complexity, int agentBudget, List<PlannedTask> tasks, List<String> notes) {

    /** Progress weight of {@link Phase#VALIDATE_SPEC}, run by the core. */
    public static final double VALIDATE_SPEC_WEIGHT = 1;
    /** Progress weight of {@link Phase#VALIDATE_OUTPUT}, run by the core. */
    public static final double VALIDATE_OUTPUT_WEIGHT = 2;
    /** Progress weight of {@link Phase#PUBLISH}, run by the core. */
    public static final double PUBLISH_WEIGHT = 1;

    /**
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if task ids repeat or the plan exceeds its budget
     */
    public BuildPlan {
        Objects.requireNonNull(complexity, "complexity");
        tasks = List.copyOf(tasks);
        notes = List.copyOf(notes);
        Map<String, PlannedTask> seen = new LinkedHashMap<>();
        for (PlannedTask t : tasks) {
            if (seen.put(t.id(), t) != null) {
                throw new IllegalArgumentException("task ids must be unique but '" + t.id() + "' repeats");
            }
        }
        int planned = tasks.size() + tasks.stream().mapToInt(PlannedTask::childAllowance).sum();
        if (planned > agentBudget) {
            throw new IllegalArgumentException("plan needs " + planned + " agents but the budget is " + agentBudget);
        }
    }

    /**
     * @param phase a phase
     * @return its top-level tasks in plan order; empty for the phases the core runs itself
     */
    public List<PlannedTask> tasks(Phase phase) {
        return tasks.stream().filter(t -> t.task().phase() == phase).toList();
    }

    /**
     * @param id a top-level task id
     * @return the task, if the plan has it
     */
    public Optional<PlannedTask> task(String id) {
        return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** @return the most agents the plan allows: its top-level tasks plus every child allowance; never above the budget */
    public int plannedAgents() {
        return tasks.size() + tasks.stream().mapToInt(PlannedTask::childAllowance).sum();
    }

    /** @return the progress weight of each phase: the core's fixed weights and the sum of each backend phase's tasks */
    public Map<Phase, Double> phaseWeights() {
        Map<Phase, Double> weights = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            weights.put(phase, 0.0);
        }
        weights.put(Phase.VALIDATE_SPEC, VALIDATE_SPEC_WEIGHT);
        weights.put(Phase.VALIDATE_OUTPUT, VALIDATE_OUTPUT_WEIGHT);
        weights.put(Phase.PUBLISH, PUBLISH_WEIGHT);
        for (PlannedTask t : tasks) {
            weights.merge(t.task().phase(), t.weight(), Double::sum);
        }
        return weights;
    }

    /** @return the weight of the whole build: every phase's weight summed */
    public double totalWeight() {
        return phaseWeights().values().stream().mapToDouble(Double::doubleValue).sum();
    }
}

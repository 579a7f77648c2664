package dev.thefactory.spi;

/**
 * Runs a build's agent tasks. The core schedules the tasks (in parallel, within the plan's bounds), applies
 * timeouts, retries and circuit breaking, and checkpoints the results; the backend supplies the agent that
 * performs each task.
 *
 * <p>The backend runs the phases {@code ANALYZE}, {@code DESIGN}, {@code STRUCTURE} and {@code GENERATE}. The
 * facts and files an agent returns are in the backend's own vocabulary, so when a phase falls back to another
 * backend, that backend starts again at {@code ANALYZE} on an empty staging area (see
 * {@code docs/architecture-decisions.md}). A backend that {@linkplain #supportsRepair() supports repair} also performs
 * the {@linkplain StandardTasks#REPAIR repair tasks} of {@code VALIDATE_OUTPUT}.
 *
 * <p>Implementations must be thread-safe: {@link #agent} is called from several threads.
 */
public interface OrchestratorBackend extends AutoCloseable {

    /** @return the id of the provider that created it */
    String id();

    /**
     * Returns the agent that performs a task. Called once per task attempt.
     *
     * @param task the task
     * @return the agent for it
     * @throws dev.thefactory.api.AgentException when this backend has no agent for the task (permanent)
     */
    Agent agent(AgentTask task);

    /**
     * The model usage of this backend's task attempts that returned no result (failed, timed out), so a build
     * counts what those attempts spent too. Usage of successful attempts is reported by
     * {@link TaskResult#usage()} and must not be counted here.
     *
     * @return what failed attempts used so far; {@link dev.thefactory.api.Usage#NONE} (the default) for a backend
     *         that calls no model
     */
    default dev.thefactory.api.Usage usage() {
        return dev.thefactory.api.Usage.NONE;
    }

    /**
     * Whether this backend performs {@linkplain StandardTasks#REPAIR repair tasks}: when {@code VALIDATE_OUTPUT}
     * finds files of this backend that do not compile or parse, or generated tests that fail, the core hands it the
     * files and the diagnostics (see {@link RepairRequest}) for up to {@code Factory.Builder.repairRounds} rounds,
     * revalidating after each, before the build falls back to the next backend. A backend that returns true must
     * give an agent for tasks whose id starts with {@value StandardTasks#REPAIR}.
     *
     * @return false (the default): the backend is never asked to repair and its failed output falls back at once
     */
    default boolean supportsRepair() {
        return false;
    }

    /** Releases what the backend holds. Must not throw. */
    @Override
    void close();
}

package dev.thefactory.llm.internal;

import dev.thefactory.spi.Agent;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.OrchestratorBackend;
import java.util.Objects;

/**
 * The {@code llm} backend of one build: its agents share one {@link ModelCallGate}, so the concurrency bound, the
 * rate-limit slow-down and the token budget apply to the whole build. Thread-safe.
 */
public final class LlmOrchestratorBackend implements OrchestratorBackend {

    private final String id;
    private final LlmAgents agents;
    private final ModelCallGate gate;

    LlmOrchestratorBackend(String id, ModelCallGate gate, Prompts prompts) {
        this.id = Objects.requireNonNull(id, "id");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.agents = new LlmAgents(gate, prompts);
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * The agent for a task; its result reports, as {@link dev.thefactory.spi.TaskResult#usage()}, what every model
     * call made for that task id used (including earlier attempts of it that failed).
     *
     * @param task the task
     * @return the agent
     */
    @Override
    public Agent agent(AgentTask task) {
        Agent agent = agents.agent(task);
        return (t, context) -> {
            dev.thefactory.spi.TaskResult result = agent.execute(t, context);
            Usage used = gate.meter().settle(t.id());
            return result.withUsage(new dev.thefactory.api.Usage(used.inputTokens(),
                    used.outputTokens(), (int) Math.min(Integer.MAX_VALUE, used.calls())));
        };
    }

    /**
     * The llm backend repairs its own files: the files that failed validation and the diagnostics go to the model
     * with the {@code repairer} prompt, and its answer replaces them.
     *
     * @return true
     */
    @Override
    public boolean supportsRepair() {
        return true;
    }

    /**
     * What the model calls of tasks that returned no result used (they failed for good, or their last attempt ran
     * out of time); the usage of tasks that returned a result is in their {@link dev.thefactory.spi.TaskResult#usage()}.
     *
     * @return that usage
     */
    @Override
    public dev.thefactory.api.Usage usage() {
        Usage unsettled = gate.meter().unsettled();
        return new dev.thefactory.api.Usage(unsettled.inputTokens(), unsettled.outputTokens(),
                (int) Math.min(Integer.MAX_VALUE, unsettled.calls()));
    }

    /** @return what this build's model calls used so far */
    public Usage modelUsage() {
        return gate.meter().total();
    }

    @Override
    public void close() {
        // The chat model belongs to the provider (or to the caller who handed it over): nothing to release here.
    }
}

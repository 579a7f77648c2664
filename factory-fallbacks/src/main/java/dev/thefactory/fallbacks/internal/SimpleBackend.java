package dev.thefactory.fallbacks.internal;

import dev.thefactory.api.AgentException;
import dev.thefactory.fallbacks.internal.agents.AnalyzeAgent;
import dev.thefactory.fallbacks.internal.agents.ArchitectureAgent;
import dev.thefactory.fallbacks.internal.agents.FeatureDesignAgent;
import dev.thefactory.fallbacks.internal.agents.GenerateAgent;
import dev.thefactory.fallbacks.internal.agents.StructureAgent;
import dev.thefactory.fallbacks.internal.layout.Part;
import dev.thefactory.spi.Agent;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.StandardTasks;
import java.util.EnumMap;
import java.util.Map;

/**
 * The simple backend of one build: template agents for every standard task, and the children the generate tasks
 * spawn. Holds no state beyond its agents, which are stateless; thread-safe.
 */
public final class SimpleBackend implements OrchestratorBackend {

    /** The id of the simple backend. */
    public static final String ID = "simple";

    private final Agent analyze = new AnalyzeAgent();
    private final Agent architecture = new ArchitectureAgent();
    private final Agent feature = new FeatureDesignAgent();
    private final Agent structure = new StructureAgent();
    private final Map<Part, Agent> generators = new EnumMap<>(Part.class);

    /** Creates the backend and its agents. */
    public SimpleBackend() {
        for (Part part : Part.values()) {
            generators.put(part, new GenerateAgent(part));
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Agent agent(AgentTask task) {
        String id = task.id();
        if (id.equals(StandardTasks.ANALYZE)) {
            return analyze;
        }
        if (id.equals(StandardTasks.DESIGN_ARCHITECTURE)) {
            return architecture;
        }
        if (id.startsWith(StandardTasks.DESIGN_FEATURE_PREFIX) && id.length() > StandardTasks.DESIGN_FEATURE_PREFIX
                .length()) {
            return feature;
        }
        if (id.equals(StandardTasks.STRUCTURE)) {
            return structure;
        }
        for (Part part : Part.values()) {
            boolean child = task.parentId() != null && task.parentId().equals(part.taskId())
                    && id.startsWith(part.taskId() + "/");
            if (id.equals(part.taskId()) || child) {
                return generators.get(part);
            }
        }
        throw AgentException.permanentFailure("the simple backend has no agent for task '" + id + "'; it performs "
                + "the standard tasks of dev.thefactory.spi.StandardTasks and the children of generate/code and "
                + "generate/tests");
    }

    @Override
    public void close() {
        // the agents hold nothing
    }
}

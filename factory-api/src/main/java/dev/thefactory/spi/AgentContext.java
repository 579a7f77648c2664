package dev.thefactory.spi;

import dev.thefactory.api.ProjectSpec;
import java.util.Map;
import java.util.Optional;

/**
 * What an agent may read while it performs a task. Implementations are immutable snapshots and thread-safe.
 */
public interface AgentContext {

    /** @return the build's id */
    String buildId();

    /** @return the validated spec */
    ProjectSpec spec();

    /**
     * @return the facts published by finished tasks of earlier phases of this backend, merged (a later phase's
     *         fact wins), sorted by key
     */
    Map<String, String> facts();

    /**
     * How many children this task may spawn, given the per-role child cap, the maximum depth and what is left of
     * the build's agent budget. An agent with more sub-tasks than this must group them into at most this many
     * children (and say so in its notes); the core refuses a result with more children than allowed.
     *
     * @return 0 or more
     */
    int maxChildren();

    /**
     * What a {@linkplain StandardTasks#REPAIR repair task} is asked to fix.
     *
     * @return the files and diagnostics of this repair round; empty for every other task (the default)
     */
    default Optional<RepairRequest> repair() {
        return Optional.empty();
    }

    /**
     * @param key a fact's name
     * @return its value, if a finished task published it
     */
    default Optional<String> fact(String key) {
        return Optional.ofNullable(facts().get(key));
    }
}

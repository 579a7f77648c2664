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

    /** @param key a fact's name @return its value, if a finished task published it */
    default Optional<String> fact(String key) {
        return Optional.ofNullable(facts().get(key));
    }
}

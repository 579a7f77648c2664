package dev.thefactory.spi;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.Phase;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One task of a build plan, performed by one agent. Ids are stable: the same spec always yields the same tasks
 * with the same ids, and a child's id is its parent's id, a {@code /}, and the child's key. Immutable and
 * thread-safe.
 *
 * @param id         the stable id, e.g. {@code generate/feature-add-task}
 * @param phase      the phase it belongs to
 * @param role       the role of the agent that performs it
 * @param subject    what it is about, in words (e.g. the feature's text)
 * @param parentId   the id of the task that spawned it, or null for a top-level task
 * @param depth      0 for a top-level task, parent's depth + 1 for a child
 * @param parameters string parameters for the agent, sorted by key
 */
public record AgentTask(String id, Phase phase, AgentRole role, String subject, String parentId, int depth,
        Map<String, String> parameters) {

    /**
     * @throws NullPointerException if a required component is null
     * @throws IllegalArgumentException on depth &lt; 0
     */
    public AgentTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(subject, "subject");
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be >= 0 but was " + depth);
        }
        parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    /**
     * @param key a parameter's name
     * @return its value, or null
     */
    public String parameter(String key) {
        return parameters.get(key);
    }
}

package dev.thefactory.spi;

import dev.thefactory.api.AgentRole;
import java.util.Map;
import java.util.Objects;

/**
 * A sub-task an agent asks to spawn: the "chain reaction". The core turns it into an {@link AgentTask} with id
 * {@code parentId + "/" + key} in the same phase, within the plan's per-role child caps, depth and total budget;
 * a request beyond a bound is reported, never silently dropped. Immutable and thread-safe.
 *
 * @param key        unique among the parent's children; letters, digits, {@code -}, {@code _} and {@code .}
 * @param role       the child agent's role
 * @param subject    what it is about
 * @param parameters string parameters for the child
 */
public record ChildTask(String key, AgentRole role, String subject, Map<String, String> parameters) {

    /** @throws IllegalArgumentException if the key is empty or has other characters */
    public ChildTask {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(subject, "subject");
        if (!key.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("key must be 1-100 letters, digits, '.', '_' or '-' but was '" + key + "'");
        }
        parameters = Map.copyOf(parameters);
    }
}

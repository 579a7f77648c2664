package dev.thefactory.internal.engine;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.spi.AgentContext;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The snapshot an agent sees: build id, spec, the facts of earlier phases merged with its ancestors' facts (sorted by
 * key), and how many children it may spawn. Immutable and thread-safe.
 *
 * @param buildId     the build
 * @param spec        the validated spec
 * @param facts       visible facts, sorted by key
 * @param maxChildren how many children the task may spawn
 */
record TaskContext(String buildId, ProjectSpec spec, Map<String, String> facts, int maxChildren)
        implements AgentContext {

    /** Copies the facts into a sorted, unmodifiable map. */
    TaskContext {
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(spec, "spec");
        facts = Collections.unmodifiableMap(new TreeMap<>(facts));
        if (maxChildren < 0) {
            throw new IllegalArgumentException("maxChildren must be >= 0 but was " + maxChildren);
        }
    }
}

package dev.thefactory.examples.custom;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.spi.AgentContext;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** An agent context for tests: a spec and the facts published so far. */
record TestAgentContext(String buildId, ProjectSpec spec, Map<String, String> facts, int maxChildren)
        implements AgentContext {

    TestAgentContext {
        facts = Collections.unmodifiableMap(new TreeMap<>(facts));
    }
}

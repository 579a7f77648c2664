package dev.thefactory.internal.minimal;

import dev.thefactory.api.AgentException;
import dev.thefactory.spi.Agent;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.StandardTasks;
import dev.thefactory.spi.TaskResult;
import java.util.Map;
import java.util.Objects;

/**
 * The minimal backend of one build: every standard task is answered from the {@link MinimalProject} templates.
 * It spawns no children. Immutable and thread-safe.
 */
final class MinimalBackend implements OrchestratorBackend {

    /** Fact: the Java package of the generated code. */
    static final String FACT_PACKAGE = "minimal.package";
    /** Fact: the Maven artifact id of the generated project. */
    static final String FACT_ARTIFACT = "minimal.artifactId";

    private final MinimalProject project;

    MinimalBackend(MinimalProject project) {
        this.project = Objects.requireNonNull(project, "project");
    }

    @Override
    public String id() {
        return MinimalBackendProvider.ID;
    }

    @Override
    public Agent agent(AgentTask task) {
        String id = task.id();
        if (id.equals(StandardTasks.ANALYZE)) {
            return (t, c) -> TaskResult.ofFacts(Map.of(FACT_PACKAGE, project.javaPackage(),
                    FACT_ARTIFACT, project.artifactId()));
        }
        if (id.equals(StandardTasks.DESIGN_ARCHITECTURE) || id.startsWith(StandardTasks.DESIGN_FEATURE_PREFIX)) {
            return (t, c) -> TaskResult.empty();
        }
        if (id.equals(StandardTasks.STRUCTURE)) {
            return (t, c) -> new TaskResult(java.util.List.of(), Map.of(), project.plannedFiles(),
                    java.util.List.of(), project.notes());
        }
        if (id.equals(StandardTasks.GENERATE_BUILD)) {
            return (t, c) -> TaskResult.ofFiles(project.buildFiles());
        }
        if (id.equals(StandardTasks.GENERATE_CODE)) {
            return (t, c) -> TaskResult.ofFiles(project.codeFiles());
        }
        if (id.equals(StandardTasks.GENERATE_TESTS)) {
            return (t, c) -> TaskResult.empty();
        }
        if (id.equals(StandardTasks.GENERATE_DOCS)) {
            return (t, c) -> TaskResult.ofFiles(project.docFiles()).withClaims(project.claims());
        }
        throw AgentException.permanentFailure("the minimal backend has no agent for task '" + id
                + "'; it performs only the standard tasks of dev.thefactory.spi.StandardTasks");
    }

    @Override
    public void close() {
        // holds nothing
    }
}

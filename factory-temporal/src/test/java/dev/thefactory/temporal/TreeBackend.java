package dev.thefactory.temporal;

import dev.thefactory.api.AgentRole;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.HealthStatus;
import dev.thefactory.spi.Agent;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.ChildTask;
import dev.thefactory.spi.GeneratedFile;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.OrchestratorBackendProvider;
import dev.thefactory.spi.StandardTasks;
import dev.thefactory.spi.TaskResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic STANDALONE backend for the workflow tests: a few text and JSON files, and {@code generate/code}
 * spawns children {@code a}, {@code b}, {@code c}. A {@link Gate} runs before every agent (to throw, block or count);
 * every start of every task is counted, on every worker. Thread-safe.
 */
final class TreeBackend implements OrchestratorBackendProvider {

    static final String ID = "tree";
    static final List<String> FILES = List.of("README.md", "build.json", "src/a.txt", "src/b.txt", "src/c.txt",
            "tests/plan.md");

    /** Runs before each agent executes; may throw or block. */
    @FunctionalInterface
    interface Gate {
        void before(AgentTask task) throws Exception;
    }

    private final Map<String, AtomicInteger> starts = new ConcurrentHashMap<>();
    private volatile Gate gate;

    TreeBackend(Gate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    void gate(Gate next) {
        this.gate = Objects.requireNonNull(next, "next");
    }

    /** @return how often each task's agent was started, by task id */
    Map<String, Integer> starts() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        starts.forEach((id, count) -> copy.put(id, count.get()));
        return copy;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public BackendTier tier() {
        return BackendTier.STANDALONE;
    }

    @Override
    public HealthStatus health() {
        return HealthStatus.up();
    }

    @Override
    public OrchestratorBackend create(BackendContext context) {
        String name = context.spec().name();
        return new OrchestratorBackend() {
            @Override
            public String id() {
                return ID;
            }

            @Override
            public Agent agent(AgentTask task) {
                return (t, c) -> {
                    starts.computeIfAbsent(t.id(), k -> new AtomicInteger()).incrementAndGet();
                    gate.before(t);
                    return result(t, name, c.facts());
                };
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    private static TaskResult result(AgentTask task, String name, Map<String, String> facts) {
        String id = task.id();
        if (id.equals(StandardTasks.ANALYZE)) {
            return TaskResult.ofFacts(Map.of("tree.name", name));
        }
        if (id.equals(StandardTasks.DESIGN_ARCHITECTURE)) {
            return TaskResult.ofFacts(Map.of("tree.layout", "flat"));
        }
        if (id.startsWith(StandardTasks.DESIGN_FEATURE_PREFIX)) {
            return TaskResult.empty();
        }
        if (id.equals(StandardTasks.STRUCTURE)) {
            return new TaskResult(List.of(), Map.of(), FILES, List.of(), List.of());
        }
        if (id.equals(StandardTasks.GENERATE_BUILD)) {
            return TaskResult.ofFiles(List.of(new GeneratedFile("build.json", "{\"name\": \"" + facts.get("tree.name")
                    + "\", \"layout\": \"" + facts.get("tree.layout") + "\"}\n")));
        }
        if (id.equals(StandardTasks.GENERATE_CODE)) {
            return new TaskResult(List.of(), Map.of("tree.modules", "3"), List.of(), List.of(
                    new ChildTask("a", AgentRole.DEVELOPER, "module a", Map.of()),
                    new ChildTask("b", AgentRole.DEVELOPER, "module b", Map.of()),
                    new ChildTask("c", AgentRole.DEVELOPER, "module c", Map.of())), List.of());
        }
        if (id.startsWith(StandardTasks.GENERATE_CODE + "/")) {
            String key = id.substring(id.lastIndexOf('/') + 1);
            return TaskResult.ofFiles(List.of(new GeneratedFile("src/" + key + ".txt", "module " + key + " of "
                    + facts.get("tree.name") + " (" + facts.get("tree.modules") + " modules)\n")));
        }
        if (id.equals(StandardTasks.GENERATE_TESTS)) {
            return TaskResult.ofFiles(List.of(new GeneratedFile("tests/plan.md", "# Test plan of " + name + "\n")));
        }
        if (id.equals(StandardTasks.GENERATE_DOCS)) {
            return TaskResult.ofFiles(List.of(new GeneratedFile("README.md", "# " + name + "\n")));
        }
        throw new IllegalStateException("unexpected task " + id);
    }
}

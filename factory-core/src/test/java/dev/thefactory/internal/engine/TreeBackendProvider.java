package dev.thefactory.internal.engine;

import dev.thefactory.api.AgentRole;
import dev.thefactory.spi.Agent;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.ChildTask;
import dev.thefactory.spi.GeneratedFile;
import dev.thefactory.spi.HealthStatus;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.OrchestratorBackendProvider;
import dev.thefactory.spi.StandardTasks;
import dev.thefactory.spi.TaskResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A deterministic STANDALONE backend for engine tests: a small project of text and JSON files whose
 * {@code generate/code} task spawns three children ({@code a}, {@code b}, {@code c}), each writing one file. A
 * {@link Gate} runs before every agent, so a test can make a chosen task throw, block or count. Thread-safe.
 */
final class TreeBackendProvider implements OrchestratorBackendProvider {

    static final String ID = "tree";

    /** The files every build of this backend publishes. */
    static final List<String> FILES = List.of("README.md", "build.json", "src/a.txt", "src/b.txt", "src/c.txt",
            "tests/plan.md");

    /** How the {@code generate/code} subtree and {@code generate/tests} spawn children. */
    enum Shape {
        /** {@code generate/code} spawns {@code a}, {@code b}, {@code c}; nothing else spawns. */
        TREE,
        /**
         * {@code generate/code} spawns {@code a}, which writes every source file and starts a chain of {@code x}
         * children, each spawning one more while {@link dev.thefactory.spi.AgentContext#maxChildren()} allows.
         */
        CHAIN,
        /** As {@link #CHAIN}, but every chain link asks for a child, whatever it is allowed. */
        GREEDY_CHAIN,
        /** As {@link #TREE}, and {@code generate/tests} asks for four children, one more than a tester may have. */
        TOO_MANY_CHILDREN,
        /** As {@link #TREE}, and {@code generate/docs} returns {@code docs/café.md} spelled in NFC and in NFD. */
        UNICODE_TWINS
    }

    /** Runs before each agent executes; may throw or block. */
    @FunctionalInterface
    interface Gate {
        void before(AgentTask task) throws Exception;
    }

    private final Gate gate;
    private final List<String> executed = new CopyOnWriteArrayList<>();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private volatile String contentVariant = "";
    private volatile Shape shape = Shape.TREE;

    TreeBackendProvider() {
        this(task -> { });
    }

    TreeBackendProvider(Gate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /** @return the ids of the tasks whose agents ran to the end, in the order they did */
    List<String> executed() {
        return List.copyOf(executed);
    }

    /** Makes later generated content differ, to show a non-deterministic backend is caught. */
    void variant(String variant) {
        this.contentVariant = variant;
    }

    /** @param shape how tasks spawn children from now on @return this */
    TreeBackendProvider shape(Shape shape) {
        this.shape = Objects.requireNonNull(shape, "shape");
        return this;
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
        created.add(context.buildId());
        String name = context.spec().name();
        return new OrchestratorBackend() {
            @Override
            public String id() {
                return ID;
            }

            @Override
            public Agent agent(AgentTask task) {
                return (t, c) -> {
                    gate.before(t);
                    TaskResult result = result(t, name, c.facts(), c.maxChildren());
                    executed.add(t.id());
                    return result;
                };
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    private TaskResult result(AgentTask task, String name, Map<String, String> facts, int maxChildren) {
        String id = task.id();
        String variant = contentVariant;
        Shape current = shape;
        boolean chain = current == Shape.CHAIN || current == Shape.GREEDY_CHAIN;
        if (chain && id.equals(StandardTasks.GENERATE_CODE)) {
            return new TaskResult(List.of(), Map.of("tree.modules", "3"), List.of(), List.of(
                    new ChildTask("a", AgentRole.DEVELOPER, "all modules", Map.of())), List.of());
        }
        if (chain && id.startsWith(StandardTasks.GENERATE_CODE + "/a")) {
            List<GeneratedFile> files = !id.equals(StandardTasks.GENERATE_CODE + "/a") ? List.of() : List.of("a", "b", "c")
                    .stream().map(key -> new GeneratedFile("src/" + key + ".txt", "module " + key + " of "
                            + facts.get("tree.name") + " (" + facts.get("tree.modules") + " modules)\n")).toList();
            List<ChildTask> next = current == Shape.GREEDY_CHAIN || maxChildren > 0
                    ? List.of(new ChildTask("x", AgentRole.DEVELOPER, "one level deeper", Map.of()))
                    : List.of();
            return new TaskResult(files, Map.of(), List.of(), next, List.of());
        }
        if (current == Shape.TOO_MANY_CHILDREN && id.equals(StandardTasks.GENERATE_TESTS)) {
            return new TaskResult(List.of(new GeneratedFile("tests/plan.md", "# Test plan of " + name + "\n")),
                    Map.of(), List.of(), List.of("1", "2", "3", "4").stream()
                            .map(key -> new ChildTask(key, AgentRole.TESTER, "test " + key, Map.of())).toList(),
                    List.of());
        }
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
                    + facts.get("tree.name") + " (" + facts.get("tree.modules") + " modules)" + variant + "\n")));
        }
        if (id.equals(StandardTasks.GENERATE_TESTS)) {
            return TaskResult.ofFiles(List.of(new GeneratedFile("tests/plan.md", "# Test plan of " + name + variant
                    + "\n")));
        }
        if (current == Shape.UNICODE_TWINS && id.equals(StandardTasks.GENERATE_DOCS)) {
            return TaskResult.ofFiles(List.of(new GeneratedFile("docs/caf\u00e9.md", "NFC\n"),
                    new GeneratedFile("docs/cafe\u0301.md", "NFD\n")));
        }
        if (id.equals(StandardTasks.GENERATE_DOCS)) {
            return TaskResult.ofFiles(List.of(new GeneratedFile("README.md", "# " + name + "\n\nGenerated by the tree "
                    + "backend." + variant + "\n")));
        }
        throw new IllegalStateException("unexpected task " + id);
    }
}

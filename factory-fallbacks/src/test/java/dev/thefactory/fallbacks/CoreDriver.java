package dev.thefactory.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.Phase;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.spi.AgentContext;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.ChildTask;
import dev.thefactory.spi.GeneratedFile;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.RequirementClaim;
import dev.thefactory.spi.StandardTasks;
import dev.thefactory.spi.TaskResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * Plays the core for the simple backend through the public SPI only: runs the standard tasks phase by phase, passes
 * the facts of earlier phases, runs children recursively, and checks the rules the core enforces (children within
 * {@code maxChildren}, unique child keys, every planned file produced exactly once, no path written twice).
 */
final class CoreDriver {

    /** What one build produced. */
    record Build(Map<String, String> files, List<String> planned, Map<String, String> facts, List<String> notes,
            List<String> taskIds, List<RequirementClaim> claims) {

        /** @return the claim of a requirement, which must have exactly one */
        RequirementClaim claim(String id) {
            List<RequirementClaim> found = claims.stream().filter(c -> c.requirementId().equals(id)).toList();
            assertThat(found).as("claims of %s", id).hasSize(1);
            return found.get(0);
        }
    }

    /** The limit the driver grants: by default the core's child caps for a simple build. */
    static final ToIntFunction<AgentTask> DEFAULT_LIMITS = task -> task.depth() > 0 ? 0
            : switch (task.role()) {
                case ARCHITECT -> 10;
                case DEVELOPER, BUILDER -> 8;
                case TESTER, DOCUMENTER, REVIEWER -> 3;
            };

    private record Context(String buildId, ProjectSpec spec, Map<String, String> facts, int maxChildren)
            implements AgentContext {
    }

    private final ToIntFunction<AgentTask> limits;
    private final Map<String, String> facts = new TreeMap<>();
    private final Map<String, String> files = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> taskIds = new ArrayList<>();
    private final List<String> planned = new ArrayList<>();
    private final List<RequirementClaim> claims = new ArrayList<>();

    private CoreDriver(ToIntFunction<AgentTask> limits) {
        this.limits = limits;
    }

    static Build build(ProjectSpec spec) throws Exception {
        return build(spec, DEFAULT_LIMITS);
    }

    static Build build(ProjectSpec spec, ToIntFunction<AgentTask> limits) throws Exception {
        return new CoreDriver(limits).run(spec);
    }

    private Build run(ProjectSpec spec) throws Exception {
        SimpleBackendProvider provider = new SimpleBackendProvider();
        try (OrchestratorBackend backend = provider.create(new BackendContext("build-1", spec))) {
            phase(backend, spec, List.of(top(StandardTasks.ANALYZE, Phase.ANALYZE, AgentRole.ARCHITECT, Map.of())));
            List<AgentTask> design = new ArrayList<>();
            design.add(top(StandardTasks.DESIGN_ARCHITECTURE, Phase.DESIGN, AgentRole.ARCHITECT, Map.of()));
            addFeatureTasks(design, "core", spec.features().core());
            addFeatureTasks(design, "extended", spec.features().extended());
            phase(backend, spec, design);
            phase(backend, spec, List.of(top(StandardTasks.STRUCTURE, Phase.STRUCTURE, AgentRole.BUILDER, Map.of())));
            assertThat(new HashSet<>(planned)).as("planned files are unique").hasSize(planned.size());
            phase(backend, spec, List.of(
                    top(StandardTasks.GENERATE_BUILD, Phase.GENERATE, AgentRole.BUILDER, Map.of()),
                    top(StandardTasks.GENERATE_CODE, Phase.GENERATE, AgentRole.DEVELOPER, Map.of()),
                    top(StandardTasks.GENERATE_TESTS, Phase.GENERATE, AgentRole.TESTER, Map.of()),
                    top(StandardTasks.GENERATE_DOCS, Phase.GENERATE, AgentRole.DOCUMENTER, Map.of())));
        }
        assertThat(files.keySet()).as("generated files are exactly the planned files")
                .containsExactlyInAnyOrderElementsOf(planned);
        for (Map.Entry<String, String> file : files.entrySet()) {
            assertThat(file.getValue()).as("content of %s", file.getKey()).isNotBlank();
            assertThat(file.getKey()).as("a safe relative path").doesNotStartWith("/").doesNotContain("..")
                    .doesNotContain("\\").doesNotContain("//").matches("[A-Za-z0-9._/-]+");
            for (String segment : file.getKey().split("/")) {
                String base = (segment.contains(".") ? segment.substring(0, segment.indexOf('.')) : segment)
                        .toUpperCase(java.util.Locale.ROOT);
                assertThat(base).as("segment of %s is no Windows device name", file.getKey())
                        .doesNotMatch("CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9]");
            }
        }
        return new Build(files, planned, facts, notes, taskIds, claims);
    }

    /** Groups nothing: one design task per feature, as a planner with a large budget would. */
    private static void addFeatureTasks(List<AgentTask> tasks, String scope, List<String> features) {
        for (int i = 0; i < features.size(); i++) {
            tasks.add(top(StandardTasks.DESIGN_FEATURE_PREFIX + scope + "-" + i, Phase.DESIGN, AgentRole.ARCHITECT,
                    Map.of(StandardTasks.PARAM_FEATURES, features.get(i), StandardTasks.PARAM_SCOPE, scope)));
        }
    }

    private static AgentTask top(String id, Phase phase, AgentRole role, Map<String, String> parameters) {
        return new AgentTask(id, phase, role, id, null, 0, parameters);
    }

    private void phase(OrchestratorBackend backend, ProjectSpec spec, List<AgentTask> tasks) throws Exception {
        Map<String, String> visible = Map.copyOf(facts);
        Map<String, String> published = new TreeMap<>();
        for (AgentTask task : tasks) {
            runTree(backend, spec, visible, task, published);
        }
        facts.putAll(published);
    }

    private void runTree(OrchestratorBackend backend, ProjectSpec spec, Map<String, String> visible, AgentTask task,
            Map<String, String> published) throws Exception {
        taskIds.add(task.id());
        int max = limits.applyAsInt(task);
        TaskResult result = backend.agent(task).execute(task, new Context("build-1", spec,
                new TreeMap<>(visible), max));
        assertThat(result).as("result of %s", task.id()).isNotNull();
        assertThat(result.children()).as("children of %s", task.id()).hasSizeLessThanOrEqualTo(max);
        Set<String> keys = new LinkedHashSet<>();
        for (ChildTask child : result.children()) {
            assertThat(keys.add(child.key())).as("child key %s of %s is unique", child.key(), task.id()).isTrue();
        }
        published.putAll(result.facts());
        claims.addAll(result.claims());
        notes.addAll(result.notes());
        if (task.phase() == Phase.STRUCTURE) {
            planned.addAll(result.plannedFiles());
        } else {
            assertThat(result.plannedFiles()).as("only STRUCTURE plans files").isEmpty();
        }
        for (GeneratedFile file : result.files()) {
            assertThat(task.phase()).as("only GENERATE writes files").isEqualTo(Phase.GENERATE);
            String previous = files.put(file.path(), file.content());
            assertThat(previous).as("%s is written once, again by %s", file.path(), task.id()).isNull();
        }
        for (ChildTask child : result.children()) {
            AgentTask next = new AgentTask(task.id() + "/" + child.key(), task.phase(), child.role(),
                    child.subject(), task.id(), task.depth() + 1, child.parameters());
            runTree(backend, spec, visible, next, published);
        }
    }
}

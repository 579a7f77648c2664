package dev.thefactory.internal.engine;

import dev.thefactory.api.AgentException;
import dev.thefactory.api.Phase;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.internal.engine.BuildState.ChildRef;
import dev.thefactory.internal.engine.BuildState.FileRef;
import dev.thefactory.internal.engine.BuildState.TaskRecord;
import dev.thefactory.internal.events.TaskScopes;
import dev.thefactory.internal.output.SafePaths;
import dev.thefactory.internal.output.StagingArea;
import dev.thefactory.internal.plan.AgentLimits;
import dev.thefactory.spi.Agent;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.ChildTask;
import dev.thefactory.spi.GeneratedFile;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.TaskResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One attempt of one agent task on one backend, and the checks its result must pass: the rules every engine applies
 * to a task, whether the task runs on the local engine's thread pool or as a Temporal activity. An attempt asks the
 * backend for the task's agent, runs it with the task's view of the facts, and checks the result (child cap, unique
 * child keys, heap headroom before spawning, normalized and unique paths, no null fact); {@link #stage} writes the
 * checked files into the staging area and {@link #record} makes the task's record.
 *
 * <p>Stateless and thread-safe; the backend and the staging area must be thread-safe as their contracts say.
 */
public final class AgentAttempt {

    private AgentAttempt() {
    }

    /**
     * A result that passed the checks an attempt makes, with its paths normalized.
     *
     * @param result       the agent's result
     * @param paths        the normalized path of each file, in the same order
     * @param plannedPaths the normalized planned paths
     */
    public record Checked(TaskResult result, List<String> paths, List<String> plannedPaths) {

        /** Copies the lists. */
        public Checked {
            Objects.requireNonNull(result, "result");
            paths = List.copyOf(paths);
            plannedPaths = List.copyOf(plannedPaths);
        }
    }

    /**
     * Runs one attempt of a task and checks its result.
     *
     * @param backend         the backend
     * @param backendId       its id, for messages
     * @param buildId         the build
     * @param spec            the validated spec
     * @param task            the task
     * @param allowance       how many agents the task's subtree may add
     * @param facts           the facts the task sees (earlier phases merged with its ancestors')
     * @param heap            reads the heap, for the headroom check before spawning children
     * @param minHeapHeadroom the least free heap, in bytes, for spawning children
     * @return the checked result
     * @throws Exception what the agent threw, or an {@link AgentException} (permanent) when the backend or the result
     *                   broke a rule
     */
    public static Checked run(OrchestratorBackend backend, String backendId, String buildId, ProjectSpec spec,
            AgentTask task, int allowance, Map<String, String> facts, HeapProbe heap, long minHeapHeadroom)
            throws Exception {
        Agent agent = backend.agent(task);
        if (agent == null) {
            throw AgentException.permanentFailure("Backend '" + backendId + "' returned no agent for task '"
                    + task.id() + "' (role " + task.role().id() + "); its agent(task) must never return null");
        }
        int maxChildren = AgentLimits.maxChildren(task.role(), task.depth(), allowance);
        TaskContext context = new TaskContext(buildId, spec, new TreeMap<>(facts), maxChildren);
        TaskResult result = TaskScopes.within(buildId, task.phase(), task.id(), () -> agent.execute(task, context));
        if (result == null) {
            throw AgentException.permanentFailure("The agent of backend '" + backendId + "' returned no result for "
                    + "task '" + task.id() + "'; an agent must return a TaskResult (use TaskResult.empty() for "
                    + "nothing)");
        }
        return check(task, allowance, result, heap, minHeapHeadroom);
    }

    /**
     * Checks a task's result.
     *
     * @param task            the task
     * @param allowance       how many agents the task's subtree may add
     * @param result          what its agent returned
     * @param heap            reads the heap
     * @param minHeapHeadroom the least free heap, in bytes, for spawning children
     * @return the checked result
     * @throws AgentException (permanent) when the result broke a rule; the message names the rule and the fix
     */
    public static Checked check(AgentTask task, int allowance, TaskResult result, HeapProbe heap,
            long minHeapHeadroom) {
        List<ChildTask> children = result.children();
        int max = AgentLimits.maxChildren(task.role(), task.depth(), allowance);
        if (children.size() > max) {
            throw AgentException.permanentFailure("Task '" + task.id() + "' (role " + task.role().id() + ", depth "
                    + task.depth() + ") asked to spawn " + children.size() + " children but may spawn at most "
                    + max + " (child cap " + AgentLimits.childCap(task.role()) + " for role " + task.role().id()
                    + ", depth " + task.depth() + " of at most " + AgentLimits.MAX_DEPTH + ", " + allowance
                    + " agents left in its share of the agent budget); group its sub-tasks into at most " + max
                    + " children");
        }
        Set<String> keys = new HashSet<>();
        for (ChildTask child : children) {
            if (!keys.add(child.key())) {
                throw AgentException.permanentFailure("Task '" + task.id() + "' asked to spawn two children with "
                        + "key '" + child.key() + "'; keys must be unique among a task's children");
            }
        }
        if (!children.isEmpty()) {
            long maxHeap = heap.max();
            long used = heap.used();
            long headroom = maxHeap - used;
            if (headroom < minHeapHeadroom) {
                throw AgentException.permanentFailure("Task '" + task.id() + "' asked to spawn " + children.size()
                        + " children, but the heap headroom is " + headroom + " bytes (max " + maxHeap
                        + ", used " + used + "), below the minimum of " + minHeapHeadroom
                        + " bytes (Factory.Builder.minHeapHeadroom); give the JVM more heap with -Xmx "
                        + "(e.g. -Xmx2g) or lower minHeapHeadroom");
            }
        }
        List<String> paths = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (GeneratedFile file : result.files()) {
            String path = SafePaths.normalize(file.path());
            String earlier = seen.putIfAbsent(path, file.path());
            if (earlier != null) {
                throw AgentException.permanentFailure("Task '" + task.id() + "' returned the file '" + path
                        + "' twice" + (earlier.equals(file.path()) ? "" : " (as '" + earlier + "' and '"
                        + file.path() + "', one name in Unicode NFC and NFD, one file on macOS)")
                        + "; each file must appear once in a result");
            }
            paths.add(path);
        }
        List<String> planned = new ArrayList<>();
        for (String plannedPath : result.plannedFiles()) {
            planned.add(SafePaths.normalize(plannedPath));
        }
        for (Map.Entry<String, String> fact : result.facts().entrySet()) {
            if (fact.getValue() == null) {
                throw AgentException.permanentFailure("Task '" + task.id() + "' published fact '" + fact.getKey()
                        + "' with a null value; facts must be strings");
            }
        }
        return new Checked(result, paths, planned);
    }

    /**
     * Writes one file of a checked result into the staging area.
     *
     * @param staging the build's staging area
     * @param checked the checked result
     * @param index   which file, in the result's order
     * @return the staged file's reference (path, size, SHA-256)
     * @throws dev.thefactory.api.FactoryException when the file cannot be staged (confinement, quotas, I/O)
     */
    public static FileRef stage(StagingArea staging, Checked checked, int index) {
        String path = checked.paths().get(index);
        byte[] content = checked.result().files().get(index).bytes();
        String sha256 = staging.write(path, content);
        return new FileRef(path, content.length, sha256);
    }

    /**
     * Makes the record of a finished task.
     *
     * @param task      the task
     * @param phase     its phase
     * @param backendId the backend it ran on
     * @param files     its staged files, in any order (sorted by path in the record)
     * @param checked   its checked result
     * @return the record, as checkpointed and as the ledger reads it
     */
    public static TaskRecord record(AgentTask task, Phase phase, String backendId, List<FileRef> files,
            Checked checked) {
        List<FileRef> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(FileRef::path));
        TaskResult result = checked.result();
        List<ChildRef> childRefs = result.children().stream()
                .map(c -> new ChildRef(c.key(), c.role(), c.subject(), c.parameters()))
                .toList();
        return new TaskRecord(task.id(), phase, backendId, task.parentId(), task.depth(), sorted, result.facts(),
                checked.plannedPaths(), childRefs, result.notes(), result.claims());
    }

    /**
     * A child a finished task asked for, ready to run.
     *
     * @param task      the child's task: id {@code parent/key}, the parent's phase, one level deeper
     * @param allowance how many agents the child's subtree may add
     */
    public record Child(AgentTask task, int allowance) {
    }

    /**
     * Makes the tasks of the children a finished task asked for, sharing what is left of its allowance among them.
     *
     * @param parent    the finished task
     * @param allowance the allowance of the parent's subtree
     * @param children  the children it asked for, in its order
     * @return the children's tasks, in the same order
     */
    public static List<Child> children(AgentTask parent, int allowance, List<ChildRef> children) {
        int leftover = Math.max(0, allowance - children.size());
        List<Child> tasks = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            ChildRef child = children.get(i);
            AgentTask childTask = new AgentTask(parent.id() + "/" + child.key(), parent.phase(), child.role(),
                    child.subject(), parent.id(), parent.depth() + 1, child.parameters());
            tasks.add(new Child(childTask, AgentLimits.childAllowance(leftover, children.size(), i)));
        }
        return tasks;
    }
}

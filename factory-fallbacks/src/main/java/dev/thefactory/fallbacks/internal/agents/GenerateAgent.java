package dev.thefactory.fallbacks.internal.agents;

import dev.thefactory.api.AgentException;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.layout.Ledger;
import dev.thefactory.fallbacks.internal.layout.Part;
import dev.thefactory.fallbacks.internal.layout.PlannedFile;
import dev.thefactory.fallbacks.internal.layout.ProjectInput;
import dev.thefactory.fallbacks.internal.layout.ProjectLayout;
import dev.thefactory.fallbacks.internal.text.Naming;
import dev.thefactory.spi.Agent;
import dev.thefactory.spi.AgentContext;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.ChildTask;
import dev.thefactory.spi.GeneratedFile;
import dev.thefactory.spi.TaskResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes one part of the project (build files, code, tests or documentation). The top-level documentation task,
 * which sees the whole layout, also claims every requirement of the spec with its evidence. A top-level task writes the shared
 * files of its part and spawns one child per entity for the entity's own files (the chain reaction); when fewer
 * children are allowed it groups the entities, and when none are allowed it writes everything itself. A child
 * writes the files of the entities named by its {@value #PARAM_ENTITIES} parameter. Stateless and thread-safe.
 */
public final class GenerateAgent implements Agent {

    /** Parameter of a child task: the entities it writes, comma-separated. */
    public static final String PARAM_ENTITIES = "entities";

    private final Part part;

    /** @param part the part this agent writes */
    public GenerateAgent(Part part) {
        this.part = part;
    }

    @Override
    public TaskResult execute(AgentTask task, AgentContext context) {
        ProjectInput in = Inputs.project(task, context);
        ProjectLayout layout = Layouts.of(in);
        List<PlannedFile> mine = layout.files().stream().filter(f -> f.part() == part).toList();
        if (task.parentId() != null) {
            return child(task, in, mine);
        }
        TaskResult result = top(task, context, in, mine);
        return part == Part.DOCS ? result.withClaims(Ledger.claims(in, layout)) : result;
    }

    private TaskResult top(AgentTask task, AgentContext context, ProjectInput in, List<PlannedFile> mine) {
        Set<String> units = new LinkedHashSet<>();
        for (Entity entity : in.domain().entities()) {
            if (mine.stream().anyMatch(f -> entity.name().equals(f.entity()))) {
                units.add(entity.name());
            }
        }
        int max = context.maxChildren();
        List<String> notes = new ArrayList<>();
        if (units.isEmpty() || max <= 0) {
            if (!units.isEmpty()) {
                notes.add(task.id() + " wrote the files of " + units.size() + " entities itself: no child agents "
                        + "were allowed.");
            }
            return new TaskResult(render(mine), Map.of(), List.of(), List.of(), notes);
        }
        List<List<String>> groups = partition(List.copyOf(units), Math.min(units.size(), max));
        if (groups.size() < units.size()) {
            notes.add(task.id() + " grouped " + units.size() + " entities into " + groups.size()
                    + " child tasks because at most " + max + " children were allowed.");
        }
        List<ChildTask> children = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            List<String> group = groups.get(i);
            String key = group.size() == 1 ? "entity-" + Naming.kebab(group.get(0)) : "entities-" + (i + 1);
            children.add(new ChildTask(key, task.role(), part.name().toLowerCase(Locale.ROOT) + " of "
                    + String.join(", ", group), Map.of(PARAM_ENTITIES, String.join(",", group))));
        }
        List<PlannedFile> shared = mine.stream().filter(f -> f.entity() == null).toList();
        return new TaskResult(render(shared), Map.of(), List.of(), children, notes);
    }

    private TaskResult child(AgentTask task, ProjectInput in, List<PlannedFile> mine) {
        String names = task.parameter(PARAM_ENTITIES);
        if (names == null || names.isBlank()) {
            throw AgentException.permanentFailure("child task '" + task.id() + "' needs parameter " + PARAM_ENTITIES
                    + " naming the entities it writes");
        }
        Set<String> wanted = new LinkedHashSet<>(List.of(names.split(",")));
        for (String name : wanted) {
            if (in.domain().entity(name).isEmpty()) {
                throw AgentException.permanentFailure("child task '" + task.id() + "' names entity '" + name
                        + "', which the analysis does not have");
            }
        }
        return TaskResult.ofFiles(render(mine.stream().filter(f -> f.entity() != null && wanted.contains(f.entity()))
                .toList()));
    }

    private static List<GeneratedFile> render(List<PlannedFile> files) {
        return files.stream().map(f -> new GeneratedFile(f.path(), f.content().get())).toList();
    }

    /** Splits items into {@code count} consecutive groups whose sizes differ by at most one, larger ones first. */
    static List<List<String>> partition(List<String> items, int count) {
        List<List<String>> groups = new ArrayList<>();
        int base = items.size() / count;
        int extra = items.size() % count;
        int at = 0;
        for (int i = 0; i < count; i++) {
            int size = base + (i < extra ? 1 : 0);
            groups.add(items.subList(at, at + size));
            at += size;
        }
        return groups;
    }
}

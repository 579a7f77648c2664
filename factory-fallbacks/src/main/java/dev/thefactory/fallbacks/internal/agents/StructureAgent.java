package dev.thefactory.fallbacks.internal.agents;

import dev.thefactory.fallbacks.internal.layout.PlannedFile;
import dev.thefactory.fallbacks.internal.layout.ProjectLayout;
import dev.thefactory.spi.Agent;
import dev.thefactory.spi.AgentContext;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.TaskResult;
import java.util.List;
import java.util.Map;

/** Lays the project out: the exact list of files the {@code GENERATE} tasks will write. Stateless and thread-safe. */
public final class StructureAgent implements Agent {

    @Override
    public TaskResult execute(AgentTask task, AgentContext context) {
        ProjectLayout layout = Layouts.of(Inputs.project(task, context));
        List<String> paths = layout.files().stream().map(PlannedFile::path).toList();
        return new TaskResult(List.of(), Map.of(), paths, List.of(), layout.notes());
    }
}

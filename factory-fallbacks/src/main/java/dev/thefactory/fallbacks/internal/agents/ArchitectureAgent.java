package dev.thefactory.fallbacks.internal.agents;

import dev.thefactory.fallbacks.internal.design.Architecture;
import dev.thefactory.fallbacks.internal.design.Language;
import dev.thefactory.fallbacks.internal.design.Storage;
import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.text.Escape;
import dev.thefactory.spi.Agent;
import dev.thefactory.spi.AgentContext;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decides language, entry point, coordinates and names, and publishes them as facts. Stateless and thread-safe. */
public final class ArchitectureAgent implements Agent {

    @Override
    public TaskResult execute(AgentTask task, AgentContext context) {
        Domain domain = Inputs.domain(task, context);
        Architecture architecture = Architecture.design(context.spec(), domain);
        List<String> notes = new ArrayList<>();
        notes.add("The simple backend generates a " + architecture.language().label() + " project with a "
                + architecture.entryPoint().code() + " entry point in package " + architecture.basePackage() + ".");
        Optional<String> unsupported = Language.unsupported(context.spec());
        if (architecture.language() == Language.JAVA && unsupported.isPresent()) {
            notes.add("The tech stack names '" + Escape.line(unsupported.get()) + "', which the simple backend does "
                    + "not generate; it generated Java instead.");
        }
        Optional<String> durable = Storage.durableWord(context.spec());
        if (architecture.storage() == Storage.FILE && durable.isEmpty()) {
            notes.add(architecture.language() == Language.JAVA
                    ? "A command-line tool runs one process per command: the generated project stores its items in "
                            + "files under its data directory by default (storage=file in application.properties), so "
                            + "one command sees what an earlier one added."
                    : "A command-line tool runs one process per command, but the " + architecture.language().label()
                            + " skeleton keeps its items in memory only; only Java projects get a file store.");
        } else if (architecture.storage() == Storage.FILE) {
            notes.add(architecture.language() == Language.JAVA
                    ? "The spec asks to keep items ('" + durable.get() + "'): the generated project stores them in "
                            + "files under its data directory by default (storage=file in application.properties)."
                    : "The spec asks to keep items ('" + durable.get() + "'), but the " + architecture.language()
                            .label() + " skeleton keeps them in memory only; only Java projects get a file store.");
        }
        return new TaskResult(List.of(), architecture.encode(), List.of(), List.of(), notes);
    }
}

package dev.thefactory.fallbacks.internal.agents;

import dev.thefactory.api.AgentException;
import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.domain.DomainCodec;
import dev.thefactory.fallbacks.internal.layout.ProjectInput;
import dev.thefactory.spi.AgentContext;
import dev.thefactory.spi.AgentTask;

/** Reads what earlier phases published, turning bad facts into permanent agent failures. */
final class Inputs {

    private Inputs() {
    }

    static Domain domain(AgentTask task, AgentContext context) {
        try {
            return DomainCodec.decode(context.facts());
        } catch (IllegalArgumentException e) {
            throw failure(task, e);
        }
    }

    static ProjectInput project(AgentTask task, AgentContext context) {
        try {
            return ProjectInput.from(context.spec(), context.facts());
        } catch (IllegalArgumentException e) {
            throw failure(task, e);
        }
    }

    static AgentException failure(AgentTask task, IllegalArgumentException e) {
        return new AgentException("task '" + task.id() + "' of the simple backend cannot use the facts of earlier "
                + "phases: " + e.getMessage() + "; run the build again from ANALYZE on the simple backend", e, false);
    }
}

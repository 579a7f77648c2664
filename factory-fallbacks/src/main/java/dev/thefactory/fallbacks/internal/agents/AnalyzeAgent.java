package dev.thefactory.fallbacks.internal.agents;

import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.domain.DomainBuilder;
import dev.thefactory.fallbacks.internal.domain.DomainCodec;
import dev.thefactory.spi.Agent;
import dev.thefactory.spi.AgentContext;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.TaskResult;
import java.util.List;

/** Derives the domain from the spec and publishes it as facts. Stateless and thread-safe. */
public final class AnalyzeAgent implements Agent {

    private final DomainBuilder builder = new DomainBuilder();

    @Override
    public TaskResult execute(AgentTask task, AgentContext context) {
        Domain domain = builder.build(context.spec());
        return new TaskResult(List.of(), DomainCodec.encode(domain), List.of(), List.of(), domain.notes());
    }
}

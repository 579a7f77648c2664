package dev.thefactory.fallbacks.internal.agents;

import dev.thefactory.api.AgentException;
import dev.thefactory.fallbacks.internal.design.Architecture;
import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.domain.DomainCodec;
import dev.thefactory.fallbacks.internal.domain.FeatureMapping;
import dev.thefactory.fallbacks.internal.layout.DocsTemplates;
import dev.thefactory.fallbacks.internal.layout.ProjectInput;
import dev.thefactory.fallbacks.internal.layout.ProjectLayout;
import dev.thefactory.fallbacks.internal.text.Escape;
import dev.thefactory.spi.Agent;
import dev.thefactory.spi.AgentContext;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.StandardTasks;
import dev.thefactory.spi.TaskResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Designs the features of one {@code design/feature/<key>} task: for each, how a user reaches it (commands,
 * endpoints or methods), published as a fact the documentation uses, or why it is not generated. Stateless and
 * thread-safe.
 */
public final class FeatureDesignAgent implements Agent {

    @Override
    public TaskResult execute(AgentTask task, AgentContext context) {
        String features = task.parameter(StandardTasks.PARAM_FEATURES);
        String scope = task.parameter(StandardTasks.PARAM_SCOPE);
        if (features == null || (!"core".equals(scope) && !"extended".equals(scope))) {
            throw AgentException.permanentFailure("task '" + task.id() + "' needs parameter "
                    + StandardTasks.PARAM_FEATURES + " (one feature per line) and parameter "
                    + StandardTasks.PARAM_SCOPE + " (core or extended) but had " + task.parameters().keySet());
        }
        Domain domain = Inputs.domain(task, context);
        Architecture architecture = Architecture.design(context.spec(), domain);
        ProjectLayout layout = Layouts.of(new ProjectInput(context.spec(), domain, architecture, context.facts()));
        List<String> texts = scope.equals("core") ? context.spec().features().core()
                : context.spec().features().extended();
        Map<String, String> facts = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (String line : features.split("\n")) {
            String wanted = Escape.line(line);
            if (wanted.isEmpty()) {
                continue;
            }
            int index = -1;
            for (int i = 0; i < texts.size(); i++) {
                if (!used.contains(i) && Escape.line(texts.get(i)).equals(wanted)) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                throw AgentException.permanentFailure("task '" + task.id() + "' names feature '" + wanted
                        + "', which the spec's " + scope + " features do not contain");
            }
            used.add(index);
            int at = index;
            FeatureMapping mapping = domain.features().stream()
                    .filter(f -> f.scope().equals(scope) && f.index() == at).findFirst()
                    .orElseThrow(() -> AgentException.permanentFailure("the analysis has no mapping for " + scope
                            + " feature " + at + "; run the build again from ANALYZE on the simple backend"));
            String key = DomainCodec.featureKey(DocsTemplates.FEATURE_USAGE, scope, index);
            if (mapping.supported()) {
                facts.put(key, Escape.line(layout.usage(mapping)));
            } else {
                facts.put(key, "not generated: " + Escape.line(mapping.detail()));
                notes.add("Feature '" + wanted + "' is " + Escape.line(mapping.detail()) + ".");
            }
        }
        return new TaskResult(List.of(), facts, List.of(), List.of(), notes);
    }
}

package dev.thefactory.fallbacks.internal.layout;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.fallbacks.internal.design.Architecture;
import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.domain.DomainCodec;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.FeatureMapping;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything a layout needs: the spec, the domain and architecture decoded from the facts, and the facts
 * themselves. Immutable and thread-safe.
 *
 * @param spec         the spec
 * @param domain       the domain from {@code analyze}
 * @param architecture the decisions from {@code design/architecture}
 * @param facts        all facts of earlier phases, sorted by key
 */
public record ProjectInput(ProjectSpec spec, Domain domain, Architecture architecture, Map<String, String> facts) {

    /** @throws NullPointerException if a component is null */
    public ProjectInput {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(architecture, "architecture");
        facts = Collections.unmodifiableMap(new TreeMap<>(facts));
    }

    /**
     * @param spec  the spec
     * @param facts the facts of the phases before
     * @return the input decoded from the facts
     * @throws IllegalArgumentException naming the fact when a fact is missing or malformed
     */
    public static ProjectInput from(ProjectSpec spec, Map<String, String> facts) {
        return new ProjectInput(spec, DomainCodec.decode(facts), Architecture.decode(facts), facts);
    }

    /**
     * @param feature a feature of the domain
     * @return the entity it is about
     * @throws IllegalArgumentException when the domain has no such entity
     */
    public Entity entity(FeatureMapping feature) {
        return domain.entity(feature.entity()).orElseThrow(() -> new IllegalArgumentException("feature "
                + feature.scope() + "." + feature.index() + " names unknown entity " + feature.entity()));
    }
}

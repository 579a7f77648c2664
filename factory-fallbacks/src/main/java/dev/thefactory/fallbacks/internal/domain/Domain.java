package dev.thefactory.fallbacks.internal.domain;

import dev.thefactory.api.Complexity;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The domain derived from a spec. Immutable and thread-safe; no component is null.
 *
 * @param entities the entities, the primary one (the one the first feature is about) first; at least one
 * @param features how each feature was understood, core features first
 * @param notes    what the user should know about the derivation (defaults applied, features left out)
 */
public record Domain(List<Entity> entities, List<FeatureMapping> features, List<String> notes) {

    /** Most entities the simple backend generates for any spec: the cap of an extreme one. */
    public static final int MAX_ENTITIES = 24;

    /**
     * @param complexity a spec's complexity
     * @return most entities the simple backend generates for it: 8 for simple and moderate specs, 16 for complex
     *         and {@value #MAX_ENTITIES} for extreme ones
     */
    public static int maxEntities(Complexity complexity) {
        return switch (complexity) {
            case SIMPLE, MODERATE -> 8;
            case COMPLEX -> 16;
            case EXTREME -> MAX_ENTITIES;
        };
    }

    /** @throws IllegalArgumentException on no entities, too many, or duplicate names */
    public Domain {
        entities = List.copyOf(entities);
        features = List.copyOf(features);
        notes = List.copyOf(notes);
        if (entities.isEmpty() || entities.size() > MAX_ENTITIES) {
            throw new IllegalArgumentException("a domain needs 1 to " + MAX_ENTITIES + " entities but has "
                    + entities.size());
        }
        Set<String> names = new HashSet<>();
        for (Entity entity : entities) {
            if (!names.add(entity.name()) || !names.add("plural:" + entity.plural())) {
                throw new IllegalArgumentException("entity " + entity.name() + " is defined twice");
            }
        }
    }

    /** @return the primary entity */
    public Entity primary() {
        return entities.get(0);
    }

    /**
     * @param name an entity name
     * @return the entity, if the domain has it
     */
    public Optional<Entity> entity(String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}

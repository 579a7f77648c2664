package dev.thefactory.fallbacks.internal.domain;

import java.util.List;
import java.util.Objects;

/**
 * How the simple backend understood one feature of the spec: the entity and operations it maps to, or why it is
 * not generated. Immutable and thread-safe.
 *
 * @param scope      {@code core} or {@code extended}
 * @param index      the feature's position in its list, from 0
 * @param text       the feature as the spec states it
 * @param entity     the entity it maps to; null when not generated
 * @param operations the operations it maps to; empty when not generated
 * @param detail     what is generated for it, or why it is not
 */
public record FeatureMapping(String scope, int index, String text, String entity, List<Operation> operations,
        String detail) {

    /** @throws IllegalArgumentException on a bad scope, index, or a half-filled mapping */
    public FeatureMapping {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(detail, "detail");
        operations = List.copyOf(operations);
        if (!scope.equals("core") && !scope.equals("extended")) {
            throw new IllegalArgumentException("scope must be core or extended but was '" + scope + "'");
        }
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0 but was " + index);
        }
        if ((entity == null) != operations.isEmpty()) {
            throw new IllegalArgumentException("a feature mapping has both an entity and operations, or neither");
        }
    }

    /** @return true if code is generated for the feature */
    public boolean supported() {
        return entity != null;
    }
}

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
 * @param gaps       the meaningful parts of the text the generated code does not honour ("admins only", "stored
 *                   hashed", "with HTTP 302"); empty when every part was honoured. A supported mapping with gaps is
 *                   claimed {@code PARTIAL}, one without is claimed {@code IMPLEMENTED}
 */
public record FeatureMapping(String scope, int index, String text, String entity, List<Operation> operations,
        String detail, List<String> gaps) {

    /** @throws IllegalArgumentException on a bad scope, index, or a half-filled mapping */
    public FeatureMapping {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(detail, "detail");
        operations = List.copyOf(operations);
        gaps = List.copyOf(gaps);
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

    /** A mapping that honours every part of the text it supports (no gaps). */
    public FeatureMapping(String scope, int index, String text, String entity, List<Operation> operations,
            String detail) {
        this(scope, index, text, entity, operations, detail, List.of());
    }

    /** @return the id of the requirement this feature is in the ledger: {@code core-1}, {@code extended-2}, ... */
    public String requirementId() {
        return scope + "-" + (index + 1);
    }

    /** @return true if code is generated for the feature and every meaningful part of its text was honoured */
    public boolean complete() {
        return supported() && gaps.isEmpty();
    }

    /** @return true if code is generated for the feature */
    public boolean supported() {
        return entity != null;
    }
}

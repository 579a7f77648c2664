package dev.thefactory.fallbacks.internal.domain;

import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.Objects;

/**
 * A threshold query an entity offers, such as "stock levels whose quantity is below a given value". Immutable and
 * thread-safe; no component is null.
 *
 * @param field the compared field: a number or a date
 * @param below true for items strictly below the threshold, false for items strictly above it
 */
public record Threshold(String field, boolean below) {

    /** @throws IllegalArgumentException if the field is not a safe member name */
    public Threshold {
        Objects.requireNonNull(field, "field");
        if (!Naming.isMember(field)) {
            throw new IllegalArgumentException("threshold field must be a lower-camel identifier but was '" + field
                    + "'");
        }
    }

    /** @return {@code below} or {@code above} */
    public String direction() {
        return below ? "below" : "above";
    }

    /** @return the lower-camel name of the query, such as {@code quantityBelow} */
    public String name() {
        return field + Naming.capitalize(direction());
    }

    /**
     * @param code {@code below} or {@code above}
     * @return true for below
     */
    static boolean parseDirection(String code) {
        return switch (code) {
            case "below" -> true;
            case "above" -> false;
            default -> throw new IllegalArgumentException("expected below or above but found '" + code + "'");
        };
    }
}

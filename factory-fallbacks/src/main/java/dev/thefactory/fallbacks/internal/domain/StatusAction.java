package dev.thefactory.fallbacks.internal.domain;

import dev.thefactory.fallbacks.internal.text.Codes;
import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.Objects;
import java.util.Optional;

/**
 * A status change an entity offers, such as {@code complete} setting {@code completed}. Immutable and
 * thread-safe; no component is null.
 *
 * @param name   the action's lower-camel name, used as method, command and URL segment
 * @param field  the boolean field it changes
 * @param effect what it does to the field
 */
public record StatusAction(String name, String field, Effect effect) {

    /** What an action does to its boolean field. */
    public enum Effect {
        /** Sets it to true. */
        SET,
        /** Sets it to false. */
        CLEAR,
        /** Flips it. */
        TOGGLE;

        /** @return the lower-case code used in facts */
        public String code() {
            return Codes.of(this);
        }

        /**
         * @param code a code from {@link #code()}
         * @return the effect, if the code names one
         */
        public static Optional<Effect> fromCode(String code) {
            return Codes.parse(Effect.class, code);
        }
    }

    /** @throws IllegalArgumentException if a name is not a safe member name */
    public StatusAction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(effect, "effect");
        if (!Naming.isMember(name) || ReservedNames.ACTIONS.contains(name)) {
            throw new IllegalArgumentException("status action must be a lower-camel identifier that is not"
                    + " reserved but was '" + name + "'");
        }
        if (!Naming.isMember(field)) {
            throw new IllegalArgumentException("status field must be a lower-camel identifier but was '" + field + "'");
        }
    }
}

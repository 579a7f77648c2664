package dev.thefactory.fallbacks.internal.text;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The lower-case codes by which build facts name the constants of the simple backend's enums ({@code WEB} is
 * {@code web}), and their parsing. Stateless and thread-safe.
 */
public final class Codes {

    private Codes() {
    }

    /**
     * @param constant any enum constant
     * @return its code: its name in lower case
     */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param type the enum
     * @param code a code from {@link #of}; may be null
     * @param <E>  the enum's type
     * @return the constant with that code, if there is one
     */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
        Objects.requireNonNull(type, "type");
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(code)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}

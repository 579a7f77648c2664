package dev.thefactory.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Shared lookup of the lower-case identifiers used by the model's enums. Not thread-sensitive. */
final class Identifiers {

    private Identifiers() {
    }

    /** {@code "Web-App"}, {@code "web app"} and {@code "WEB_APP"} all normalize to {@code "web_app"}. */
    static String normalize(String value) {
        return value.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    static String id(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> Optional<E> find(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = normalize(value);
        return Arrays.stream(type.getEnumConstants()).filter(e -> id(e).equals(wanted)).findFirst();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String what, String value) {
        return find(type, value).orElseThrow(() -> new IllegalArgumentException(
                what + " must be one of " + validIds(type) + " but was '" + value + "'"));
    }

    static <E extends Enum<E>> String validIds(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Identifiers::id).collect(Collectors.joining(", "));
    }
}

package dev.thefactory.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people write them on a command line or in an environment variable: a whole number with an
 * optional unit ({@code 500ms}, {@code 90s}, {@code 90} (seconds), {@code 2m} or {@code 2min}, {@code 1h}), or an
 * ISO-8601 duration ({@code PT1M30S}, any case). Stateless and thread-safe.
 */
public final class Durations {

    /** The forms {@link #parse(String)} accepts, for error messages. */
    public static final String FORMS = "a whole number with a unit such as 500ms, 90s, 2m or 1h (a bare number is "
            + "seconds), or an ISO-8601 duration such as PT1M30S";

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|min|h)?");

    private Durations() {
    }

    /**
     * @param text the duration as written; may be null
     * @return the positive duration it names, or empty when it names none (null, blank, zero, negative, malformed or
     *         out of range)
     */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        try {
            Duration parsed;
            if (value.regionMatches(true, 0, "PT", 0, 2) || value.regionMatches(true, 0, "P", 0, 1)
                    && value.length() > 1 && Character.isDigit(value.charAt(1))) {
                parsed = Duration.parse(value.toUpperCase(Locale.ROOT));
            } else {
                Matcher m = SIMPLE.matcher(value.toLowerCase(Locale.ROOT));
                if (!m.matches()) {
                    return Optional.empty();
                }
                long amount = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                parsed = switch (unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "m", "min" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofSeconds(amount);
                };
            }
            return parsed.isZero() || parsed.isNegative() ? Optional.empty() : Optional.of(parsed);
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /**
     * @param what  what the duration sets, for the message (e.g. {@code --test-timeout})
     * @param text  the duration as written
     * @return the positive duration it names
     * @throws IllegalArgumentException naming {@code what}, the bad text and the accepted forms, when it names none
     */
    public static Duration require(String what, String text) {
        Objects.requireNonNull(what, "what");
        return parse(text).orElseThrow(() -> new IllegalArgumentException(what + " must be a positive duration, "
                + FORMS + ", but was '" + text + "'"));
    }

    /**
     * @param duration a duration
     * @return it in the shortest form {@link #parse(String)} reads back exactly: {@code 500ms}, {@code 90s},
     *         {@code 2m}, {@code 1h}
     */
    public static String format(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis != 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis != 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}

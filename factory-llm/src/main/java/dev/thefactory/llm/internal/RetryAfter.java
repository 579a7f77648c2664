package dev.thefactory.llm.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads an HTTP {@code Retry-After} header: delay-seconds or an HTTP date. Stateless. */
final class RetryAfter {

    /** The longest wait a header can ask for; a larger one is capped. */
    static final Duration MAX = Duration.ofMinutes(10);

    private RetryAfter() {
    }

    /**
     * @param value the header's value
     * @param clock the wall clock, for dates
     * @return the delay it asks for, between 0 and {@link #MAX}; empty when the value is neither form
     */
    static Optional<Duration> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.matches("\\d{1,9}(\\.\\d+)?")) {
            double seconds = Double.parseDouble(text);
            return Optional.of(cap(Duration.ofMillis((long) Math.ceil(seconds * 1000))));
        }
        try {
            ZonedDateTime date = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration delay = Duration.between(clock.instant(), date.toInstant());
            return Optional.of(delay.isNegative() ? Duration.ZERO : cap(delay));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration cap(Duration delay) {
        return delay.compareTo(MAX) > 0 ? MAX : delay;
    }
}

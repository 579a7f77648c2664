package dev.thefactory.internal.engine;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Makes build ids such as {@code b-20261125-110812-3f9a1c}: {@code b-}, the UTC date and time from the build's clock
 * to the second, and 6 hex digits from {@link SecureRandom}. Ids sort by start time (to the second) and are unique in
 * practice; they are safe as file and directory names. Thread-safe.
 */
final class BuildIds {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private BuildIds() {
    }

    /**
     * @param clock the build's clock
     * @return a new build id
     */
    static String next(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        byte[] random = new byte[3];
        RANDOM.nextBytes(random);
        return "b-" + FORMAT.format(clock.instant()) + "-" + HexFormat.of().formatHex(random);
    }
}

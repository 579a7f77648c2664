package dev.thefactory.internal.state;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Build ids: how a new one is made, and which ids a checkpoint repository accepts (a safe directory name under a state
 * directory).
 *
 * <p>A new id reads {@code b-20261125-110812-3f9a1c}: {@code b-}, the UTC date and time from the build's clock to the
 * second, and 6 hex digits from {@link SecureRandom}. New ids sort by start time (to the second), are unique in
 * practice and are always {@linkplain #isValid valid}. Stateless and thread-safe.
 */
public final class BuildIds {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private BuildIds() {
    }

    /**
     * @param clock the build's clock
     * @return a new build id
     */
    public static String next(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        byte[] random = new byte[3];
        RANDOM.nextBytes(random);
        return "b-" + FORMAT.format(clock.instant()) + "-" + HexFormat.of().formatHex(random);
    }

    /**
     * @param buildId a candidate id
     * @return whether it is a safe directory name
     */
    public static boolean isValid(String buildId) {
        return buildId != null && SAFE.matcher(buildId).matches() && !buildId.equals(".") && !buildId.equals("..");
    }

    /**
     * @param buildId the id to check
     * @return the id
     * @throws NullPointerException     if it is null
     * @throws IllegalArgumentException if it is not 1-128 letters, digits, '.', '_' or '-', or is "." or ".."
     */
    public static String requireValid(String buildId) {
        Objects.requireNonNull(buildId, "buildId");
        if (!isValid(buildId)) {
            throw new IllegalArgumentException("buildId must be 1-128 letters, digits, '.', '_' or '-' and not '.' or"
                    + " '..' (it names a directory) but was '" + printable(buildId) + "'");
        }
        return buildId;
    }

    private static String printable(String value) {
        StringBuilder s = new StringBuilder();
        value.codePoints().limit(140).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                s.append(String.format("\\u%04x", cp));
            } else {
                s.appendCodePoint(cp);
            }
        });
        if (value.codePointCount(0, value.length()) > 140) {
            s.append('…');
        }
        return s.toString();
    }
}

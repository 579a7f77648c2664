package dev.thefactory.internal.state;

import java.util.Objects;
import java.util.regex.Pattern;

/** Checks that a build id can safely be used as a directory name under a state directory. */
final class BuildIds {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private BuildIds() {
    }

    /**
     * @param buildId a candidate id
     * @return whether it is a safe directory name
     */
    static boolean isValid(String buildId) {
        return buildId != null && SAFE.matcher(buildId).matches() && !buildId.equals(".") && !buildId.equals("..");
    }

    /**
     * @param buildId the id to check
     * @return the id
     * @throws NullPointerException     if it is null
     * @throws IllegalArgumentException if it is not 1-128 letters, digits, '.', '_' or '-', or is "." or ".."
     */
    static String requireValid(String buildId) {
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

package dev.thefactory.internal.engine;

import java.util.List;

/**
 * The one line a failure reason, a fallback or a phase event shows of a failure message; the local engine and the
 * Temporal workflow word it the same way. A pure function, so workflow code may call it.
 */
public final class FailureHeadline {

    private FailureHeadline() {
    }

    /**
     * @param message a failure message; may be null
     * @return its first line; when it only introduces a list ("failed validation (1 problem):"), joined with the first
     *         entry of the list, so the reason says what failed; {@code unknown failure} for null
     */
    public static String of(String message) {
        if (message == null) {
            return "unknown failure";
        }
        List<String> lines = message.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(2).toList();
        if (lines.isEmpty()) {
            return "";
        }
        String first = lines.get(0);
        return first.endsWith(":") && lines.size() > 1 ? first + " " + lines.get(1) : first;
    }
}

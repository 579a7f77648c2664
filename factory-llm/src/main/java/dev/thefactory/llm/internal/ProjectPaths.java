package dev.thefactory.llm.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a file path the model proposed before it goes anywhere: relative, {@code /}-separated, portable characters
 * only, no {@code .} or {@code ..} segment, no hidden top-level state ({@code .factory}, {@code .git}), bounded in
 * length and depth. The core confines every written path again; this check makes a bad plan fail early, as rejected
 * model output. Stateless.
 */
final class ProjectPaths {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.+@-]{1,100}");
    private static final int MAX_LENGTH = 240;
    private static final int MAX_DEPTH = 16;

    private ProjectPaths() {
    }

    /**
     * @param taskId the task, for the message
     * @param path   the proposed path
     * @return the path, unchanged
     * @throws dev.thefactory.api.AgentException (transient, "model output rejected") naming the path and what is
     *                                           wrong with it
     */
    static String check(String taskId, String path) {
        String why = problem(path);
        if (why != null) {
            throw Answers.rejected(taskId, "unsafe file path '" + Secrets.snippet(path, 120) + "': " + why);
        }
        return path;
    }

    /**
     * @param path a proposed path
     * @return what is wrong with it, or null when it is acceptable
     */
    static String problem(String path) {
        if (path == null || path.isBlank()) {
            return "it is empty";
        }
        if (path.length() > MAX_LENGTH) {
            return "it is longer than " + MAX_LENGTH + " characters";
        }
        if (path.startsWith("/") || path.contains("\\") || path.contains(":")) {
            return "it must be relative, with '/' separators and no drive letter";
        }
        String[] segments = path.split("/", -1);
        if (segments.length > MAX_DEPTH) {
            return "it is deeper than " + MAX_DEPTH + " directories";
        }
        for (String segment : segments) {
            if (segment.equals("..")) {
                return "it climbs out of the project ('..')";
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return "it has an empty or '.' segment";
            }
            if (!SEGMENT.matcher(segment).matches()) {
                return "the segment '" + Secrets.snippet(segment, 40) + "' has characters other than letters, digits "
                        + "and . _ - + @";
            }
            if (segment.endsWith(".")) {
                return "the segment '" + segment + "' ends with a dot";
            }
        }
        String first = segments[0].toLowerCase(Locale.ROOT);
        if (first.equals(".factory") || first.equals(".git") || first.equals(".staging") || first.equals(".trash")) {
            return "'" + segments[0] + "' is reserved for The Factory's and Git's own state";
        }
        return null;
    }
}

package dev.thefactory.fallbacks.internal.text;

import java.util.Objects;

/**
 * Escapes untrusted text (names, descriptions, feature sentences from the spec) for every place generated files
 * embed it, so that no text can end a literal or a comment early, inject markup, or smuggle a Java Unicode
 * escape. Stateless and thread-safe; no method accepts or returns null.
 */
public final class Escape {

    private Escape() {
    }

    /**
     * Collapses every run of whitespace and control characters into one space and strips the ends.
     *
     * @param text any text
     * @return one clean line
     */
    public static String line(String text) {
        Objects.requireNonNull(text, "text");
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                space = true;
            } else {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * @param text any text
     * @return a Java string literal, quotes included, in pure ASCII ({@code \\uXXXX} for everything else)
     */
    public static String javaString(String text) {
        return quoted(text, true);
    }

    /**
     * @param text any text
     * @return a JSON (and JavaScript) string literal, quotes included; non-ASCII characters are escaped too
     */
    public static String jsonString(String text) {
        return quoted(text, false);
    }

    private static String quoted(String text, boolean java) {
        Objects.requireNonNull(text, "text");
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e || (!java && (c == '<' || c == '>' || c == '&'))) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * @param text any text
     * @return a Python string literal in double quotes, pure ASCII
     */
    public static String pythonString(String text) {
        Objects.requireNonNull(text, "text");
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Text for a Javadoc or block comment: one line, HTML-escaped, and free of {@code *}{@code /}, backslashes
     * (which could start a Unicode escape) and at-signs (which could start a tag).
     *
     * @param text any text
     * @return safe comment text
     */
    public static String javadoc(String text) {
        String line = line(text);
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '@' -> sb.append("&#64;");
                case '\\' -> sb.append("&#92;");
                case '/' -> sb.append(i > 0 && line.charAt(i - 1) == '*' ? "&#47;" : "/");
                default -> {
                    if (c > 0x7e) {
                        sb.append("&#").append((int) c).append(';');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * Text for a line comment ({@code #} or {@code //}) in Python or JavaScript: one line, pure ASCII.
     *
     * @param text any text
     * @return safe comment text
     */
    public static String comment(String text) {
        String line = line(text);
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            sb.append(c > 0x7e || c == '\\' ? '?' : c);
        }
        return sb.toString();
    }

    /**
     * @param text any text
     * @return text for XML or HTML element content and attribute values, with characters XML 1.0 forbids removed
     */
    public static String xml(String text) {
        Objects.requireNonNull(text, "text");
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xd7ff)
                            || Character.isSurrogate(c) || (c >= 0xe000 && c <= 0xfffd);
                    if (allowed) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * @param text any text
     * @return a value for a {@code .properties} file: one line, pure ASCII, with the characters the format treats
     *         specially escaped
     */
    public static String properties(String text) {
        String line = line(text);
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '=', ':', '#', '!' -> sb.append('\\').append(c);
                default -> {
                    if (c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * @param text any text
     * @return one line of Markdown text in which emphasis, code, link, HTML and table characters, and a leading
     *         block marker, are backslash-escaped
     */
    public static String markdown(String text) {
        String line = line(text);
        StringBuilder sb = new StringBuilder(line.length());
        if (!line.isEmpty() && ("#+-=>".indexOf(line.charAt(0)) >= 0 || line.matches("\\d+[.)].*"))) {
            sb.append('\\');
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ("\\`*_[]<>|".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}

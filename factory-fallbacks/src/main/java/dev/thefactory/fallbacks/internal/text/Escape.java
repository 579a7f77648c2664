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
        return quoted(text, false);
    }

    /**
     * @param text any text
     * @return a JSON (and JavaScript) string literal, quotes included; non-ASCII characters are escaped too, and so
     *         are {@code <}, {@code >} and {@code &}, so that the literal is safe inside HTML
     */
    public static String jsonString(String text) {
        return quoted(text, true);
    }

    /**
     * @param text any text
     * @return a Python string literal in double quotes, pure ASCII (Python reads the escapes of a Java literal alike)
     */
    public static String pythonString(String text) {
        return quoted(text, false);
    }

    private static String quoted(String text, boolean markup) {
        Objects.requireNonNull(text, "text");
        return '"' + each(text, (out, c, previous) -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e || (markup && (c == '<' || c == '>' || c == '&'))) {
                        unicode(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }) + '"';
    }

    /**
     * Text for a Javadoc or block comment: one line, HTML-escaped, and free of {@code *}{@code /}, backslashes
     * (which could start a Unicode escape) and at-signs (which could start a tag).
     *
     * @param text any text
     * @return safe comment text
     */
    public static String javadoc(String text) {
        return each(line(text), (out, c, previous) -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '@' -> out.append("&#64;");
                case '\\' -> out.append("&#92;");
                case '/' -> out.append(previous == '*' ? "&#47;" : "/");
                default -> {
                    if (c > 0x7e) {
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        });
    }

    /**
     * Text for a line comment ({@code #} or {@code //}) in Python or JavaScript: one line, pure ASCII.
     *
     * @param text any text
     * @return safe comment text
     */
    public static String comment(String text) {
        return each(line(text), (out, c, previous) -> out.append(c > 0x7e || c == '\\' ? '?' : c));
    }

    /**
     * @param text any text
     * @return text for XML or HTML element content and attribute values, with characters XML 1.0 forbids removed
     */
    public static String xml(String text) {
        Objects.requireNonNull(text, "text");
        return each(text, (out, c, previous) -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xd7ff)
                            || Character.isSurrogate(c) || (c >= 0xe000 && c <= 0xfffd);
                    if (allowed) {
                        out.append(c);
                    }
                }
            }
        });
    }

    /**
     * @param text any text
     * @return a value for a {@code .properties} file: one line, pure ASCII, with the characters the format treats
     *         specially escaped
     */
    public static String properties(String text) {
        return each(line(text), (out, c, previous) -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '=', ':', '#', '!' -> out.append('\\').append(c);
                default -> {
                    if (c > 0x7e) {
                        unicode(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        });
    }

    /**
     * @param text any text
     * @return one line of Markdown text in which emphasis, code, link, HTML and table characters, and a leading
     *         block marker, are backslash-escaped
     */
    public static String markdown(String text) {
        String line = line(text);
        boolean block = !line.isEmpty() && ("#+-=>".indexOf(line.charAt(0)) >= 0 || line.matches("\\d+[.)].*"));
        return (block ? "\\" : "") + each(line, (out, c, previous) -> {
            if ("\\`*_[]<>|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        });
    }

    /** Appends the escaped form of one character. */
    @FunctionalInterface
    private interface CharEscape {

        /**
         * @param out      where the escaped text goes
         * @param c        the character
         * @param previous the character before it in the text, or 0 for the first
         */
        void append(StringBuilder out, char c, char previous);
    }

    private static String each(String text, CharEscape escape) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        char previous = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            escape.append(out, c, previous);
            previous = c;
        }
        return out.toString();
    }

    private static void unicode(StringBuilder out, char c) {
        out.append(String.format("\\u%04x", (int) c));
    }
}

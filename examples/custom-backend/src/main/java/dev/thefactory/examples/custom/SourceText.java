package dev.thefactory.examples.custom;

/**
 * Escapes untrusted spec text for the places the templates put it: Java string literals, Javadoc comments, XML
 * text and Markdown. A spec is hostile until checked, so nothing from it reaches a generated file unescaped: no
 * quote, backslash, comment terminator, Unicode escape or markup can break out of where it is put. Stateless.
 */
final class SourceText {

    private SourceText() {
    }

    /**
     * Turns text into a Java string literal, quotes included. Backslashes are doubled, so a {@code \u0022} in the
     * text stays six characters and is never read as a Unicode escape by the compiler; control characters become
     * octal escapes, which (unlike Unicode escapes) are processed after lexing and so cannot end the literal.
     *
     * @param text any text
     * @return a literal that evaluates to exactly {@code text}
     */
    static String javaString(String text) {
        StringBuilder s = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '"' -> s.append("\\\"");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        s.append('\\').append(Integer.toOctalString(c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    /**
     * Makes text safe inside a Javadoc comment, on one line: HTML is escaped, a backslash becomes
     * {@code &#92;} (so no Unicode escape survives), {@code @} becomes {@code &#64;} (so no block tag starts),
     * {@code /} becomes {@code &#47;} (so no {@code *}{@code /} closes the comment) and line breaks and other control
     * characters become spaces.
     *
     * @param text any text
     * @return the text for a comment line
     */
    static String javadoc(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '\\' -> s.append("&#92;");
                case '@' -> s.append("&#64;");
                case '/' -> s.append("&#47;");
                default -> s.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return s.toString().strip();
    }

    /**
     * Escapes XML text or attribute content. Characters XML 1.0 does not allow (controls other than tab, line feed
     * and carriage return) become spaces, as do tab and line breaks, so the value stays on one line.
     *
     * @param text any text
     * @return the escaped text
     */
    static String xml(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&apos;");
                default -> s.append(Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF' ? ' ' : c);
            }
        }
        return s.toString().strip();
    }

    /**
     * Makes text safe as the content of one Markdown list item or paragraph line: control characters and line
     * breaks become spaces, and characters Markdown would read as markup (emphasis, links, HTML, code) are
     * backslash-escaped, so a spec cannot inject links or raw HTML into the README.
     *
     * @param text any text
     * @return the text for one Markdown line
     */
    static String markdown(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                s.append(' ');
            } else {
                if ("\\`*_{}[]()<>#+!|~".indexOf(c) >= 0) {
                    s.append('\\');
                }
                s.append(c);
            }
        }
        return s.toString().strip();
    }
}

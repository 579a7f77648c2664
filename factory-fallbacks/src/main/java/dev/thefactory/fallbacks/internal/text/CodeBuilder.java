package dev.thefactory.fallbacks.internal.text;

import java.util.Objects;

/**
 * Builds source text line by line with indentation, so that templates read like the code they produce. Every
 * line ends with {@code \n}; blank lines carry no indentation. Not thread-safe: one builder per file.
 */
public final class CodeBuilder {

    private final StringBuilder text = new StringBuilder();
    private final String unit;
    private int depth;

    /** @param unit the text of one indentation level, such as four spaces */
    public CodeBuilder(String unit) {
        this.unit = Objects.requireNonNull(unit, "unit");
    }

    /** @return a builder indenting by four spaces (Java, Python) */
    public static CodeBuilder fourSpaces() {
        return new CodeBuilder("    ");
    }

    /** @return a builder indenting by two spaces (JavaScript, HTML, XML) */
    public static CodeBuilder twoSpaces() {
        return new CodeBuilder("  ");
    }

    /**
     * Appends lines; a text with {@code \n} in it becomes several lines, each indented.
     *
     * @param lines the lines, without indentation
     * @return this builder
     */
    public CodeBuilder line(String lines) {
        Objects.requireNonNull(lines, "lines");
        for (String line : lines.split("\n", -1)) {
            if (line.isEmpty()) {
                text.append('\n');
            } else {
                text.append(unit.repeat(depth)).append(line).append('\n');
            }
        }
        return this;
    }

    /** @return this builder, after an empty line */
    public CodeBuilder blank() {
        text.append('\n');
        return this;
    }

    /**
     * Appends {@code head + " {"} and indents the following lines.
     *
     * @param head the text before the brace
     * @return this builder
     */
    public CodeBuilder open(String head) {
        line(head + " {");
        depth++;
        return this;
    }

    /** @return this builder, after closing the innermost brace */
    public CodeBuilder close() {
        return close("");
    }

    /**
     * @param suffix text after the closing brace, such as {@code ;} or {@code )}
     * @return this builder, after closing the innermost brace
     */
    public CodeBuilder close(String suffix) {
        if (depth == 0) {
            throw new IllegalStateException("close() without a matching open()");
        }
        depth--;
        return line("}" + suffix);
    }

    /** @return this builder, indented one more level (for languages without braces) */
    public CodeBuilder indent() {
        depth++;
        return this;
    }

    /** @return this builder, indented one level less */
    public CodeBuilder dedent() {
        if (depth == 0) {
            throw new IllegalStateException("dedent() below level 0");
        }
        depth--;
        return this;
    }

    /** @return the text so far */
    @Override
    public String toString() {
        return text.toString();
    }
}

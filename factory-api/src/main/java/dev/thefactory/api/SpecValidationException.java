package dev.thefactory.api;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A spec cannot be used: it could not be read or parsed, it broke a parser limit, or it violates the model's
 * constraints. Carries <em>all</em> violations found, not just the first. CLI exit code 2.
 *
 * <p>Immutable and thread-safe.
 */
public class SpecValidationException extends FactoryException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient List<Violation> violations;

    /**
     * @param source     the file or other source of the spec, e.g. {@code specs/app.md} or {@code <string>}
     * @param violations every violation found; at least one
     * @throws IllegalArgumentException if {@code violations} is empty
     */
    public SpecValidationException(String source, List<Violation> violations) {
        this(source, violations, null);
    }

    /**
     * @param source     the file or other source of the spec
     * @param violations every violation found; at least one
     * @param cause      the parser's exception, if any; may be null
     * @throws IllegalArgumentException if {@code violations} is empty
     */
    public SpecValidationException(String source, List<Violation> violations, Throwable cause) {
        super(message(source, violations), cause, ErrorContext.NONE,
                List.of("fix the fields listed above in " + source + " and run again",
                        "see docs/spec-format.md for every field and its valid values"));
        this.source = source;
        this.violations = List.copyOf(violations);
    }

    private static String message(String source, List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("violations must not be empty");
        }
        return "Invalid spec " + source + " (" + violations.size() + " problem"
                + (violations.size() == 1 ? "" : "s") + "):\n"
                + violations.stream().map(v -> "  " + v.format()).collect(Collectors.joining("\n"));
    }

    /** @return where the spec came from */
    public String source() {
        return source;
    }

    /** @return every violation, in source order where known */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * One problem with a spec.
     *
     * @param field        the field's path, e.g. {@code features.core[2]}, or {@code (document)} for the whole spec
     * @param message      what is wrong and what would be valid
     * @param invalidValue the offending value, shortened for display; may be null
     * @param line         the 1-based source line, or 0 when unknown
     */
    public record Violation(String field, String message, String invalidValue, int line) {

        /** Longest invalid value kept for display. */
        public static final int MAX_VALUE_LENGTH = 80;

        /** Shortens the invalid value and makes its control characters visible. */
        public Violation {
            java.util.Objects.requireNonNull(field, "field");
            java.util.Objects.requireNonNull(message, "message");
            if (line < 0) {
                throw new IllegalArgumentException("line must be >= 0 but was " + line);
            }
            invalidValue = invalidValue == null ? null : displayable(invalidValue);
        }

        /**
         * @param field the field
         * @param message the problem
         * @return a violation without value or line
         */
        public static Violation of(String field, String message) {
            return new Violation(field, message, null, 0);
        }

        /** @return the source line, when known */
        public Optional<Integer> sourceLine() {
            return line > 0 ? Optional.of(line) : Optional.empty();
        }

        /** @return {@code field: message (line N, was 'value')}, the form the CLI prints */
        public String format() {
            StringBuilder s = new StringBuilder(field).append(": ").append(message);
            if (line > 0 || invalidValue != null) {
                s.append(" (");
                if (line > 0) {
                    s.append("line ").append(line);
                }
                if (invalidValue != null) {
                    s.append(line > 0 ? ", " : "").append("was '").append(invalidValue).append('\'');
                }
                s.append(')');
            }
            return s.toString();
        }

        private static String displayable(String value) {
            StringBuilder s = new StringBuilder();
            value.codePoints().limit(MAX_VALUE_LENGTH).forEach(cp -> {
                if (Character.isISOControl(cp)) {
                    s.append(String.format("\\u%04x", cp));
                } else {
                    s.appendCodePoint(cp);
                }
            });
            if (value.codePointCount(0, value.length()) > MAX_VALUE_LENGTH) {
                s.append('…');
            }
            return s.toString();
        }
    }
}

package dev.thefactory.spi;

import java.util.Objects;

/**
 * One problem output validation found in a backend's files, handed to the backend in a {@link RepairRequest}.
 * Immutable and thread-safe.
 *
 * @param kind    what found it
 * @param file    the file it is in, relative to the project root with {@code /} separators; null when it names no
 *                file (a test run that crashed, a test whose source file is not known)
 * @param line    the line in {@code file}, 1-based; 0 when unknown
 * @param test    for {@link Kind#TEST}: the failed test as {@code Class#method} (the form used as evidence); null
 *                otherwise
 * @param message what is wrong, one line, as the compiler, the parser or the test runner said it (bounded in size)
 */
public record RepairDiagnostic(Kind kind, String file, int line, String test, String message) {

    /** What found a problem. */
    public enum Kind {
        /** A content check failed: the file does not compile (Java) or does not parse (JSON, YAML, XML, ...). */
        CONTENT,
        /** A generated test failed or errored. */
        TEST,
        /** The generated tests could not finish (time limit, crash) or another problem not tied to one test. */
        OTHER
    }

    /**
     * @throws NullPointerException     if {@code kind} or {@code message} is null
     * @throws IllegalArgumentException if {@code line} is negative
     */
    public RepairDiagnostic {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0 but was " + line);
        }
    }
}

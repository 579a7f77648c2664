package dev.thefactory.internal.output;

import java.util.Objects;

/**
 * The outcome of one generated test, as the project's own test runner reported it. Immutable and thread-safe.
 *
 * @param name    the test as {@code Class#method}: the class fully qualified for Java, the file's module or path
 *                for other languages (the form backends use to name tests as evidence)
 * @param status  how it ended
 * @param message for a failed or skipped test, the runner's message (first lines); empty otherwise
 */
public record TestOutcome(String name, Status status, String message) {

    /** How one test ended. */
    public enum Status {
        /** It ran and passed. */
        PASSED,
        /** It ran and failed, or errored. */
        FAILED,
        /** It was skipped, disabled or aborted. */
        SKIPPED
    }

    /** @throws NullPointerException if a component is null */
    public TestOutcome {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }
}

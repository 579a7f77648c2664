package dev.thefactory.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a validator found. Immutable and thread-safe.
 *
 * @param status   passed, failed, or unchecked
 * @param problems one line per problem, with the line number where known; empty unless failed
 */
public record ValidationOutcome(Status status, List<String> problems) {

    /** The outcome's kind. */
    public enum Status {
        /** The content was checked and is valid. */
        PASSED,
        /** The content was checked and is invalid. */
        FAILED,
        /** The content could not be checked. */
        UNCHECKED
    }

    /** @throws NullPointerException if a component is null */
    public ValidationOutcome {
        Objects.requireNonNull(status, "status");
        problems = List.copyOf(problems);
    }

    /** @return a passed outcome */
    public static ValidationOutcome passed() {
        return new ValidationOutcome(Status.PASSED, List.of());
    }

    /** @return an unchecked outcome */
    public static ValidationOutcome unchecked() {
        return new ValidationOutcome(Status.UNCHECKED, List.of());
    }

    /**
     * @param problems what is wrong
     * @return a failed outcome
     */
    public static ValidationOutcome failed(List<String> problems) {
        return new ValidationOutcome(Status.FAILED, problems);
    }
}

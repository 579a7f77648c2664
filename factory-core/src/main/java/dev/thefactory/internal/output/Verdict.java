package dev.thefactory.internal.output;

import dev.thefactory.spi.ValidationOutcome.Status;
import java.util.List;
import java.util.Objects;

/**
 * A validator's finding for one file, with the reason when it could not be checked. Immutable and thread-safe.
 *
 * @param status   passed, failed or unchecked
 * @param problems one line per problem, each naming the file; empty unless failed
 * @param detail   why the file is unchecked; empty otherwise
 */
record Verdict(Status status, List<String> problems, String detail) {

    Verdict {
        Objects.requireNonNull(status, "status");
        problems = List.copyOf(problems);
        Objects.requireNonNull(detail, "detail");
    }

    static Verdict passed() {
        return new Verdict(Status.PASSED, List.of(), "");
    }

    static Verdict failed(List<String> problems) {
        return new Verdict(Status.FAILED, problems, "");
    }

    static Verdict unchecked(String detail) {
        return new Verdict(Status.UNCHECKED, List.of(), detail);
    }
}

package dev.thefactory.api;

import java.util.List;

/**
 * Generated output failed validation: a planned file is missing or empty, a quota was exceeded, or content
 * failed its check (e.g. Java that does not compile). Nothing is published. Immutable and thread-safe.
 */
public class OutputValidationException extends FactoryException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * @param problems one line per problem, each naming the file (and line where known); at least one
     * @param context  where it happened
     */
    public OutputValidationException(List<String> problems, ErrorContext context) {
        super("Generated output failed validation (" + problems.size() + " problem"
                        + (problems.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", problems),
                null, context, List.of("the next backend of the cascade is tried automatically; if all fail, "
                        + "report the problems above to the backend's authors"));
        this.problems = List.copyOf(problems);
    }

    /** @return one line per problem */
    public List<String> problems() {
        return problems;
    }
}

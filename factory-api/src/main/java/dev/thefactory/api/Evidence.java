package dev.thefactory.api;

import java.util.List;

/**
 * What proves a requirement was built: the generated files that implement it and the generated tests that
 * exercise it through the project's public surface. Immutable and thread-safe.
 *
 * @param files paths relative to the project root, with {@code /} separators
 * @param tests test names as {@code Class#method} (the class fully qualified where the language has packages)
 */
public record Evidence(List<String> files, List<String> tests) {
    /** No evidence at all. */
    public static final Evidence NONE = new Evidence(List.of(), List.of());

    /**
     * Copies both lists.
     *
     * @throws NullPointerException if a list or an element is null
     */
    public Evidence {
        files = List.copyOf(files);
        tests = List.copyOf(tests);
    }

    /** @return true when there is no file and no test */
    public boolean isEmpty() {
        return files.isEmpty() && tests.isEmpty();
    }
}

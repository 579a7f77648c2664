package dev.thefactory.api;

/**
 * What became of the generated project's own tests, which {@code VALIDATE_OUTPUT} runs in a separate process. A
 * test that could not be run counts as unchecked, never as passed. Immutable and thread-safe.
 *
 * @param run       tests that were run (passed + failed + skipped)
 * @param passed    tests that passed
 * @param failed    tests that failed (a failing generated test fails validation like a compile error)
 * @param skipped   tests that were skipped or aborted
 * @param unchecked why the generated tests were not run (running them was turned off, the language's toolchain is
 *                  missing, ...); null when they were run or the project has none
 */
public record TestSummary(int run, int passed, int failed, int skipped, String unchecked) {

    /** No test run and no reason: the project has no generated tests, or validation never got that far. */
    public static final TestSummary NONE = new TestSummary(0, 0, 0, 0, null);

    /** @throws IllegalArgumentException on a negative count, or when run is not passed + failed + skipped */
    public TestSummary {
        if (run < 0 || passed < 0 || failed < 0 || skipped < 0) {
            throw new IllegalArgumentException("counts must be >= 0 but were run " + run + ", passed " + passed
                    + ", failed " + failed + ", skipped " + skipped);
        }
        if (run != passed + failed + skipped) {
            throw new IllegalArgumentException("run must be passed + failed + skipped (" + (passed + failed + skipped)
                    + ") but was " + run);
        }
    }

    /**
     * @param why why the tests were not run
     * @return a summary of tests that were not run
     */
    public static TestSummary unchecked(String why) {
        return new TestSummary(0, 0, 0, 0, java.util.Objects.requireNonNull(why, "why"));
    }
}

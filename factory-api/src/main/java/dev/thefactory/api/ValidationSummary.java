package dev.thefactory.api;

import java.util.Objects;

/**
 * File counts of output validation, and what became of the generated tests. A file whose content no validator
 * could check counts as unchecked, never as passed; so does a test that could not be run. Immutable and
 * thread-safe.
 *
 * @param checked   files whose content was checked and passed
 * @param unchecked files that exist and are confined but whose content was not checked
 * @param failed    files that failed a check
 * @param tests     the generated tests that were run; {@link TestSummary#NONE} when none were
 */
public record ValidationSummary(int checked, int unchecked, int failed, TestSummary tests) {
    /** No file validated. */
    public static final ValidationSummary EMPTY = new ValidationSummary(0, 0, 0, TestSummary.NONE);

    /**
     * @throws IllegalArgumentException on a negative count
     * @throws NullPointerException if tests is null
     */
    public ValidationSummary {
        if (checked < 0 || unchecked < 0 || failed < 0) {
            throw new IllegalArgumentException("counts must be >= 0 but were " + checked + "/" + unchecked + "/" + failed);
        }
        Objects.requireNonNull(tests, "tests");
    }

    /**
     * File counts only, no test run.
     *
     * @param checked   files whose content was checked and passed
     * @param unchecked files whose content was not checked
     * @param failed    files that failed a check
     */
    public ValidationSummary(int checked, int unchecked, int failed) {
        this(checked, unchecked, failed, TestSummary.NONE);
    }

    /**
     * @param tests what became of the generated tests
     * @return a copy with those tests
     */
    public ValidationSummary withTests(TestSummary tests) {
        return new ValidationSummary(checked, unchecked, failed, tests);
    }
}

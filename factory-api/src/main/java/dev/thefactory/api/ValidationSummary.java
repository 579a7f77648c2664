package dev.thefactory.api;

/**
 * File counts of output validation. A file whose content no validator could check counts as unchecked, never
 * as passed. Immutable and thread-safe.
 *
 * @param checked   files whose content was checked and passed
 * @param unchecked files that exist and are confined but whose content was not checked
 * @param failed    files that failed a check
 */
public record ValidationSummary(int checked, int unchecked, int failed) {
    /** No file validated. */
    public static final ValidationSummary EMPTY = new ValidationSummary(0, 0, 0);

    /** @throws IllegalArgumentException on a negative count */
    public ValidationSummary {
        if (checked < 0 || unchecked < 0 || failed < 0) {
            throw new IllegalArgumentException("counts must be >= 0 but were " + checked + "/" + unchecked + "/" + failed);
        }
    }
}

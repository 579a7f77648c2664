package dev.thefactory.internal.output;

import dev.thefactory.spi.ValidationOutcome;
import java.util.List;
import java.util.Objects;

/**
 * What output validation found for one file. Immutable and thread-safe.
 *
 * @param path      the file, relative to the project root, {@code /}-separated; never null
 * @param size      its size in bytes
 * @param sha256    its SHA-256, lower-case hex; never null (empty when the file could not be read)
 * @param status    passed, failed or unchecked; never null
 * @param validator the id of the validator that decided the status ({@code none} when no validator supports the
 *                  file, {@code confinement} or {@code utf-8} when the file failed before content checks); never
 *                  null
 * @param problems  one line per problem, each starting with the path; empty unless failed; never null
 * @param detail    why the file is unchecked (e.g. {@code no validator for this file type}); empty when passed or
 *                  failed; never null
 */
public record FileReport(String path, long size, String sha256, ValidationOutcome.Status status, String validator,
        List<String> problems, String detail) {

    /** @throws NullPointerException if a component is null */
    public FileReport {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(validator, "validator");
        problems = List.copyOf(problems);
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * A report without a detail.
     *
     * @param path      the file
     * @param size      its size
     * @param sha256    its SHA-256
     * @param status    the status
     * @param validator the deciding validator's id
     * @param problems  the problems
     */
    public FileReport(String path, long size, String sha256, ValidationOutcome.Status status, String validator,
            List<String> problems) {
        this(path, size, sha256, status, validator, problems, "");
    }
}

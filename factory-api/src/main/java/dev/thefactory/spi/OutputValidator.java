package dev.thefactory.spi;

import java.nio.file.Path;

/**
 * Checks the content of generated files of some kind. The core ships validators for Java (compiled in-process),
 * JSON, YAML, XML and properties; more can be registered in
 * {@code META-INF/services/dev.thefactory.spi.OutputValidator}. A file no validator supports counts as unchecked.
 *
 * <p>Implementations must be thread-safe and must never execute what they check.
 */
public interface OutputValidator {

    /** @return a short id such as {@code json} */
    String id();

    /**
     * @param relativePath the file's path relative to the project root, {@code /}-separated
     * @return true if handled
     */
    boolean supports(String relativePath);

    /**
     * @param projectRoot  the staged project's root (read-only use)
     * @param relativePath the file, relative to the root
     * @return the outcome
     */
    ValidationOutcome validate(Path projectRoot, String relativePath);
}

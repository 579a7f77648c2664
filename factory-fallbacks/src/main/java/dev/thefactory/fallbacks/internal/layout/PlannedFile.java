package dev.thefactory.fallbacks.internal.layout;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One file of a generated project: where it goes, which task writes it, and how its text is made. The text is made
 * lazily, so laying a project out (the {@code STRUCTURE} task) costs nothing. Immutable and thread-safe as long as
 * the supplier is.
 *
 * @param path    the relative, {@code /}-separated path
 * @param part    the task that writes it
 * @param entity  the entity whose child task writes it, or null for a file of the parent task
 * @param content makes the file's text; deterministic
 */
public record PlannedFile(String path, Part part, String entity, Supplier<String> content) {

    /** @throws NullPointerException if a required component is null */
    public PlannedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(content, "content");
    }
}

package dev.thefactory.spi;

import dev.thefactory.api.ProjectSpec;
import java.util.Objects;

/**
 * What a backend is told about the build it serves. Immutable and thread-safe.
 *
 * @param buildId the build's id
 * @param spec    the validated spec
 */
public record BackendContext(String buildId, ProjectSpec spec) {
    /** @throws NullPointerException if a component is null */
    public BackendContext {
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(spec, "spec");
    }
}

package dev.thefactory.internal.backend;

import dev.thefactory.spi.HealthStatus;
import java.util.Objects;

/**
 * A healthy provider chosen for the cascade, with the health it reported. Immutable and thread-safe.
 *
 * @param provider the provider
 * @param health   what its health check said
 */
public record BackendCandidate(DiscoveredProvider provider, HealthStatus health) {

    /** @throws NullPointerException if a component is null */
    public BackendCandidate {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(health, "health");
    }

    /** @return the provider's id */
    public String id() {
        return provider.id();
    }
}

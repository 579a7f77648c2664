package dev.thefactory.internal.backend;

import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.OrchestratorBackendProvider;
import java.util.Objects;

/**
 * A provider that loaded and named itself. Immutable; thread-safe as far as the provider is (providers must be).
 *
 * @param provider  the provider instance
 * @param id        its id
 * @param tier      its tier
 * @param className its class name
 * @param location  where its class came from (a jar or directory), or {@code unknown}
 * @param registered whether it was registered in code ({@code Factory.Builder.backend(provider)}) rather than found
 *                   by the service loader; the cascade prefers registered providers within their tier
 */
public record DiscoveredProvider(OrchestratorBackendProvider provider, String id, BackendTier tier, String className,
        String location, boolean registered) {

    /**
     * A provider found by the service loader.
     *
     * @param provider  the provider instance
     * @param id        its id
     * @param tier      its tier
     * @param className its class name
     * @param location  where its class came from
     */
    public DiscoveredProvider(OrchestratorBackendProvider provider, String id, BackendTier tier, String className,
            String location) {
        this(provider, id, tier, className, location, false);
    }

    /** @throws NullPointerException if a component is null */
    public DiscoveredProvider {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(location, "location");
    }

    /**
     * @return whether the provider says its backend implements features; true when it throws or is silent, so that
     *         a faulty answer never hides a backend
     */
    public boolean implementsFeatures() {
        try {
            return provider.implementsFeatures();
        } catch (RuntimeException | LinkageError e) {
            return true;
        }
    }

    /** @return {@code id (tier X, class from location)} for messages */
    public String describe() {
        return id + " (tier " + tier + ", " + className + " from " + location + ")";
    }
}

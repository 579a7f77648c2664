package dev.thefactory.internal.backend;

import java.util.Objects;

/**
 * A provider that could not be used: it failed to load, did not name itself, repeated an id, or its health check
 * failed. Immutable and thread-safe.
 *
 * @param provider the provider's id, or its class name (or what the error named) when the id is unknown
 * @param reason   why it was skipped, in a sentence
 */
public record SkippedProvider(String provider, String reason) {

    /** @throws NullPointerException if a component is null */
    public SkippedProvider {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return {@code provider: reason} */
    public String describe() {
        return provider + ": " + reason;
    }
}

package dev.thefactory.internal.backend;

import java.util.List;

/**
 * The backends a build will try, in order, and the providers that were left out because they were unhealthy.
 * Immutable and thread-safe.
 *
 * @param backends  the cascade, never empty: the first is tried first, the next ones take over on fallback
 * @param unhealthy providers of the mode's tiers whose health check failed or threw, each with the reason
 */
public record BackendCascade(List<BackendCandidate> backends, List<SkippedProvider> unhealthy) {

    /** @throws IllegalArgumentException if {@code backends} is empty */
    public BackendCascade {
        backends = List.copyOf(backends);
        unhealthy = List.copyOf(unhealthy);
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("backends must not be empty");
        }
    }

    /** @return the backend ids in cascade order */
    public List<String> ids() {
        return backends.stream().map(BackendCandidate::id).toList();
    }
}

package dev.thefactory.fallbacks;

import dev.thefactory.fallbacks.internal.SimpleBackend;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.HealthStatus;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.OrchestratorBackendProvider;
import java.util.Objects;

/**
 * Provides the {@code simple} backend: template agents that generate a real, tested project from a spec without
 * any external service. It claims every requirement of the spec: a feature is implemented only when its whole text
 * was honoured and a generated test, named after the requirement, exercises it through the project's public surface;
 * everything else is claimed partial or not implemented, with the reason. It is always healthy. Registered in
 * {@code META-INF/services/dev.thefactory.spi.OrchestratorBackendProvider}; stateless and thread-safe.
 */
public final class SimpleBackendProvider implements OrchestratorBackendProvider {

    /** The provider's id. */
    public static final String ID = SimpleBackend.ID;

    /** Used by {@link java.util.ServiceLoader}. */
    public SimpleBackendProvider() {
        // stateless
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public BackendTier tier() {
        return BackendTier.STANDALONE;
    }

    @Override
    public HealthStatus health() {
        return HealthStatus.up();
    }

    @Override
    public OrchestratorBackend create(BackendContext context) {
        Objects.requireNonNull(context, "context");
        return new SimpleBackend();
    }
}

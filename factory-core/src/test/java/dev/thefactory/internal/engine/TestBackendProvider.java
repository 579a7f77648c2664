package dev.thefactory.internal.engine;

import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.HealthStatus;
import dev.thefactory.spi.OrchestratorBackendProvider;
import java.util.Objects;

/**
 * The part every backend provider of the engine tests shares: a fixed id and tier, always healthy. Subclasses create
 * the backend.
 */
abstract class TestBackendProvider implements OrchestratorBackendProvider {

    private final String id;
    private final BackendTier tier;

    /**
     * @param id   the provider's and its backends' id
     * @param tier its tier
     */
    TestBackendProvider(String id, BackendTier tier) {
        this.id = Objects.requireNonNull(id, "id");
        this.tier = Objects.requireNonNull(tier, "tier");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final BackendTier tier() {
        return tier;
    }

    @Override
    public HealthStatus health() {
        return HealthStatus.up();
    }
}

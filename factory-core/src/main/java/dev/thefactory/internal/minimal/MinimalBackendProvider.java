package dev.thefactory.internal.minimal;

import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.HealthStatus;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.OrchestratorBackendProvider;

/**
 * Provides the {@code minimal} backend, the last resort of every cascade: it needs nothing but the JDK, so it is
 * always healthy. Its project is small but valid — a Maven build file, a main class that prints what the project is
 * for, its configuration, a README and a {@code .gitignore} — and it is a real starting point rather than a
 * placeholder. Stateless and thread-safe.
 */
public final class MinimalBackendProvider implements OrchestratorBackendProvider {

    /** The provider's id. */
    public static final String ID = "minimal";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public MinimalBackendProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public BackendTier tier() {
        return BackendTier.MINIMAL;
    }

    /**
     * @return false: the placeholder project implements no feature of the spec
     */
    @Override
    public boolean implementsFeatures() {
        return false;
    }

    @Override
    public HealthStatus health() {
        return HealthStatus.up();
    }

    @Override
    public OrchestratorBackend create(BackendContext context) {
        return new MinimalBackend(MinimalProject.of(context.spec()));
    }
}

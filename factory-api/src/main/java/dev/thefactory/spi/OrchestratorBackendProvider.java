package dev.thefactory.spi;

/**
 * Makes an {@link OrchestratorBackend} available to The Factory. Register an implementation in
 * {@code META-INF/services/dev.thefactory.spi.OrchestratorBackendProvider}; it needs a public no-argument
 * constructor. The core loads each provider in its own try/catch: one that fails to load, or whose
 * {@link #health()} throws, is reported and skipped and never hides the others.
 *
 * <p>Implementations must be thread-safe.
 *
 * <pre>{@code
 * public final class MyProvider implements OrchestratorBackendProvider {
 *     public String id() { return "my-backend"; }
 *     public BackendTier tier() { return BackendTier.INTEGRATED; }
 *     public HealthStatus health() { return client.ping() ? HealthStatus.up() : HealthStatus.down("no answer"); }
 *     public OrchestratorBackend create(BackendContext context) { return new MyBackend(client, context); }
 * }
 * }</pre>
 */
public interface OrchestratorBackendProvider {

    /** @return a unique, stable, lower-case id such as {@code simple}; used by {@code .backend(id)} */
    String id();

    /** @return the backend's place in the fallback cascade */
    BackendTier tier();

    /**
     * Checks whether the backend can take work now. Must be quick; must not block for long.
     *
     * @return the status; an exception counts as unhealthy
     */
    HealthStatus health();

    /**
     * Whether the backend can implement features of a spec at all. A backend that cannot (such as the built-in
     * {@code minimal} one, which writes a placeholder project) can never meet a feature policy such as
     * {@link dev.thefactory.api.FeatureRequirement#CORE}, so the core does not fall back to it under such a policy
     * and says so in the build's notes. Must be quick and must not throw.
     *
     * @return true by default; false for a backend that implements no feature
     */
    default boolean implementsFeatures() {
        return true;
    }

    /**
     * Creates a backend for one build. Called at most once per build and provider.
     *
     * @param context the build's context
     * @return a new backend, closed by the core when the build ends
     */
    OrchestratorBackend create(BackendContext context);
}

package dev.thefactory.examples.custom;

import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.HealthStatus;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.OrchestratorBackendProvider;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The provider of the {@code example-integrated} backend, found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/dev.thefactory.spi.OrchestratorBackendProvider}. Drop this module's jar into the CLI's
 * {@code plugins/} directory and {@code factory doctor} lists it; {@code factory build --mode integrated} then uses
 * it.
 *
 * <p>A real integrated backend would check the service it talks to in {@link #health()}. This example has no
 * service, so its health check reports what a user configured: set the system property
 * {@value #DOWN_PROPERTY} or the environment variable {@value #DOWN_ENV} to {@code true} to simulate an outage
 * (the property wins when both are set). That makes the fallback cascade easy to watch:
 * {@code FACTORY_EXAMPLE_INTEGRATED_DOWN=true factory build --spec ... --mode auto} skips this backend.
 *
 * <p>Thread-safe and stateless: every build gets its own backend from {@link #create(BackendContext)}.
 */
public final class ExampleIntegratedBackendProvider implements OrchestratorBackendProvider {

    /** The backend's id. */
    public static final String ID = "example-integrated";
    /** System property that, set to {@code true}, makes the health check report the backend as down. */
    public static final String DOWN_PROPERTY = "factory.example-integrated.down";
    /** Environment variable that, set to {@code true}, makes the health check report the backend as down. */
    public static final String DOWN_ENV = "FACTORY_EXAMPLE_INTEGRATED_DOWN";

    private final UnaryOperator<String> systemProperties;
    private final UnaryOperator<String> environment;

    /** Creates the provider that reads the real system properties and environment; used by the ServiceLoader. */
    public ExampleIntegratedBackendProvider() {
        this(System::getProperty, System::getenv);
    }

    /**
     * For tests: reads the outage switch from the given lookups instead of the process's.
     *
     * @param systemProperties looks a system property up; returns null when it is not set
     * @param environment      looks an environment variable up; returns null when it is not set
     */
    ExampleIntegratedBackendProvider(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
        this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public BackendTier tier() {
        return BackendTier.INTEGRATED;
    }

    /**
     * @return down when {@value #DOWN_PROPERTY} (or, without it, {@value #DOWN_ENV}) is {@code true}; up otherwise
     * @throws IllegalStateException when the switch holds something other than {@code true} or {@code false}, so
     *                               that a typo is not mistaken for "up" (the core counts a throwing check as
     *                               unhealthy and reports the message)
     */
    @Override
    public HealthStatus health() {
        String fromProperty = systemProperties.apply(DOWN_PROPERTY);
        String source = fromProperty != null ? "system property " + DOWN_PROPERTY : "environment variable " + DOWN_ENV;
        String value = fromProperty != null ? fromProperty : environment.apply(DOWN_ENV);
        if (value == null || value.isBlank()) {
            return HealthStatus.up();
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true":
                return HealthStatus.down("simulated outage: " + source + " is 'true'; unset it to bring "
                        + ID + " back");
            case "false":
                return HealthStatus.up();
            default:
                throw new IllegalStateException(source + " must be 'true' or 'false' but was '" + value + "'");
        }
    }

    @Override
    public OrchestratorBackend create(BackendContext context) {
        Objects.requireNonNull(context, "context");
        return new LibraryTemplateBackend(context);
    }
}

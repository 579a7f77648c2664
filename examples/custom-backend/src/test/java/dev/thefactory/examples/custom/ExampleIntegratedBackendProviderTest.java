package dev.thefactory.examples.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.HealthStatus;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.OrchestratorBackendProvider;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ExampleIntegratedBackendProviderTest {

    private static ExampleIntegratedBackendProvider provider(Map<String, String> properties, Map<String, String> env) {
        return new ExampleIntegratedBackendProvider(properties::get, env::get);
    }

    @Test
    void isRegisteredForTheServiceLoaderAsAnIntegratedBackend() {
        assertThat(ServiceLoader.load(OrchestratorBackendProvider.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(p -> p.id().equals("example-integrated"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p).isInstanceOf(ExampleIntegratedBackendProvider.class);
                    assertThat(p.tier()).isEqualTo(BackendTier.INTEGRATED);
                });
    }

    @Test
    void isHealthyWhenNoOutageIsSimulated() {
        assertThat(provider(Map.of(), Map.of()).health()).isEqualTo(HealthStatus.up());
        assertThat(provider(Map.of(), Map.of(ExampleIntegratedBackendProvider.DOWN_ENV, "false")).health().healthy())
                .isTrue();
    }

    @Test
    void systemPropertySimulatesAnOutageAndSaysHowToEndIt() {
        HealthStatus health = provider(Map.of(ExampleIntegratedBackendProvider.DOWN_PROPERTY, " TRUE "), Map.of())
                .health();

        assertThat(health.healthy()).isFalse();
        assertThat(health.detail()).contains("system property factory.example-integrated.down", "unset it");
    }

    @Test
    void environmentVariableSimulatesAnOutage() {
        HealthStatus health = provider(Map.of(), Map.of(ExampleIntegratedBackendProvider.DOWN_ENV, "true")).health();

        assertThat(health.healthy()).isFalse();
        assertThat(health.detail()).contains("environment variable FACTORY_EXAMPLE_INTEGRATED_DOWN");
    }

    @Test
    void systemPropertyWinsOverTheEnvironment() {
        assertThat(provider(Map.of(ExampleIntegratedBackendProvider.DOWN_PROPERTY, "false"),
                Map.of(ExampleIntegratedBackendProvider.DOWN_ENV, "true")).health().healthy()).isTrue();
    }

    @Test
    void aTypoInTheSwitchIsReportedNotMistakenForUp() {
        assertThatThrownBy(() -> provider(Map.of(ExampleIntegratedBackendProvider.DOWN_PROPERTY, "yes"), Map.of())
                .health())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("system property factory.example-integrated.down must be 'true' or 'false' but was 'yes'");
    }

    @Test
    void createsABackendThatCarriesTheProviderId() {
        ProjectSpec spec = ProjectSpec.builder("Text Stats", ProjectType.LIBRARY).build();
        try (OrchestratorBackend backend = provider(Map.of(), Map.of()).create(new BackendContext("b-1", spec))) {
            assertThat(backend.id()).isEqualTo("example-integrated");
        }
    }

    @Test
    void rejectsANullContext() {
        assertThatThrownBy(() -> provider(Map.of(), Map.of()).create(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("context");
    }
}

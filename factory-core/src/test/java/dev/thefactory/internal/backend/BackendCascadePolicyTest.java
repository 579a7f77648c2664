package dev.thefactory.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.internal.minimal.MinimalBackendProvider;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.HealthStatus;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.OrchestratorBackendProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fallback that implements no feature is left out of the cascade when the policy needs an implemented feature. */
class BackendCascadePolicyTest {

    private static final class Simple implements OrchestratorBackendProvider {
        @Override
        public String id() {
            return "simple";
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
            throw new UnsupportedOperationException("not created in this test");
        }
    }

    private static BackendCandidate candidate(OrchestratorBackendProvider p) {
        return new BackendCandidate(new DiscoveredProvider(p, p.id(), p.tier(), p.getClass().getName(), "test"),
                HealthStatus.up());
    }

    private static final ProjectSpec WITH_FEATURES = ProjectSpec.builder("Todo", ProjectType.CLI_TOOL)
            .features(List.of("Add tasks with a title"), List.of()).build();

    private final BackendCascade cascade = new BackendCascade(List.of(candidate(new Simple()),
            candidate(new MinimalBackendProvider())), List.of());

    @Test
    void underCoreAndAllMinimalIsNotAFallbackAndANoteSaysWhy() {
        BackendCascade core = cascade.forPolicy(FeatureRequirement.CORE, WITH_FEATURES);
        assertThat(core.ids()).containsExactly("simple");
        assertThat(core.notes()).containsExactly("Backend 'minimal' was not tried: it implements no feature of a "
                + "spec, so it cannot meet FeatureRequirement.CORE; build with FeatureRequirement.NONE "
                + "to fall back to it");
        assertThat(cascade.forPolicy(FeatureRequirement.ALL, WITH_FEATURES).ids()).containsExactly("simple");
    }

    @Test
    void underNoneOrWithoutFeaturesMinimalStays() {
        assertThat(cascade.forPolicy(FeatureRequirement.NONE, WITH_FEATURES)).isSameAs(cascade);
        ProjectSpec none = ProjectSpec.builder("Empty", ProjectType.CLI_TOOL).build();
        assertThat(cascade.forPolicy(FeatureRequirement.CORE, none).ids()).containsExactly("simple", "minimal");
    }

    @Test
    void theFirstBackendAlwaysStaysSoTheCascadeIsNeverEmpty() {
        BackendCascade minimalOnly = new BackendCascade(List.of(candidate(new MinimalBackendProvider())), List.of());
        assertThat(minimalOnly.forPolicy(FeatureRequirement.CORE, WITH_FEATURES).ids()).containsExactly("minimal");
        assertThat(new Simple().implementsFeatures()).as("the SPI default").isTrue();
    }
}

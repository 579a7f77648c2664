package dev.thefactory.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.Factory;
import dev.thefactory.api.BackendUnavailableException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.fixtures.TestBackendProvider;
import dev.thefactory.fixtures.TreeBackendProvider;
import dev.thefactory.internal.backend.BackendDiscovery;
import dev.thefactory.internal.backend.BackendResolver;
import dev.thefactory.internal.backend.DiscoveredProvider;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.HealthStatus;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.OrchestratorBackendProvider;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Factory.Builder.backend(provider): providers registered in code take part in the cascade and are preferred. */
class RegisteredProviderTest {

    private static final String SPEC = """
            # Registered

            A project built by a provider registered in code.

            ## Type: library

            ## FEATURES
            ### Core
            - Keep notes
            """;

    @TempDir
    Path tmp;

    @Test
    void aRegisteredProviderRunsTheBuildWithoutTheServiceLoader() {
        TreeBackendProvider tree = new TreeBackendProvider();
        BuildResult result = Factory.builder().spec(SPEC, SpecFormat.MARKDOWN).mode(Mode.STANDALONE)
                .outputDirectory(tmp.resolve("out")).requireFeatures(FeatureRequirement.NONE)
                .runGeneratedTests(false).backend(tree).build().run();

        assertThat(result.phases()).filteredOn(p -> p.phase() == Phase.GENERATE).extracting(PhaseResult::backend)
                .containsExactly(TreeBackendProvider.ID);
        assertThat(tree.executed()).contains("analyze", "generate/code/a");
    }

    @Test
    void anExplicitIdFindsARegisteredProviderAndReportsItsHealth() {
        OrchestratorBackendProvider down = provider("in-code", BackendTier.INTEGRATED, false);
        assertThatThrownBy(() -> Factory.builder().spec(SPEC, SpecFormat.MARKDOWN).mode(Mode.INTEGRATED)
                .outputDirectory(tmp.resolve("out")).backend(down).backend("in-code").build().run())
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("in-code")
                .hasMessageContaining("switched off for the test");
    }

    @Test
    void theCascadePrefersRegisteredProvidersWithinTheirTierAndTheyWinADuplicateId() {
        OrchestratorBackendProvider alpha = provider("alpha", BackendTier.INTEGRATED, true);
        OrchestratorBackendProvider zeta = provider("zeta", BackendTier.INTEGRATED, true);
        BackendDiscovery discovery = new BackendDiscovery(List.of(
                new DiscoveredProvider(alpha, "alpha", BackendTier.INTEGRATED, "A", "a.jar"),
                new DiscoveredProvider(zeta, "zeta", BackendTier.INTEGRATED, "Z", "z.jar", true)), List.of());

        assertThat(new BackendResolver().resolve(discovery, Mode.AUTO, null).ids()).startsWith("zeta", "alpha");

        OrchestratorBackendProvider myMinimal = provider(BackendDiscovery.MINIMAL_ID, BackendTier.MINIMAL, true);
        BackendDiscovery loaded = BackendDiscovery.load(getClass().getClassLoader(), List.of(myMinimal));
        assertThat(loaded.find(BackendDiscovery.MINIMAL_ID).provider()).isSameAs(myMinimal);
        assertThat(loaded.find(BackendDiscovery.MINIMAL_ID).registered()).isTrue();
    }

    @Test
    void aProviderRegisteredInCodeReplacesTheClassPathsOneOfItsIdWithoutAWarning(@TempDir Path classes)
            throws Exception {
        Path services = classes.resolve("META-INF/services/" + OrchestratorBackendProvider.class.getName());
        java.nio.file.Files.createDirectories(services.getParent());
        java.nio.file.Files.writeString(services, OnTheClassPath.class.getName() + "\n");
        OrchestratorBackendProvider mine = provider("on-the-class-path", BackendTier.INTEGRATED, true);
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            BackendDiscovery alone = BackendDiscovery.load(loader);
            assertThat(alone.find("on-the-class-path").provider()).isInstanceOf(OnTheClassPath.class);

            BackendDiscovery replaced = BackendDiscovery.load(loader, List.of(mine));

            assertThat(replaced.find("on-the-class-path").provider()).isSameAs(mine);
            assertThat(replaced.skipped()).as("replacing is what registering in code is for, not a problem")
                    .isEmpty();
        }
    }

    /** A provider the service loader finds through a services file the test writes. */
    public static final class OnTheClassPath extends TestBackendProvider {
        /** Used by the service loader. */
        public OnTheClassPath() {
            super("on-the-class-path", BackendTier.INTEGRATED);
        }

        @Override
        public OrchestratorBackend create(BackendContext context) {
            throw new UnsupportedOperationException("never built in this test");
        }
    }

    private static OrchestratorBackendProvider provider(String id, BackendTier tier, boolean healthy) {
        return new OrchestratorBackendProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public BackendTier tier() {
                return tier;
            }

            @Override
            public HealthStatus health() {
                return healthy ? HealthStatus.up() : HealthStatus.down("switched off for the test");
            }

            @Override
            public OrchestratorBackend create(BackendContext context) {
                throw new UnsupportedOperationException("not used");
            }
        };
    }
}

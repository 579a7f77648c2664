package dev.thefactory.internal.engine;

import dev.thefactory.api.CircuitBreakerSettings;
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.GeneratedTestSettings;
import dev.thefactory.api.Mode;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.SpecLimits;
import dev.thefactory.api.TimeoutSettings;
import dev.thefactory.api.event.BuildListener;
import dev.thefactory.internal.backend.BackendDiscovery;
import dev.thefactory.internal.minimal.MinimalBackendProvider;
import dev.thefactory.internal.output.OutputQuotas;
import dev.thefactory.internal.spec.SpecJson;
import dev.thefactory.internal.spec.SpecLoader;
import dev.thefactory.internal.util.Sha256;
import dev.thefactory.spi.CheckpointRepository;
import dev.thefactory.spi.OrchestratorBackendProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds engines of a small spec with test backends, and compares published trees. */
final class EngineFixture {

    static final String SPEC = """
            # Tree Demo

            A small project for engine tests.

            ## Type: cli_tool

            ## Complexity: simple

            ## FEATURES

            - Count the leaves of a tree
            - Print the tree
            """;

    private EngineFixture() {
    }

    static ProjectSpec spec(String text) {
        return new SpecLoader(SpecLimits.defaults()).load(text, SpecFormat.MARKDOWN, "tree-demo.md");
    }

    static String hash(ProjectSpec spec) {
        return Sha256.hex(SpecJson.toJson(spec));
    }

    static EngineConfig config(Path out, CheckpointRepository repository, BuildListener... listeners) {
        return config(out, repository, 4, listeners);
    }

    static EngineConfig config(Path out, CheckpointRepository repository, int parallelism,
            BuildListener... listeners) {
        return config(out, repository, parallelism, Duration.ofMinutes(2), Clock.systemUTC(), 0, listeners);
    }

    static EngineConfig config(Path out, CheckpointRepository repository, int parallelism, Duration watchdog,
            Clock clock, long minHeapHeadroom, BuildListener... listeners) {
        return new EngineConfig(Mode.STANDALONE, out.toAbsolutePath().normalize(), List.of(listeners), null,
                repository, parallelism, watchdog, minHeapHeadroom, RetrySettings.none(),
                CircuitBreakerSettings.defaults(), TimeoutSettings.defaults(), FaultInjection.none(), clock,
                OutputQuotas.defaults(), EngineConfig.NO_PATTERNS, FeatureRequirement.NONE,
                GeneratedTestSettings.disabled(), false);
    }

    static BuildEngine engine(EngineConfig config, String specText, Path specFile,
            OrchestratorBackendProvider... providers) {
        return engine(config, EngineHooks.defaults(), specText, specFile, providers);
    }

    static BuildEngine engine(EngineConfig config, EngineHooks hooks, String specText, Path specFile,
            OrchestratorBackendProvider... providers) {
        ProjectSpec spec = spec(specText);
        List<OrchestratorBackendProvider> all = new ArrayList<>(List.of(providers));
        all.add(new MinimalBackendProvider());
        return new BuildEngine(config, spec, hash(spec), () -> BackendDiscovery.of(all), hooks, specFile);
    }
}

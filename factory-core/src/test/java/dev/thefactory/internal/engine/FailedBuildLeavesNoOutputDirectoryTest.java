package dev.thefactory.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.CircuitBreakerSettings;
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.GeneratedTestSettings;
import dev.thefactory.api.Mode;
import dev.thefactory.api.RequirementsNotMetException;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.TimeoutSettings;
import dev.thefactory.fixtures.TreeBackendProvider;
import dev.thefactory.internal.output.OutputQuotas;
import dev.thefactory.internal.state.InMemoryCheckpointRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: a build that published nothing (here: no backend met the feature requirement) left the output directory
 * it had created behind, empty. It is removed; one that existed before is kept with what it holds.
 */
class FailedBuildLeavesNoOutputDirectoryTest {

    @TempDir
    Path dir;

    private Throwable failedBuild(Path out) {
        EngineConfig config = new EngineConfig(Mode.STANDALONE, out.toAbsolutePath().normalize(), List.of(), null,
                new InMemoryCheckpointRepository(), 2, Duration.ofMinutes(2), 0, RetrySettings.none(),
                CircuitBreakerSettings.defaults(), TimeoutSettings.defaults(), FaultInjection.none(),
                Clock.systemUTC(), OutputQuotas.defaults(), EngineConfig.NO_PATTERNS, FeatureRequirement.ALL,
                GeneratedTestSettings.disabled(), false);
        BuildEngine engine = EngineFixture.engine(config, EngineFixture.SPEC, null, new TreeBackendProvider());
        return catchThrowable(engine::run);
    }

    @Test
    void anOutputDirectoryTheFailedBuildCreatedIsRemoved() {
        Path out = dir.resolve("new-dir").resolve("out");

        Throwable failure = failedBuild(out);

        assertThat(failure).isInstanceOf(RequirementsNotMetException.class);
        assertThat(((BuildFailedException) failure).result().status()).isEqualTo(BuildStatus.FAILED);
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("new-dir")).doesNotExist();
    }

    @Test
    void anOutputDirectoryThatExistedIsKeptWithItsFiles() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path used = Files.createDirectory(dir.resolve("used"));
        Files.writeString(used.resolve("mine.txt"), "mine");

        assertThat(failedBuild(empty)).isInstanceOf(RequirementsNotMetException.class);
        assertThat(failedBuild(used)).isInstanceOf(RequirementsNotMetException.class);

        assertThat(empty).isEmptyDirectory();
        try (var entries = Files.list(used)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("mine.txt");
        }
        assertThat(used.resolve("mine.txt")).hasContent("mine");
    }
}

package dev.thefactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.BuildNotFoundException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.BuildStarted;
import dev.thefactory.fixtures.WordCounter;
import dev.thefactory.spi.CheckpointRepository;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Factory.Builder#resumeFrom}: a build resumed as its checkpoints record it, as
 * {@link Factory#resume(CheckpointRepository, String)} does, with what that static form cannot take (an observation
 * registry, listeners), on the always-present minimal backend.
 */
class BuilderResumeFromTest {

    @TempDir
    Path dir;

    private Factory.Builder started(CheckpointRepository repository) {
        return WordCounter.onMinimal(dir.resolve("first-out"), repository).repairRounds(3);
    }

    @Test
    void aBuildResumedFromItsCheckpointsIsObservedAndHeardWithWhatItRecorded() throws IOException {
        Path spec = WordCounter.specFile(dir);
        CheckpointRepository repository = CheckpointRepositories.fileSystem(dir.resolve("state"));
        String buildId = WordCounter.failedBuild(started(repository).spec(spec));
        TestObservationRegistry registry = TestObservationRegistry.create();
        List<BuildEvent> heard = new CopyOnWriteArrayList<>();

        Factory factory = Factory.builder().resumeFrom(repository, buildId).observationRegistry(registry)
                .listener(heard::add).build();

        assertThat(factory.mode()).isEqualTo(Mode.MINIMAL);
        assertThat(factory.outputDirectory()).isEqualTo(dir.resolve("first-out").toAbsolutePath().normalize());
        BuildResult result = factory.resume(buildId);
        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.buildId()).isEqualTo(buildId);
        assertThat(result.resumedFrom()).as("the staged work was found in the recorded output directory")
                .isEqualTo(Phase.GENERATE);
        assertThat(result.outputDirectory()).startsWith(dir.resolve("first-out").toAbsolutePath().normalize());
        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo("factory.build", 1)
                .hasObservationWithNameEqualTo("factory.build").that()
                .hasBeenStarted().hasBeenStopped()
                .hasLowCardinalityKeyValue("resumed", "true")
                .hasLowCardinalityKeyValue("outcome", "success")
                .hasHighCardinalityKeyValue("build.id", buildId);
        TestObservationRegistryAssert.assertThat(registry).hasObservationWithNameEqualTo("factory.phase");
        assertThat(heard).filteredOn(BuildStarted.class::isInstance).hasSize(1);
        factory.close();
    }

    @Test
    void aSetterCalledAfterItReplacesWhatTheCheckpointsRecorded() throws IOException {
        Path spec = WordCounter.specFile(dir);
        CheckpointRepository repository = CheckpointRepositories.fileSystem(dir.resolve("state"));
        String buildId = WordCounter.failedBuild(started(repository).spec(spec));

        Factory factory = Factory.builder().outputDirectory(dir.resolve("replaced"))
                .resumeFrom(repository, buildId).outputDirectory(dir.resolve("elsewhere")).build();

        assertThat(factory.outputDirectory()).isEqualTo(dir.resolve("elsewhere").toAbsolutePath().normalize());
        assertThat(factory.mode()).isEqualTo(Mode.MINIMAL);
        assertThat(factory.spec().name()).isEqualTo("Word Counter");
        factory.close();
    }

    @Test
    void aBuildStartedFromSpecTextNeedsItsSpecSetAfterwards() {
        CheckpointRepository repository = CheckpointRepositories.fileSystem(dir.resolve("state"));
        String buildId = WordCounter.failedBuild(started(repository).spec(WordCounter.SPEC, SpecFormat.MARKDOWN));

        Factory.Builder noSpec = Factory.builder().resumeFrom(repository, buildId);
        assertThatThrownBy(noSpec::build).isInstanceOf(FactoryException.class)
                .hasMessageContaining("Build " + buildId + " was started from a spec given as text");

        Factory factory = Factory.builder().resumeFrom(repository, buildId).spec(WordCounter.SPEC, SpecFormat.MARKDOWN)
                .build();
        BuildResult result = factory.resume(buildId);
        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.resumedFrom()).isEqualTo(Phase.GENERATE);
        factory.close();
    }

    @Test
    void anUnknownBuildIsRefusedAtOnce() {
        CheckpointRepository repository = CheckpointRepositories.fileSystem(dir.resolve("state"));
        Factory.Builder builder = Factory.builder();

        assertThatThrownBy(() -> builder.resumeFrom(repository, "b-20260101-000000-abcdef"))
                .isInstanceOf(BuildNotFoundException.class);
        assertThatThrownBy(() -> builder.resumeFrom(null, "b-20260101-000000-abcdef"))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.resumeFrom(repository, null)).isInstanceOf(NullPointerException.class);
    }
}

package dev.thefactory.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.thefactory.CheckpointRepositories;
import dev.thefactory.Factory;
import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseStatus;
import dev.thefactory.api.SpecValidationException;
import dev.thefactory.fixtures.WordCounter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Factory#resume(String)} and friends through the public API, on the always-present minimal backend. */
class FactoryResumeTest {

    @TempDir
    Path dir;

    private Factory.Builder factory(Path spec) {
        return WordCounter.onMinimal(dir.resolve("out"), CheckpointRepositories.fileSystem(dir.resolve("state")))
                .spec(spec);
    }

    @Test
    void aFailedBuildIsResumedByIdOrAsTheLatestUnfinishedOne() throws IOException {
        Path spec = WordCounter.specFile(dir);
        BuildFailedException failed = catchThrowableOfType(BuildFailedException.class,
                () -> factory(spec).faults(WordCounter.FAILS_IN_GENERATE).build().run());
        String buildId = failed.result().buildId();
        assertThat(failed.phase()).contains(Phase.GENERATE);
        for (Throwable cause = failed.getCause(); cause != null; cause = cause.getCause()) {
            assertThat(cause.getClass().getName()).as("a public exception's causes are public types")
                    .doesNotContain(".internal.");
        }
        assertThat(failed.getCause()).as("the agent's own failure, not the engine's wrapper").isNotNull()
                .isInstanceOf(dev.thefactory.api.AgentException.class);
        assertThat(failed.recoveryOptions())
                .anySatisfy(o -> assertThat(o).contains("Factory.resume(repository, \"" + buildId + "\")"));

        Factory factory = factory(spec).build();
        BuildResult resumed = factory.resume();

        assertThat(resumed.buildId()).isEqualTo(buildId);
        assertThat(resumed.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(resumed.resumedFrom()).isEqualTo(Phase.GENERATE);
        assertThat(resumed.tasksSkipped()).isGreaterThanOrEqualTo(6);
        assertThat(resumed.phases()).filteredOn(p -> p.phase().compareTo(Phase.GENERATE) < 0).hasSize(4)
                .allSatisfy(p -> assertThat(p.status()).isEqualTo(PhaseStatus.SKIPPED));
        assertThat(resumed.outputDirectory()).isNotNull();

        assertThatThrownBy(() -> factory.resume(buildId)).isInstanceOf(FactoryException.class)
                .hasMessageContaining("already succeeded");
        assertThatThrownBy(factory::resume).isInstanceOf(FactoryException.class)
                .hasMessageContaining("no unfinished build");
        assertThatThrownBy(() -> factory.resume("b-unknown")).isInstanceOf(FactoryException.class)
                .hasMessageContaining("has no checkpoints");
        assertThatThrownBy(() -> factory.resume(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("buildId");
    }

    @Test
    void theRepairRoundsABuildStartedWithAreRecordedForItsResume() throws IOException {
        Path spec = WordCounter.specFile(dir);
        String buildId = catchThrowableOfType(BuildFailedException.class,
                () -> factory(spec).repairRounds(7).faults(WordCounter.FAILS_IN_GENERATE).build().run()).result()
                .buildId();

        Factory.SavedBuild saved = Factory.savedBuild(CheckpointRepositories.fileSystem(dir.resolve("state")),
                buildId);

        assertThat(saved.repairRounds()).isEqualTo(7);
        assertThat(saved.repairRounds()).isEqualTo(7);
        assertThat(saved.requireFeatures()).isEqualTo(FeatureRequirement.NONE);
    }

    @Test
    void aChangedSpecIsRefusedUnlessForced() throws IOException {
        Path spec = WordCounter.specFile(dir);
        String buildId = catchThrowableOfType(BuildFailedException.class,
                () -> factory(spec).faults(WordCounter.FAILS_IN_GENERATE).build().run()).result().buildId();
        Files.writeString(spec, WordCounter.SPEC.replace("- Maven", "- Gradle"));

        Factory changed = factory(spec).build();

        assertThatThrownBy(() -> changed.resume(buildId)).isInstanceOf(SpecValidationException.class)
                .hasMessageContaining(spec.toString()).hasMessageContaining("the spec changed since build " + buildId);
        BuildResult forced = changed.resume(buildId, true);
        assertThat(forced.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(forced.notes()).anySatisfy(n -> assertThat(n).contains("changed since the checkpoint (forced)"));
    }
}

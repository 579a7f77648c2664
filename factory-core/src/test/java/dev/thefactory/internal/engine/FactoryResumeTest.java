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
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseStatus;
import dev.thefactory.api.SpecValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Factory#resume(String)} and friends through the public API, on the always-present minimal backend. */
class FactoryResumeTest {

    private static final String SPEC = """
            # Word Counter

            A command-line tool that counts the words, lines and characters of the files it is given, like a small and
            friendly `wc`.

            ## Type: cli_tool

            ## Complexity: simple

            ## FEATURES

            - Count words, lines and characters of one or more files
            - Read standard input when no file is given
            - Print a total line when more than one file is given

            ## TECH STACK

            - Java 17
            - Maven
            """;

    /** Spares every task before GENERATE of this spec on the minimal backend and fails {@code generate/build}. */
    private static final FaultInjection FAILS_IN_GENERATE = FaultInjection.parse("permanent-rate=0.15,seed=6");

    @TempDir
    Path dir;

    private Factory.Builder factory(Path spec) {
        // The minimal backend implements no feature: these builds publish under FeatureRequirement.NONE.
        return Factory.builder().spec(spec).mode(Mode.MINIMAL).requireFeatures(FeatureRequirement.NONE)
                .outputDirectory(dir.resolve("out"))
                .checkpoints(CheckpointRepositories.fileSystem(dir.resolve("state")));
    }

    @Test
    void aFailedBuildIsResumedByIdOrAsTheLatestUnfinishedOne() throws IOException {
        Path spec = Files.writeString(dir.resolve("word-counter.md"), SPEC);
        BuildFailedException failed = catchThrowableOfType(BuildFailedException.class,
                () -> factory(spec).faults(FAILS_IN_GENERATE).build().run());
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
        Path spec = Files.writeString(dir.resolve("word-counter.md"), SPEC);
        String buildId = catchThrowableOfType(BuildFailedException.class,
                () -> factory(spec).repairRounds(7).faults(FAILS_IN_GENERATE).build().run()).result().buildId();

        Factory.SavedBuild saved = Factory.savedBuild(CheckpointRepositories.fileSystem(dir.resolve("state")),
                buildId);

        assertThat(saved.repairRounds()).isEqualTo(7);
        assertThat(saved.repairRounds()).isEqualTo(7);
        assertThat(saved.requireFeatures()).isEqualTo(FeatureRequirement.NONE);
    }

    @Test
    void aChangedSpecIsRefusedUnlessForced() throws IOException {
        Path spec = Files.writeString(dir.resolve("word-counter.md"), SPEC);
        String buildId = catchThrowableOfType(BuildFailedException.class,
                () -> factory(spec).faults(FAILS_IN_GENERATE).build().run()).result().buildId();
        Files.writeString(spec, SPEC.replace("- Maven", "- Gradle"));

        Factory changed = factory(spec).build();

        assertThatThrownBy(() -> changed.resume(buildId)).isInstanceOf(SpecValidationException.class)
                .hasMessageContaining(spec.toString()).hasMessageContaining("the spec changed since build " + buildId);
        BuildResult forced = changed.resume(buildId, true);
        assertThat(forced.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(forced.notes()).anySatisfy(n -> assertThat(n).contains("changed since the checkpoint (forced)"));
    }
}

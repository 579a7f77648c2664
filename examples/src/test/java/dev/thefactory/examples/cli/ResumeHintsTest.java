package dev.thefactory.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.BuildNotFoundException;
import dev.thefactory.api.NothingToResumeException;
import dev.thefactory.api.StateLockedException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The library's resume errors name no command or flag; the command line adds its own in their place. */
class ResumeHintsTest {

    @Test
    void aBuildThatIsNotFoundGetsTheStateDirectoryFlagAndTheBuildCommand() {
        BuildNotFoundException error = new BuildNotFoundException("b-20260101-000000-abcdef");
        assertThat(error.recoveryOptions()).noneSatisfy(o -> assertThat(o).contains("--").contains("factory "));

        assertThat(ErrorHandler.recoveryOptions(error))
                .contains("pass the state directory (--state DIR) the build was saved in",
                        "start a new build (factory build)")
                .hasSameSizeAs(error.recoveryOptions());
    }

    @Test
    void aPublishedBuildGetsTheBuildCommand() {
        NothingToResumeException published = new NothingToResumeException("b-20260101-000000-abcdef",
                Path.of("/tmp/out/word-counter"));
        assertThat(ErrorHandler.recoveryOptions(published))
                .contains("start a new build (factory build) to build the project again");
        assertThat(ErrorHandler.recoveryOptions(new NothingToResumeException()))
                .contains("start a new build (factory build)",
                        "pass the state directory (--state DIR) the build was saved in");
    }

    @Test
    void aLockedStateDirectoryGetsTheStateFlagWhereTheLibrarySaysAnotherDirectory() {
        StateLockedException locked = new StateLockedException(Path.of("/tmp/state"), "b-20260101-000000-abcdef",
                "pid 4711 on host ci-7 since 2026-01-01T10:00:00Z", Duration.ZERO);
        assertThat(locked.recoveryOptions()).noneSatisfy(o -> assertThat(o).contains("--"));

        assertThat(ErrorHandler.recoveryOptions(locked))
                .contains("pass another state directory (--state DIR) to run independently of it")
                .hasSameSizeAs(locked.recoveryOptions());
    }

    @Test
    void aNoteNamingAFeatureRequirementNamesTheFlag() {
        assertThat(ErrorHandler.forCommandLine("Backend 'minimal' was not tried: it implements no feature of a spec, "
                + "so it cannot meet FeatureRequirement.CORE; build with FeatureRequirement.NONE to fall back to it"))
                .isEqualTo("Backend 'minimal' was not tried: it implements no feature of a spec, so it cannot meet "
                        + "--require-features core; run with --require-features none to fall back to it");
    }
}

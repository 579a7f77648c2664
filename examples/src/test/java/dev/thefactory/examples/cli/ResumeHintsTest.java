package dev.thefactory.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.BuildNotFoundException;
import dev.thefactory.api.NothingToResumeException;
import java.nio.file.Path;
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
}

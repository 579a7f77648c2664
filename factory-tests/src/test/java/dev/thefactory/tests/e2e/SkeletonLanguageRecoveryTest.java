package dev.thefactory.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.thefactory.api.Mode;
import dev.thefactory.api.RequirementsNotMetException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A spec in a language the built-in backend writes only as a skeleton fails the default policy with advice that can
 * help: ask for Java. The skeleton's language entry may be implemented (its own tests pass), so the advice must come
 * from the features' reasons too, which the built-in backend words and the core reads.
 */
class SkeletonLanguageRecoveryTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"Python 3.10", "Go 1.22", "JavaScript (Node.js 20)"})
    void aSkeletonLanguagesUnmetFeaturesOfferToAskForJava(String language) throws Exception {
        Path spec = Files.writeString(tmp.resolve("spec.md"), """
                # Plant Log
                ## Type: cli_tool
                ## Features
                - Add plants with a name and a location
                - List plants
                ## Tech Stack
                - Language: %s
                """.formatted(language));

        RequirementsNotMetException failure = catchThrowableOfType(RequirementsNotMetException.class,
                () -> Builds.builder(spec, Mode.STANDALONE, tmp.resolve("out"), Builds.events()).build().run());

        assertThat(failure).as(language).isNotNull();
        assertThat(failure.recoveryOptions()).as(language)
                .anyMatch(o -> o.startsWith("ask for Java (Language: Java 17)"));
        assertThat(tmp.resolve("out")).doesNotExist();
    }
}

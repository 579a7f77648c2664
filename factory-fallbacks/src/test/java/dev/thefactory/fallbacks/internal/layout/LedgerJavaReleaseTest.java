package dev.thefactory.fallbacks.internal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.fallbacks.internal.design.Language;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Java release a generated build file declares depends on the JDK that runs the generated tests. */
class LedgerJavaReleaseTest {

    private static Language.Request request(String entry) {
        ProjectSpec spec = ProjectSpec.builder("Todo", ProjectType.CLI_TOOL).features(List.of("Add tasks with a title"),
                List.of()).techStack(List.of(entry)).build();
        return Language.requested(spec).orElseThrow();
    }

    @ParameterizedTest(name = "{0} on JDK {1} -> release {2}")
    @CsvSource({"Language: Java 21, 21, 21, true", "Language: Java 21, 25, 21, true", "Language: Java 21, 17, 17, false",
        "Language: Java 17, 17, 17, true", "Language: Java, 17, 17, true", "Language: Java 11, 21, 17, false",
        "Language: Java 25, 21, 17, false"})
    void theReleaseIsTheRequestedOneWhenTheRunningJdkHasIt(String entry, int running, int release, boolean met) {
        assertThat(Ledger.javaRelease(request(entry), running)).isEqualTo(release);
        assertThat(Ledger.javaVersionProblem(request(entry), running) == null).isEqualTo(met);
    }
}

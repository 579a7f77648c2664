package dev.thefactory.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Generates real projects through the SPI, compiles them, and runs their generated tests. */
class GeneratedProjectTest {

    @TempDir
    Path dir;

    private void compilesAndPasses(ProjectSpec spec) throws Exception {
        CoreDriver.Build build = CoreDriver.build(spec);
        Path classes = GeneratedJava.compile(build.files(), dir);
        GeneratedJava.TestRun run = GeneratedJava.runTests(build.files(), dir, classes);
        assertThat(run.failures()).isEmpty();
        assertThat(run.failed()).isZero();
        assertThat(run.found()).isGreaterThan(5);
        assertThat(run.succeeded()).isEqualTo(run.found());
    }

    @ParameterizedTest
    @EnumSource(ProjectType.class)
    void theTodoSpecGivesATestedProjectOfEveryType(ProjectType type) throws Exception {
        compilesAndPasses(Specs.todo(type));
    }

    @ParameterizedTest
    @EnumSource(ProjectType.class)
    void theExtremeSpecGivesATestedProjectOfEveryType(ProjectType type) throws Exception {
        compilesAndPasses(Specs.extreme(type));
    }

    @ParameterizedTest
    @EnumSource(ProjectType.class)
    void thresholdQueriesOnEveryComparableTypeGiveATestedProjectOfEveryType(ProjectType type) throws Exception {
        compilesAndPasses(Specs.thresholds(type));
    }

    @ParameterizedTest
    @EnumSource(ProjectType.class)
    void aSpecWithSeveralEntitiesGivesATestedProjectOfEveryType(ProjectType type) throws Exception {
        compilesAndPasses(Specs.inventory(type));
    }
}

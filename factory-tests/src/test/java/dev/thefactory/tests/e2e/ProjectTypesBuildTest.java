package dev.thefactory.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every project type builds in standalone mode into a project whose Java compiles and whose tests pass. */
class ProjectTypesBuildTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(ProjectType.class)
    void everyTypeBuildsAndItsGeneratedTestsPass(ProjectType type) throws Exception {
        ProjectSpec spec = ProjectSpec.builder("Inventory " + type.id(), type)
                .description("Keeps track of items in a small shop.")
                .objectives(List.of("Know what is in stock"))
                .features(List.of("Add items with a name and a quantity", "List all items", "Remove items"),
                        List.of("Search items by name"))
                .techStack(List.of("Java 17", "Maven"))
                .build();

        BuildResult result = dev.thefactory.Factory.builder().spec(spec).mode(Mode.STANDALONE)
                .outputDirectory(tmp.resolve("out")).requireFeatures(FeatureRequirement.NONE).build().run();

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.phases()).extracting(PhaseResult::backend).contains("simple");
        new GeneratedProject(result.outputDirectory()).compileAndTest(tmp.resolve("work"));
        ExampleSpecsBuildTest.assertMetadataMatches(result.outputDirectory(), result);
    }
}

package dev.thefactory.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.RequirementOutcome;
import dev.thefactory.api.RequirementSection;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.api.RequirementsNotMetException;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.tests.kit.ProjectSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Builds the repository's example specs in standalone mode, then does what a user would: compiles the published
 * project and runs its generated tests (they must exist and pass), and checks the metadata's checksums.
 */
class ExampleSpecsBuildTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"example_todo_app.md", "example_simple.md", "example_library.md"})
    void examplesBuildIntoProjectsThatCompileAndPassTheirOwnTests(String specFile) throws Exception {
        List<BuildEvent> events = Builds.events();
        BuildResult result = Builds.builder(Builds.spec(specFile), Mode.STANDALONE, tmp.resolve("out"), events)
                .requireFeatures(FeatureRequirement.NONE).build().run();

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.fallbacks()).isEmpty();
        assertThat(result.validation().failed()).isZero();
        Map<Phase, String> backends = new TreeMap<>();
        for (PhaseResult phase : result.phases()) {
            backends.put(phase.phase(), phase.backend());
        }
        assertThat(backends).containsEntry(Phase.ANALYZE, "simple").containsEntry(Phase.GENERATE, "simple");

        Path project = result.outputDirectory();
        assertThat(project).isDirectory().hasParent(tmp.resolve("out").toRealPath());
        assertThat(project.resolve("pom.xml")).isRegularFile();
        assertThat(project.resolve("README.md")).isRegularFile();

        TestExecutionSummary summary = new GeneratedProject(project).compileAndTest(tmp.resolve("work"));
        assertThat(summary.getTestsSucceededCount()).isGreaterThanOrEqualTo(3);

        assertMetadataMatches(project, result);
    }

    /** Every file the metadata lists exists with that size and SHA-256, and every project file is listed. */
    @Test
    void theTodoExampleImplementsEveryFeatureWithPassingNamedTestsUnderTheDefaultPolicy() throws Exception {
        BuildResult result = Builds.builder(Builds.spec("example_todo_app.md"), Mode.STANDALONE, tmp.resolve("out"),
                Builds.events()).build().run();

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.validation().tests().run()).isPositive();
        assertThat(result.validation().tests().failed()).isZero();
        List<RequirementOutcome> features = new java.util.ArrayList<>(result.coverage().section(RequirementSection.CORE));
        features.addAll(result.coverage().section(RequirementSection.EXTENDED));
        assertThat(features).hasSize(6);
        for (RequirementOutcome feature : features) {
            assertThat(feature.status()).as(feature.id()).isEqualTo(RequirementStatus.IMPLEMENTED);
            assertThat(feature.evidence().tests()).as(feature.id()).isNotEmpty();
            for (String test : feature.evidence().tests()) {
                String[] parts = test.split("#");
                Path source = result.outputDirectory().resolve("src/test/java/" + parts[0].replace('.', '/') + ".java");
                assertThat(Files.readString(source)).as(test).contains("void " + parts[1] + "(");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"example_simple.md", "example_library.md"})
    void examplesTheSimpleBackendCannotImplementFailUnderTheDefaultPolicyAndPublishNothing(String specFile) {
        Path out = tmp.resolve("strict");
        RequirementsNotMetException failure = catchThrowableOfType(RequirementsNotMetException.class,
                () -> Builds.builder(Builds.spec(specFile), Mode.STANDALONE, out, Builds.events()).build().run());

        assertThat(failure).isNotNull();
        assertThat(failure.unmet()).isNotEmpty().allSatisfy(r -> assertThat(r.reason()).isNotBlank());
        assertThat(failure.result().outputDirectory()).isNull();
        // the build created the output directory and published nothing: it removes the directory again
        assertThat(out).doesNotExist();
    }

    static void assertMetadataMatches(Path project, BuildResult result) throws Exception {
        JsonNode metadata = new ObjectMapper().readTree(project.resolve(".factory/metadata.json").toFile());
        assertThat(metadata.get("buildId").asText()).isEqualTo(result.buildId());
        assertThat(metadata.get("status").asText()).isEqualTo("SUCCEEDED");
        SortedMap<String, String> listed = new TreeMap<>();
        for (JsonNode file : metadata.get("files")) {
            String path = file.get("path").asText();
            listed.put(path, file.get("sha256").asText());
            assertThat(Files.size(project.resolve(path))).as(path).isEqualTo(file.get("size").asLong());
            assertThat(file.get("status").asText()).as(path).isIn("PASSED", "UNCHECKED");
        }
        assertThat(listed).isEqualTo(ProjectSnapshot.of(project));
        assertThat(listed).hasSize(result.filesGenerated());
    }
}

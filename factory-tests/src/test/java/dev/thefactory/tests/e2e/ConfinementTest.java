package dev.thefactory.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.FallbackRecord;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated paths never escape the output root: a hostile backend's traversal attempts fail its phase (which then
 * falls back to a built-in backend), a spec whose name climbs is published under the output directory, and a
 * symbolic link planted where the project is published is never followed.
 */
class ConfinementTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"../escaped.txt", "/tmp/escaped.txt", "C:\\escaped.txt", "C:escaped.txt",
        "a/../../escaped.txt", "docs/../../../escaped.txt", "nul\u0000.txt", "CON", "docs/aux.txt",
        "../out-evil/escaped.txt", "..\\escaped.txt", "docs/./../../escaped.txt", "", "."})
    void aHostileBackendCannotWriteOutsideTheOutputRoot(String hostilePath) throws Exception {
        TestProviders.Hostile.path = hostilePath;
        Path out = tmp.resolve("out");
        List<String> before = Builds.allPaths(tmp);
        BuildResult result;
        try (URLClassLoader loader = Builds.providers(tmp.resolve("services"),
                TestProviders.Hostile.class.getName())) {
            result = Builds.builder(Builds.spec("example_simple.md"), Mode.AUTO, out, Builds.events())
                    .classLoader(loader).requireFeatures(FeatureRequirement.NONE).build().run();
        }

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.fallbacks()).extracting(FallbackRecord::from).contains("hostile");
        assertThat(tmp.resolve("out-evil")).doesNotExist();
        assertThat(tmp.resolve("escaped.txt")).doesNotExist();
        assertThat(Path.of("/tmp/escaped.txt")).doesNotExist();
        List<String> outside = Builds.allPaths(tmp).stream()
                .filter(p -> !p.equals("out") && !p.startsWith("out/") && !before.contains(p))
                .filter(p -> !p.equals("services") && !p.startsWith("services/"))
                .toList();
        assertThat(outside).isEmpty();
        try (var files = Files.walk(out)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).doesNotContain("escaped.txt");
        }
    }

    @Test
    void aSpecNameThatClimbsIsPublishedUnderTheOutputDirectory() throws Exception {
        ProjectSpec spec = ProjectSpec.builder("../../../evil/..\\project", ProjectType.CLI_TOOL)
                .description("climbs").features(List.of("Count words"), List.of()).build();
        Path out = tmp.resolve("nested/out");
        BuildResult result = dev.thefactory.Factory.builder().spec(spec).mode(Mode.MINIMAL).outputDirectory(out)
                .requireFeatures(FeatureRequirement.NONE).build().run();

        Path project = result.outputDirectory();
        assertThat(project.getParent()).isEqualTo(out.toRealPath());
        assertThat(project.getFileName().toString()).matches("[a-z0-9][a-z0-9-]*");
        assertThat(Builds.allPaths(tmp)).allMatch(p -> p.isEmpty() || p.equals("nested") || p.startsWith("nested/out"));
    }

    @Test
    void aSymbolicLinkWhereTheProjectIsPublishedIsNeverFollowed() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("precious.txt"), "keep me\n");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.createSymbolicLink(out.resolve("word-counter"), outside);

        try {
            Builds.builder(Builds.spec("example_simple.md"), Mode.MINIMAL, out, Builds.events())
                    .requireFeatures(FeatureRequirement.NONE).build().run();
        } catch (dev.thefactory.api.FactoryException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }

        assertThat(Builds.allPaths(outside)).containsExactly("", "precious.txt");
        assertThat(Files.readString(outside.resolve("precious.txt"))).isEqualTo("keep me\n");
    }
}

package dev.thefactory.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.Factory;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.PhaseStatus;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full build of the todo example through a worker on the in-process test server, beside a local build. */
class TemporalBuildTest {

    static final Path TODO = Path.of("..", "examples", "specs", "example_todo_app.md");

    @TempDir
    Path dir;

    private TestWorkflowEnvironment env;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                        .setDataConverter(FactoryDataConverter.create()).build())
                .build());
    }

    @AfterEach
    void stop() {
        env.close();
    }

    @Test
    void aTodoBuildThroughAWorkerPublishesTheSameBytesAsTheLocalEngine() throws IOException {
        FactoryWorker worker = FactoryWorker.builder().client(env.getWorkflowClient()).taskQueue("todo").build();
        worker.start();
        BuildResult local = Factory.builder().spec(TODO).outputDirectory(dir.resolve("local")).build().run();
        BuildResult remote = TemporalFactory.builder().client(env.getWorkflowClient()).taskQueue("todo").build()
                .run(Factory.builder().spec(TODO).outputDirectory(dir.resolve("temporal")).build());
        worker.close();

        assertThat(remote.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(remote.filesGenerated()).isEqualTo(local.filesGenerated());
        assertThat(remote.agentsSpawned()).isEqualTo(local.agentsSpawned());
        assertThat(remote.phases()).extracting(PhaseResult::phase).containsExactlyElementsOf(
                local.phases().stream().map(PhaseResult::phase).toList());
        assertThat(remote.phases()).extracting(PhaseResult::status).containsOnly(PhaseStatus.COMPLETED);
        assertThat(remote.phases()).filteredOn(p -> p.phase() == Phase.GENERATE).extracting(PhaseResult::backend)
                .containsExactly(local.phases().stream().filter(p -> p.phase() == Phase.GENERATE).findFirst()
                        .orElseThrow().backend());
        assertThat(remote.coverage()).isEqualTo(local.coverage());
        assertThat(remote.validation()).isEqualTo(local.validation());
        assertThat(remote.notes()).containsExactlyElementsOf(local.notes().stream()
                .map(note -> note.replace(local.buildId(), remote.buildId())).toList());
        assertThat(remote.phases()).filteredOn(p -> p.phase() == Phase.VALIDATE_SPEC || p.phase() == Phase.PUBLISH)
                .hasSize(2).allSatisfy(p -> assertThat(p.durationMillis()).isNotNegative());
        Map<String, byte[]> localFiles = files(local.outputDirectory());
        Map<String, byte[]> remoteFiles = files(remote.outputDirectory());
        assertThat(remoteFiles.keySet()).containsExactlyElementsOf(localFiles.keySet()).isNotEmpty();
        localFiles.forEach((path, bytes) -> assertThat(remoteFiles.get(path)).as(path).isEqualTo(bytes));
        assertThat(Files.exists(remote.outputDirectory().resolve(".factory/metadata.json"))).isTrue();
        assertThat(Files.readString(remote.outputDirectory().resolve(".factory/metadata.json")))
                .contains(remote.buildId());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(json.readTree(remote.outputDirectory().resolve(".factory/metadata.json").toFile()).get("notes"))
                .isEqualTo(json.readTree(Files.readString(local.outputDirectory().resolve(".factory/metadata.json"))
                        .replace(local.buildId(), remote.buildId())).get("notes"));
    }

    /**
     * @return every file of a published project by path, except {@code .factory/metadata.json}, which holds the build
     *         id, the start time and the durations (different in any two builds, local or not)
     */
    static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String path = root.relativize(file).toString().replace('\\', '/');
                if (!path.equals(".factory/metadata.json")) {
                    files.put(path, Files.readAllBytes(file));
                }
            }
        }
        return files;
    }
}

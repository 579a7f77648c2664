package dev.thefactory.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code factory build --engine temporal --temporal-target in-process}: the in-process server and worker (without
 * the generated tests, for time; the todo build with them is compared byte for byte in factory-temporal).
 */
class TemporalBuildCommandTest {

    @TempDir
    Path dir;

    @Test
    void aBuildOnTheInProcessServerSucceedsAndPublishesTheProject() throws Exception {
        Cli.Result result = Cli.run("build", "--spec", "specs/example_todo_app.md", "--out",
                dir.resolve("out").toString(), "--state", dir.resolve("state").toString(), "--no-run-tests",
                "--require-features", "none",
                "--engine", "temporal", "--temporal-target", "in-process", "--json");

        assertThat(result.exitCode()).as("%s", result).isZero();
        JsonNode json = Json.MAPPER.readTree(result.out());
        assertThat(json.get("status").asText()).isEqualTo("SUCCEEDED");
        Path project = Path.of(json.get("outputDirectory").asText());
        assertThat(project).isEqualTo(dir.resolve("out").resolve("todo-app").toRealPath());
        assertThat(Files.readString(project.resolve(".factory/metadata.json")))
                .contains(json.get("buildId").asText());
        assertThat(json.get("filesGenerated").asInt()).isGreaterThan(20);
    }
}

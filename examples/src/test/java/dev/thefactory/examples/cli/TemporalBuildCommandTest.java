package dev.thefactory.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
                "--require-features", "none", "--events", dir.resolve("events.jsonl").toString(),
                "--engine", "temporal", "--temporal-target", "in-process", "--json");

        assertThat(result.exitCode()).as("%s", result).isZero();
        JsonNode json = Json.MAPPER.readTree(result.out());
        assertThat(json.get("status").asText()).isEqualTo("SUCCEEDED");
        Path project = Path.of(json.get("outputDirectory").asText());
        assertThat(project).isEqualTo(dir.resolve("out").resolve("todo-app").toRealPath());
        assertThat(Files.readString(project.resolve(".factory/metadata.json")))
                .contains(json.get("buildId").asText());
        assertThat(json.get("filesGenerated").asInt()).isGreaterThan(20);

        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("events.jsonl"))) {
            events.add(Json.MAPPER.readTree(line));
        }
        assertThat(events).allSatisfy(event -> assertThat(event.get("buildId").asText())
                .isEqualTo(json.get("buildId").asText()));
        assertThat(events.get(0).get("type").asText()).isEqualTo("BuildStarted");
        assertThat(events.get(events.size() - 1).get("type").asText()).isEqualTo("BuildFinished");
        assertThat(events.get(events.size() - 1).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(events).extracting(event -> event.get("type").asText()).contains("PhaseStarted",
                "PhaseCompleted", "AgentSpawned", "TaskCompleted");
        assertThat(events).filteredOn(event -> event.get("type").asText().equals("AgentSpawned"))
                .hasSize(json.get("agentsSpawned").asInt());
    }

    @Test
    void aRefusalBeforeAnyWorkExitsWithTheEnvironmentsCodeAsLocally() throws Exception {
        Path mine = dir.resolve("out").resolve("todo-app").resolve("MY_NOTES.txt");
        Files.createDirectories(mine.getParent());
        Files.writeString(mine, "mine\n");

        Cli.Result result = Cli.run("build", "--spec", "specs/example_todo_app.md", "--out",
                dir.resolve("out").toString(), "--state", dir.resolve("state").toString(), "--no-run-tests",
                "--engine", "temporal", "--temporal-target", "in-process");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(result.err()).contains("MY_NOTES.txt");
        assertThat(Files.readString(mine)).isEqualTo("mine\n");
    }
}

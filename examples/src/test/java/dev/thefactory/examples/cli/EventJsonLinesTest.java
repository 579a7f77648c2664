package dev.thefactory.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.event.AgentSpawned;
import dev.thefactory.api.event.BuildFinished;
import dev.thefactory.api.event.BuildStarted;
import dev.thefactory.api.event.ProgressUpdated;
import dev.thefactory.api.event.RetryScheduled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventJsonLinesTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05.678Z");

    @TempDir
    Path dir;

    @Test
    void writesTypeAndEveryRecordComponentOnOneLine() throws IOException {
        Path file = dir.resolve("sub/events.jsonl");
        try (EventJsonLines events = new EventJsonLines(file, Cli.MAPPER)) {
            events.onEvent(new BuildStarted("b-1", T, "Todo \"App\"\nv2", Mode.AUTO, null));
            events.onEvent(new RetryScheduled("b-1", T, Phase.GENERATE, "generate/code", 2, 3, 200, "I/O"));
            events.onEvent(new ProgressUpdated("b-1", T, Phase.GENERATE, 42.5, 3000));
            events.onEvent(new AgentSpawned("b-1", T, Phase.DESIGN, "design/feature/a", AgentRole.ARCHITECT,
                    "design/architecture"));
            events.onEvent(new BuildFinished("b-1", T, BuildStatus.SUCCEEDED, Path.of("/out/todo")));
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(5);
        JsonNode started = Cli.MAPPER.readTree(lines.get(0));
        assertThat(started.get("type").asText()).isEqualTo("BuildStarted");
        assertThat(started.get("buildId").asText()).isEqualTo("b-1");
        assertThat(started.get("time").asText()).isEqualTo("2026-01-02T03:04:05.678Z");
        assertThat(started.get("projectName").asText()).isEqualTo("Todo \"App\"\nv2");
        assertThat(started.get("mode").asText()).isEqualTo("AUTO");
        assertThat(started.get("resumedFrom").isNull()).isTrue();
        JsonNode retry = Cli.MAPPER.readTree(lines.get(1));
        assertThat(retry.get("phase").asText()).isEqualTo("GENERATE");
        assertThat(retry.get("task").asText()).isEqualTo("generate/code");
        assertThat(retry.get("attempt").asInt()).isEqualTo(2);
        assertThat(retry.get("delayMillis").asLong()).isEqualTo(200);
        JsonNode progress = Cli.MAPPER.readTree(lines.get(2));
        assertThat(progress.get("percent").asDouble()).isEqualTo(42.5);
        assertThat(progress.get("etaMillis").asLong()).isEqualTo(3000);
        assertThat(Cli.MAPPER.readTree(lines.get(3)).get("role").asText()).isEqualTo("ARCHITECT");
        assertThat(Cli.MAPPER.readTree(lines.get(4)).get("outputDirectory").asText())
                .isEqualTo(Path.of("/out/todo").toString());
    }

    @Test
    void concurrentEventsNeverInterleaveWithinALine() throws Exception {
        Path file = dir.resolve("events.jsonl");
        int threads = 4;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (EventJsonLines events = new EventJsonLines(file, Cli.MAPPER)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        events.onEvent(new ProgressUpdated("b-" + thread, T, Phase.GENERATE, i / 5.0, i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(threads * perThread);
        Set<String> seen = new HashSet<>();
        for (String line : lines) {
            JsonNode node = Cli.MAPPER.readTree(line);
            seen.add(node.get("buildId").asText() + "/" + node.get("etaMillis").asLong());
        }
        assertThat(seen).hasSize(threads * perThread);
    }

    @Test
    void aFileThatCannotBeCreatedIsAnEnvironmentError() throws IOException {
        Path blocker = Files.writeString(dir.resolve("file"), "x");

        assertThatThrownBy(() -> new EventJsonLines(blocker.resolve("events.jsonl"), Cli.MAPPER))
                .isInstanceOf(UnusableDirectoryException.class)
                .hasMessageContaining("--events directory")
                .hasMessageContaining("cannot be created");
        assertThat(ExitCodes.of(new UnusableDirectoryException("--events", blocker, "x", null))).isEqualTo(3);
    }
}

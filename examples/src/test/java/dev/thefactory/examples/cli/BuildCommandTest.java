package dev.thefactory.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thefactory.api.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code factory build} end to end, in-process, on the shipped example specs. */
class BuildCommandTest {

    private static final Set<String> PHASE_NAMES = Set.of(Stream.of(Phase.values()).map(Phase::name)
            .toArray(String[]::new));

    @TempDir
    Path dir;

    private Cli.Result build(String spec, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("build", "--spec", spec,
                "--out", dir.resolve("out").toString(), "--state", dir.resolve("state").toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"specs/example_todo_app.md", "specs/example_simple.md", "specs/example_library.md"})
    void buildsTheExampleSpecsAndPrintsTheResultAsOneJsonObject(String spec) {
        Cli.Result result = build(spec, "--json", "--require-features", "none");

        assertThat(result.exitCode()).as("%s", result).isZero();
        JsonNode json = result.json();
        assertThat(json.fieldNames()).toIterable().contains("buildId", "status", "mode", "outputDirectory",
                "filesGenerated", "agentsSpawned", "phases", "retries", "fallbacks", "resumedFrom", "tasksSkipped",
                "validation", "notes");
        assertThat(json.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(json.get("mode").asText()).isEqualTo("auto");
        assertThat(json.get("filesGenerated").asInt()).isPositive();
        assertThat(json.get("resumedFrom").isNull()).isTrue();
        Path published = Path.of(json.get("outputDirectory").asText());
        assertThat(published).isDirectory().startsWith(dir.resolve("out"));
        assertThat(published.resolve(".factory/metadata.json")).isRegularFile();
        assertThat(json.get("phases")).isNotEmpty().allSatisfy(p -> {
            assertThat(PHASE_NAMES).contains(p.get("name").asText());
            assertThat(p.get("status").asText()).isIn("COMPLETED", "SKIPPED");
            assertThat(p.get("backend").asText()).isNotBlank();
            assertThat(p.get("durationMillis").asLong()).isNotNegative();
        });
        assertThat(json.get("phases").get(json.get("phases").size() - 1).get("name").asText()).isEqualTo("PUBLISH");
        assertThat(result.err()).contains("Build complete");
    }

    @Test
    void humanSummaryAndProgressLines() {
        Cli.Result result = build("specs/example_todo_app.md");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.out()).contains("SUCCEEDED (mode auto)", "Published:", "Phases:", "PUBLISH");
        assertThat(result.err()).containsPattern("\\[ *\\d+%] [A-Z_]+ … ETA ").contains("Build complete");
    }

    @Test
    void aBuildWhoseCoreFeaturesNoBackendImplementedExits1PublishesNothingAndSaysHowToPublishAnyway() {
        // The minimal backend implements no feature, so the default policy (core) is never met in minimal mode.
        Cli.Result refused = build("specs/example_simple.md", "--mode", "minimal", "--json");

        assertThat(refused.exitCode()).as("%s", refused).isEqualTo(1);
        JsonNode json = refused.json();
        assertThat(json.get("status").asText()).isEqualTo("FAILED");
        assertThat(json.has("outputDirectory")).isFalse();
        assertThat(json.at("/error/type").asText()).isEqualTo("RequirementsNotMetException");
        assertThat(json.at("/error/recoveryOptions")).extracting(JsonNode::asText)
                .anySatisfy(o -> assertThat(o).contains("--require-features none"))
                .anySatisfy(o -> assertThat(o).contains("FACTORY_LLM_BASE_URL", "--mode auto"))
                .noneSatisfy(o -> assertThat(o).contains("Mode.AUTO"));
        JsonNode coverage = json.get("coverage");
        // Every requirement is NOT_IMPLEMENTED: the skeleton implements no feature and, having no test, proves no
        // tech-stack entry either (the ledger counts nothing without a passing generated test).
        List<JsonNode> features = new java.util.ArrayList<>();
        coverage.get("requirements").forEach(r -> {
            if (r.get("section").asText().equals("core") || r.get("section").asText().equals("extended")) {
                features.add(r);
            }
        });
        assertThat(features).as("the ledger is in the result of a refused build").hasSize(3)
                .allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("NOT_IMPLEMENTED"))
                .allSatisfy(r -> assertThat(r.get("reason").asText()).isNotBlank());
        assertThat(coverage.get("notImplemented").asInt()).isEqualTo(coverage.get("requirements").size());
        assertThat(coverage.at("/requirements/0/id").asText()).isEqualTo("core-1");
        assertThat(refused.err()).contains("core-1 \"", "NOT_IMPLEMENTED", "--require-features none");
        assertThat(dir.resolve("out")).as("the output directory the build created is removed: nothing was published")
                .doesNotExist();

        Cli.Result anyway = build("specs/example_simple.md", "--mode", "minimal", "--require-features", "none");

        assertThat(anyway.exitCode()).as("%s", anyway).isZero();
        assertThat(anyway.out()).contains("SUCCEEDED").containsPattern("Features: 0 of \\d+ implemented")
                .containsPattern("core-1 +NOT_IMPLEMENTED");
    }

    @Test
    void theTestTimeoutLimitsTheGeneratedTestsAndTheFailureSaysSo() {
        Cli.Result result = build("specs/example_todo_app.md", "--test-timeout", "1ms", "--json");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        // minimal implements no feature, so under the default policy it is not tried after simple failed
        assertThat(result.json().get("fallbacks")).isEmpty();
        assertThat(result.json().at("/error/message").asText())
                .contains("backend 'simple' failed in phase VALIDATE_OUTPUT")
                .contains("did not finish within the time limit of 1 ms");
        assertThat(result.err()).contains("raise the limit (--test-timeout");
    }

    @Test
    void theTaskTimeoutLimitsEachTaskAttempt() {
        Cli.Result result = build("specs/example_todo_app.md", "--task-timeout", "1ms", "--json");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.json().at("/error/message").asText()).contains("tried simple");
        // which task's failure ends the phase first varies (a timeout, or the circuit it opened); every attempt that
        // ran out of time is reported as it happens
        assertThat(result.err()).contains("ran past its time limit of 1 ms", "(--task-timeout)");
    }

    @Test
    void aBuildEveryBackendFailedOffersTheCommandLinesWayToAMinimalProject() {
        Cli.Result result = build("specs/example_todo_app.md", "--faults", "fail-backend=simple,fail-backend=minimal",
                "--json");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.json().at("/error/type").asText()).isEqualTo("BuildFailedException");
        assertThat(result.json().at("/error/recoveryOptions")).extracting(JsonNode::asText)
                .anySatisfy(o -> assertThat(o).startsWith("use --mode minimal --require-features none for a small "
                        + "but valid project"))
                .noneSatisfy(o -> assertThat(o).containsAnyOf("Mode.MINIMAL", "FeatureRequirement.NONE"));
    }

    @Test
    void integratedModeWithoutAnIntegratedBackendIsAnEnvironmentError() {
        Cli.Result result = build("specs/example_todo_app.md", "--mode", "integrated", "--json");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(result.err()).containsIgnoringCase("integrated").doesNotContain("\tat ");
        assertThat(result.json().get("error").get("type").asText()).isEqualTo("BackendUnavailableException");
        assertThat(result.json().at("/error/recoveryOptions")).extracting(JsonNode::asText)
                .anySatisfy(o -> assertThat(o).contains("plugins/", "FACTORY_LLM_BASE_URL"))
                .noneSatisfy(o -> assertThat(o).contains("class path"));
    }

    @Test
    void eventsFileHasOneJsonObjectPerLineWithTheRequiredKeys() throws IOException {
        Path events = dir.resolve("events.jsonl");
        Cli.Result result = build("specs/example_todo_app.md", "--events", events.toString());

        assertThat(result.exitCode()).as("%s", result).isZero();
        List<String> lines = Files.readAllLines(events);
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            JsonNode event = Cli.MAPPER.readTree(line);
            assertThat(event.get("type").asText()).as(line).isNotBlank();
            assertThat(event.get("buildId").asText()).as(line).isNotBlank();
            assertThat(java.time.Instant.parse(event.get("time").asText())).as(line).isNotNull();
            String type = event.get("type").asText();
            if (type.startsWith("Phase")) {
                assertThat(PHASE_NAMES).as(line).contains(event.get("phase").asText());
            }
            if (type.startsWith("Task")) {
                assertThat(event.get("task").asText()).as(line).isNotBlank();
            }
            if (type.equals("ProgressUpdated")) {
                assertThat(event.get("percent").asDouble()).as(line).isBetween(0.0, 100.0);
                assertThat(event.has("etaMillis")).as(line).isTrue();
            }
        }
        assertThat(lines.get(0)).contains("\"type\":\"BuildStarted\"");
        assertThat(lines.get(lines.size() - 1)).contains("\"type\":\"BuildFinished\"");
    }

    @Test
    void aFailingBackendFallsBackAndTheBuildStillSucceeds() {
        Cli.Result result = build("specs/example_todo_app.md", "--json", "--faults", "fail-backend=simple,seed=1",
                "--require-features", "none");

        assertThat(result.exitCode()).as("%s", result).isZero();
        JsonNode json = result.json();
        assertThat(json.get("fallbacks")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.get("from").asText()).isEqualTo("simple"));
        assertThat(result.err()).contains("Fallback to minimal: ", "Build complete (with fallback)");
    }

    @Test
    void transientFaultsAreRetried() {
        Cli.Result result = build("specs/example_todo_app.md", "--json", "--faults",
                "transient-rate=0.3,seed=42");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.json().get("retries").asInt()).isPositive();
        assertThat(result.err()).contains("Error detected: ", "Retrying (attempt 2/");
    }

    @Test
    void anInvalidSpecIsAnInputError() throws IOException {
        Path spec = Files.writeString(dir.resolve("bad.md"), "#\n\n## Type: mobile_game\n");

        Cli.Result result = build(spec.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.err()).contains("type: ").doesNotContain("\tat ");
    }

    @Test
    void aStateDirectoryThatCannotBeCreatedIsAnEnvironmentError() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");

        Cli.Result result = Cli.run("build", "--spec", "specs/example_todo_app.md", "--state",
                file.resolve("state").toString(), "--out", dir.resolve("out").toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(result.err()).contains("--state directory", "cannot be used", "Recovery options:")
                .doesNotContain("\tat ");
    }
}

package dev.thefactory.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Coverage;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.FallbackRecord;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.PhaseStatus;
import dev.thefactory.api.ValidationSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildReportTest {

    private static final BuildResult SUCCEEDED = new BuildResult("b-1", BuildStatus.SUCCEEDED, Mode.AUTO,
            Path.of("/tmp/out/todo-app"), 12, 9,
            List.of(new PhaseResult(Phase.VALIDATE_SPEC, PhaseStatus.COMPLETED, "core", 3),
                    new PhaseResult(Phase.GENERATE, PhaseStatus.COMPLETED, "minimal", 40)),
            2, List.of(new FallbackRecord(Phase.GENERATE, "simple", "minimal", "circuit open")), null, 0,
            new ValidationSummary(8, 4, 0), Coverage.EMPTY, List.of("grouped 30 features into 10 tasks"));

    private static final BuildResult FAILED = new BuildResult("b-2", BuildStatus.FAILED, Mode.STANDALONE, null, 0,
            3, List.of(new PhaseResult(Phase.ANALYZE, PhaseStatus.FAILED, "simple", 5)), 4, List.of(), Phase.ANALYZE,
            2, ValidationSummary.EMPTY, Coverage.EMPTY, List.of());

    @Test
    void jsonHasEveryKeyOfTheContract() {
        JsonNode json = BuildReport.toJson(Cli.MAPPER, SUCCEEDED, null);

        assertThat(json.fieldNames()).toIterable().containsExactly("buildId", "status", "mode", "outputDirectory",
                "filesGenerated", "agentsSpawned", "phases", "retries", "fallbacks", "resumedFrom", "tasksSkipped",
                "validation", "notes");
        assertThat(json.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(json.get("mode").asText()).isEqualTo("auto");
        assertThat(json.get("outputDirectory").asText()).isEqualTo(Path.of("/tmp/out/todo-app").toString());
        assertThat(json.get("phases").get(1).toString())
                .isEqualTo("{\"name\":\"GENERATE\",\"status\":\"COMPLETED\",\"backend\":\"minimal\","
                        + "\"durationMillis\":40}");
        assertThat(json.get("fallbacks").get(0).toString())
                .isEqualTo("{\"phase\":\"GENERATE\",\"from\":\"simple\",\"to\":\"minimal\",\"reason\":\"circuit open\"}");
        assertThat(json.get("resumedFrom").isNull()).isTrue();
        assertThat(json.get("validation").toString()).isEqualTo("{\"checked\":8,\"unchecked\":4,\"failed\":0}");
        assertThat(json.get("notes").get(0).asText()).isEqualTo("grouped 30 features into 10 tasks");
    }

    @Test
    void aFailedBuildHasNoOutputDirectoryAndAnErrorWithRecoveryOptions() {
        BuildFailedException error = new BuildFailedException("phase ANALYZE failed on every backend", null,
                new FactoryException.ErrorContext("b-2", Phase.ANALYZE, "analyze", "simple"), FAILED,
                Map.of("analyze", 3), List.of("simple", "minimal"), List.of("factory resume --build b-2"));

        JsonNode json = BuildReport.toJson(Cli.MAPPER, FAILED, error);

        assertThat(json.has("outputDirectory")).isFalse();
        assertThat(json.get("resumedFrom").asText()).isEqualTo("ANALYZE");
        assertThat(json.get("tasksSkipped").asInt()).isEqualTo(2);
        JsonNode e = json.get("error");
        assertThat(e.get("type").asText()).isEqualTo("BuildFailedException");
        assertThat(e.get("message").asText()).isEqualTo("phase ANALYZE failed on every backend");
        assertThat(e.get("recoveryOptions")).extracting(JsonNode::asText).containsExactly("factory resume --build b-2");
        assertThat(e.get("phase").asText()).isEqualTo("ANALYZE");
        assertThat(e.get("task").asText()).isEqualTo("analyze");
    }

    @Test
    void summaryShowsStatusPlacePhasesFallbacksAndNotes() {
        String summary = BuildReport.summary(SUCCEEDED);

        assertThat(summary).contains("Build b-1: SUCCEEDED (mode auto)",
                "Published:  " + Path.of("/tmp/out/todo-app"),
                "Files:      12 generated; validation: 8 checked, 4 unchecked, 0 failed",
                "Agents:     9 spawned", "Retries:    2",
                "  GENERATE: simple -> minimal (circuit open)", "  - grouped 30 features into 10 tasks")
                .containsPattern("  GENERATE +COMPLETED +minimal +40 ms");
        assertThat(BuildReport.summary(FAILED)).contains("Published:  nothing",
                "Resumed:    from ANALYZE, 2 finished tasks not redone", "Fallbacks:  none");
    }
}

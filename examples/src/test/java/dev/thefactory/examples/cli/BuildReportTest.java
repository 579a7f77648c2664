package dev.thefactory.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Coverage;
import dev.thefactory.api.Evidence;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.FallbackRecord;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.PhaseStatus;
import dev.thefactory.api.RepairRecord;
import dev.thefactory.api.RequirementOutcome;
import dev.thefactory.api.RequirementSection;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.api.RequirementsNotMetException;
import dev.thefactory.api.TestSummary;
import dev.thefactory.api.ValidationSummary;
import java.io.PrintWriter;
import java.io.StringWriter;
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
                "filesGenerated", "agentsSpawned", "phases", "retries", "usage", "repairs", "fallbacks", "resumedFrom",
                "tasksSkipped", "validation", "coverage", "notes");
        assertThat(json.get("repairs")).isEmpty();
        assertThat(json.get("usage").toString()).isEqualTo("{\"inputTokens\":0,\"outputTokens\":0,\"calls\":0}");
        assertThat(json.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(json.get("mode").asText()).isEqualTo("auto");
        assertThat(json.get("outputDirectory").asText()).isEqualTo(Path.of("/tmp/out/todo-app").toString());
        assertThat(json.get("phases").get(1).toString())
                .isEqualTo("{\"name\":\"GENERATE\",\"status\":\"COMPLETED\",\"backend\":\"minimal\","
                        + "\"durationMillis\":40,\"usage\":{\"inputTokens\":0,\"outputTokens\":0,\"calls\":0}}");
        assertThat(json.get("fallbacks").get(0).toString())
                .isEqualTo("{\"phase\":\"GENERATE\",\"from\":\"simple\",\"to\":\"minimal\",\"reason\":\"circuit open\"}");
        assertThat(json.get("resumedFrom").isNull()).isTrue();
        assertThat(json.get("validation").toString()).isEqualTo("{\"checked\":8,\"unchecked\":4,\"failed\":0,"
                + "\"tests\":{\"run\":0,\"passed\":0,\"failed\":0,\"skipped\":0}}");
        assertThat(json.get("coverage").toString()).isEqualTo("{\"implemented\":0,\"partial\":0,"
                + "\"notImplemented\":0,\"requirements\":[]}");
        assertThat(json.get("notes").get(0).asText()).isEqualTo("grouped 30 features into 10 tasks");
    }

    @Test
    void aFailedBuildHasNoOutputDirectoryAndAnErrorWithRecoveryOptions() {
        BuildFailedException error = new BuildFailedException("phase ANALYZE failed on every backend", null,
                new FactoryException.ErrorContext("b-2", Phase.ANALYZE, "analyze", "simple"), FAILED,
                Map.of("analyze", Map.of("simple", 3)), List.of("simple", "minimal"), List.of("factory resume --build b-2"));

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

    private static final Coverage LEDGER = new Coverage(List.of(
            new RequirementOutcome("core-1", RequirementSection.CORE, "Create todo items", RequirementStatus.IMPLEMENTED,
                    "simple", new Evidence(List.of("src/main/java/todo/Todos.java"),
                            List.of("todo.TodosTest#core1")), List.of(), null),
            new RequirementOutcome("core-2", RequirementSection.CORE, "Delete todo items (admins only)",
                    RequirementStatus.PARTIAL, "simple", new Evidence(List.of("src/main/java/todo/Todos.java"),
                            List.of()), List.of("admins only"), "anyone may delete"),
            new RequirementOutcome("extended-1", RequirementSection.EXTENDED, "Export to PDF",
                    RequirementStatus.NOT_IMPLEMENTED, null, Evidence.NONE, List.of(), "no backend claimed it"),
            new RequirementOutcome("tech-stack-1", RequirementSection.TECH_STACK, "Language: Java 17",
                    RequirementStatus.IMPLEMENTED, "simple", new Evidence(List.of("pom.xml"), List.of()), List.of(),
                    null)), "tech-stack-1");

    private static final BuildResult WITH_LEDGER = new BuildResult("b-3", BuildStatus.SUCCEEDED, Mode.AUTO,
            Path.of("/tmp/out/todo"), 10, 8, List.of(), 0, List.of(), null, 0,
            new ValidationSummary(8, 2, 0, new TestSummary(5, 4, 0, 1, null)), LEDGER, List.of());

    @Test
    void jsonHasTheLedgerAndTheGeneratedTests() {
        JsonNode json = BuildReport.toJson(Cli.MAPPER, WITH_LEDGER, null);

        assertThat(json.at("/validation/tests").toString())
                .isEqualTo("{\"run\":5,\"passed\":4,\"failed\":0,\"skipped\":1}");
        JsonNode coverage = json.get("coverage");
        assertThat(coverage.fieldNames()).toIterable().containsExactly("implemented", "partial", "notImplemented",
                "requirements");
        assertThat(coverage.get("implemented").asInt()).isEqualTo(2);
        assertThat(coverage.get("partial").asInt()).isEqualTo(1);
        assertThat(coverage.get("notImplemented").asInt()).isEqualTo(1);
        assertThat(coverage.at("/requirements/0").toString()).isEqualTo("{\"id\":\"core-1\",\"section\":\"core\","
                + "\"text\":\"Create todo items\",\"status\":\"IMPLEMENTED\",\"backend\":\"simple\","
                + "\"evidence\":{\"files\":[\"src/main/java/todo/Todos.java\"],\"tests\":[\"todo.TodosTest#core1\"]},"
                + "\"gaps\":[],\"reason\":null}");
        assertThat(coverage.at("/requirements/1/gaps/0").asText()).isEqualTo("admins only");
        assertThat(coverage.at("/requirements/2/backend").isNull()).isTrue();
        assertThat(coverage.at("/requirements/2/reason").asText()).isEqualTo("no backend claimed it");
        assertThat(coverage.at("/requirements/3/section").asText()).isEqualTo("techStack");
    }

    @Test
    void aBuildInterruptedInValidateOutputShowsThePhaseInterruptedAndWhyItsTestsDidNotRun() {
        BuildResult result = new BuildResult("b-5", BuildStatus.INTERRUPTED, Mode.STANDALONE, null, 3, 2,
                List.of(new PhaseResult(Phase.GENERATE, PhaseStatus.COMPLETED, "simple", 40),
                        new PhaseResult(Phase.VALIDATE_OUTPUT, PhaseStatus.INTERRUPTED, "core", 900)),
                0, List.of(), null, 0, new ValidationSummary(1, 0, 2,
                        TestSummary.unchecked("the build was interrupted before its tests could run")),
                Coverage.EMPTY, List.of());

        String summary = BuildReport.summary(result);

        assertThat(summary).contains("Build b-5: INTERRUPTED")
                .contains("Tests:      not run (the build was interrupted before its tests could run)")
                .containsPattern("  VALIDATE_OUTPUT +INTERRUPTED +core +900 ms")
                .containsPattern("  GENERATE +COMPLETED +simple +40 ms")
                .doesNotContain("failed validation");
        String generate = summary.lines().filter(l -> l.startsWith("  GENERATE ")).findFirst().orElseThrow();
        String validate = summary.lines().filter(l -> l.startsWith("  VALIDATE_OUTPUT ")).findFirst().orElseThrow();
        assertThat(validate.indexOf(" core")).as("the backends line up after the longest status, INTERRUPTED")
                .isEqualTo(generate.indexOf(" simple"));
    }

    @Test
    void testsThatWereNotRunSayWhyInJsonAndSummary() {
        BuildResult result = new BuildResult("b-4", BuildStatus.SUCCEEDED, Mode.AUTO, Path.of("/tmp/out/todo"), 1,
                1, List.of(), 0, List.of(), null, 0,
                new ValidationSummary(1, 0, 0, TestSummary.unchecked("running them was turned off")), Coverage.EMPTY,
                List.of());

        assertThat(BuildReport.toJson(Cli.MAPPER, result, null).at("/validation/tests/unchecked").asText())
                .isEqualTo("running them was turned off");
        assertThat(BuildReport.summary(result)).contains("Tests:      not run (running them was turned off)")
                .doesNotContain("Features:");
    }

    @Test
    void summaryCountsAndListsEveryRequirementWithTheGapsAndReasonsOfThoseNotImplemented() {
        String summary = BuildReport.summary(WITH_LEDGER);

        assertThat(summary).contains("Tests:      5 run: 4 passed, 0 failed, 1 skipped",
                "Features: 1 of 3 implemented, 1 partial, 1 not implemented",
                "Tech stack: 1 of 1 implemented, 0 partial, 0 not implemented")
                .containsPattern("  core-1 +IMPLEMENTED +Create todo items" + System.lineSeparator())
                .containsPattern("  core-2 +PARTIAL +Delete todo items \\(admins only\\) — not honoured: admins only "
                        + "— anyone may delete")
                .containsPattern("  extended-1 +NOT_IMPLEMENTED +Export to PDF — no backend claimed it")
                .containsPattern("  tech-stack-1 +IMPLEMENTED +Language: Java 17")
                .doesNotContain("Quality:");
        assertThat(summary.indexOf("Features:")).isLessThan(summary.indexOf("Tech stack:"));
    }

    @Test
    void aBuildRefusedByTheFeatureRequirementGetsTheCommandLineHintInItsError() {
        RequirementOutcome unmet = LEDGER.requirements().get(1);
        BuildResult failed = new BuildResult("b-5", BuildStatus.FAILED, Mode.AUTO, null, 10, 8, List.of(), 0,
                List.of(), null, 0, ValidationSummary.EMPTY, LEDGER, List.of());
        RequirementsNotMetException error = new RequirementsNotMetException("Build b-5 failed: not implemented:\n  "
                + "core-2 \"Delete todo items (admins only)\": PARTIAL — anyone may delete",
                new FactoryException.ErrorContext("b-5", Phase.VALIDATE_OUTPUT, null, "simple"), failed,
                FeatureRequirement.CORE, List.of(unmet), List.of("simple", "minimal"),
                List.of("publish anyway with FeatureRequirement.NONE (Factory.Builder.requireFeatures)"));

        JsonNode json = BuildReport.toJson(Cli.MAPPER, failed, error);

        assertThat(json.at("/error/type").asText()).isEqualTo("RequirementsNotMetException");
        assertThat(json.at("/error/recoveryOptions")).extracting(JsonNode::asText)
                .as("the command line's option replaces the library's, not beside it").singleElement()
                .satisfies(o -> assertThat(o).contains("--require-features none"));
        assertThat(json.at("/coverage/partial").asInt()).as("the ledger is in the result on failure too")
                .isEqualTo(1);
        assertThat(ExitCodes.of(error)).isEqualTo(ExitCodes.BUILD_FAILED);
        StringWriter err = new StringWriter();
        ErrorHandler.report(error, new PrintWriter(err), false);
        assertThat(err.toString()).contains("core-2 \"Delete todo items (admins only)\": PARTIAL — anyone may delete",
                "Recovery options:", "--require-features none").doesNotContain("FeatureRequirement.NONE");
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

    @Test
    void aFailedBuildSaysWhoseOutputItsLedgerDescribesWhenThePhasesEndOnAnotherBackend() {
        List<PhaseResult> phases = List.of(new PhaseResult(Phase.GENERATE, PhaseStatus.COMPLETED, "minimal", 40),
                new PhaseResult(Phase.VALIDATE_OUTPUT, PhaseStatus.FAILED, "core", 900));
        BuildResult failed = new BuildResult("b-6", BuildStatus.FAILED, Mode.AUTO, null, 10, 8, phases, 0,
                List.of(), null, 0, ValidationSummary.EMPTY, LEDGER, List.of());

        assertThat(BuildReport.summary(failed)).contains("Ledger:     of backend simple's output, which was refused");
        List<PhaseResult> sameBackend = List.of(new PhaseResult(Phase.GENERATE, PhaseStatus.COMPLETED, "simple", 40));
        assertThat(BuildReport.summary(new BuildResult("b-7", BuildStatus.FAILED, Mode.AUTO, null, 10, 8, sameBackend,
                0, List.of(), null, 0, ValidationSummary.EMPTY, LEDGER, List.of()))).doesNotContain("Ledger:");
        assertThat(BuildReport.summary(WITH_LEDGER)).as("a published build's ledger is its own").doesNotContain(
                "Ledger:");
    }

    @Test
    void anOutputConflictsRecoveryOptionsNameTheCommandLineFlagsNotTheBuilderMethods() {
        List<String> options = ErrorHandler.recoveryOptions(new dev.thefactory.api.OutputConflictException(
                Path.of("out/demo"), "b-9", List.of("added: notes.txt"), null));

        assertThat(options).noneSatisfy(o -> assertThat(o).contains("Factory.Builder"))
                .anySatisfy(o -> assertThat(o).startsWith("run again with --overwrite: the old tree is moved to ")
                        .contains(".trash"))
                .anySatisfy(o -> assertThat(o).contains("another output directory (--out DIR)"));
        assertThat(options.stream().filter(o -> o.contains("--overwrite"))).hasSize(1);
    }

    @Test
    void repairRoundsAreInTheJsonAndTheSummary() {
        BuildResult repaired = WITH_LEDGER.withRepairs(List.of(
                new RepairRecord(1, "llm", 3, 1, 2, RepairRecord.Outcome.STILL_FAILING, ""),
                new RepairRecord(2, "llm", 2, 1, 0, RepairRecord.Outcome.REPAIRED, "")));

        JsonNode json = BuildReport.toJson(Cli.MAPPER, repaired, null);

        assertThat(json.get("repairs").get(0).toString()).isEqualTo("{\"round\":1,\"backend\":\"llm\","
                + "\"diagnostics\":3,\"files\":1,\"remaining\":2,\"outcome\":\"STILL_FAILING\",\"detail\":\"\"}");
        assertThat(json.get("repairs").get(1).get("outcome").asText()).isEqualTo("REPAIRED");
        assertThat(BuildReport.summary(repaired)).contains(
                "Repair:     round 1 on llm: 3 diagnostics, 1 file replaced, 2 problems left",
                "Repair:     round 2 on llm: 2 diagnostics, 1 file replaced, repaired");
    }
}

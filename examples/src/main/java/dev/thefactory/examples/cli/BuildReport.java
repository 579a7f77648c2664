package dev.thefactory.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Coverage;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.FallbackRecord;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.RepairRecord;
import dev.thefactory.api.RequirementOutcome;
import dev.thefactory.api.RequirementSection;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.api.TestSummary;
import dev.thefactory.api.Usage;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Renders a {@link BuildResult} for programs (the JSON object of {@code build --json} and {@code resume --json})
 * and for people (a summary). Stateless.
 */
final class BuildReport {

    private BuildReport() {
    }

    /**
     * The result as the CLI contract describes it: {@code buildId}, {@code status}, {@code mode},
     * {@code outputDirectory} (only when published), {@code filesGenerated}, {@code agentsSpawned},
     * {@code phases[{name, status, backend, durationMillis}]}, {@code retries}, {@code fallbacks[{phase, from, to,
     * reason}]}, {@code resumedFrom}, {@code tasksSkipped}, {@code validation{checked, unchecked, failed, tests{run,
     * passed, failed, skipped, unchecked (only when they were not run)}}}, {@code coverage} (see
     * {@link #coverageJson}), {@code notes}, {@code usage{inputTokens, outputTokens, calls}} (model usage summed over
     * the build; zeros when no model was called) and, when {@code error} is not null, {@code error{type, message,
     * recoveryOptions}}. Phase names are the {@link dev.thefactory.api.Phase} constants' names; the mode is its
     * command-line id.
     *
     * @param mapper creates the nodes
     * @param result the result
     * @param error  why the build failed; null when it did not
     * @return the JSON object
     */
    static ObjectNode toJson(ObjectMapper mapper, BuildResult result, FactoryException error) {
        ObjectNode json = mapper.createObjectNode();
        json.put("buildId", result.buildId());
        json.put("status", result.status().name());
        json.put("mode", result.mode().id());
        if (result.outputDirectory() != null) {
            json.put("outputDirectory", result.outputDirectory().toAbsolutePath().toString());
        }
        json.put("filesGenerated", result.filesGenerated());
        json.put("agentsSpawned", result.agentsSpawned());
        ArrayNode phases = json.putArray("phases");
        for (PhaseResult phase : result.phases()) {
            usage(phases.addObject()
                    .put("name", phase.phase().name())
                    .put("status", phase.status().name())
                    .put("backend", phase.backend())
                    .put("durationMillis", phase.durationMillis()), phase.usage());
        }
        json.put("retries", result.retries());
        usage(json, result.usage());
        ArrayNode repairs = json.putArray("repairs");
        for (RepairRecord repair : result.repairs()) {
            repairs.addObject()
                    .put("round", repair.round())
                    .put("backend", repair.backend())
                    .put("diagnostics", repair.diagnostics())
                    .put("files", repair.files())
                    .put("remaining", repair.remaining())
                    .put("outcome", repair.outcome().name())
                    .put("detail", repair.detail());
        }
        ArrayNode fallbacks = json.putArray("fallbacks");
        for (FallbackRecord fallback : result.fallbacks()) {
            fallbacks.addObject()
                    .put("phase", fallback.phase().name())
                    .put("from", fallback.from())
                    .put("to", fallback.to())
                    .put("reason", fallback.reason());
        }
        if (result.resumedFrom() == null) {
            json.putNull("resumedFrom");
        } else {
            json.put("resumedFrom", result.resumedFrom().name());
        }
        json.put("tasksSkipped", result.tasksSkipped());
        ObjectNode validation = json.putObject("validation")
                .put("checked", result.validation().checked())
                .put("unchecked", result.validation().unchecked())
                .put("failed", result.validation().failed());
        TestSummary tests = result.validation().tests();
        ObjectNode testsJson = validation.putObject("tests")
                .put("run", tests.run())
                .put("passed", tests.passed())
                .put("failed", tests.failed())
                .put("skipped", tests.skipped());
        if (tests.unchecked() != null) {
            testsJson.put("unchecked", tests.unchecked());
        }
        json.set("coverage", coverageJson(mapper, result.coverage()));
        ArrayNode notes = json.putArray("notes");
        result.notes().stream().map(ErrorHandler::forCommandLine).forEach(notes::add);
        if (error != null) {
            json.set("error", errorJson(mapper, error));
        }
        return json;
    }

    /** Puts {@code usage: {inputTokens, outputTokens, calls}} into an object. */
    private static ObjectNode usage(ObjectNode json, Usage usage) {
        json.putObject("usage")
                .put("inputTokens", usage.inputTokens())
                .put("outputTokens", usage.outputTokens())
                .put("calls", usage.calls());
        return json;
    }

    /**
     * @param mapper   creates the nodes
     * @param coverage the requirement ledger
     * @return {@code {implemented, partial, notImplemented, requirements: [{id, section, text, status, backend,
     *         evidence: {files, tests}, gaps, reason}]}}, {@code section} as its key ({@code techStack}),
     *         {@code backend} and {@code reason} null where there is none
     */
    static ObjectNode coverageJson(ObjectMapper mapper, Coverage coverage) {
        ObjectNode json = mapper.createObjectNode()
                .put("implemented", coverage.implemented())
                .put("partial", coverage.partial())
                .put("notImplemented", coverage.notImplemented());
        ArrayNode requirements = json.putArray("requirements");
        for (RequirementOutcome outcome : coverage.requirements()) {
            ObjectNode requirement = requirements.addObject()
                    .put("id", outcome.id())
                    .put("section", outcome.section().key())
                    .put("text", outcome.text())
                    .put("status", outcome.status().name())
                    .put("backend", outcome.backend());
            ObjectNode evidence = requirement.putObject("evidence");
            ArrayNode files = evidence.putArray("files");
            outcome.evidence().files().forEach(files::add);
            ArrayNode tests = evidence.putArray("tests");
            outcome.evidence().tests().forEach(tests::add);
            ArrayNode gaps = requirement.putArray("gaps");
            outcome.gaps().forEach(gaps::add);
            requirement.put("reason", outcome.reason());
        }
        return json;
    }

    /**
     * @param mapper creates the node
     * @param error  an error
     * @return {@code {type, message, recoveryOptions}}, plus {@code buildId}, {@code phase}, {@code task} and
     *         {@code backend} where the error names them
     */
    static ObjectNode errorJson(ObjectMapper mapper, Throwable error) {
        ObjectNode json = mapper.createObjectNode();
        json.put("type", error.getClass().getSimpleName());
        json.put("message", String.valueOf(error.getMessage()));
        ArrayNode options = json.putArray("recoveryOptions");
        ErrorHandler.recoveryOptions(error).forEach(options::add);
        if (error instanceof FactoryException fe) {
            fe.buildId().ifPresent(id -> json.put("buildId", id));
            fe.phase().ifPresent(phase -> json.put("phase", phase.name()));
            fe.taskId().ifPresent(task -> json.put("task", task));
            fe.backend().ifPresent(backend -> json.put("backend", backend));
        }
        return json;
    }

    /**
     * @param result the result
     * @return a summary for people, several lines, each ending with a line separator
     */
    static String summary(BuildResult result) {
        StringBuilder s = new StringBuilder();
        line(s, "Build %s: %s (mode %s)", result.buildId(), result.status().name(), result.mode().id());
        Path published = result.outputDirectory();
        line(s, "Published:  %s", published != null ? published.toAbsolutePath().toString()
                : result.status() == BuildStatus.SUCCEEDED ? "(nowhere)" : "nothing (nothing is published"
                        + " unless the whole build passes)");
        line(s, "Files:      %d generated; validation: %d checked, %d unchecked, %d failed",
                result.filesGenerated(), result.validation().checked(), result.validation().unchecked(),
                result.validation().failed());
        TestSummary tests = result.validation().tests();
        if (tests.unchecked() != null) {
            line(s, "Tests:      not run (%s)", tests.unchecked());
        } else if (tests.run() > 0) {
            line(s, "Tests:      %d run: %d passed, %d failed, %d skipped", tests.run(), tests.passed(),
                    tests.failed(), tests.skipped());
        }
        if (result.status() != BuildStatus.SUCCEEDED) {
            ledgerSource(result).ifPresent(backend -> line(s, "Ledger:     of backend %s's output, which was refused;"
                    + " the phases below end on the last backend tried", backend));
        }
        coverage(s, result.coverage());
        line(s, "Agents:     %d spawned", result.agentsSpawned());
        if (!result.usage().equals(Usage.NONE)) {
            line(s, "Usage:      %d model call%s, %d input tokens, %d output tokens", result.usage().calls(),
                    result.usage().calls() == 1 ? "" : "s", result.usage().inputTokens(),
                    result.usage().outputTokens());
        }
        if (result.resumedFrom() != null) {
            line(s, "Resumed:    from %s, %d finished task%s not redone", result.resumedFrom().name(),
                    result.tasksSkipped(), result.tasksSkipped() == 1 ? "" : "s");
        }
        line(s, "Retries:    %d", result.retries());
        line(s, "Phases:");
        int width = result.phases().stream().mapToInt(p -> p.backend().length()).max().orElse(0);
        for (PhaseResult phase : result.phases()) {
            line(s, "  %-16s %-11s %-" + Math.max(width, 1) + "s %7d ms", phase.phase().name(), phase.status().name(),
                    phase.backend(), phase.durationMillis());
        }
        for (RepairRecord repair : result.repairs()) {
            line(s, "Repair:     round %d on %s: %d diagnostic%s, %d file%s replaced, %s", repair.round(),
                    repair.backend(), repair.diagnostics(), repair.diagnostics() == 1 ? "" : "s", repair.files(),
                    repair.files() == 1 ? "" : "s", switch (repair.outcome()) {
                        case REPAIRED -> "repaired";
                        case STILL_FAILING -> repair.remaining() + " problem" + (repair.remaining() == 1 ? "" : "s")
                                + " left";
                        case TASK_FAILED -> "the repair task failed: " + repair.detail();
                    });
        }
        List<FallbackRecord> fallbacks = result.fallbacks();
        if (fallbacks.isEmpty()) {
            line(s, "Fallbacks:  none");
        } else {
            line(s, "Fallbacks:");
            for (FallbackRecord f : fallbacks) {
                line(s, "  %s: %s -> %s (%s)", f.phase().name(), f.from(), f.to(), f.reason());
            }
        }
        if (!result.notes().isEmpty()) {
            line(s, "Notes:");
            result.notes().forEach(note -> line(s, "  - %s", ErrorHandler.forCommandLine(note)));
        }
        return s.toString();
    }

    /**
     * @return the backend whose claims the ledger of a failed build holds, when it is not the backend of the last
     *         GENERATE phase (the cascade went on after refusing it)
     */
    private static Optional<String> ledgerSource(BuildResult result) {
        List<String> backends = result.coverage().requirements().stream().map(RequirementOutcome::backend)
                .filter(Objects::nonNull).distinct().toList();
        if (backends.size() != 1) {
            return Optional.empty();
        }
        String last = result.phases().stream().filter(p -> p.phase() == Phase.GENERATE)
                .map(PhaseResult::backend).reduce((a, b) -> b).orElse(null);
        return backends.get(0).equals(last) ? Optional.empty() : Optional.of(backends.get(0));
    }

    /** Features (core and extended together), then each other section of the ledger that has requirements. */
    private static void coverage(StringBuilder s, Coverage coverage) {
        List<RequirementOutcome> features = coverage.requirements().stream()
                .filter(r -> r.section() == RequirementSection.CORE || r.section() == RequirementSection.EXTENDED)
                .toList();
        group(s, "Features:", features);
        group(s, "Tech stack:", coverage.section(RequirementSection.TECH_STACK));
        group(s, "Quality:", coverage.section(RequirementSection.QUALITY));
        group(s, "Architecture:", coverage.section(RequirementSection.ARCHITECTURE));
        group(s, "Technical:", coverage.section(RequirementSection.TECHNICAL));
        group(s, "Output:", coverage.section(RequirementSection.OUTPUT));
    }

    private static void group(StringBuilder s, String title, List<RequirementOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        long implemented = outcomes.stream().filter(r -> r.status() == RequirementStatus.IMPLEMENTED).count();
        long partial = outcomes.stream().filter(r -> r.status() == RequirementStatus.PARTIAL).count();
        long missing = outcomes.stream().filter(r -> r.status() == RequirementStatus.NOT_IMPLEMENTED).count();
        line(s, "%s %d of %d implemented, %d partial, %d not implemented", title, implemented, outcomes.size(),
                partial, missing);
        int width = outcomes.stream().mapToInt(r -> r.id().length()).max().orElse(1);
        for (RequirementOutcome r : outcomes) {
            StringBuilder entry = new StringBuilder(r.text());
            if (r.status() == RequirementStatus.PARTIAL && !r.gaps().isEmpty()) {
                entry.append(" — not honoured: ").append(String.join(", ", r.gaps()));
            }
            if (r.status() != RequirementStatus.IMPLEMENTED && r.reason() != null) {
                entry.append(" — ").append(r.reason());
            }
            line(s, "  %-" + width + "s  %-15s  %s", r.id(), r.status().name(), entry);
        }
    }

    private static void line(StringBuilder s, String format, Object... args) {
        s.append(String.format(format, args)).append(System.lineSeparator());
    }
}

package dev.thefactory.api;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a build did. Returned by a successful run; carried by {@link BuildFailedException} when it failed.
 * Immutable and thread-safe.
 *
 * <p>A fact that may be absent is a component that is null when absent ({@link #outputDirectory()},
 * {@link #resumedFrom()}); there is no {@code Optional} twin.
 *
 * @param buildId         the id to resume with
 * @param status          how it ended
 * @param mode            the mode asked for; {@link #phases()} says which backend actually ran each phase
 * @param outputDirectory where the project was published; null when nothing was published
 * @param filesGenerated  files in the published (or staged) project
 * @param agentsSpawned   agents that ran
 * @param phases          every phase that started, in order
 * @param retries         retry attempts made in all
 * @param fallbacks       every fallback, in order
 * @param resumedFrom     the phase a resume started at; null when the build was not resumed
 * @param tasksSkipped    finished tasks a resume did not redo
 * @param validation      output validation counts and the generated tests that were run
 * @param coverage        the requirement ledger: what became of every requirement of the spec;
 *                        {@link Coverage#EMPTY} when the build never got as far as planning
 * @param notes           things the user should know although the build succeeded: work grouped to fit the
 *                        agent budget, content that was not compile-checked, and the like
 * @param usage           model usage summed over every task of every backend tried (including what a resumed
 *                        build spent before); {@link Usage#NONE} when no model was called
 * @param repairs         every repair round of {@code VALIDATE_OUTPUT}, in order, on every backend tried; empty when
 *                        no backend was asked to repair
 * @param circuits        the last known state of the circuit breaker of each backend that ran a task attempt in this
 *                        run, by backend id (sorted); empty when no task attempt ran
 */
public record BuildResult(
        String buildId,
        BuildStatus status,
        Mode mode,
        Path outputDirectory,
        int filesGenerated,
        int agentsSpawned,
        List<PhaseResult> phases,
        int retries,
        List<FallbackRecord> fallbacks,
        Phase resumedFrom,
        int tasksSkipped,
        ValidationSummary validation,
        Coverage coverage,
        List<String> notes,
        Usage usage,
        List<RepairRecord> repairs,
        Map<String, CircuitState> circuits) {

    /** @throws NullPointerException if a required component is null */
    public BuildResult {
        usage = usage == null ? Usage.NONE : usage;
        repairs = repairs == null ? List.of() : List.copyOf(repairs);
        circuits = circuits == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(circuits));
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mode, "mode");
        phases = List.copyOf(phases);
        fallbacks = List.copyOf(fallbacks);
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(coverage, "coverage");
        notes = List.copyOf(notes);
    }

    /**
     * A result without circuit states.
     *
     * @param buildId         the id to resume with
     * @param status          how it ended
     * @param mode            the mode asked for
     * @param outputDirectory where the project was published; null when nothing was published
     * @param filesGenerated  files in the published (or staged) project
     * @param agentsSpawned   agents that ran
     * @param phases          every phase that started, in order
     * @param retries         retry attempts made in all
     * @param fallbacks       every fallback, in order
     * @param resumedFrom     the phase a resume started at; null when the build was not resumed
     * @param tasksSkipped    finished tasks a resume did not redo
     * @param validation      output validation counts
     * @param coverage        the requirement ledger
     * @param notes           things the user should know
     * @param usage           model usage summed over the build
     * @param repairs         every repair round, in order
     */
    public BuildResult(String buildId, BuildStatus status, Mode mode, Path outputDirectory, int filesGenerated,
            int agentsSpawned, List<PhaseResult> phases, int retries, List<FallbackRecord> fallbacks,
            Phase resumedFrom, int tasksSkipped, ValidationSummary validation, Coverage coverage,
            List<String> notes, Usage usage, List<RepairRecord> repairs) {
        this(buildId, status, mode, outputDirectory, filesGenerated, agentsSpawned, phases, retries, fallbacks,
                resumedFrom, tasksSkipped, validation, coverage, notes, usage, repairs, Map.of());
    }

    /**
     * A result without repair rounds.
     *
     * @param buildId         the id to resume with
     * @param status          how it ended
     * @param mode            the mode asked for
     * @param outputDirectory where the project was published; null when nothing was published
     * @param filesGenerated  files in the published (or staged) project
     * @param agentsSpawned   agents that ran
     * @param phases          every phase that started, in order
     * @param retries         retry attempts made in all
     * @param fallbacks       every fallback, in order
     * @param resumedFrom     the phase a resume started at; null when the build was not resumed
     * @param tasksSkipped    finished tasks a resume did not redo
     * @param validation      output validation counts
     * @param coverage        the requirement ledger
     * @param notes           things the user should know
     * @param usage           model usage summed over the build
     */
    public BuildResult(String buildId, BuildStatus status, Mode mode, Path outputDirectory, int filesGenerated,
            int agentsSpawned, List<PhaseResult> phases, int retries, List<FallbackRecord> fallbacks,
            Phase resumedFrom, int tasksSkipped, ValidationSummary validation, Coverage coverage,
            List<String> notes, Usage usage) {
        this(buildId, status, mode, outputDirectory, filesGenerated, agentsSpawned, phases, retries, fallbacks,
                resumedFrom, tasksSkipped, validation, coverage, notes, usage, List.of());
    }

    /**
     * A result of a build that called no model ({@link Usage#NONE}).
     *
     * @param buildId         the id to resume with
     * @param status          how it ended
     * @param mode            the mode asked for
     * @param outputDirectory where the project was published; null when nothing was published
     * @param filesGenerated  files in the published (or staged) project
     * @param agentsSpawned   agents that ran
     * @param phases          every phase that started, in order
     * @param retries         retry attempts made in all
     * @param fallbacks       every fallback, in order
     * @param resumedFrom     the phase a resume started at; null when the build was not resumed
     * @param tasksSkipped    finished tasks a resume did not redo
     * @param validation      output validation counts
     * @param coverage        the requirement ledger
     * @param notes           things the user should know
     */
    public BuildResult(String buildId, BuildStatus status, Mode mode, Path outputDirectory, int filesGenerated,
            int agentsSpawned, List<PhaseResult> phases, int retries, List<FallbackRecord> fallbacks,
            Phase resumedFrom, int tasksSkipped, ValidationSummary validation, Coverage coverage,
            List<String> notes) {
        this(buildId, status, mode, outputDirectory, filesGenerated, agentsSpawned, phases, retries, fallbacks,
                resumedFrom, tasksSkipped, validation, coverage, notes, Usage.NONE);
    }

    /**
     * @param rounds the repair rounds of the build, in order
     * @return a copy of this result with those repair rounds (replacing any it had)
     */
    public BuildResult withRepairs(List<RepairRecord> rounds) {
        return new BuildResult(buildId, status, mode, outputDirectory, filesGenerated, agentsSpawned, phases, retries,
                fallbacks, resumedFrom, tasksSkipped, validation, coverage, notes, usage, rounds, circuits);
    }

    /**
     * A copy with the given circuit states.
     *
     * @param states the last known circuit state per backend id
     * @return a copy of this result with those circuit states (replacing any it had)
     */
    public BuildResult withCircuits(Map<String, CircuitState> states) {
        return new BuildResult(buildId, status, mode, outputDirectory, filesGenerated, agentsSpawned, phases, retries,
                fallbacks, resumedFrom, tasksSkipped, validation, coverage, notes, usage, repairs, states);
    }
}

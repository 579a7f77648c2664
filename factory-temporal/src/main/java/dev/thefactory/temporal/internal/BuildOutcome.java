package dev.thefactory.temporal.internal;

import dev.thefactory.api.Coverage;
import dev.thefactory.api.FallbackRecord;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.Usage;
import dev.thefactory.api.ValidationSummary;
import java.util.List;
import java.util.Map;

/**
 * The result of a build workflow, from which the client makes the same {@code BuildResult} the local engine returns.
 *
 * @param buildId         the build
 * @param status          the build status's name
 * @param mode            the mode's name
 * @param published       the published directory, or null
 * @param files           files published or staged
 * @param agents          agents spawned
 * @param phases          every phase, in order
 * @param retries         retry attempts made
 * @param fallbacks       every fallback
 * @param validation      the validation counts
 * @param coverage        the ledger, or null
 * @param notes           the build's notes
 * @param usage           model usage
 * @param failure         why the build failed, or null
 * @param failedPhase     the phase that failed last, or null
 * @param failedTask      the task that failed last, or null
 * @param backendsTried   the backends tried, in order
 * @param attemptsPerTask attempts of the failed tasks: task id, then backend id, to attempts
 * @param repairs         every repair round of {@code VALIDATE_OUTPUT}, in order, on every backend tried
 */
public record BuildOutcome(String buildId, String status, String mode, String published, int files, int agents,
        List<PhaseResult> phases, int retries, List<FallbackRecord> fallbacks, ValidationSummary validation,
        Coverage coverage, List<String> notes, Usage usage, String failure, String failedPhase, String failedTask,
        List<String> backendsTried, Map<String, Map<String, Integer>> attemptsPerTask,
        List<dev.thefactory.api.RepairRecord> repairs) {
}

package dev.thefactory.temporal.internal;

import dev.thefactory.api.FallbackRecord;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.internal.engine.BuildState.TaskRecord;
import java.util.List;
import java.util.Map;

/**
 * What the finish activity needs to validate a backend's staged output and publish it.
 *
 * @param backendId the backend whose output it is
 * @param tasks     its finished tasks, sorted by id
 * @param owners    which task staged each path
 * @param phases    the phases that ended so far
 * @param agents    agents spawned, on every backend tried
 * @param retries   retry attempts made
 * @param fallbacks every fallback
 * @param notes     the build's notes so far
 * @param usage     the model usage so far
 * @param prepared  what the prepare activity found
 * @param taskNotes the notes of the backend's tasks
 * @param facts     the facts the backend's tasks published, which a repair agent sees
 * @param repairs   the repair rounds of the backends tried before, in order (null in older histories)
 */
public record FinishInput(String backendId, List<TaskRecord> tasks, Map<String, String> owners,
        List<PhaseResult> phases, int agents, int retries, List<FallbackRecord> fallbacks, List<String> notes,
        dev.thefactory.api.Usage usage, Prepared prepared, List<String> taskNotes, Map<String, String> facts,
        List<dev.thefactory.api.RepairRecord> repairs) {
}

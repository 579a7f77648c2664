package dev.thefactory.internal.engine;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a phase produced on one backend. Immutable.
 *
 * @param tasks        every finished task of the phase (children included), sorted by id
 * @param facts        the facts they published, merged in task-id order (a later id wins), sorted by key
 * @param plannedFiles the normalized paths they planned, in task-id order
 * @param notes        their notes, in task-id order
 * @param reusedTasks  tasks taken over from the checkpoint of a resumed build instead of run
 * @param ranTasks     tasks that ran (children included)
 * @param resumeNotes  why checkpointed tasks had to run again; empty when none did
 */
record PhaseOutput(List<BuildState.TaskRecord> tasks, Map<String, String> facts, List<String> plannedFiles,
        List<String> notes, int reusedTasks, int ranTasks, List<String> resumeNotes) {

    PhaseOutput {
        tasks = List.copyOf(tasks);
        facts = Collections.unmodifiableMap(new TreeMap<>(facts));
        plannedFiles = List.copyOf(plannedFiles);
        notes = List.copyOf(notes);
        resumeNotes = List.copyOf(resumeNotes);
    }
}

package dev.thefactory.internal.engine;

import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.Phase;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.internal.backend.BackendCascade;
import dev.thefactory.internal.engine.BuildState.TaskRecord;
import dev.thefactory.internal.output.StagingArea;
import dev.thefactory.internal.plan.BuildPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a resumed build can take over from its checkpoints: it announces the resume (with the checkpoints'
 * notes, and a note when the spec changed since them), picks the backend the build continues on (the one that ran the
 * checkpointed phases, or the first of the cascade, from {@code ANALYZE} with an empty staging area, when that one is
 * no longer available), checks every staged file of every checkpointed task against its SHA-256 (a task whose files
 * are missing or changed runs again, and a note says so; staged files no checkpointed task accounts for are removed)
 * and says which phases the verified tasks cover, so they are skipped.
 *
 * <p>For a fresh build (no resume point) it takes nothing over. Used by the build thread only.
 */
final class ResumeVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(ResumeVerifier.class);

    private final BuildRecord record;
    private final ResumePoint resume;
    private final EngineConfig config;
    /** Checkpointed tasks whose staged files were verified; consumed by the first backend run. */
    private Map<String, TaskRecord> reusable = Map.of();

    /**
     * @param record the run's ledger, which gets the notes
     * @param resume where the build continues, or null for a fresh build
     * @param config the build's configuration
     */
    ResumeVerifier(BuildRecord record, ResumePoint resume, EngineConfig config) {
        this.record = Objects.requireNonNull(record, "record");
        this.resume = resume;
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Logs the resume and records the checkpoints' notes, and a note when the spec changed since the checkpoint (a
     * forced resume).
     *
     * @param spec     the spec the build runs with
     * @param specHash its SHA-256
     */
    void announce(ProjectSpec spec, String specHash) {
        String buildId = record.buildId();
        LOG.info("[build {}] resumed at {} after checkpoint {} (phase {} on {}): project '{}', mode {}, output "
                + "directory {}", buildId, record.resumedFrom(), resume.baseSequence(), resume.lastPhase(),
                resume.backend(), spec.name(), config.mode(), config.outputDirectory());
        for (String note : resume.notes()) {
            record.notes.add(note);
            LOG.warn("[build {}] {}", buildId, note);
            record.events().notice(null, note);
        }
        if (!resume.specHash().equals(specHash)) {
            String note = "Resumed with a spec that changed since the checkpoint (forced): finished work of the "
                    + "old spec was kept";
            record.notes.add(note);
            record.events().notice(null, note);
        }
    }

    /**
     * Decides where a resumed build continues: the index of the checkpoint's backend in the cascade, whose verified
     * tasks may be taken over; or, when that backend is not in the cascade now, 0 with an empty staging area.
     *
     * @param cascade the cascade of this run
     * @param staging the build's staging area, re-opened
     * @return the index in the cascade of the backend the build continues on; 0 for a fresh build
     * @throws BuildAbort when the staging area could not be cleared or tidied
     */
    int start(BackendCascade cascade, StagingArea staging) throws BuildAbort {
        if (resume == null) {
            return 0;
        }
        List<String> ids = cascade.ids();
        String saved = resume.backend();
        int index = saved.equals(BuildRecord.CORE) ? 0 : ids.indexOf(saved);
        if (index < 0) {
            String note = "Resume: backend '" + saved + "', which ran the checkpointed phases, is not available in "
                    + "mode " + config.mode() + " now (cascade " + ids + "); the build starts again at ANALYZE on '"
                    + ids.get(0) + "'";
            record.notes.add(note);
            LOG.warn("[build {}] {}", record.buildId(), note);
            record.events().notice(Phase.ANALYZE, note);
            record.resumedFrom(Phase.ANALYZE);
            CascadeDriver.clearStaging(staging, Phase.ANALYZE, ids.get(0));
            return 0;
        }
        reusable = verifiedTasks(staging);
        return index;
    }

    /**
     * Checks every staged file of every checkpointed task against its SHA-256; removes the files of tasks that do not
     * match and the staged files no checkpointed task accounts for (written by a task that had not been
     * checkpointed when the build stopped).
     *
     * @return the tasks whose files all match, by id
     */
    private Map<String, TaskRecord> verifiedTasks(StagingArea staging) throws BuildAbort {
        String buildId = record.buildId();
        Map<String, StagingArea.FileInfo> staged = staging.files();
        Map<String, TaskRecord> verified = new TreeMap<>();
        Set<String> owned = new HashSet<>();
        for (TaskRecord task : resume.tasks().values()) {
            String problem = null;
            for (BuildState.FileRef file : task.files()) {
                StagingArea.FileInfo info = staged.get(file.path());
                if (info == null) {
                    problem = "its file '" + file.path() + "' is no longer in the staging area " + staging.root();
                } else if (!info.sha256().equals(file.sha256()) || info.size() != file.size()) {
                    problem = "its staged file '" + file.path() + "' does not match its checkpoint (SHA-256 "
                            + file.sha256() + " expected, found " + info.sha256() + ")";
                }
                if (problem != null) {
                    break;
                }
            }
            if (problem == null) {
                verified.put(task.id(), task);
                task.files().forEach(file -> owned.add(file.path()));
            } else {
                String note = "Resume: task '" + task.id() + "' of phase " + task.phase() + " is run again because "
                        + problem;
                record.notes.add(note);
                LOG.warn("[build {}] {}", buildId, note);
                record.events().notice(task.phase(), note);
            }
        }
        List<String> unowned = staged.keySet().stream().filter(path -> !owned.contains(path)).toList();
        if (!unowned.isEmpty()) {
            LOG.info("[build {}] removing {} staged file(s) that no checkpointed task accounts for: {}", buildId,
                    unowned.size(), unowned);
            try {
                staging.remove(unowned);
            } catch (FactoryException e) {
                throw new BuildAbort(BuildStatus.FAILED, record.resumedFrom(), BuildRecord.CORE, "Could not remove "
                        + "the staged files " + unowned + " that no checkpointed task accounts for: "
                        + e.getMessage(), e, List.of("check the permissions of '" + staging.root()
                        + "', then resume again"), true);
            }
        }
        return verified;
    }

    /**
     * @param phase a backend phase
     * @param plan  the build's plan
     * @return whether every task of the phase's plan, and every child they spawned, can be taken over
     */
    boolean covers(Phase phase, BuildPlan plan) {
        if (reusable.isEmpty() || (phase != Phase.GENERATE && !resume.completedPhases().contains(phase))) {
            return false;
        }
        List<String> open = new ArrayList<>();
        plan.tasks(phase).forEach(task -> open.add(task.id()));
        while (!open.isEmpty()) {
            TaskRecord task = reusable.get(open.remove(open.size() - 1));
            if (task == null || task.phase() != phase) {
                return false;
            }
            task.children().forEach(child -> open.add(task.id() + "/" + child.key()));
        }
        return true;
    }

    /**
     * @param phase a backend phase
     * @return the verified tasks of the phase, by id, which the chain reactor takes over instead of running them
     */
    Map<String, TaskRecord> reusable(Phase phase) {
        Map<String, TaskRecord> reuse = new TreeMap<>();
        reusable.forEach((taskId, task) -> {
            if (task.phase() == phase) {
                reuse.put(taskId, task);
            }
        });
        return reuse;
    }

    /** Forgets the verified tasks: they belong to the first backend run, which used them or fell back. */
    void discard() {
        reusable = Map.of();
    }
}

package dev.thefactory.internal.engine;

import dev.thefactory.api.BuildNotFoundException;
import dev.thefactory.api.CheckpointException;
import dev.thefactory.api.FactoryException.ErrorContext;
import dev.thefactory.api.Phase;
import dev.thefactory.internal.engine.BuildState.PhaseCheckpoint;
import dev.thefactory.internal.engine.BuildState.PhaseRecord;
import dev.thefactory.internal.engine.BuildState.TaskCheckpoint;
import dev.thefactory.internal.engine.BuildState.TaskRecord;
import dev.thefactory.spi.Checkpoint;
import dev.thefactory.spi.CheckpointRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The state a resumed build starts from, read from a build's checkpoints: the newest phase checkpoint that can be
 * read, plus — when that checkpoint is the one after {@code STRUCTURE} — the {@code GENERATE} task checkpoints saved
 * after it by the same backend. Damage the repository reports, and checkpoints whose payload cannot be read, are
 * skipped (the previous good one is used) and described in {@link #notes()}.
 *
 * <p>Immutable and thread-safe.
 */
final class ResumePoint {

    private final String buildId;
    private final PhaseCheckpoint base;
    private final long baseSequence;
    private final SortedMap<String, TaskRecord> tasks;
    private final long lastSequence;
    private final List<String> notes;

    private ResumePoint(String buildId, PhaseCheckpoint base, long baseSequence, SortedMap<String, TaskRecord> tasks,
            long lastSequence, List<String> notes) {
        this.buildId = buildId;
        this.base = base;
        this.baseSequence = baseSequence;
        this.tasks = Collections.unmodifiableSortedMap(tasks);
        this.lastSequence = lastSequence;
        this.notes = List.copyOf(notes);
    }

    /**
     * Reads the state of a build.
     *
     * @param repository where its checkpoints are
     * @param buildId    the build
     * @return its state
     * @throws BuildNotFoundException when the repository has no checkpoint of the build
     * @throws CheckpointException when it has checkpoints but none that can be read, or cannot be read at all
     */
    static ResumePoint load(CheckpointRepository repository, String buildId) {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(buildId, "buildId");
        return load(repository, buildId, repository.history(buildId));
    }

    /**
     * Reads the state of a build from a history its caller already read (a history read costs a scan of the log).
     *
     * @param repository where its checkpoints are (for the damage report)
     * @param buildId    the build
     * @param history    {@code repository.history(buildId)}
     * @return its state
     * @throws BuildNotFoundException when the history is empty and nothing is damaged
     * @throws CheckpointException when it has checkpoints but none that can be read
     */
    static ResumePoint load(CheckpointRepository repository, String buildId, List<Checkpoint> history) {
        List<String> notes = new ArrayList<>();
        for (String damage : repository.damage(buildId)) {
            notes.add("Checkpoint damage found while resuming: " + damage);
        }
        if (history.isEmpty()) {
            if (!notes.isEmpty()) {
                throw new CheckpointException("Build " + buildId + " cannot be resumed: none of its checkpoints in "
                        + "the checkpoint repository is intact.\n  " + String.join("\n  ", notes), null,
                        ErrorContext.ofBuild(buildId), List.of("start a new build"));
            }
            throw new BuildNotFoundException(buildId);
        }
        PhaseCheckpoint base = null;
        int baseIndex = -1;
        for (int i = history.size() - 1; i >= 0 && base == null; i--) {
            Checkpoint checkpoint = history.get(i);
            if (checkpoint.taskId() != null) {
                continue;
            }
            try {
                PhaseCheckpoint candidate = BuildState.readPhase(checkpoint.payload());
                if (!buildId.equals(candidate.buildId())) {
                    throw new CheckpointException("it belongs to build '" + candidate.buildId() + "'", null,
                            ErrorContext.ofBuild(buildId), List.of());
                }
                base = candidate;
                baseIndex = i;
            } catch (CheckpointException e) {
                notes.add("Checkpoint " + checkpoint.sequence() + " of build " + buildId + " (after phase "
                        + checkpoint.phase() + ") cannot be read (" + e.getMessage() + "); the checkpoint before it "
                        + "is used");
            }
        }
        if (base == null) {
            throw new CheckpointException("Build " + buildId + " cannot be resumed: no phase checkpoint of it can be "
                    + "read.\n  " + String.join("\n  ", notes), null, ErrorContext.ofBuild(buildId),
                    List.of("start a new build"));
        }
        SortedMap<String, TaskRecord> tasks = new TreeMap<>();
        for (TaskRecord record : base.tasks()) {
            tasks.put(record.id(), record);
        }
        if (base.phase() == Phase.STRUCTURE) {
            for (int i = baseIndex + 1; i < history.size(); i++) {
                Checkpoint checkpoint = history.get(i);
                if (checkpoint.taskId() == null) {
                    continue;
                }
                try {
                    TaskCheckpoint task = BuildState.readTask(checkpoint.payload());
                    TaskRecord record = task.task();
                    if (record.phase() == Phase.GENERATE && base.backend().equals(record.backend())
                            && buildId.equals(task.buildId())) {
                        tasks.put(record.id(), record);
                    }
                } catch (CheckpointException e) {
                    notes.add("Checkpoint " + checkpoint.sequence() + " of build " + buildId + " (task "
                            + checkpoint.taskId() + ") cannot be read (" + e.getMessage() + "); that task is run "
                            + "again");
                }
            }
        }
        long last = history.get(history.size() - 1).sequence();
        return new ResumePoint(buildId, base, history.get(baseIndex).sequence(), tasks, last, notes);
    }

    /** @return the build */
    String buildId() {
        return buildId;
    }

    /** @return the newest readable phase checkpoint */
    PhaseCheckpoint base() {
        return base;
    }

    /** @return the sequence number of {@link #base()} */
    long baseSequence() {
        return baseSequence;
    }

    /** @return the sequence number of the newest good checkpoint; a resumed build saves after it */
    long lastSequence() {
        return lastSequence;
    }

    /** @return every finished task of the base's backend that may be reused, by id */
    SortedMap<String, TaskRecord> tasks() {
        return tasks;
    }

    /** @return what was damaged or unreadable and skipped; empty when everything could be read */
    List<String> notes() {
        return notes;
    }

    /** @return the spec hash the build was checkpointed with */
    String specHash() {
        return base.specHash();
    }

    /** @return the spec file the build was started from, if recorded */
    Path specFile() {
        return base.specFile() == null ? null : Path.of(base.specFile());
    }

    /** @return the output directory the build was started with, if recorded */
    Path outputDirectory() {
        return base.outputDirectory() == null ? null : Path.of(base.outputDirectory());
    }

    /** @return the backend that completed the checkpointed phases, or {@link BuildRun#CORE} */
    String backend() {
        return base.backend();
    }

    /** @return the last phase completed */
    Phase lastPhase() {
        return base.phase();
    }

    /** @return whether the build was published: there is nothing left to resume */
    boolean finished() {
        return base.phase() == Phase.PUBLISH;
    }

    /** @return the phases the checkpoint says were completed (on its backend, or by the core) */
    Set<Phase> completedPhases() {
        Set<Phase> done = EnumSet.noneOf(Phase.class);
        for (PhaseRecord record : base.completedPhases()) {
            done.add(record.phase());
        }
        return done;
    }

    /**
     * @return the phase the resumed build starts at: the one after the last completed phase, except that
     *         {@code VALIDATE_OUTPUT} always runs again (its report is not checkpointed); {@code GENERATE} when tasks of
     *         it were checkpointed
     */
    Phase resumesAt() {
        return switch (base.phase()) {
            case VALIDATE_SPEC -> Phase.ANALYZE;
            case ANALYZE -> Phase.DESIGN;
            case DESIGN -> Phase.STRUCTURE;
            case STRUCTURE -> Phase.GENERATE;
            case GENERATE, VALIDATE_OUTPUT -> Phase.VALIDATE_OUTPUT;
            case PUBLISH -> Phase.PUBLISH;
        };
    }
}

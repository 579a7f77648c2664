package dev.thefactory.internal.engine;

import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Coverage;
import dev.thefactory.api.FallbackRecord;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.PhaseStatus;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.RepairRecord;
import dev.thefactory.api.TestSummary;
import dev.thefactory.api.ValidationSummary;
import dev.thefactory.internal.coverage.RequirementLedger;
import dev.thefactory.internal.coverage.UnmetRequirements;
import dev.thefactory.internal.coverage.VerifiedLedger;
import dev.thefactory.internal.engine.BuildState.PhaseCheckpoint;
import dev.thefactory.internal.engine.BuildState.PhaseRecord;
import dev.thefactory.internal.engine.BuildState.TaskCheckpoint;
import dev.thefactory.internal.engine.BuildState.TaskRecord;
import dev.thefactory.internal.events.BuildEvents;
import dev.thefactory.internal.output.OutputValidation;
import dev.thefactory.internal.output.ValidationReport;
import dev.thefactory.internal.plan.BuildPlan;
import dev.thefactory.internal.resilience.ResiliencePolicies;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger of one run of a build: what the run has done so far — each phase's status, backend and duration, the
 * notes, the fallbacks and backends tried, the attempts of failed tasks, the finished tasks with their facts and
 * planned files, the repair rounds and the requirement ledgers — and what is assembled from it: the phase checkpoints,
 * the manifest the publish step writes and the {@link BuildResult}.
 *
 * <p>Phase transitions (start, complete, skip, fail) are logged and announced as events here, and a completed phase is
 * checkpointed, so every part of the run records them the same way.
 *
 * <p>Used by the build thread only, except {@link #agentsSpawned}, {@link #usage} and {@link #taskFinished}, which
 * task threads reach through the chain reactor (the first two are thread-safe; the reactor reports finished tasks
 * one at a time).
 */
final class BuildRecord {

    /** The backend id of the phases the core runs itself. */
    static final String CORE = "core";

    private static final Logger LOG = LoggerFactory.getLogger(BuildRecord.class);

    private final String buildId;
    private final ProjectSpec spec;
    private final String specHash;
    private final Path specFile;
    private final EngineConfig config;
    private final BuildEvents events;
    private final LongSupplier ticker;
    private final CheckpointWriter checkpoints;
    private final boolean resumed;
    private final Instant started;

    private final Map<Phase, PhaseEntry> phases = new EnumMap<>(Phase.class);
    /** The fallbacks taken, including those of the run the build resumed. */
    final List<FallbackRecord> fallbacks = new ArrayList<>();
    /** The backends tried, in order, including those of the run the build resumed. */
    final List<String> backendsTried = new ArrayList<>();
    /** Failed task id to (backend id to attempts made there), as BuildFailedException.attemptsPerTask says. */
    final Map<String, Map<String, Integer>> attemptsPerTask = new TreeMap<>();
    /** One line per backend that failed: which phase and why. */
    final List<String> backendFailures = new ArrayList<>();
    /** The build's notes, in the order they were made. */
    final LinkedHashSet<String> notes = new LinkedHashSet<>();
    /** The notes of the current backend's tasks: part of the result once that backend's output is kept. */
    final List<String> taskNotes = new ArrayList<>();
    /** The phases completed on the current backend (and the core's), for the phase checkpoints. */
    final List<PhaseRecord> completedPhases = new ArrayList<>();
    /** The current backend's finished tasks, by id. */
    final SortedMap<String, TaskRecord> tasks = new TreeMap<>();
    /** The facts the current backend's tasks established. */
    final SortedMap<String, String> facts = new TreeMap<>();
    /** The files the current backend's tasks planned. */
    final SortedSet<String> planned = new TreeSet<>();
    /** The agents spawned on every backend tried. */
    final AtomicInteger agentsSpawned = new AtomicInteger();
    /** The model usage of every backend tried. */
    final UsageMeter usage = new UsageMeter();
    /** Every repair round of VALIDATE_OUTPUT, on every backend tried. */
    final List<RepairRecord> repairRecords = new ArrayList<>();
    /** The ledgers of the backends whose validated output the feature requirement refused, in cascade order. */
    final List<VerifiedLedger> refusedLedgers = new ArrayList<>();

    /** The verified ledger of the output that met the feature requirement (and is published); null until then. */
    private VerifiedLedger ledger;
    private ValidationReport report;
    private BuildPlan plan;
    private ProgressTracker progress;
    private ResiliencePolicies policies;
    private String backend = CORE;
    private Phase resumedFrom;
    private int tasksSkipped;
    private boolean finished;

    /**
     * @param specFile the absolute spec file, recorded in the checkpoints; null when the spec was not a file
     * @param ticker   monotonic time in nanoseconds, for the phase durations
     * @param resumed  whether the run resumes the build from a checkpoint
     * @param started  when the run started, on the build's clock
     */
    BuildRecord(EngineConfig config, ProjectSpec spec, String specHash, Path specFile, String buildId,
            BuildEvents events, LongSupplier ticker, CheckpointWriter checkpoints, boolean resumed, Instant started) {
        this.config = Objects.requireNonNull(config, "config");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.specHash = Objects.requireNonNull(specHash, "specHash");
        this.specFile = specFile;
        this.buildId = Objects.requireNonNull(buildId, "buildId");
        this.events = Objects.requireNonNull(events, "events");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.resumed = resumed;
        this.started = Objects.requireNonNull(started, "started");
    }

    /** Takes over what the run the build resumes had recorded: its fallbacks, backends tried and refused ledgers. */
    void takeOver(ResumePoint resume) {
        resumedFrom = resume.resumesAt();
        fallbacks.addAll(resume.base().fallbacks());
        backendsTried.addAll(resume.base().backendsTried());
        resume.base().refused().forEach(l -> refusedLedgers.add(new VerifiedLedger(l.backend(), l.coverage(),
                List.of())));
    }

    /** @return the build's id */
    String buildId() {
        return buildId;
    }

    /** @return where the build's events go */
    BuildEvents events() {
        return events;
    }

    /** @return the phase the run resumed at (for the {@code BuildStarted} event), or null for a fresh build */
    Phase resumedFrom() {
        return resumedFrom;
    }

    /** @param phase the phase the run now resumes at (a resume that could not continue on its backend) */
    void resumedFrom(Phase phase) {
        this.resumedFrom = phase;
    }

    /**
     * Records the plan and the services made for it, once the spec phase planned the build.
     *
     * @param buildPlan the plan
     * @param tracker   the progress of the run
     */
    void planned(BuildPlan buildPlan, ProgressTracker tracker) {
        this.plan = Objects.requireNonNull(buildPlan, "plan");
        this.progress = Objects.requireNonNull(tracker, "progress");
    }

    /** @return the plan, or null before the spec phase planned the build */
    BuildPlan plan() {
        return plan;
    }

    /** @return the progress of the run, or null before the spec phase planned the build */
    ProgressTracker progress() {
        return progress;
    }

    /** @param resilience the run's retry, circuit-breaker and timeout policies, whose counts the result reports */
    void policies(ResiliencePolicies resilience) {
        this.policies = Objects.requireNonNull(resilience, "policies");
    }

    /** @return the backend the build is on: {@value #CORE} until the first backend runs */
    String backend() {
        return backend;
    }

    /** @param id the backend of the cascade the build moves onto, which counts as tried */
    void onBackend(String id) {
        backend = Objects.requireNonNull(id, "id");
        if (backendsTried.isEmpty() || !backendsTried.get(backendsTried.size() - 1).equals(id)) {
            backendsTried.add(id);
        }
    }

    /** @param count tasks finished before the resume that the run took over instead of running them again */
    void tasksTakenOver(int count) {
        tasksSkipped += count;
    }

    /** @param found the latest validation report of the staged output */
    void report(ValidationReport found) {
        this.report = found;
    }

    /** @return the latest validation report of the staged output, or null before the first validation */
    ValidationReport report() {
        return report;
    }

    /** @param verified the ledger of the output that met the feature requirement, which is published */
    void accepted(VerifiedLedger verified) {
        this.ledger = Objects.requireNonNull(verified, "verified");
    }

    /** @return the number of retries the run made so far */
    int retries() {
        return policies == null ? 0 : policies.retries();
    }

    /** @return whether the build announced its end */
    boolean finished() {
        return finished;
    }

    /** Records the end of the build, how it ended and the published project (or null), and announces it. */
    void finish(BuildStatus status, Path published) {
        finished = true;
        events.buildFinished(status, published);
    }

    /** Forgets the current backend's work when the cascade falls back: the state is back to "spec validated". */
    void restartBackendPhases() {
        tasks.clear();
        facts.clear();
        planned.clear();
        taskNotes.clear();
        tasksSkipped = 0;
        completedPhases.removeIf(p -> !p.backend().equals(CORE) || p.phase() != Phase.VALIDATE_SPEC);
        progress.restart(plan.totalWeight() - BuildPlan.VALIDATE_SPEC_WEIGHT);
    }

    void startPhase(Phase phase, String phaseBackend) {
        PhaseEntry entry = phases.computeIfAbsent(phase, p -> new PhaseEntry());
        entry.backend = phaseBackend;
        entry.status = null;
        entry.startedAt = ticker.getAsLong();
        LOG.info("[build {}] phase {} started on {}", buildId, phase, phaseBackend);
        events.phaseStarted(phase, phaseBackend);
    }

    /**
     * Completes a phase and saves the phase checkpoint.
     *
     * @param phase        the phase
     * @param phaseBackend the backend it ran on
     * @param weight       its weight in the progress, or 0 when its tasks advanced it
     * @throws BuildAbort when the checkpoint could not be saved
     */
    void completePhase(Phase phase, String phaseBackend, double weight) throws BuildAbort {
        PhaseEntry entry = phases.get(phase);
        long millis = entry.stop(ticker.getAsLong());
        entry.status = PhaseStatus.COMPLETED;
        completedPhases.add(new PhaseRecord(phase, phaseBackend, millis));
        LOG.info("[build {}] phase {} completed on {} in {} ms", buildId, phase, phaseBackend, millis);
        events.phaseCompleted(phase, phaseBackend, millis);
        if (weight > 0) {
            double percent = progress.advance(weight);
            events.progress(phase, percent, progress.etaMillis());
        }
        saveState(phase, backend, phase);
    }

    /** Records a phase that did not need to run in this resumed build. */
    void skipPhase(Phase phase, String phaseBackend, double weight, String why) {
        PhaseEntry entry = phases.computeIfAbsent(phase, p -> new PhaseEntry());
        entry.backend = phaseBackend;
        entry.status = PhaseStatus.SKIPPED;
        completedPhases.add(new PhaseRecord(phase, phaseBackend, 0));
        String message = "Phase " + phase + " skipped on resume: " + why;
        LOG.info("[build {}] {}", buildId, message);
        events.notice(phase, message);
        if (weight > 0) {
            double percent = progress.advance(weight);
            events.progress(phase, percent, progress.etaMillis());
        }
    }

    void failPhase(Phase phase, String phaseBackend) {
        PhaseEntry entry = phases.computeIfAbsent(phase, p -> new PhaseEntry());
        entry.backend = phaseBackend;
        if (entry.startedAt != null) {
            entry.stop(ticker.getAsLong());
        }
        entry.status = PhaseStatus.FAILED;
    }

    /** Records a phase that was running when the build was stopped (cancel, deadline, interrupt). */
    void interruptPhase(Phase phase, String phaseBackend) {
        failPhase(phase, phaseBackend);
        phases.get(phase).status = PhaseStatus.INTERRUPTED;
    }

    /** @return the backend the phase last ran on, or null when it never started */
    String phaseBackend(Phase phase) {
        PhaseEntry entry = phases.get(phase);
        return entry == null ? null : entry.backend;
    }

    /**
     * Saves the whole state as a phase checkpoint.
     *
     * @param phase        the phase the state follows
     * @param phaseBackend the backend the build is on
     * @param failed       the phase to name when the save fails
     * @throws BuildAbort when the checkpoint could not be saved, or the save was stopped
     */
    void saveState(Phase phase, String phaseBackend, Phase failed) throws BuildAbort {
        String payload = BuildState.toJson(new PhaseCheckpoint(BuildState.FORMAT_VERSION, BuildState.PHASE, buildId,
                specHash, config.mode(), phaseBackend, phase, completedPhases, new ArrayList<>(tasks.values()), facts,
                new ArrayList<>(planned), fallbacks, backendsTried,
                specFile == null ? null : specFile.toString(), config.outputDirectory().toString(),
                refusedLedgers.stream().map(l -> new BuildState.RefusedLedger(l.backend(), l.coverage())).toList(),
                config.requireFeatures(), config.repairRounds()));
        try {
            checkpoints.save(phase, null, payload);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || ChainReactor.interruption(e)) {
                // the stop (cancel, deadline, interrupt) arrived during the write: the repository is not at fault
                throw new BuildAbort(BuildStatus.INTERRUPTED, failed, phaseBackend, "Build " + buildId + " was "
                        + "stopped while it saved the checkpoint after phase " + phase + "; that checkpoint was not "
                        + "saved", e, List.of(BuildAbort.resumeHint(buildId) + ": phase " + phase + " runs again, the "
                        + "work checkpointed before it is kept"));
            }
            throw new BuildAbort(BuildStatus.FAILED, failed, phaseBackend, "Could not save the checkpoint after phase "
                    + phase + ": " + e.getMessage(), e,
                    List.of("check that the checkpoint repository is writable and has space, then run again"));
        }
    }

    /** Records a finished task (reused: taken over from the checkpoints); a GENERATE task that ran is checkpointed. */
    void taskFinished(TaskRecord record, boolean reused) {
        tasks.put(record.id(), record);
        if (!reused && record.phase() == Phase.GENERATE) {
            checkpoints.save(Phase.GENERATE, record.id(), BuildState.toJson(new TaskCheckpoint(
                    BuildState.FORMAT_VERSION, BuildState.TASK, buildId, specHash, config.mode(), backend, record)));
        }
    }

    /** @return whether no checkpoint was saved in this run */
    boolean nothingCheckpointed() {
        return checkpoints.sequence() == 0;
    }

    /**
     * Assembles the build's result.
     *
     * @param status          how the build ended
     * @param outputDirectory the published project, or null
     * @param files           the number of files published or staged
     * @return the result
     */
    BuildResult result(BuildStatus status, Path outputDirectory, int files) {
        List<PhaseResult> results = new ArrayList<>();
        phases.forEach((phase, entry) -> results.add(new PhaseResult(phase,
                entry.status == null ? PhaseStatus.FAILED : entry.status, entry.backend, entry.durationMillis,
                usage.phase(phase))));
        List<String> allNotes = new ArrayList<>(notes);
        if (status != BuildStatus.SUCCEEDED) {
            for (String note : taskNotes) {
                if (!allNotes.contains(note)) {
                    allNotes.add(note);
                }
            }
            ledgerSourceNote().ifPresent(allNotes::add);
        }
        return new BuildResult(buildId, status, config.mode(), outputDirectory, files, agentsSpawned.get(), results,
                retries(), fallbacks, firstPhaseThatRan(), tasksSkipped,
                validationSummary(), coverage(status), allNotes,
                usage.total()).withRepairs(repairRecords)
                .withCircuits(policies == null ? Map.of() : policies.circuitStates());
    }

    /**
     * @return the latest validation's summary; when the build was stopped in {@code VALIDATE_OUTPUT} before its
     *         generated tests ran, they are reported not run because of the stop, whatever the cut-short validation
     *         said (an interrupted compile reads as a failed one)
     */
    private ValidationSummary validationSummary() {
        ValidationSummary summary = report == null ? ValidationSummary.EMPTY : report.summary();
        PhaseEntry validate = phases.get(Phase.VALIDATE_OUTPUT);
        if (validate != null && validate.status == PhaseStatus.INTERRUPTED && config.generatedTests().enabled()
                && summary.tests().run() == 0) {
            return summary.withTests(TestSummary.unchecked(OutputValidation.TESTS_INTERRUPTED));
        }
        return summary;
    }

    /** @return what the publish step writes as the project's {@code .factory/metadata.json} */
    PublishStep.Manifest manifest() {
        Map<String, String> backends = new LinkedHashMap<>();
        List<PhaseResult> ended = new ArrayList<>();
        phases.forEach((phase, entry) -> {
            backends.put(phase.name(), entry.backend);
            if (entry.status != null) {
                ended.add(new PhaseResult(phase, entry.status, entry.backend, entry.durationMillis,
                        usage.phase(phase)));
            }
        });
        return new PublishStep.Manifest(buildId, specHash, spec, config.mode(), started,
                backends, ended, agentsSpawned.get(), retries(), report, ledger.coverage(), ledger.backend(),
                fallbacks, List.copyOf(notes), usage.total(), repairRecords);
    }

    /**
     * On a failed build whose ledger is a refused backend's while the phases end on another backend (the cascade went
     * on after the refusal), says whose output the ledger describes, so the two are not read as one.
     */
    private Optional<String> ledgerSourceNote() {
        if (ledger != null || refusedLedgers.isEmpty()) {
            return Optional.empty();
        }
        String best = UnmetRequirements.best(refusedLedgers).backend();
        PhaseEntry generate = phases.get(Phase.GENERATE);
        if (generate == null || best.equals(generate.backend)) {
            return Optional.empty();
        }
        return Optional.of("The requirement ledger is that of backend '" + best + "', whose output implemented the "
                + "most requirements before it was refused; the phases show the last backend tried, '"
                + generate.backend + "'. Nothing was published.");
    }

    /**
     * @return the ledger of the published output; on failure, the ledger of the refused backend that implemented
     *         most; without one, every requirement not implemented ({@link Coverage#EMPTY} before planning)
     */
    private Coverage coverage(BuildStatus status) {
        if (ledger != null) {
            return ledger.coverage();
        }
        if (!refusedLedgers.isEmpty()) {
            return UnmetRequirements.best(refusedLedgers).coverage();
        }
        if (plan == null) {
            return Coverage.EMPTY;
        }
        return RequirementLedger.unverified(spec, status == BuildStatus.INTERRUPTED
                ? "the build was interrupted before a backend's output was validated; resume it to finish"
                : "the build failed before any backend's output passed validation");
    }

    /**
     * @return for a resumed build, the first phase that was not skipped (the checkpoint's resume point when none ran
     *         yet); null for a fresh build
     */
    private Phase firstPhaseThatRan() {
        if (!resumed) {
            return resumedFrom;
        }
        for (Map.Entry<Phase, PhaseEntry> entry : phases.entrySet()) {
            if (entry.getValue().status != PhaseStatus.SKIPPED) {
                return entry.getKey();
            }
        }
        return resumedFrom;
    }

    /** How a phase went so far. Used by the build thread only. */
    private static final class PhaseEntry {
        private PhaseStatus status;
        private String backend;
        private long durationMillis;
        /** When it started on the monotonic ticker (nanoseconds), or null when it is not running. */
        private Long startedAt;

        long stop(long now) {
            long millis = startedAt == null ? 0 : Math.max(0, TimeUnit.NANOSECONDS.toMillis(now - startedAt));
            durationMillis += millis;
            startedAt = null;
            return millis;
        }
    }
}

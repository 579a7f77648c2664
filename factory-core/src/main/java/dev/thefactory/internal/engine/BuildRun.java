package dev.thefactory.internal.engine;

import dev.thefactory.api.BackendUnavailableException;
import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Coverage;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.FactoryException.ErrorContext;
import dev.thefactory.api.FallbackRecord;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.OutputConflictException;
import dev.thefactory.api.OutputValidationException;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.PhaseStatus;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.RequirementOutcome;
import dev.thefactory.api.RequirementsNotMetException;
import dev.thefactory.api.ValidationSummary;
import dev.thefactory.api.event.BuildListener;
import dev.thefactory.internal.backend.BackendCandidate;
import dev.thefactory.internal.backend.BackendCascade;
import dev.thefactory.internal.backend.BackendDiscovery;
import dev.thefactory.internal.backend.SkippedProvider;
import dev.thefactory.internal.coverage.RequirementLedger;
import dev.thefactory.internal.coverage.UnmetRequirements;
import dev.thefactory.internal.coverage.VerifiedLedger;
import dev.thefactory.internal.engine.BuildState.PhaseCheckpoint;
import dev.thefactory.internal.engine.BuildState.PhaseRecord;
import dev.thefactory.internal.engine.BuildState.TaskCheckpoint;
import dev.thefactory.internal.engine.BuildState.TaskRecord;
import dev.thefactory.internal.events.BuildEvents;
import dev.thefactory.internal.events.EventDispatcher;
import dev.thefactory.internal.output.OutputValidation;
import dev.thefactory.internal.output.PublishedOutput;
import dev.thefactory.internal.output.Publisher;
import dev.thefactory.internal.output.RequirementsReport;
import dev.thefactory.internal.output.SafePaths;
import dev.thefactory.internal.output.StagingArea;
import dev.thefactory.internal.output.ValidationReport;
import dev.thefactory.internal.plan.BuildPlan;
import dev.thefactory.internal.plan.Planner;
import dev.thefactory.internal.resilience.ResiliencePolicies;
import dev.thefactory.internal.resilience.TaskFailureException;
import dev.thefactory.internal.util.PublicCauses;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.OrchestratorBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One run of a build, from {@code BuildStarted} to {@code BuildFinished}: resolves the backend cascade, records
 * {@code VALIDATE_SPEC} (the spec was validated when the factory was built) and plans, runs {@code ANALYZE} to
 * {@code GENERATE} on the first backend with the {@link ChainReactor}, validates the staged output, and on a phase
 * failure falls back to the next backend — clearing the staging area and starting again at {@code ANALYZE}, so one
 * backend's facts and files are never mixed with another's. Once a backend's output passed validation, the
 * requirement claims of its tasks are verified into the build's ledger, and a ledger that does not meet the feature
 * requirement fails the backend the same way (when every backend failed and one was refused for that, the build
 * throws a {@link RequirementsNotMetException} carrying the ledger that implemented most). On success it writes {@code .factory/metadata.json} and
 * publishes atomically; when the cascade is exhausted it deletes the staging area, publishes nothing and throws a
 * {@link BuildFailedException}. A checkpoint is saved after every phase and every finished {@code GENERATE} task.
 *
 * <p><strong>Resume.</strong> Given a {@link ResumePoint}, the run keeps the build's id and continues after the last
 * checkpoint: it re-opens the staging area, checks every staged file of every checkpointed task against its SHA-256
 * (a task whose files are missing or changed runs again, and a note says so; staged files no checkpointed task
 * accounts for are removed), continues on the backend that ran the checkpointed phases (or starts again at
 * {@code ANALYZE} on the first backend of the cascade when that backend is no longer available), reports the phases
 * whose tasks were all taken over as {@link PhaseStatus#SKIPPED}, and counts the tasks it did not redo.
 *
 * <p>Used once, by one thread; the threads it starts (a fixed pool named {@code factory-<buildId>-<n>} and a
 * scheduler) are stopped before {@link #execute()} returns.
 */
final class BuildRun {

    /** The backend id of the phases the core runs itself. */
    static final String CORE = "core";

    private static final Logger LOG = LoggerFactory.getLogger(BuildRun.class);
    private static final List<Phase> BACKEND_PHASES = List.of(Phase.ANALYZE, Phase.DESIGN, Phase.STRUCTURE,
            Phase.GENERATE);
    private static final int MAX_REASON_LENGTH = 500;

    private final EngineConfig config;
    private final ProjectSpec spec;
    private final String specHash;
    private final Supplier<BackendDiscovery> discovery;
    private final EngineHooks hooks;
    private final String buildId;
    private final Clock clock;
    private final ResumePoint resume;
    private final Path specFile;
    private final List<String> restartNotes;

    private final Map<Phase, PhaseEntry> phases = new EnumMap<>(Phase.class);
    private final List<FallbackRecord> fallbacks = new ArrayList<>();
    private final List<String> backendsTried = new ArrayList<>();
    /** Failed task id to (backend id to attempts made there), as BuildFailedException.attemptsPerTask says. */
    private final Map<String, Map<String, Integer>> attemptsPerTask = new TreeMap<>();
    private final List<String> backendFailures = new ArrayList<>();
    private final LinkedHashSet<String> notes = new LinkedHashSet<>();
    private final List<String> taskNotes = new ArrayList<>();
    private final List<PhaseRecord> completedPhases = new ArrayList<>();
    private final SortedMap<String, TaskRecord> tasks = new TreeMap<>();
    private final SortedMap<String, String> facts = new TreeMap<>();
    private final SortedSet<String> planned = new TreeSet<>();
    private final AtomicInteger agentsSpawned = new AtomicInteger();
    private final UsageMeter usage = new UsageMeter();
    /** Every repair round of VALIDATE_OUTPUT, on every backend tried. */
    private final List<dev.thefactory.api.RepairRecord> repairRecords = new ArrayList<>();

    private Instant buildStart;
    private BuildEvents events;
    private Watchdog watchdog;
    private ScheduledExecutorService scheduler;
    private ExecutorService pool;
    private ResiliencePolicies policies;
    private StagingArea staging;
    /** What the project's output directory held when the build started; publishing expects the same. */
    private PublishedOutput outputSeen;
    private OutputValidation validation;
    private ProgressTracker progress;
    private CheckpointWriter checkpoints;
    private BuildPlan plan;
    private ValidationReport report;
    private String currentBackend = CORE;
    private boolean finished;
    private Phase resumedFrom;
    private int tasksSkipped;
    /** The verified ledger of the output that met the feature requirement (and is published); null until then. */
    private VerifiedLedger ledger;
    /** The docs the publish step wrote from the verified ledger ({@code REQUIREMENTS.md}, README.md, ...). */
    /** The ledgers of the backends whose validated output the feature requirement refused, in cascade order. */
    private final List<VerifiedLedger> refusedLedgers = new ArrayList<>();
    /** Checkpointed tasks whose staged files were verified; consumed by the first backend run. */
    private Map<String, TaskRecord> reusable = Map.of();
    /** This run's own listeners, deadline and stop reason. */
    private RunControl control = RunControl.none();

    BuildRun(EngineConfig config, ProjectSpec spec, String specHash, Supplier<BackendDiscovery> discovery,
            EngineHooks hooks, String buildId) {
        this(config, spec, specHash, discovery, hooks, buildId, null, null, null);
    }

    /**
     * @param specFile the absolute spec file, recorded in the checkpoints; null when the spec was not a file
     * @param resume   where a resumed build continues, or null for a fresh build (then {@code buildId} is new)
     * @param restartNotes null, or — for a build resumed although it saved no readable checkpoint before it stopped,
     *                 which therefore starts from the beginning under its id — why, for the result's notes
     */
    BuildRun(EngineConfig config, ProjectSpec spec, String specHash, Supplier<BackendDiscovery> discovery,
            EngineHooks hooks, String buildId, Path specFile, ResumePoint resume, List<String> restartNotes) {
        this.config = Objects.requireNonNull(config, "config");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.specHash = Objects.requireNonNull(specHash, "specHash");
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.buildId = Objects.requireNonNull(buildId, "buildId");
        this.clock = config.clock();
        this.specFile = specFile;
        this.resume = resume;
        this.restartNotes = restartNotes == null ? null : List.copyOf(restartNotes);
        if (resume != null && !resume.buildId().equals(buildId)) {
            throw new IllegalArgumentException("resume point of build " + resume.buildId() + " given to build "
                    + buildId);
        }
    }

    /**
     * @param runControl this run's own listeners, deadline and stop reason
     * @return this run
     */
    BuildRun control(RunControl runControl) {
        this.control = Objects.requireNonNull(runControl, "control");
        return this;
    }

    /**
     * Runs the build.
     *
     * @return the result of a successful build
     * @throws BackendUnavailableException when the mode or the explicit backend cannot be served (before any work)
     * @throws BuildFailedException        when the build failed or was interrupted; nothing was published
     */
    BuildResult execute() {
        buildStart = clock.instant();
        scheduler = newScheduler();
        ScheduledExecutorService watchdogScheduler = hooks.watchdogScheduler() == null
                ? scheduler : hooks.watchdogScheduler();
        Duration period = hooks.watchdogPeriod() == null
                ? Watchdog.defaultPeriod(config.watchdog()) : hooks.watchdogPeriod();
        String previousMdc = MDC.get("buildId");
        MDC.put("buildId", buildId);
        try {
            watchdog = new Watchdog(buildId, hooks.ticker(), config.watchdog(), watchdogScheduler, period);
            EventDispatcher dispatcher = new EventDispatcher(listeners()).with(event -> watchdog.touch());
            if (control.deadline() != null) {
                scheduler.schedule(control::deadlinePassed, control.deadline().toNanos(), TimeUnit.NANOSECONDS);
            }
            events = new BuildEvents(buildId, clock, dispatcher);
            checkpoints = new CheckpointWriter(config.checkpoints(), buildId, clock, events,
                    resume == null ? 0 : resume.lastSequence());
            return run();
        } finally {
            control.detach();
            if (watchdog != null) {
                watchdog.close();
            }
            if (pool != null) {
                pool.shutdownNow();
            }
            scheduler.shutdownNow();
            if (previousMdc == null) {
                MDC.remove("buildId");
            } else {
                MDC.put("buildId", previousMdc);
            }
        }
    }

    private BuildResult run() {
        if (resume != null) {
            resumedFrom = resume.resumesAt();
            fallbacks.addAll(resume.base().fallbacks());
            backendsTried.addAll(resume.base().backendsTried());
            resume.base().refused().forEach(l -> refusedLedgers.add(new VerifiedLedger(l.backend(), l.coverage(),
                    List.of())));
        } else if (restartNotes != null) {
            resumedFrom = Phase.VALIDATE_SPEC;
        }
        events.buildStarted(spec.name(), config.mode(), resumedFrom);
        if (restartNotes != null) {
            for (String note : restartNotes) {
                notes.add(note);
                LOG.warn("[build {}] {}", buildId, note);
                events.notice(null, note);
            }
        }
        if (resume == null) {
            LOG.info("[build {}] started: project '{}', mode {}, output directory {}", buildId, spec.name(),
                    config.mode(), config.outputDirectory());
        } else {
            LOG.info("[build {}] resumed at {} after checkpoint {} (phase {} on {}): project '{}', mode {}, output "
                    + "directory {}", buildId, resumedFrom, resume.baseSequence(), resume.lastPhase(),
                    resume.backend(), spec.name(), config.mode(), config.outputDirectory());
            for (String note : resume.notes()) {
                notes.add(note);
                LOG.warn("[build {}] {}", buildId, note);
                events.notice(null, note);
            }
            if (!resume.specHash().equals(specHash)) {
                String note = "Resumed with a spec that changed since the checkpoint (forced): finished work of the "
                        + "old spec was kept";
                notes.add(note);
                events.notice(null, note);
            }
        }
        try {
            outputSeen = checkOutput();
        } catch (FactoryException e) {
            // before any work: thrown to the caller as it is (an OutputConflictException names the fixes)
            LOG.warn("[build {}] {}", buildId, e.getMessage());
            finish(BuildStatus.FAILED, null);
            throw e;
        }
        BackendCascade cascade;
        try {
            cascade = resolveBackends();
        } catch (BackendUnavailableException e) {
            // thrown to the caller, who reports it; logged for the build's trail
            LOG.warn("[build {}] {}", buildId, e.getMessage());
            finish(BuildStatus.FAILED, null);
            throw e;
        }
        try {
            control.attach(); // a stop asked for before this point takes effect here, before the first phase
            validateSpecPhase();
            prepare();
            PhaseFailure last = runCascade(cascade);
            if (last != null) {
                throw exhausted(last);
            }
            return publish();
        } catch (BuildAbort abort) {
            throw aborted(abort);
        } catch (RuntimeException | Error unexpected) {
            if (!finished) {
                LOG.error("[build {}] failed unexpectedly: {}", buildId, unexpected.toString(), unexpected);
                deleteStaging(unexpected);
                finish(BuildStatus.FAILED, null);
            }
            throw unexpected;
        }
    }

    /** Refuses, before any work, an output directory that publishing would destroy; announces a replacement. */
    private PublishedOutput checkOutput() {
        String slug = SafePaths.slug(spec.name());
        PublishedOutput seen = Publisher.check(config.outputDirectory(), slug, buildId, config.overwrite());
        String notice = Publisher.notice(seen, slug, buildId);
        if (notice != null) {
            LOG.info("[build {}] {}", buildId, notice);
            events.notice(null, notice);
        }
        return seen;
    }

    private BackendCascade resolveBackends() {
        BackendDiscovery found = discovery.get();
        for (SkippedProvider skipped : found.skipped()) {
            events.providerSkipped(skipped.provider(), skipped.reason());
        }
        BackendCascade cascade = hooks.resolver().resolve(found, config.mode(), config.explicitBackend())
                .forPolicy(config.requireFeatures(), spec);
        cascade.notes().forEach(note -> {
            notes.add(note);
            LOG.info("[build {}] {}", buildId, note);
        });
        for (SkippedProvider unhealthy : cascade.unhealthy()) {
            LOG.warn("[build {}] backend {} skipped: {}", buildId, unhealthy.provider(), unhealthy.reason());
            events.providerSkipped(unhealthy.provider(), unhealthy.reason());
        }
        LOG.info("[build {}] backend cascade for mode {}{}: {}", buildId, config.mode(),
                config.explicitBackend() == null ? "" : " and backend " + config.explicitBackend(), cascade.ids());
        return cascade;
    }

    private void validateSpecPhase() throws BuildAbort {
        checkInterrupted(Phase.VALIDATE_SPEC, CORE);
        if (resume == null) {
            startPhase(Phase.VALIDATE_SPEC, CORE);
        }
        plan = new Planner().plan(spec);
        progress = new ProgressTracker(hooks.ticker(), plan.totalWeight(), config.patterns(), priorMillis(plan));
        LOG.info("[build {}] plan: {} top-level tasks, agent budget {} ({}), up to {} agents", buildId,
                plan.tasks().size(), plan.agentBudget(), plan.complexity().id(), plan.plannedAgents());
        for (String note : plan.notes()) {
            notes.add(note);
            LOG.info("[build {}] {}", buildId, note);
            events.notice(Phase.VALIDATE_SPEC, note);
        }
        if (resume == null) {
            completePhase(Phase.VALIDATE_SPEC, CORE, BuildPlan.VALIDATE_SPEC_WEIGHT);
        } else {
            skipPhase(Phase.VALIDATE_SPEC, CORE, BuildPlan.VALIDATE_SPEC_WEIGHT, "the spec was validated when the "
                    + "factory was built, and the build was checkpointed after it");
        }
    }

    private void prepare() throws BuildAbort {
        pool = Executors.newFixedThreadPool(config.parallelism(), threads("factory-" + buildId + "-"));
        policies = new ResiliencePolicies(config.retry(), config.circuitBreaker(), config.timeouts(), config.faults(),
                clock, scheduler, events.sink(), buildId, hooks.attempts());
        try {
            staging = StagingArea.open(config.outputDirectory(), buildId, config.quotas());
        } catch (FactoryException e) {
            throw new BuildAbort(BuildStatus.FAILED, Phase.ANALYZE, CORE, "Could not open the staging area under the "
                    + "output directory '" + config.outputDirectory() + "': " + e.getMessage(), e,
                    List.of("choose a writable output directory (Factory.Builder.outputDirectory, --out)"));
        }
        validation = hooks.validation().get();
        if (restartNotes != null) {
            clearStaging(Phase.ANALYZE, CORE);
        }
    }

    /**
     * Decides where a resumed build continues: the index of the checkpoint's backend in the cascade, whose verified
     * tasks may be taken over; or, when that backend is not in the cascade now, 0 with an empty staging area.
     */
    private int resumeStart(BackendCascade cascade) throws BuildAbort {
        if (resume == null) {
            return 0;
        }
        List<String> ids = cascade.ids();
        String saved = resume.backend();
        int index = saved.equals(CORE) ? 0 : ids.indexOf(saved);
        if (index < 0) {
            String note = "Resume: backend '" + saved + "', which ran the checkpointed phases, is not available in "
                    + "mode " + config.mode() + " now (cascade " + ids + "); the build starts again at ANALYZE on '"
                    + ids.get(0) + "'";
            notes.add(note);
            LOG.warn("[build {}] {}", buildId, note);
            events.notice(Phase.ANALYZE, note);
            resumedFrom = Phase.ANALYZE;
            clearStaging(Phase.ANALYZE, ids.get(0));
            return 0;
        }
        reusable = verifiedTasks();
        return index;
    }

    /**
     * Checks every staged file of every checkpointed task against its SHA-256; removes the files of tasks that do not
     * match and the staged files no checkpointed task accounts for (written by a task that had not been
     * checkpointed when the build stopped).
     *
     * @return the tasks whose files all match, by id
     */
    private Map<String, TaskRecord> verifiedTasks() throws BuildAbort {
        Map<String, StagingArea.FileInfo> staged = staging.files();
        Map<String, TaskRecord> verified = new TreeMap<>();
        java.util.Set<String> owned = new java.util.HashSet<>();
        for (TaskRecord record : resume.tasks().values()) {
            String problem = null;
            for (BuildState.FileRef file : record.files()) {
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
                verified.put(record.id(), record);
                record.files().forEach(file -> owned.add(file.path()));
            } else {
                String note = "Resume: task '" + record.id() + "' of phase " + record.phase() + " is run again because "
                        + problem;
                notes.add(note);
                LOG.warn("[build {}] {}", buildId, note);
                events.notice(record.phase(), note);
            }
        }
        List<String> unowned = staged.keySet().stream().filter(path -> !owned.contains(path)).toList();
        if (!unowned.isEmpty()) {
            LOG.info("[build {}] removing {} staged file(s) that no checkpointed task accounts for: {}", buildId,
                    unowned.size(), unowned);
            try {
                staging.remove(unowned);
            } catch (FactoryException e) {
                throw new BuildAbort(BuildStatus.FAILED, resumedFrom, CORE, "Could not remove the staged files "
                        + unowned + " that no checkpointed task accounts for: " + e.getMessage(), e,
                        List.of("check the permissions of '" + staging.root() + "', then resume again"), true);
            }
        }
        return verified;
    }

    /** @return whether every task of the phase's plan, and every child they spawned, can be taken over */
    private boolean coveredByCheckpoint(Phase phase) {
        if (reusable.isEmpty() || (phase != Phase.GENERATE && !resume.completedPhases().contains(phase))) {
            return false;
        }
        List<String> open = new ArrayList<>();
        plan.tasks(phase).forEach(task -> open.add(task.id()));
        while (!open.isEmpty()) {
            TaskRecord record = reusable.get(open.remove(open.size() - 1));
            if (record == null || record.phase() != phase) {
                return false;
            }
            record.children().forEach(child -> open.add(record.id() + "/" + child.key()));
        }
        return true;
    }

    private void clearStaging(Phase phase, String backend) throws BuildAbort {
        try {
            staging.clear();
        } catch (FactoryException e) {
            throw new BuildAbort(BuildStatus.FAILED, phase, CORE, "Could not clear the staging area '"
                    + staging.root() + "' before running backend '" + backend + "': " + e.getMessage(), e,
                    List.of("check the permissions of the output directory, delete '" + staging.root()
                            + "' and run again"));
        }
    }

    private void checkInterrupted(Phase phase, String backend) throws BuildAbort {
        if (Thread.currentThread().isInterrupted()) {
            throw new BuildAbort(BuildStatus.INTERRUPTED, phase, backend, "Build " + buildId + " was interrupted "
                    + "before phase " + phase, null, List.of(resumeHint() + "; finished work was checkpointed"));
        }
    }

    private String resumeHint() {
        return "resume it with Factory.resume(repository, \"" + buildId + "\")";
    }

    /** @return null when a backend succeeded, else the last backend's failure */
    private PhaseFailure runCascade(BackendCascade cascade) throws BuildAbort {
        List<BackendCandidate> backends = cascade.backends();
        for (int i = resumeStart(cascade); i < backends.size(); i++) {
            BackendCandidate candidate = backends.get(i);
            if (backendsTried.isEmpty() || !backendsTried.get(backendsTried.size() - 1).equals(candidate.id())) {
                backendsTried.add(candidate.id());
            }
            currentBackend = candidate.id();
            try {
                runBackend(candidate);
                return null;
            } catch (PhaseFailure failure) {
                if (Thread.currentThread().isInterrupted() || ChainReactor.interruption(failure.getCause())) {
                    // Not the backend's fault: stop with what is finished kept, never fall back.
                    throw new BuildAbort(BuildStatus.INTERRUPTED, failure.phase(), failure.backend(), "Build "
                            + buildId + " was interrupted in phase " + failure.phase() + " on backend '"
                            + failure.backend() + "'", failure, List.of());
                }
                failure.attempts().forEach((task, attempts) -> attemptsPerTask
                        .computeIfAbsent(task, t -> new TreeMap<>()).put(failure.backend(), attempts));
                String phaseBackend = failure.phase() == Phase.VALIDATE_OUTPUT ? CORE : failure.backend();
                failPhase(failure.phase(), phaseBackend);
                events.phaseFailed(failure.phase(), phaseBackend, failure.getMessage());
                backendFailures.add("backend '" + failure.backend() + "' failed in phase " + failure.phase() + ": "
                        + failure.getMessage());
                if (i + 1 == backends.size()) {
                    return failure;
                }
                fallBack(failure, backends.get(i + 1));
            }
        }
        throw new IllegalStateException("the cascade is never empty");
    }

    private void fallBack(PhaseFailure failure, BackendCandidate next) throws BuildAbort {
        String reason = (failure.circuitOpen() ? "the circuit of backend '" + failure.backend() + "' is open: " : "")
                + sentence(failure.getMessage());
        FallbackRecord record = new FallbackRecord(failure.phase(), failure.backend(), next.id(), reason);
        fallbacks.add(record);
        LOG.warn("[build {}] falling back from backend {} to {} after phase {} failed: {}", buildId,
                failure.backend(), next.id(), failure.phase(), reason);
        events.fallbackTriggered(failure.phase(), failure.backend(), next.id(), reason);
        clearStaging(failure.phase(), next.id());
        tasks.clear();
        facts.clear();
        planned.clear();
        taskNotes.clear();
        reusable = Map.of();
        tasksSkipped = 0;
        completedPhases.removeIf(p -> !p.backend().equals(CORE) || p.phase() != Phase.VALIDATE_SPEC);
        progress.restart(plan.totalWeight() - BuildPlan.VALIDATE_SPEC_WEIGHT);
        // The state is back to "spec validated", now on the next backend: a resume after a crash continues there.
        saveState(Phase.VALIDATE_SPEC, next.id(), failure.phase());
    }

    private void runBackend(BackendCandidate candidate) throws PhaseFailure, BuildAbort {
        String id = candidate.id();
        OrchestratorBackend backend = create(candidate);
        try {
            ReactorServices services = new ReactorServices(buildId, spec, clock, events, policies, pool, watchdog,
                    progress, staging, hooks.heap(), config.minHeapHeadroom(), config.timeouts(), hooks.ticker(),
                    agentsSpawned, usage);
            ChainReactor reactor = new ChainReactor(services, backend, id, this::taskFinished);
            for (Phase phase : BACKEND_PHASES) {
                checkInterrupted(phase, id);
                boolean skip = coveredByCheckpoint(phase);
                if (!skip) {
                    startPhase(phase, id);
                }
                Map<String, TaskRecord> reuse = new TreeMap<>();
                reusable.forEach((taskId, record) -> {
                    if (record.phase() == phase) {
                        reuse.put(taskId, record);
                    }
                });
                PhaseOutput output = reactor.runPhase(phase, plan.tasks(phase), facts, reuse);
                facts.putAll(output.facts());
                planned.addAll(output.plannedFiles());
                taskNotes.addAll(output.notes());
                notes.addAll(output.resumeNotes());
                tasksSkipped += output.reusedTasks();
                if (skip && output.ranTasks() == 0) {
                    skipPhase(phase, id, 0, output.reusedTasks() + " task(s) finished before the resume were "
                            + "taken over after their staged files matched their checkpoints");
                } else {
                    if (skip) {
                        startPhase(phase, id);
                    }
                    completePhase(phase, id, 0);
                }
            }
            reusable = Map.of();
            checkInterrupted(Phase.VALIDATE_OUTPUT, CORE);
            validateOutput(id, reactor.fileOwners(), new RepairRounds(services, backend, id, config.repairRounds(), facts,
                    reactor.fileOwners(), tasks, () -> saveState(Phase.GENERATE, currentBackend, Phase.VALIDATE_OUTPUT),
                    repairRecords));
        } finally {
            try {
                // calls of tasks that returned no result: the backend cannot say in which phase, so they count in the
                // build's usage only
                usage.addToBuild(backend.usage());
            } catch (RuntimeException e) {
                LOG.warn("[build {}] backend {} threw from usage()", buildId, id, e);
            }
            try {
                backend.close();
            } catch (RuntimeException e) {
                LOG.warn("[build {}] backend {} threw from close(), which must not throw", buildId, id, e);
            }
        }
    }

    private OrchestratorBackend create(BackendCandidate candidate) throws PhaseFailure {
        String id = candidate.id();
        OrchestratorBackend backend;
        try {
            backend = candidate.provider().provider().create(new BackendContext(buildId, spec));
        } catch (RuntimeException | LinkageError e) {
            throw new PhaseFailure(Phase.ANALYZE, id, null, "Backend '" + id + "' could not be created: "
                    + ChainReactor.describe(e), e, Map.of(), false);
        }
        if (backend == null) {
            throw new PhaseFailure(Phase.ANALYZE, id, null, "Backend provider '" + id + "' ("
                    + candidate.provider().className() + ") returned null from create(); it must return a backend",
                    null, Map.of(), false);
        }
        LOG.debug("[build {}] created backend {} ({})", buildId, id, backend.getClass().getName());
        return backend;
    }

    private void taskFinished(TaskRecord record, boolean reused) {
        tasks.put(record.id(), record);
        if (!reused && record.phase() == Phase.GENERATE) {
            checkpoints.save(Phase.GENERATE, record.id(), BuildState.toJson(new TaskCheckpoint(
                    BuildState.FORMAT_VERSION, BuildState.TASK, buildId, specHash, config.mode(), currentBackend,
                    record)));
        }
    }

    /**
     * Validates the backend's output, with the repair rounds the backend supports and the build allows between
     * validations (see {@link RepairRounds}).
     */
    private void validateOutput(String backendId, Map<String, String> owners, RepairRounds repairs) throws PhaseFailure, BuildAbort {
        startPhase(Phase.VALIDATE_OUTPUT, CORE);
        OutputCheck.Checked checked;
        try {
            checked = repairs.validate(() -> validateOnce(backendId, owners));
        } finally {
            taskNotes.addAll(repairs.notes());
        }
        ValidationReport found = checked.report();
        report = found;
        List<String> problems = checked.problems();
        if (!problems.isEmpty()) {
            OutputValidationException invalid = new OutputValidationException(problems,
                    new ErrorContext(buildId, Phase.VALIDATE_OUTPUT, null, backendId));
            String after = repairs.rounds() == 0 ? "" : " after " + repairs.rounds() + " repair round"
                    + (repairs.rounds() == 1 ? "" : "s");
            throw new PhaseFailure(Phase.VALIDATE_OUTPUT, backendId, null, "The output of backend '" + backendId
                    + "' failed validation" + after + ": " + invalid.getMessage(), invalid, Map.of(), false);
        }
        LOG.info("[build {}] output of backend {} passed validation: {} checked, {} unchecked, {} failed", buildId,
                backendId, found.summary().checked(), found.summary().unchecked(), found.summary().failed());
        verifyClaims(backendId, found);
        completePhase(Phase.VALIDATE_OUTPUT, CORE, BuildPlan.VALIDATE_OUTPUT_WEIGHT);
    }

    /** Validates the staged output once: the validators' problems, then the engine's own (unplanned files). */
    private OutputCheck.Checked validateOnce(String backendId, Map<String, String> owners) throws PhaseFailure {
        OutputCheck.Checked checked;
        try {
            checked = OutputCheck.validate(validation, hooks.reports(), staging, planned, config.generatedTests(),
                    backendId, owners);
        } catch (FactoryException | java.io.UncheckedIOException e) {
            throw new PhaseFailure(Phase.VALIDATE_OUTPUT, backendId, null, "The output of backend '" + backendId
                    + "' could not be validated: " + e.getMessage(), e, Map.of(), false);
        }
        report = checked.report();
        return checked;
    }

    /**
     * Verifies the requirement claims of the backend's tasks against its validated output and applies the feature
     * requirement: a backend whose ledger does not meet it fails {@code VALIDATE_OUTPUT} (not transient, and not
     * the backend's circuit's business), so the cascade falls back.
     */
    private void verifyClaims(String backendId, ValidationReport found) throws PhaseFailure {
        VerifiedLedger verified = OutputCheck.verifyClaims(spec, backendId, tasks.values(), found);
        for (String note : verified.notes()) {
            notes.add(note);
            LOG.warn("[build {}] {}", buildId, note);
            events.notice(Phase.VALIDATE_OUTPUT, note);
        }
        Coverage coverage = verified.coverage();
        LOG.info("[build {}] requirement ledger of backend {}: {} implemented, {} partial, {} not implemented",
                buildId, backendId, coverage.implemented(), coverage.partial(), coverage.notImplemented());
        List<RequirementOutcome> unmet = coverage.unmet(config.requireFeatures());
        if (!unmet.isEmpty()) {
            refusedLedgers.add(verified);
            throw new PhaseFailure(Phase.VALIDATE_OUTPUT, backendId, null,
                    UnmetRequirements.refusal(backendId, config.requireFeatures(), unmet), null, Map.of(), false);
        }
        ledger = verified;
    }

    private BuildResult publish() throws BuildAbort {
        checkInterrupted(Phase.PUBLISH, CORE);
        startPhase(Phase.PUBLISH, CORE);
        notes.addAll(taskNotes);
        notes.addAll(report.notes());
        String slug = PublishStep.slug(spec);
        int fileCount;
        try {
            PublishStep.writeDocsAndMetadata(staging, manifest());
            fileCount = PublishStep.projectFiles(staging);
        } catch (java.io.UncheckedIOException e) {
            throw new BuildAbort(BuildStatus.FAILED, Phase.PUBLISH, CORE, "Could not write "
                    + RequirementsReport.PATH + " into the staged project: " + e.getMessage(), e,
                    List.of("check the output directory and run again"));
        } catch (FactoryException e) {
            throw new BuildAbort(BuildStatus.FAILED, Phase.PUBLISH, CORE, "Could not write " + BuildMetadata.PATH
                    + " into the staged project: " + e.getMessage(), e, List.of("check the output directory and run "
                    + "again"));
        }
        Path outputRoot = PublishStep.outputRoot(staging);
        Path published;
        try {
            Publisher.Publication publication = PublishStep.publish(staging, slug, outputSeen, config.overwrite());
            published = publication.directory();
            for (String note : publication.notes()) {
                notes.add(note);
                events.notice(Phase.PUBLISH, note);
            }
        } catch (OutputConflictException e) {
            // the directory changed while the build ran: thrown as it is, the validated project stays staged
            failPhase(Phase.PUBLISH, CORE);
            events.phaseFailed(Phase.PUBLISH, CORE, e.getMessage());
            LOG.warn("[build {}] {}", buildId, e.getMessage());
            finish(BuildStatus.FAILED, null);
            throw e;
        } catch (FactoryException | IllegalArgumentException e) {
            List<String> recovery = new ArrayList<>();
            if (e instanceof FactoryException factoryFailure) {
                recovery.addAll(factoryFailure.recoveryOptions());
            }
            recovery.add("the validated project is still staged at '" + staging.root() + "'");
            throw new BuildAbort(BuildStatus.FAILED, Phase.PUBLISH, CORE, "Could not publish the validated project "
                    + "to '" + outputRoot.resolve(slug) + "': " + e.getMessage(), e, recovery, true);
        }
        try {
            staging.delete();
        } catch (FactoryException e) {
            LOG.warn("[build {}] published, but could not delete the staging area {}", buildId, staging.root(), e);
            notes.add("The staging area '" + staging.root() + "' could not be removed after publishing ("
                    + e.getMessage() + "); delete it by hand");
        }
        try {
            completePhase(Phase.PUBLISH, CORE, BuildPlan.PUBLISH_WEIGHT);
        } catch (BuildAbort e) {
            LOG.warn("[build {}] published to {}, but {}", buildId, published, e.getMessage(), e);
            notes.add("The project was published, but the final checkpoint could not be saved: " + e.getMessage());
        }
        progress.finish();
        events.progress(Phase.PUBLISH, 100.0, 0);
        BuildResult result = result(BuildStatus.SUCCEEDED, published, fileCount);
        LOG.info("[build {}] succeeded: published {} ({} files, {} agents, {} retries, {} fallbacks)", buildId,
                published, fileCount, agentsSpawned.get(), result.retries(), fallbacks.size());
        finish(BuildStatus.SUCCEEDED, published);
        return result;
    }

    private PublishStep.Manifest manifest() {
        Map<String, String> backends = new LinkedHashMap<>();
        List<PhaseResult> ended = new ArrayList<>();
        phases.forEach((phase, entry) -> {
            backends.put(phase.name(), entry.backend);
            if (entry.status != null) {
                ended.add(new PhaseResult(phase, entry.status, entry.backend, entry.durationMillis,
                        usage.phase(phase)));
            }
        });
        return new PublishStep.Manifest(buildId, specHash, spec, config.mode(), buildStart,
                backends, ended, agentsSpawned.get(), policies.retries(), report, ledger.coverage(), ledger.backend(),
                fallbacks, List.copyOf(notes), usage.total(), repairRecords);
    }

    private BuildFailedException exhausted(PhaseFailure last) {
        if (!refusedLedgers.isEmpty()) {
            return requirementsNotMet();
        }
        int staged = stagedFiles();
        List<Throwable> cleanupFailures = new ArrayList<>();
        deleteStaging(cleanupFailures);
        BuildResult result = result(BuildStatus.FAILED, null, staged);
        List<String> recovery = new ArrayList<>();
        recovery.add("read the failure of each backend above and fix what it names (the backend, or the spec feature "
                + "it could not handle)");
        if (last.getCause() instanceof TaskFailureException taskFailure && taskFailure.isTransient()) {
            recovery.add("run the build again: the last failure was transient (I/O or a timeout) and may not recur");
        }
        if (config.mode() != Mode.MINIMAL) {
            recovery.add("use --mode minimal (Mode.MINIMAL) for a small but valid project"
                    + (config.requireFeatures() == FeatureRequirement.NONE ? ""
                            : ", with FeatureRequirement.NONE: the minimal backend implements no feature of the spec"));
        }
        if (!config.faults().isNone()) {
            recovery.add("the build ran with fault injection (" + config.faults().toSpec() + "); run it without "
                    + "--faults");
        }
        recovery.add("after fixing the cause, " + resumeHint() + ": it continues from the last checkpoint");
        String message = "Build " + buildId + " failed: every backend of the cascade failed (tried "
                + String.join(", ", backendsTried) + "); nothing was published.\n  "
                + String.join("\n  ", backendFailures);
        Throwable cause = PublicCauses.of(last.getCause());
        BuildFailedException failure = new BuildFailedException(message, cause,
                new ErrorContext(buildId, last.phase(), last.taskId(), last.backend()), result, attemptsPerTask,
                backendsTried, recovery);
        cleanupFailures.forEach(failure::addSuppressed);
        LOG.warn("[build {}] {}", buildId, message);
        finish(BuildStatus.FAILED, null);
        return failure;
    }

    /** The cascade is exhausted and at least one backend's output was refused by the feature requirement. */
    private RequirementsNotMetException requirementsNotMet() {
        int staged = stagedFiles();
        List<Throwable> cleanupFailures = new ArrayList<>();
        deleteStaging(cleanupFailures);
        BuildResult result = result(BuildStatus.FAILED, null, staged);
        VerifiedLedger best = UnmetRequirements.best(refusedLedgers);
        List<RequirementOutcome> unmet = best.coverage().unmet(config.requireFeatures());
        String message = "Build " + buildId + " failed: no backend of the cascade (tried "
                + String.join(", ", backendsTried) + ") implemented every requirement the feature requirement "
                + config.requireFeatures() + " needs; nothing was published. Backend '" + best.backend()
                + "' implemented most (" + best.coverage().implemented() + " of "
                + best.coverage().requirements().size() + " requirements); not implemented:\n  "
                + UnmetRequirements.lines(unmet)
                + "\nPer backend:\n  " + String.join("\n  ", backendFailures.stream()
                        .map(BuildRun::headline).toList());
        RequirementsNotMetException failure = new RequirementsNotMetException(message,
                new ErrorContext(buildId, Phase.VALIDATE_OUTPUT, null, best.backend()), result,
                config.requireFeatures(), unmet, backendsTried,
                UnmetRequirements.recoveryOptions(config.generatedTests().enabled(), unmet));
        cleanupFailures.forEach(failure::addSuppressed);
        LOG.warn("[build {}] {}", buildId, message);
        finish(BuildStatus.FAILED, null);
        return failure;
    }

    private BuildFailedException aborted(BuildAbort abort) {
        if (phases.containsKey(abort.phase())) {
            failPhase(abort.phase(), phases.get(abort.phase()).backend);
            events.phaseFailed(abort.phase(), phases.get(abort.phase()).backend, abort.getMessage());
        }
        int staged = stagedFiles();
        List<Throwable> cleanupFailures = new ArrayList<>();
        BuildStatus status = abort.status() == BuildStatus.FAILED && interruption(abort)
                ? BuildStatus.INTERRUPTED : abort.status();
        if (!abort.keepStaging() && status != BuildStatus.INTERRUPTED) {
            deleteStaging(cleanupFailures);
        }
        List<String> recovery = new ArrayList<>(abort.recoveryOptions());
        if (resume == null && checkpoints.sequence() == 0) {
            // stopped before its first checkpoint: the repository holds nothing of it, so there is nothing to resume
            recovery.removeIf(o -> o.contains("Factory.resume("));
            recovery.add(0, "start the build again: it stopped before its first checkpoint, so there is nothing to "
                    + "resume");
        } else if (recovery.stream().noneMatch(o -> o.contains("Factory.resume("))) {
            if (status == BuildStatus.INTERRUPTED) {
                recovery.add(0, resumeHint() + "; finished work was checkpointed");
            } else {
                recovery.add("after fixing the cause, " + resumeHint() + ": it continues from the last checkpoint");
            }
        }
        BuildResult result = result(status, null, staged);
        String stopReason = control.stopReason();
        String message = status == BuildStatus.INTERRUPTED
                ? abort.getMessage() + (stopReason == null ? "" : " because " + stopReason) + "; nothing was published" + (staging == null ? "" : " and the staged files were "
                        + "kept at '" + staging.root() + "'")
                : "Build " + buildId + " failed: " + abort.getMessage() + "; nothing was published";
        BuildFailedException failure = new BuildFailedException(message, PublicCauses.of(abort.getCause()),
                new ErrorContext(buildId, abort.phase(), null, abort.backend()), result, attemptsPerTask,
                backendsTried, recovery);
        cleanupFailures.forEach(failure::addSuppressed);
        LOG.warn("[build {}] {}", buildId, message);
        finish(status, null);
        if (status == BuildStatus.INTERRUPTED) {
            Thread.currentThread().interrupt();
        }
        return failure;
    }

    /** @return whether the abort was caused by an interrupt (e.g. a checkpoint write cut short by Ctrl-C) */
    private static boolean interruption(BuildAbort abort) {
        return Thread.currentThread().isInterrupted() || ChainReactor.interruption(abort.getCause());
    }

    private int stagedFiles() {
        if (staging == null) {
            return 0;
        }
        try {
            return staging.files().size();
        } catch (RuntimeException e) {
            LOG.warn("[build {}] could not count the staged files", buildId, e);
            return 0;
        }
    }

    private void deleteStaging(Throwable failure) {
        List<Throwable> problems = new ArrayList<>();
        deleteStaging(problems);
        problems.forEach(failure::addSuppressed);
    }

    private void deleteStaging(List<Throwable> problems) {
        if (staging == null) {
            return;
        }
        try {
            staging.delete();
        } catch (RuntimeException e) {
            LOG.warn("[build {}] could not delete the staging area {}", buildId, staging.root(), e);
            problems.add(e);
        }
    }

    private void finish(BuildStatus status, Path published) {
        finished = true;
        events.buildFinished(status, published);
    }

    private BuildResult result(BuildStatus status, Path outputDirectory, int files) {
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
                policies == null ? 0 : policies.retries(), fallbacks, firstPhaseThatRan(), tasksSkipped,
                report == null ? ValidationSummary.EMPTY : report.summary(), coverage(status), allNotes,
                usage.total()).withRepairs(repairRecords)
                .withCircuits(policies == null ? Map.of() : policies.circuitStates());
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
        if (resume == null) {
            return resumedFrom;
        }
        for (Map.Entry<Phase, PhaseEntry> entry : phases.entrySet()) {
            if (entry.getValue().status != PhaseStatus.SKIPPED) {
                return entry.getKey();
            }
        }
        return resumedFrom;
    }

    private void startPhase(Phase phase, String backend) {
        PhaseEntry entry = phases.computeIfAbsent(phase, p -> new PhaseEntry());
        entry.backend = backend;
        entry.status = null;
        entry.startedAt = hooks.ticker().getAsLong();
        LOG.info("[build {}] phase {} started on {}", buildId, phase, backend);
        events.phaseStarted(phase, backend);
    }

    private void completePhase(Phase phase, String backend, double weight) throws BuildAbort {
        PhaseEntry entry = phases.get(phase);
        long millis = entry.stop(hooks.ticker().getAsLong());
        entry.status = PhaseStatus.COMPLETED;
        completedPhases.add(new PhaseRecord(phase, backend, millis));
        LOG.info("[build {}] phase {} completed on {} in {} ms", buildId, phase, backend, millis);
        events.phaseCompleted(phase, backend, millis);
        if (weight > 0) {
            double percent = progress.advance(weight);
            events.progress(phase, percent, progress.etaMillis());
        }
        saveState(phase, currentBackend, phase);
    }

    /** Records a phase that did not need to run in this resumed build. */
    private void skipPhase(Phase phase, String backend, double weight, String why) {
        PhaseEntry entry = phases.computeIfAbsent(phase, p -> new PhaseEntry());
        entry.backend = backend;
        entry.status = PhaseStatus.SKIPPED;
        completedPhases.add(new PhaseRecord(phase, backend, 0));
        String message = "Phase " + phase + " skipped on resume: " + why;
        LOG.info("[build {}] {}", buildId, message);
        events.notice(phase, message);
        if (weight > 0) {
            double percent = progress.advance(weight);
            events.progress(phase, percent, progress.etaMillis());
        }
    }

    /**
     * Saves the whole state as a phase checkpoint.
     *
     * @param phase   the phase the state follows
     * @param backend the backend the build is on
     * @param failed  the phase to name when the save fails
     */
    private void saveState(Phase phase, String backend, Phase failed) throws BuildAbort {
        String payload = BuildState.toJson(new PhaseCheckpoint(BuildState.FORMAT_VERSION, BuildState.PHASE, buildId,
                specHash, config.mode(), backend, phase, completedPhases, new ArrayList<>(tasks.values()), facts,
                new ArrayList<>(planned), fallbacks, backendsTried,
                specFile == null ? null : specFile.toString(), config.outputDirectory().toString(),
                refusedLedgers.stream().map(l -> new BuildState.RefusedLedger(l.backend(), l.coverage())).toList(),
                config.requireFeatures(), config.repairRounds()));
        try {
            checkpoints.save(phase, null, payload);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || ChainReactor.interruption(e)) {
                // the stop (cancel, deadline, interrupt) arrived during the write: the repository is not at fault
                throw new BuildAbort(BuildStatus.INTERRUPTED, failed, backend, "Build " + buildId + " was stopped "
                        + "while it saved the checkpoint after phase " + phase + "; that checkpoint was not saved", e,
                        List.of(resumeHint() + ": phase " + phase + " runs again, the work checkpointed before it "
                                + "is kept"));
            }
            throw new BuildAbort(BuildStatus.FAILED, failed, backend, "Could not save the checkpoint after phase "
                    + phase + ": " + e.getMessage(), e,
                    List.of("check that the checkpoint repository is writable and has space, then run again"));
        }
    }

    private void failPhase(Phase phase, String backend) {
        PhaseEntry entry = phases.computeIfAbsent(phase, p -> new PhaseEntry());
        entry.backend = backend;
        if (entry.startedAt != null) {
            entry.stop(hooks.ticker().getAsLong());
        }
        entry.status = PhaseStatus.FAILED;
    }

    private static String sentence(String message) {
        String first = headline(message);
        return first.length() > MAX_REASON_LENGTH ? first.substring(0, MAX_REASON_LENGTH - 1) + "…" : first;
    }

    /**
     * @return the first line of a failure message; when it only introduces a list ("failed validation (1 problem):"),
     *         joined with the first entry of the list, so the reason says what failed
     */
    private static String headline(String message) {
        if (message == null) {
            return "unknown failure";
        }
        List<String> lines = message.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(2).toList();
        if (lines.isEmpty()) {
            return "";
        }
        String first = lines.get(0);
        return first.endsWith(":") && lines.size() > 1 ? first + " " + lines.get(1) : first;
    }

    /** @return the configured listeners, then this run's own */
    private List<BuildListener> listeners() {
        if (control.listeners().isEmpty()) {
            return config.listeners();
        }
        List<BuildListener> all = new ArrayList<>(config.listeners());
        all.addAll(control.listeners());
        return all;
    }

    private ScheduledExecutorService newScheduler() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2,
                threads("factory-" + buildId + "-scheduler-"));
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private ThreadFactory threads(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(() -> {
                MDC.put("buildId", buildId);
                runnable.run();
            }, prefix + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
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

    /**
     * The plan's expected duration from the pattern store's experience: per phase, the estimated durations of its
     * top-level tasks (a task the store knows nothing about counts as the mean of those it knows) spread over the
     * parallelism. 0 when the store knows none of them.
     */
    private long priorMillis(BuildPlan plan) {
        Map<Phase, Integer> tasks = new EnumMap<>(Phase.class);
        Map<Phase, Integer> knownTasks = new EnumMap<>(Phase.class);
        Map<Phase, Double> knownMillis = new EnumMap<>(Phase.class);
        for (var planned : plan.tasks()) {
            AgentTask task = planned.task();
            tasks.merge(task.phase(), 1, Integer::sum);
            config.patterns().estimate(task.phase(), task.role()).ifPresent(estimate -> {
                knownTasks.merge(task.phase(), 1, Integer::sum);
                knownMillis.merge(task.phase(), estimate.toNanos() / 1e6, Double::sum);
            });
        }
        int known = knownTasks.values().stream().mapToInt(Integer::intValue).sum();
        if (known == 0) {
            return 0;
        }
        double mean = knownMillis.values().stream().mapToDouble(Double::doubleValue).sum() / known;
        double total = 0;
        for (Map.Entry<Phase, Integer> phase : tasks.entrySet()) {
            int unknown = phase.getValue() - knownTasks.getOrDefault(phase.getKey(), 0);
            double phaseMillis = knownMillis.getOrDefault(phase.getKey(), 0.0) + unknown * mean;
            total += phaseMillis / Math.min(config.parallelism(), phase.getValue());
        }
        return Math.round(total);
    }
}

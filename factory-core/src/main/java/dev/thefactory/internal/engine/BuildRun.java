package dev.thefactory.internal.engine;

import dev.thefactory.api.BackendUnavailableException;
import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.OutputConflictException;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseStatus;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.RequirementsNotMetException;
import dev.thefactory.api.event.BuildListener;
import dev.thefactory.internal.backend.BackendCascade;
import dev.thefactory.internal.backend.SkippedProvider;
import dev.thefactory.internal.events.BuildEvents;
import dev.thefactory.internal.events.EventDispatcher;
import dev.thefactory.internal.output.PublishedOutput;
import dev.thefactory.internal.output.Publisher;
import dev.thefactory.internal.output.RequirementsReport;
import dev.thefactory.internal.output.SafePaths;
import dev.thefactory.internal.output.StagingArea;
import dev.thefactory.internal.plan.BuildPlan;
import dev.thefactory.internal.plan.Planner;
import dev.thefactory.internal.resilience.ResiliencePolicies;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One run of a build, from {@code BuildStarted} to {@code BuildFinished}, in the order its steps happen: it refuses an
 * output directory that publishing would destroy, resolves the backend cascade, records {@code VALIDATE_SPEC} (the spec
 * was validated when the factory was built) and plans, opens the staging area, hands the cascade to the
 * {@link CascadeDriver} (which runs {@code ANALYZE} to {@code VALIDATE_OUTPUT} on one backend after the other until one
 * succeeds), and publishes the validated project (see {@link PublishStep}). What happened is kept in the run's
 * {@link BuildRecord}, which assembles the {@link BuildResult}; a build that does not publish ends through
 * {@link BuildFailures}: every backend failed ({@link BuildFailedException}), none met the feature requirement
 * ({@link RequirementsNotMetException}), or it was stopped. A checkpoint is saved after every phase and every finished
 * {@code GENERATE} task.
 *
 * <p><strong>Resume.</strong> Given a {@link ResumePoint}, the run keeps the build's id and continues after the last
 * checkpoint: the {@link ResumeVerifier} checks the staged files of the checkpointed tasks and picks the backend the
 * build continues on; phases whose tasks were all taken over are reported as {@link PhaseStatus#SKIPPED}.
 *
 * <p>Used once, by one thread; the threads it starts (a fixed pool named {@code factory-<buildId>-<n>} and a
 * scheduler) are stopped before {@link #execute()} returns.
 */
final class BuildRun {

    private static final Logger LOG = LoggerFactory.getLogger(BuildRun.class);
    private static final String CORE = BuildRecord.CORE;

    private final BuildEngine engine;
    private final EngineConfig config;
    private final ProjectSpec spec;
    private final EngineHooks hooks;
    private final String buildId;
    private final Clock clock;
    private final ResumePoint resume;
    private final Path specFile;
    private final List<String> restartNotes;

    private BuildRecord record;
    private BuildFailures failures;
    private BuildEvents events;
    private Watchdog watchdog;
    private ScheduledExecutorService scheduler;
    private ExecutorService pool;
    private StagingArea staging;
    /** What the project's output directory held when the build started; publishing expects the same. */
    private PublishedOutput outputSeen;
    /** This run's own listeners, deadline and stop reason. */
    private RunControl control = RunControl.none();
    /** Why the build was interrupted before this run began (taking its lock, reading its checkpoints), or null. */
    private Throwable interruptedBefore;
    /** Whether the run continues a checkpointed build (set for a resume stopped before its checkpoints were read). */
    private boolean resuming;

    /**
     * @param engine       the engine whose configuration, spec and hooks the run uses
     * @param buildId      the build's id
     * @param specFile     the absolute spec file, recorded in the checkpoints; null when the spec was not a file
     * @param resume       where a resumed build continues, or null for a fresh build (then {@code buildId} is new)
     * @param restartNotes null, or — for a build resumed although it saved no readable checkpoint before it stopped,
     *                     which therefore starts from the beginning under its id — why, for the result's notes
     */
    BuildRun(BuildEngine engine, String buildId, Path specFile, ResumePoint resume, List<String> restartNotes) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.config = engine.config();
        this.spec = engine.spec();
        this.hooks = engine.hooks();
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
     * Makes the run end {@code INTERRUPTED} right after {@code BuildStarted}, without work: the build was interrupted
     * while it took its lock or read its checkpoints, which the interrupt cut short.
     *
     * @param cause    what the interrupt made fail, or null
     * @param resumed  whether the build being started was a resume (its checkpoints are then still there)
     * @return this run
     */
    BuildRun interruptedBeforeStart(Throwable cause, boolean resumed) {
        this.interruptedBefore = cause == null ? new InterruptedException("interrupted before the build began") : cause;
        this.resuming = resumed;
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
            CheckpointWriter checkpoints = new CheckpointWriter(config.checkpoints(), buildId, clock, events,
                    resume == null ? 0 : resume.lastSequence());
            record = new BuildRecord(config, spec, engine.specHash(), specFile, buildId, events, hooks.ticker(),
                    checkpoints, resume != null, clock.instant());
            failures = new BuildFailures(record, config, resume != null || resuming);
            return run();
        } finally {
            control.detach();
            if (staging != null) {
                // the compiler's and the generated tests' scratch space goes with the run, however it ended
                staging.releaseWork();
            }
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
        ResumeVerifier verifier = new ResumeVerifier(record, resume, config);
        if (resume != null) {
            record.takeOver(resume);
        } else if (restartNotes != null) {
            record.resumedFrom(Phase.VALIDATE_SPEC);
        }
        events.buildStarted(spec.name(), config.mode(), record.resumedFrom());
        if (restartNotes != null) {
            for (String note : restartNotes) {
                record.notes.add(note);
                LOG.warn("[build {}] {}", buildId, note);
                events.notice(null, note);
            }
        }
        if (resume == null) {
            LOG.info("[build {}] started: project '{}', mode {}, output directory {}", buildId, spec.name(),
                    config.mode(), config.outputDirectory());
        } else {
            verifier.announce(spec, engine.specHash());
        }
        BackendCascade cascade;
        try {
            if (interruptedBefore != null) {
                throw interrupted(interruptedBefore);
            }
            // An interrupt before the first phase stops the build here, never as the failure it would make of the
            // output check or of backend discovery (a health check cut short reads as an unhealthy backend).
            BuildAbort.ifInterrupted(buildId, Phase.VALIDATE_SPEC, CORE);
            outputSeen = checkOutput();
            BuildAbort.ifInterrupted(buildId, Phase.VALIDATE_SPEC, CORE);
            cascade = resolveBackends();
        } catch (BuildAbort abort) {
            throw failures.aborted(abort, null, control.stopReason());
        } catch (FactoryException e) {
            if (Thread.currentThread().isInterrupted() || ChainReactor.interruption(e)) {
                throw failures.aborted(interrupted(e), null, control.stopReason());
            }
            // before any work: thrown to the caller as it is (an OutputConflictException names the fixes, a
            // BackendUnavailableException what was looked for); logged for the build's trail
            LOG.warn("[build {}] {}", buildId, e.getMessage());
            record.finish(BuildStatus.FAILED, null);
            throw e;
        }
        try {
            control.attach(); // a stop asked for before this point takes effect here, before the first phase
            validateSpecPhase();
            PhaseFailure last = prepare(verifier).run(cascade);
            if (last != null) {
                throw failures.exhausted(last, staging);
            }
            return publish();
        } catch (BuildAbort abort) {
            throw failures.aborted(abort, staging, control.stopReason());
        } catch (RuntimeException | Error unexpected) {
            if (!record.finished()) {
                LOG.error("[build {}] failed unexpectedly: {}", buildId, unexpected.toString(), unexpected);
                failures.deleteStaging(staging, unexpected);
                record.finish(BuildStatus.FAILED, null);
            }
            throw unexpected;
        }
    }

    /** @return the stop of a build interrupted before its first phase, by what the interrupt cut short */
    private BuildAbort interrupted(Throwable cause) {
        return new BuildAbort(BuildStatus.INTERRUPTED, Phase.VALIDATE_SPEC, CORE, "Build " + buildId + " was "
                + "interrupted before phase " + Phase.VALIDATE_SPEC,
                cause instanceof InterruptedException ? null : cause, List.of());
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

    /**
     * Resolves the cascade as {@link BuildEngine#cascade()} does, reporting what it left out.
     *
     * @return the cascade
     * @throws BuildAbort when the build was interrupted while the backends' health was checked: a check cut short
     *                    says nothing of its backend, which is therefore not reported unhealthy
     */
    private BackendCascade resolveBackends() throws BuildAbort {
        BackendCascade cascade = engine.cascade(notLoaded -> events.providerSkipped(notLoaded.provider(),
                notLoaded.reason()));
        BuildAbort.ifInterrupted(buildId, Phase.VALIDATE_SPEC, CORE);
        cascade.notes().forEach(note -> {
            record.notes.add(note);
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
        BuildAbort.ifInterrupted(buildId, Phase.VALIDATE_SPEC, CORE);
        if (resume == null) {
            record.startPhase(Phase.VALIDATE_SPEC, CORE);
        }
        BuildPlan plan = new Planner().plan(spec);
        record.planned(plan, new ProgressTracker(hooks.ticker(), plan.totalWeight(), config.patterns(),
                ProgressTracker.priorMillis(plan, config.patterns(), config.parallelism())));
        LOG.info("[build {}] plan: {} top-level tasks, agent budget {} ({}), up to {} agents", buildId,
                plan.tasks().size(), plan.agentBudget(), plan.complexity().id(), plan.plannedAgents());
        for (String note : plan.notes()) {
            record.notes.add(note);
            LOG.info("[build {}] {}", buildId, note);
            events.notice(Phase.VALIDATE_SPEC, note);
        }
        if (resume == null) {
            record.completePhase(Phase.VALIDATE_SPEC, CORE, BuildPlan.VALIDATE_SPEC_WEIGHT);
        } else {
            record.skipPhase(Phase.VALIDATE_SPEC, CORE, BuildPlan.VALIDATE_SPEC_WEIGHT, "the spec was validated when "
                    + "the factory was built, and the build was checkpointed after it");
        }
    }

    /** Starts the task threads and the resilience policies and opens the staging area for the cascade. */
    private CascadeDriver prepare(ResumeVerifier verifier) throws BuildAbort {
        pool = Executors.newFixedThreadPool(config.parallelism(), threads("factory-" + buildId + "-"));
        ResiliencePolicies policies = new ResiliencePolicies(config.retry(), config.circuitBreaker(), config.timeouts(),
                config.faults(), clock, scheduler, events.sink(), buildId, hooks.attempts());
        record.policies(policies);
        try {
            staging = StagingArea.open(config.outputDirectory(), buildId, config.quotas());
        } catch (FactoryException e) {
            throw new BuildAbort(BuildStatus.FAILED, Phase.ANALYZE, CORE, "Could not open the staging area under the "
                    + "output directory '" + config.outputDirectory() + "': " + e.getMessage(), e,
                    List.of("choose a writable output directory (Factory.Builder.outputDirectory, --out)"));
        }
        CascadeDriver driver = new CascadeDriver(new ReactorServices(buildId, spec, clock, events, policies, pool,
                watchdog, record.progress(), staging, hooks.heap(), config.minHeapHeadroom(), config.timeouts(),
                hooks.ticker(), record.agentsSpawned, record.usage), record, verifier, config, hooks,
                hooks.validation().get());
        if (restartNotes != null) {
            CascadeDriver.clearStaging(staging, Phase.ANALYZE, CORE);
        }
        return driver;
    }

    /** Publishes the validated project: the docs and manifest are written into it, then it replaces the output. */
    private BuildResult publish() throws BuildAbort {
        BuildAbort.ifInterrupted(buildId, Phase.PUBLISH, CORE);
        record.startPhase(Phase.PUBLISH, CORE);
        record.notes.addAll(record.taskNotes);
        record.notes.addAll(record.report().notes());
        String slug = PublishStep.slug(spec);
        int fileCount;
        try {
            PublishStep.writeDocsAndMetadata(staging, record.manifest());
            fileCount = PublishStep.projectFiles(staging);
        } catch (java.io.UncheckedIOException e) {
            if (ChainReactor.interruption(e)) {
                throw new BuildAbort(BuildStatus.INTERRUPTED, Phase.PUBLISH, CORE, "Build " + buildId + " was "
                        + "interrupted in phase " + Phase.PUBLISH + " before it published", e, List.of());
            }
            throw new BuildAbort(BuildStatus.FAILED, Phase.PUBLISH, CORE, "Could not write "
                    + RequirementsReport.PATH + " into the staged project: " + e.getMessage(), e,
                    List.of("check the output directory and run again"));
        } catch (FactoryException e) {
            throw new BuildAbort(BuildStatus.FAILED, Phase.PUBLISH, CORE, "Could not write " + BuildMetadata.PATH
                    + " into the staged project: " + e.getMessage(), e, List.of("check the output directory and run "
                    + "again"));
        }
        // the last moment a stop can take effect: the rename below publishes the project
        BuildAbort.ifInterrupted(buildId, Phase.PUBLISH, CORE);
        Path outputRoot = PublishStep.outputRoot(staging);
        Path published;
        try {
            Publisher.Publication publication = PublishStep.publish(staging, slug, outputSeen, config.overwrite());
            published = publication.directory();
            for (String note : publication.notes()) {
                record.notes.add(note);
                events.notice(Phase.PUBLISH, note);
            }
        } catch (OutputConflictException e) {
            // the directory changed while the build ran: thrown as it is, the validated project stays staged
            record.failPhase(Phase.PUBLISH, CORE);
            events.phaseFailed(Phase.PUBLISH, CORE, e.getMessage());
            LOG.warn("[build {}] {}", buildId, e.getMessage());
            record.finish(BuildStatus.FAILED, null);
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
            record.notes.add("The staging area '" + staging.root() + "' could not be removed after publishing ("
                    + e.getMessage() + "); delete it by hand");
        }
        try {
            record.completePhase(Phase.PUBLISH, CORE, BuildPlan.PUBLISH_WEIGHT);
        } catch (BuildAbort e) {
            LOG.warn("[build {}] published to {}, but {}", buildId, published, e.getMessage(), e);
            record.notes.add("The project was published, but the final checkpoint could not be saved: " + e.getMessage());
        }
        record.progress().finish();
        events.progress(Phase.PUBLISH, 100.0, 0);
        BuildResult result = record.result(BuildStatus.SUCCEEDED, published, fileCount);
        LOG.info("[build {}] succeeded: published {} ({} files, {} agents, {} retries, {} fallbacks)", buildId,
                published, fileCount, record.agentsSpawned.get(), result.retries(), record.fallbacks.size());
        record.finish(BuildStatus.SUCCEEDED, published);
        return result;
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
}

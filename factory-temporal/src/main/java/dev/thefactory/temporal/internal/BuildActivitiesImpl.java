package dev.thefactory.temporal.internal;

import dev.thefactory.api.FactoryException;
import dev.thefactory.api.OutputValidationException;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.PhaseStatus;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.RepairRecord;
import dev.thefactory.api.RequirementOutcome;
import dev.thefactory.api.Usage;
import dev.thefactory.api.event.AgentSpawned;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.RepairRoundFinished;
import dev.thefactory.api.event.TaskCompleted;
import dev.thefactory.api.event.TaskFailed;
import dev.thefactory.internal.coverage.UnmetRequirements;
import dev.thefactory.internal.coverage.VerifiedLedger;
import dev.thefactory.internal.engine.AgentAttempt;
import dev.thefactory.internal.engine.BuildEngine;
import dev.thefactory.internal.engine.BuildState.FileRef;
import dev.thefactory.internal.engine.BuildState.TaskRecord;
import dev.thefactory.internal.engine.EngineConfig;
import dev.thefactory.internal.engine.OutputCheck;
import dev.thefactory.internal.engine.PublishStep;
import dev.thefactory.internal.engine.RepairStep;
import dev.thefactory.internal.output.PublishedOutput;
import dev.thefactory.internal.output.Publisher;
import dev.thefactory.internal.output.StagingArea;
import dev.thefactory.internal.plan.BuildPlan;
import dev.thefactory.internal.plan.PlannedTask;
import dev.thefactory.internal.resilience.ResiliencePolicies;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.TaskResult;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The activities, on a worker: each calls the core's own steps ({@link AgentAttempt}, {@link OutputCheck} and the
 * repair rounds of {@link RepairStep}, {@link PublishStep}, the publisher's checks), so a build on Temporal follows
 * the same rules as a local one. A task
 * activity heartbeats while its agent runs; a failure the local engine would not retry is a non-retryable
 * {@link ApplicationFailure} of type {@link BuildWorkflowImpl#PERMANENT}.
 *
 * <p>Thread-safe: one instance serves every activity of a worker.
 */
public final class BuildActivitiesImpl implements BuildActivities {

    private static final Logger LOG = LoggerFactory.getLogger(BuildActivitiesImpl.class);
    /** How often a running activity heartbeats: well within {@link BuildWorkflowImpl#HEARTBEAT_TIMEOUT}. */
    private static final long HEARTBEAT_MILLIS = 5_000;
    /** How long discarding a build waits for its running task attempts on this worker to stop. */
    private static final long STOP_WAIT_MILLIS = 10_000;

    private final WorkerBuilds builds;
    private final ScheduledExecutorService heartbeats;

    /**
     * @param builds the worker's builds
     */
    BuildActivitiesImpl(WorkerBuilds builds) {
        this.builds = Objects.requireNonNull(builds, "builds");
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "factory-temporal-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Stops the heartbeat thread and closes the backends of every build this worker saw. */
    void close() {
        heartbeats.shutdownNow();
        builds.close();
    }

    @Override
    public Prepared prepare(BuildRequest request) {
        return within(request, () -> {
            WorkerBuilds.Build build = builds.of(request);
            BuildEngine engine = build.engine();
            EngineConfig config = engine.config();
            String slug = PublishStep.slug(engine.spec());
            PublishedOutput seen;
            List<String> cascade;
            List<String> cascadeNotes;
            try {
                seen = Publisher.check(config.outputDirectory(), slug, request.buildId(), config.overwrite());
                cascade = build.cascade().ids();
                cascadeNotes = build.cascade().notes();
            } catch (FactoryException e) {
                throw ApplicationFailure.newNonRetryableFailureWithCause(e.getMessage(), BuildWorkflowImpl.REFUSED, e,
                        Refusal.of(e, request.buildId(), null));
            }
            BuildPlan plan = engine.plan();
            List<PlannedStep> steps = new ArrayList<>();
            for (PlannedTask task : plan.tasks()) {
                steps.add(new PlannedStep(task.task(), task.childAllowance()));
            }
            // the notes a local build has at this point, in its order: the cascade's, then the planner's
            List<String> notes = new ArrayList<>(cascadeNotes);
            notes.addAll(plan.notes());
            String notice = Publisher.notice(seen, slug, request.buildId());
            if (notice != null) {
                LOG.info("[build {}] {}", request.buildId(), notice);
            }
            build.staging().clear();
            LOG.info("[build {}] prepared on Temporal: cascade {}, {} top-level tasks", request.buildId(), cascade,
                    steps.size());
            return new Prepared(cascade, steps, notes, new Prepared.SeenOutput(seen.directory().toString(),
                    seen.kind().name(), seen.publishedBy(), seen.differences()),
                    config.clock().instant().toString());
        });
    }

    @Override
    public TaskOutcome runTask(BuildRequest request, String backendId, AgentTask task, int allowance,
            Map<String, String> facts) {
        ActivityExecutionContext context = Activity.getExecutionContext();
        int attempt = context.getInfo().getAttempt();
        Stop stop = new Stop(Thread.currentThread());
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> stop.unless(heartbeat(context, task.id())),
                HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
        String previous = MDC.get("buildId");
        MDC.put("buildId", request.buildId());
        WorkerBuilds.Build build = null;
        try {
            build = builds.of(request);
            build.attemptStarted(Thread.currentThread());
            BuildEngine engine = build.engine();
            OrchestratorBackend backend = build.backend(backendId);
            AgentAttempt.Checked checked = AgentAttempt.run(backend, backendId, request.buildId(), engine.spec(),
                    task, allowance, facts, engine.heap(), engine.config().minHeapHeadroom());
            StagingArea staging = build.staging();
            List<FileRef> files = new ArrayList<>();
            for (int i = 0; i < checked.paths().size(); i++) {
                files.add(AgentAttempt.stage(staging, checked, i));
            }
            TaskRecord record = AgentAttempt.record(task, task.phase(), backendId, files, checked);
            TaskResult result = checked.result();
            return new TaskOutcome(record, result.usage() == null ? Usage.NONE : result.usage(), attempt);
        } catch (ApplicationFailure failure) {
            throw failure;
        } catch (Exception e) {
            String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            ActivityCompletionException stopped = stop.reason();
            if (stopped != null) {
                // the build was cancelled (or the attempt was given up): the SDK reports it as such
                LOG.info("[build {}] task {} attempt {} stopped: {}", request.buildId(), task.id(), attempt,
                        stopped.toString());
                throw stopped;
            }
            if (Thread.currentThread().isInterrupted() || interruption(e)) {
                // the worker is stopping: not the task's fault, another worker runs it again
                LOG.warn("[build {}] task {} attempt {} stopped with its worker", request.buildId(), task.id(),
                        attempt);
                throw ApplicationFailure.newFailureWithCause("the worker stopped while the task ran: " + message,
                        BuildWorkflowImpl.TRANSIENT, e, attempt, false);
            }
            if (ResiliencePolicies.isTransient(e)) {
                LOG.warn("[build {}] task {} attempt {} failed (transient): {}", request.buildId(), task.id(), attempt,
                        message);
                throw ApplicationFailure.newFailureWithCause(message, BuildWorkflowImpl.TRANSIENT, e, attempt,
                        countsAgainstBackend(request, e));
            }
            LOG.warn("[build {}] task {} failed (permanent): {}", request.buildId(), task.id(), message);
            throw ApplicationFailure.newNonRetryableFailureWithCause(message, BuildWorkflowImpl.PERMANENT, e,
                    attempt, countsAgainstBackend(request, e));
        } finally {
            beat.cancel(false);
            stop.done();
            if (build != null && build.attemptEnded(Thread.currentThread())) {
                // interrupted by the build's discard, not by the worker: the pooled thread goes on clean
                Thread.interrupted();
            }
            restore(previous);
        }
    }

    /**
     * Interrupts an attempt's thread when its heartbeat learns that the attempt is cancelled or gone, and never after
     * the attempt ended (the thread then runs other activities). Thread-safe.
     */
    private static final class Stop {
        private final Thread attempt;
        private ActivityCompletionException reason;
        private boolean done;

        Stop(Thread attempt) {
            this.attempt = attempt;
        }

        synchronized void unless(ActivityCompletionException stopped) {
            if (stopped != null && reason == null && !done) {
                reason = stopped;
                attempt.interrupt();
            }
        }

        synchronized ActivityCompletionException reason() {
            return reason;
        }

        /** The attempt ended: no interrupt after this, and one that came too late is cleared. */
        synchronized void done() {
            done = true;
            if (reason != null) {
                Thread.interrupted();
            }
        }
    }

    @Override
    public FinishOutcome finish(BuildRequest request, FinishInput input) {
        ActivityExecutionContext context = Activity.getExecutionContext();
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> heartbeat(context, "validate"),
                HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
        try {
            return within(request, () -> finish(request, input, builds.of(request), context));
        } finally {
            beat.cancel(false);
        }
    }

    private FinishOutcome finish(BuildRequest request, FinishInput input, WorkerBuilds.Build build,
            ActivityExecutionContext context) {
        BuildEngine engine = build.engine();
        EngineConfig config = engine.config();
        ProjectSpec spec = engine.spec();
        String backendId = input.backendId();
        StagingArea staging = build.staging();
        long started = System.nanoTime();
        SortedSet<String> planned = new TreeSet<>();
        for (TaskRecord record : input.tasks()) {
            if (record.backend().equals(backendId)) {
                planned.addAll(record.plannedFiles());
            }
        }
        // the local engine's repair loop: validate, and while the output fails and rounds are left, hand the backend a
        // repair task and validate again; its events go to the workflow's progress log
        List<Progress> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        RepairStep.Outcome repaired = RepairStep.run(engine, request.buildId(), staging,
                repairer(build, request.buildId(), backendId), backendId,
                input.facts() == null ? Map.of() : input.facts(), input.owners(), input.tasks(),
                event -> progress(event, backendId).ifPresent(events::add),
                () -> heartbeat(context, "validate after a repair round"),
                () -> OutputCheck.validate(engine.newValidation(), engine.reports(), staging, planned,
                        config.generatedTests(), backendId, input.owners()));
        Repairs repairs = new Repairs(repaired, events);
        if (repaired.interrupted()) {
            // the worker is stopping: not the output's fault, another worker validates again
            throw ApplicationFailure.newFailure("the worker stopped while it validated: " + repaired.failure(),
                    BuildWorkflowImpl.TRANSIENT);
        }
        if (repaired.failure() != null) {
            return refusal(repaired.failure(), false, null, null, List.of(), started, repairs);
        }
        OutputCheck.Checked checked = repaired.checked();
        if (!checked.problems().isEmpty()) {
            OutputValidationException invalid = new OutputValidationException(checked.problems(),
                    new FactoryException.ErrorContext(request.buildId(), Phase.VALIDATE_OUTPUT, null, backendId));
            String after = repaired.rounds() == 0 ? "" : " after " + repaired.rounds() + " repair round"
                    + (repaired.rounds() == 1 ? "" : "s");
            return refusal("The output of backend '" + backendId + "' failed validation" + after + ": "
                    + invalid.getMessage(), false, checked.report().summary(), null, List.of(), started, repairs);
        }
        VerifiedLedger verified = OutputCheck.verifyClaims(spec, backendId, repaired.tasks(), checked.report());
        List<String> notes = new ArrayList<>(verified.notes());
        List<RequirementOutcome> unmet = verified.coverage().unmet(config.requireFeatures());
        if (!unmet.isEmpty()) {
            return refusal(UnmetRequirements.refusal(backendId, config.requireFeatures(), unmet), true,
                    checked.report().summary(), verified.coverage(), notes, started, repairs);
        }
        long validateMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        // as locally: the phase's usage is the repair tasks' (of every backend tried), and it is listed once
        Usage validateUsage = repaired.usage();
        List<PhaseResult> phases = new ArrayList<>();
        for (PhaseResult phase : input.phases()) {
            if (phase.phase() == Phase.VALIDATE_OUTPUT) {
                validateUsage = phase.usage().plus(validateUsage);
            } else {
                phases.add(phase);
            }
        }
        phases.add(new PhaseResult(Phase.VALIDATE_OUTPUT, PhaseStatus.COMPLETED, BuildWorkflowImpl.CORE,
                validateMillis, validateUsage));
        Map<String, String> backends = new LinkedHashMap<>();
        phases.forEach(phase -> backends.put(phase.phase().name(), phase.backend()));
        backends.put(Phase.PUBLISH.name(), BuildWorkflowImpl.CORE);
        List<String> allNotes = new ArrayList<>(input.notes());
        allNotes.addAll(notes);
        allNotes.addAll(input.taskNotes());
        allNotes.addAll(repaired.notes());
        allNotes.addAll(checked.report().notes());
        List<RepairRecord> allRepairs = new ArrayList<>(input.repairs() == null ? List.of() : input.repairs());
        allRepairs.addAll(repaired.records());
        String slug = PublishStep.slug(spec);
        PublishStep.writeDocsAndMetadata(staging, new PublishStep.Manifest(request.buildId(),
                request.specHash(), spec, config.mode(), Instant.parse(input.prepared().startedAt()), backends, phases,
                input.agents() + repaired.agents(), input.retries() + repaired.retries(), checked.report(),
                verified.coverage(), backendId, input.fallbacks(), dedupe(allNotes),
                input.usage().plus(repaired.usage()), allRepairs));
        int files = PublishStep.projectFiles(staging);
        Prepared.SeenOutput seen = input.prepared().seen();
        Publisher.Publication publication;
        try {
            publication = PublishStep.publish(staging, slug, new PublishedOutput(Path.of(seen.directory()),
                    PublishedOutput.Kind.valueOf(seen.kind()), seen.publishedBy(), seen.differences()),
                    config.overwrite());
        } catch (FactoryException e) {
            throw ApplicationFailure.newNonRetryableFailureWithCause(e.getMessage(), BuildWorkflowImpl.REFUSED, e,
                    Refusal.of(e, request.buildId(), staging.root()));
        }
        notes.addAll(input.taskNotes());
        notes.addAll(repaired.notes());
        notes.addAll(checked.report().notes());
        notes.addAll(publication.notes());
        try {
            staging.delete();
        } catch (FactoryException e) {
            notes.add("The staging area '" + staging.root() + "' could not be removed after publishing ("
                    + e.getMessage() + "); delete it by hand");
        }
        builds.forget(request.buildId());
        LOG.info("[build {}] published {} ({} files) from a Temporal worker", request.buildId(),
                publication.directory(), files);
        return new FinishOutcome(publication.directory().toString(), files, null, false, checked.report().summary(),
                verified.coverage(), notes, validateMillis, repaired.records(), repaired.agents(), repaired.retries(),
                repaired.usage(), events);
    }

    /**
     * @return the backend for the repair rounds on this worker; when this worker cannot create it, one that does not
     *         repair (the output is validated without rounds, as it was before repair rounds ran on Temporal)
     */
    private static OrchestratorBackend repairer(WorkerBuilds.Build build, String buildId, String backendId) {
        try {
            return build.backend(backendId);
        } catch (RuntimeException e) {
            LOG.warn("[build {}] backend {} is not available on this worker ({}); its output is validated without "
                    + "repair rounds", buildId, backendId, e.toString());
            return new OrchestratorBackend() {
                @Override
                public String id() {
                    return backendId;
                }

                @Override
                public dev.thefactory.spi.Agent agent(AgentTask task) {
                    return null;
                }

                @Override
                public void close() {
                    // nothing held
                }
            };
        }
    }

    /**
     * What the repair loop of one validation did, for the finish activity's result.
     *
     * @param outcome the loop's outcome
     * @param events  its events for the progress log
     */
    private record Repairs(RepairStep.Outcome outcome, List<Progress> events) {
    }

    /**
     * @param event   an event of the repair loop
     * @param backend the backend being repaired
     * @return its entry in the workflow's progress log (stamped with workflow time there), or empty when the progress
     *         log does not carry it (retries, notices: as for the task activities)
     */
    private static java.util.Optional<Progress> progress(BuildEvent event, String backend) {
        Progress entry = null;
        if (event instanceof AgentSpawned e) {
            entry = new Progress("AgentSpawned", 0, e.phase().name(), backend, e.task(), null, e.role().name(),
                    e.parentTask(), 0, 0, null, null, 0);
        } else if (event instanceof TaskCompleted e) {
            entry = new Progress("TaskCompleted", 0, e.phase().name(), backend, e.task(), null, null, null,
                    e.durationMillis(), e.files(), e.usage(), null, 0);
        } else if (event instanceof TaskFailed e && !e.retryable()) {
            entry = new Progress("TaskFailed", 0, e.phase().name(), backend, e.task(), e.reason(), null, null, 0, 0,
                    null, null, 0);
        } else if (event instanceof RepairRoundFinished e) {
            entry = new Progress("RepairRoundFinished", 0, Phase.VALIDATE_OUTPUT.name(), e.backend(), null, null, null,
                    null, 0, e.files(), null, new RepairRecord(e.round(), e.backend(), e.diagnostics(), e.files(),
                            e.remaining(), e.outcome(), ""), e.maxRounds());
        }
        return java.util.Optional.ofNullable(entry);
    }

    private static FinishOutcome refusal(String failure, boolean refused, dev.thefactory.api.ValidationSummary summary,
            dev.thefactory.api.Coverage coverage, List<String> notes, long started, Repairs repairs) {
        RepairStep.Outcome repaired = repairs.outcome();
        return new FinishOutcome(null, 0, failure, refused,
                summary == null ? dev.thefactory.api.ValidationSummary.EMPTY : summary, coverage, notes,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), repaired.records(), repaired.agents(),
                repaired.retries(), repaired.usage(), repairs.events());
    }

    @Override
    public void clearStaging(BuildRequest request) {
        within(request, () -> {
            builds.of(request).staging().clear();
            return null;
        });
    }

    @Override
    public void discard(BuildRequest request) {
        within(request, () -> {
            try {
                WorkerBuilds.Build build = builds.of(request);
                // a cancelled build's tasks still running here stop before the staging area goes
                int left = build.stopAttempts(STOP_WAIT_MILLIS);
                if (left > 0) {
                    LOG.warn("[build {}] {} task attempt(s) did not stop within {} ms; the staging area is removed "
                            + "anyway", request.buildId(), left, STOP_WAIT_MILLIS);
                }
                build.staging().delete();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ApplicationFailure.newFailureWithCause("interrupted while stopping the build's tasks",
                        BuildWorkflowImpl.TRANSIENT, e);
            } finally {
                builds.forget(request.buildId());
            }
            return null;
        });
    }

    /**
     * Whether a task's failure counts against its backend's circuit: decided by this worker's
     * {@code CircuitBreakerSettings.countsAsFailure} (by default every failure but an agent's own answer).
     */
    private boolean countsAgainstBackend(BuildRequest request, Throwable failure) {
        try {
            return builds.of(request).engine().config().circuitBreaker().countsAsFailure().test(failure);
        } catch (RuntimeException e) {
            LOG.warn("[build {}] countsAsFailure threw; the failure counts against the backend", request.buildId(), e);
            return true;
        }
    }

    private static List<String> dedupe(List<String> notes) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(notes));
    }

    /** @return whether a failure reports that the worker's thread was interrupted (the worker is stopping) */
    private static boolean interruption(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.nio.channels.ClosedByInterruptException
                    || t instanceof java.io.InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return why the attempt must stop (the build was cancelled, or the service gave the attempt up), or null
     */
    private static ActivityCompletionException heartbeat(ActivityExecutionContext context, String detail) {
        try {
            context.heartbeat(detail);
            return null;
        } catch (ActivityCompletionException e) {
            return e;
        } catch (RuntimeException e) {
            // the service did not answer: the next heartbeat tries again
            LOG.debug("heartbeat of {} not recorded: {}", detail, e.toString());
            return null;
        }
    }

    private static <T> T within(BuildRequest request, java.util.function.Supplier<T> step) {
        String previous = MDC.get("buildId");
        MDC.put("buildId", request.buildId());
        try {
            return step.get();
        } catch (ApplicationFailure failure) {
            throw failure;
        } catch (FactoryException e) {
            throw ApplicationFailure.newFailureWithCause(e.getMessage(), e.getClass().getName(), e);
        } finally {
            restore(previous);
        }
    }

    private static void restore(String previous) {
        if (previous == null) {
            MDC.remove("buildId");
        } else {
            MDC.put("buildId", previous);
        }
    }
}

package dev.thefactory.temporal.internal;

import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.FallbackRecord;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.PhaseStatus;
import dev.thefactory.api.Usage;
import dev.thefactory.api.ValidationSummary;
import dev.thefactory.internal.engine.AgentAttempt;
import dev.thefactory.internal.engine.BuildState.TaskRecord;
import dev.thefactory.internal.engine.FailureHeadline;
import dev.thefactory.spi.AgentTask;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;

/**
 * The build workflow. It decides only: which backend runs (the cascade, with a fallback after a phase failed on one
 * backend after its retries), which task runs when (the chain reaction: top-level tasks of a phase, then the children
 * each finished task asked for, at most {@code parallelism} at once), and what the build's facts, task records,
 * phases and notes are. Everything that reads a clock, a file or a backend runs in an activity.
 *
 * <p>Deterministic: no clock but {@link Workflow#currentTimeMillis()}, no random, no I/O, no iteration over unordered
 * collections; the replay tests replay recorded histories against it.
 */
public final class BuildWorkflowImpl implements BuildWorkflow {

    /** The backend id of the phases the core runs itself. */
    static final String CORE = "core";

    /** How often a running task activity heartbeats; its heartbeat timeout is a few of these. */
    static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);

    /** The failure type of a task that must not be retried (the same failures as locally). */
    public static final String PERMANENT = "PermanentTaskFailure";

    /** The failure type of a task that may succeed when retried (I/O, a timeout, an agent's declared transient error). */
    public static final String TRANSIENT = "TransientTaskFailure";

    /** The failure type of a build the core refused before any work (no backend, an output conflict). */
    public static final String REFUSED = "BuildRefused";

    private static final Logger LOG = Workflow.getLogger(BuildWorkflowImpl.class);
    private static final List<Phase> BACKEND_PHASES = List.of(Phase.ANALYZE, Phase.DESIGN, Phase.STRUCTURE,
            Phase.GENERATE);

    private final Map<Phase, PhaseResult> phases = new EnumMap<>(Phase.class);
    private final Map<Phase, Usage> usageByPhase = new EnumMap<>(Phase.class);
    private final List<FallbackRecord> fallbacks = new ArrayList<>();
    private final List<String> backendsTried = new ArrayList<>();
    private final Set<String> notes = new LinkedHashSet<>();
    private final Map<String, Map<String, Integer>> attemptsPerTask = new TreeMap<>();
    private final Map<String, Circuit> circuits = new TreeMap<>();
    private final List<Progress> progress = new ArrayList<>();
    private final List<dev.thefactory.api.RepairRecord> repairs = new ArrayList<>();
    private Usage usage = Usage.NONE;
    private int agents;
    private int retries;

    @Override
    public BuildOutcome build(BuildRequest request) {
        BuildActivities control = Workflow.newActivityStub(BuildActivities.class, controlOptions(request));
        BuildActivities tasks = Workflow.newActivityStub(BuildActivities.class, taskOptions(request));
        try {
            return run(request, control, tasks);
        } catch (CanceledFailure cancelled) {
            // the staging area is removed even though the workflow is being cancelled
            Workflow.newDetachedCancellationScope(() -> control.discard(request)).run();
            throw cancelled;
        }
    }

    @Override
    public List<Progress> progress(int from) {
        return new ArrayList<>(progress.subList(Math.max(0, Math.min(from, progress.size())), progress.size()));
    }

    private void emit(String type, Phase phase, String backend, String task, String text, String other,
            String parent, long durationMillis, int files, Usage usage) {
        progress.add(new Progress(type, Workflow.currentTimeMillis(), phase == null ? null : phase.name(), backend,
                task, text, other, parent, durationMillis, files, usage, null, 0));
    }

    private void phaseStarted(Phase phase, String backend) {
        emit("PhaseStarted", phase, backend, null, null, null, null, 0, 0, null);
    }

    private void phaseEnded(PhaseResult result, String reason) {
        if (result.status() == PhaseStatus.COMPLETED) {
            emit("PhaseCompleted", result.phase(), result.backend(), null, null, null, null, result.durationMillis(),
                    0, null);
        } else {
            emit("PhaseFailed", result.phase(), result.backend(), null, reason, null, null, 0, 0, null);
        }
    }

    private BuildOutcome run(BuildRequest request, BuildActivities control, BuildActivities taskStub) {
        emit("BuildStarted", null, null, null, request.projectName(), request.mode(), null, 0, 0, null);
        long preparing = Workflow.currentTimeMillis();
        phaseStarted(Phase.VALIDATE_SPEC, CORE);
        Prepared prepared;
        try {
            prepared = control.prepare(request);
        } catch (ActivityFailure refusal) {
            Throwable cause = refusal.getCause();
            phaseEnded(new PhaseResult(Phase.VALIDATE_SPEC, PhaseStatus.FAILED, CORE, 0, Usage.NONE),
                    cause instanceof TemporalFailure temporal ? temporal.getOriginalMessage() : String.valueOf(cause));
            throw refusal;
        }
        phases.put(Phase.VALIDATE_SPEC, new PhaseResult(Phase.VALIDATE_SPEC, PhaseStatus.COMPLETED, CORE,
                Workflow.currentTimeMillis() - preparing, Usage.NONE));
        phaseEnded(phases.get(Phase.VALIDATE_SPEC), null);
        notes.addAll(prepared.notes());
        List<String> cascade = prepared.cascade();
        List<String> failures = new ArrayList<>();
        String lastFailure = null;
        Phase lastPhase = null;
        String lastTask = null;
        FinishOutcome refused = null;
        for (int i = 0; i < cascade.size(); i++) {
            String backendId = cascade.get(i);
            if (backendsTried.isEmpty() || !backendsTried.get(backendsTried.size() - 1).equals(backendId)) {
                backendsTried.add(backendId);
            }
            Map<String, TaskRecord> records = new TreeMap<>();
            Map<String, String> owners = new LinkedHashMap<>();
            Map<String, String> facts = new TreeMap<>();
            List<String> taskNotes = new ArrayList<>();
            try {
                for (Phase phase : BACKEND_PHASES) {
                    long started = Workflow.currentTimeMillis();
                    phases.put(phase, new PhaseResult(phase, PhaseStatus.FAILED, backendId, 0, Usage.NONE));
                    phaseStarted(phase, backendId);
                    Map<String, String> phaseFacts;
                    try {
                        phaseFacts = runPhase(request, taskStub, phase, backendId, steps(prepared, phase), facts,
                                records, owners, taskNotes);
                    } catch (PhaseFailed failed) {
                        phaseEnded(phases.get(phase), FailureHeadline.of(failed.getMessage()));
                        throw failed;
                    }
                    facts.putAll(phaseFacts);
                    phases.put(phase, new PhaseResult(phase, PhaseStatus.COMPLETED, backendId,
                            Workflow.currentTimeMillis() - started, usageByPhase.getOrDefault(phase, Usage.NONE)));
                    phaseEnded(phases.get(phase), null);
                }
                long finishing = Workflow.currentTimeMillis();
                phaseStarted(Phase.VALIDATE_OUTPUT, CORE);
                FinishOutcome outcome = control.finish(request, new FinishInput(backendId,
                        new ArrayList<>(records.values()), owners, new ArrayList<>(phases.values()), agents, retries,
                        fallbacks, new ArrayList<>(notes), usage, prepared, taskNotes, new TreeMap<>(facts),
                        new ArrayList<>(repairs)));
                repaired(outcome);
                phases.put(Phase.VALIDATE_OUTPUT, new PhaseResult(Phase.VALIDATE_OUTPUT,
                        outcome.failure() == null ? PhaseStatus.COMPLETED : PhaseStatus.FAILED, CORE,
                        outcome.validateMillis(), usageByPhase.getOrDefault(Phase.VALIDATE_OUTPUT, Usage.NONE)));
                phaseEnded(phases.get(Phase.VALIDATE_OUTPUT), outcome.failure() == null ? null
                        : FailureHeadline.of(outcome.failure()));
                if (outcome.published() != null) {
                    // one activity validates and publishes: publishing took the rest of its time
                    phaseStarted(Phase.PUBLISH, CORE);
                    phases.put(Phase.PUBLISH, new PhaseResult(Phase.PUBLISH, PhaseStatus.COMPLETED, CORE,
                            Math.max(0, Workflow.currentTimeMillis() - finishing - outcome.validateMillis()),
                            Usage.NONE));
                    phaseEnded(phases.get(Phase.PUBLISH), null);
                    // as locally: the ledger's notes, the published backend's task notes, validation's, publication's
                    notes.addAll(outcome.notes());
                    emit("BuildFinished", null, null, null, outcome.published(), BuildStatus.SUCCEEDED.name(), null,
                            0, 0, null);
                    return outcome(request, BuildStatus.SUCCEEDED, outcome.published(), outcome.files(),
                            outcome.validation(), outcome.coverage(), null, null, null);
                }
                if (outcome.refused()) {
                    refused = refused == null || outcome.coverage().implemented() > refused.coverage().implemented()
                            ? outcome : refused;
                }
                notes.addAll(outcome.notes());
                throw new PhaseFailed(Phase.VALIDATE_OUTPUT, null, outcome.failure(), false);
            } catch (PhaseFailed failed) {
                lastFailure = failed.getMessage();
                lastPhase = failed.phase;
                lastTask = failed.taskId;
                failures.add("backend '" + backendId + "' failed in phase " + failed.phase + ": " + failed.getMessage());
                LOG.warn("[build {}] backend {} failed in phase {}: {}", request.buildId(), backendId, failed.phase,
                        failed.getMessage());
                if (i + 1 < cascade.size()) {
                    String next = cascade.get(i + 1);
                    String reason = (failed.circuitOpen ? "the circuit of backend '" + backendId + "' is open: " : "")
                            + FailureHeadline.of(failed.getMessage());
                    fallbacks.add(new FallbackRecord(failed.phase, backendId, next, reason));
                    emit("FallbackTriggered", failed.phase, backendId, null, reason, next, null, 0, 0, null);
                    control.clearStaging(request);
                    for (Phase phase : BACKEND_PHASES) {
                        phases.remove(phase);
                    }
                }
            }
        }
        control.discard(request);
        emit("BuildFinished", null, null, null, null, BuildStatus.FAILED.name(), null, 0, 0, null);
        String message = "Build " + request.buildId() + " failed: every backend of the cascade failed (tried "
                + String.join(", ", backendsTried) + "); nothing was published.\n  " + String.join("\n  ", failures);
        return outcome(request, BuildStatus.FAILED, null, 0,
                refused == null ? ValidationSummary.EMPTY : refused.validation(),
                refused == null ? null : refused.coverage(), message, lastPhase, lastTask);
    }

    /**
     * Takes in what the repair rounds of a validation did (run in the validating activity, with the core's repair
     * loop): their events go to the progress log, their rounds, agents, retries and usage to the build's.
     */
    private void repaired(FinishOutcome outcome) {
        if (outcome.events() != null) {
            long now = Workflow.currentTimeMillis();
            for (Progress entry : outcome.events()) {
                progress.add(entry.at(now));
            }
        }
        if (outcome.repairs() != null) {
            repairs.addAll(outcome.repairs());
        }
        agents += outcome.repairAgents();
        retries += outcome.repairRetries();
        Usage spent = outcome.repairUsage();
        if (spent != null && !spent.equals(Usage.NONE)) {
            usage = usage.plus(spent);
            usageByPhase.merge(Phase.VALIDATE_OUTPUT, spent, Usage::plus);
        }
    }

    private static List<PlannedStep> steps(Prepared prepared, Phase phase) {
        return prepared.steps().stream().filter(step -> step.task().phase() == phase).toList();
    }

    /**
     * Runs one phase's chain reaction: the top-level tasks in plan order, each finished task's children after it, at
     * most {@code parallelism} activities at once. A failed task fails the phase: no task is started after it, and
     * the phase ends when the running ones have ended (so none writes into the staging area the fallback clears).
     *
     * @return the facts the phase's tasks published, merged in task-id order
     */
    private Map<String, String> runPhase(BuildRequest request, BuildActivities stub, Phase phase, String backendId,
            List<PlannedStep> steps, Map<String, String> baseFacts, Map<String, TaskRecord> records,
            Map<String, String> owners, List<String> taskNotes) {
        Map<String, TaskRecord> finished = new TreeMap<>();
        Deque<Node> waiting = new ArrayDeque<>();
        for (PlannedStep step : steps) {
            waiting.add(new Node(step.task(), step.allowance(), Map.of()));
        }
        List<Node> running = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        PhaseFailed failed = null;
        while (!waiting.isEmpty() || !running.isEmpty()) {
            while (failed == null && !waiting.isEmpty() && running.size() < Math.max(1, request.parallelism())) {
                Node node = waiting.removeFirst();
                if (circuit(request, backendId).isOpen(Workflow.currentTimeMillis())) {
                    failed = new PhaseFailed(phase, node.task.id(), "Task '" + node.task.id() + "' in phase " + phase
                            + " was not started on backend '" + backendId + "': its circuit is open", true);
                    break;
                }
                if (!ids.add(node.task.id())) {
                    failed = new PhaseFailed(phase, node.task.id(), "Task id '" + node.task.id() + "' occurs twice in "
                            + "phase " + phase + " on backend '" + backendId + "'; child keys must not repeat a "
                            + "task id", false);
                    break;
                }
                Map<String, String> visible = new TreeMap<>(baseFacts);
                visible.putAll(node.inherited);
                agents++;
                emit("AgentSpawned", phase, backendId, node.task.id(), null, node.task.role().name(),
                        node.task.parentId(), 0, 0, null);
                node.started = Workflow.currentTimeMillis();
                node.promise = Async.function(stub::runTask, request, backendId, node.task, node.allowance, visible);
                running.add(node);
            }
            if (failed != null) {
                waiting.clear();
            }
            if (running.isEmpty()) {
                break;
            }
            try {
                Promise.anyOf(running.stream().map(n -> n.promise).toList()).get();
            } catch (ActivityFailure ignored) {
                // read below, in start order
            }
            List<Node> done = running.stream().filter(n -> n.promise.isCompleted()).toList();
            running.removeAll(done);
            for (Node node : done) {
                TaskOutcome outcome;
                try {
                    outcome = node.promise.get();
                } catch (ActivityFailure failure) {
                    PhaseFailed taskFailed = taskFailed(phase, backendId, node.task, failure,
                            circuit(request, backendId));
                    emit("TaskFailed", phase, backendId, node.task.id(), taskFailed.getMessage(), null, null, 0, 0,
                            null);
                    if (failed == null) {
                        failed = taskFailed;
                    }
                    continue;
                }
                circuit(request, backendId).succeeded(Workflow.currentTimeMillis());
                emit("TaskCompleted", phase, backendId, node.task.id(), null, null, null,
                        Workflow.currentTimeMillis() - node.started, outcome.record().files().size(), outcome.usage());
                retries += Math.max(0, outcome.attempt() - 1);
                usage = usage.plus(outcome.usage());
                usageByPhase.merge(phase, outcome.usage(), Usage::plus);
                if (failed != null) {
                    continue;
                }
                TaskRecord record = outcome.record();
                for (var file : record.files()) {
                    String owner = owners.putIfAbsent(file.path(), record.id());
                    if (owner != null && failed == null) {
                        failed = new PhaseFailed(phase, record.id(), "Tasks '" + owner + "' and '" + record.id()
                                + "' both generated '" + file.path() + "' on backend '" + backendId + "'; every "
                                + "file must come from exactly one task", false);
                    }
                }
                finished.put(record.id(), record);
                Map<String, String> inherited = new TreeMap<>(node.inherited);
                inherited.putAll(record.facts());
                for (AgentAttempt.Child child : AgentAttempt.children(node.task, node.allowance, record.children())) {
                    waiting.add(new Node(child.task(), child.allowance(), inherited));
                }
            }
        }
        if (failed != null) {
            // every task of the phase that was running has ended: none writes into the staging area any more
            throw failed;
        }
        Map<String, String> facts = new TreeMap<>();
        for (TaskRecord record : finished.values()) {
            facts.putAll(record.facts());
            taskNotes.addAll(record.notes());
            records.put(record.id(), record);
        }
        return facts;
    }

    private Circuit circuit(BuildRequest request, String backendId) {
        return circuits.computeIfAbsent(backendId, id -> new Circuit(request));
    }

    /**
     * Records a task that failed for good in its backend's circuit.
     *
     * @return the phase's failure, naming the task, its attempts and why it failed
     */
    private PhaseFailed taskFailed(Phase phase, String backendId, AgentTask task, ActivityFailure failure,
            Circuit circuit) {
        Throwable cause = failure.getCause();
        if (cause instanceof CanceledFailure cancelled) {
            throw cancelled;
        }
        int attempts = 1;
        boolean counts = true;
        String why;
        if (cause instanceof ApplicationFailure application) {
            why = application.getOriginalMessage();
            if (application.getDetails() != null && application.getDetails().getSize() > 0) {
                attempts = application.getDetails().get(0, Integer.class);
                if (application.getDetails().getSize() > 1) {
                    counts = application.getDetails().get(1, Boolean.class);
                }
            }
        } else if (cause instanceof TimeoutFailure timeout) {
            why = "the attempt ran past its time limit (" + timeout.getTimeoutType() + ")";
            // a lost heartbeat says the worker is gone, not that the backend is unwell
            counts = timeout.getTimeoutType() != io.temporal.api.enums.v1.TimeoutType.TIMEOUT_TYPE_HEARTBEAT;
        } else if (cause instanceof TemporalFailure temporal) {
            why = temporal.getOriginalMessage();
        } else {
            why = String.valueOf(cause);
        }
        attemptsPerTask.computeIfAbsent(task.id(), id -> new TreeMap<>()).put(backendId, attempts);
        long now = Workflow.currentTimeMillis();
        boolean open = counts ? circuit.failed(attempts, now) : circuit.isOpen(now);
        if (!counts && !open) {
            // a failure that does not count against the backend counts as its success, as locally
            circuit.succeeded(now);
        }
        return new PhaseFailed(phase, task.id(), "Task '" + task.id() + "' in phase " + phase + " failed on backend '"
                + backendId + "' after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ": " + why, open);
    }

    private BuildOutcome outcome(BuildRequest request, BuildStatus status, String published, int files,
            ValidationSummary validation, dev.thefactory.api.Coverage coverage, String failure, Phase failedPhase,
            String failedTask) {
        return new BuildOutcome(request.buildId(), status.name(), request.mode(), published, files, agents,
                new ArrayList<>(phases.values()), retries, fallbacks, validation, coverage, new ArrayList<>(notes),
                usage, failure, failedPhase == null ? null : failedPhase.name(), failedTask, backendsTried,
                attemptsPerTask, new ArrayList<>(repairs));
    }

    /** The options of the task activities: the build's retry and time settings, mapped. */
    static ActivityOptions taskOptions(BuildRequest request) {
        BuildRequest.Retry retry = request.retry();
        long initial = Math.max(1, retry.initialDelayMillis());
        RetryOptions retryOptions = RetryOptions.newBuilder()
                .setMaximumAttempts(Math.max(1, retry.maxAttempts()))
                .setInitialInterval(Duration.ofMillis(initial))
                .setMaximumInterval(Duration.ofMillis(Math.max(initial, retry.maxDelayMillis())))
                .setBackoffCoefficient(Math.max(1.0, retry.multiplier()))
                .setDoNotRetry(PERMANENT)
                .build();
        return ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMillis(request.taskAttemptMillis()))
                .setScheduleToCloseTimeout(Duration.ofMillis(request.phaseMillis()))
                .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
                .setRetryOptions(retryOptions)
                // a cancelled build stops waiting for its tasks at once; they end on their own
                .setCancellationType(ActivityCancellationType.ABANDON)
                .build();
    }

    /** The options of the prepare, finish and cleanup activities: retried on worker loss, never on a refusal. */
    static ActivityOptions controlOptions(BuildRequest request) {
        return ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMillis(request.phaseMillis()))
                .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
                .setRetryOptions(RetryOptions.newBuilder()
                        .setMaximumAttempts(Math.max(1, request.retry().maxAttempts()))
                        .setInitialInterval(Duration.ofMillis(Math.max(1, request.retry().initialDelayMillis())))
                        .setDoNotRetry(PERMANENT, REFUSED)
                        .build())
                .build();
    }

    /** A task of the running phase. */
    private static final class Node {
        private final AgentTask task;
        private final int allowance;
        private final Map<String, String> inherited;
        private Promise<TaskOutcome> promise;
        private long started;

        Node(AgentTask task, int allowance, Map<String, String> inherited) {
            this.task = task;
            this.allowance = allowance;
            this.inherited = inherited;
        }
    }

    /** A phase failed on the current backend: the workflow falls back to the next. */
    private static final class PhaseFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Phase phase;
        private final String taskId;
        private final boolean circuitOpen;

        PhaseFailed(Phase phase, String taskId, String message, boolean circuitOpen) {
            super(message, null, false, false);
            this.phase = phase;
            this.taskId = taskId;
            this.circuitOpen = circuitOpen;
        }
    }
}

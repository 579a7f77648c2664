package dev.thefactory.internal.engine;

import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.Phase;
import dev.thefactory.internal.engine.BuildState.ChildRef;
import dev.thefactory.internal.engine.BuildState.FileRef;
import dev.thefactory.internal.engine.BuildState.TaskRecord;
import dev.thefactory.internal.output.StagingArea;
import dev.thefactory.internal.plan.PlannedTask;
import dev.thefactory.internal.resilience.AttemptTimeoutException;
import dev.thefactory.internal.resilience.ResiliencePolicies;
import dev.thefactory.internal.resilience.TaskFailureException;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.TaskResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs the phases of one backend: the "chain reaction". For each phase, the top-level tasks of the plan are submitted
 * to the build's fixed thread pool; every attempt goes through {@link ResiliencePolicies#executeTask}; a finished task's
 * result is checked, its files are written to the staging area (by the coordinating thread, so writes never race a
 * rollback), and the children it asked for run in the same phase after it, as {@code parent/key}, within the bounds
 * the plan fixed (role cap, depth, allowance) and while the heap has headroom.
 *
 * <p>What a task sees: the facts of the earlier phases of this backend, merged, plus the facts its ancestors published.
 * Files: two tasks writing the same path is a permanent failure naming both. A failed task (permanent, out of retries,
 * or its backend's circuit open) fails the phase: the other tasks are cancelled and a {@link PhaseFailure} goes to the
 * cascade. The watchdog raises a stall (no progress) or a deadline; a stall or the build deadline aborts the build,
 * the phase deadline fails the phase.
 *
 * <p>One instance per backend run; {@link #runPhase} is called by one thread at a time (the build's thread), which
 * coordinates while the pool's threads run the attempts.
 */
final class ChainReactor {

    private static final Logger LOG = LoggerFactory.getLogger(ChainReactor.class);

    /** Receives every finished task (on the coordinating thread); may save a checkpoint. */
    @FunctionalInterface
    interface FinishedTasks {
        /**
         * @param record what the task produced
         * @param reused true when the task did not run but was taken over from a checkpoint of a resumed build (its
         *               checkpoint exists already); false when it ran now
         * @throws RuntimeException when its checkpoint cannot be saved; the build is then aborted
         */
        void finished(TaskRecord record, boolean reused);
    }

    private final ReactorServices services;
    private final OrchestratorBackend backend;
    private final String backendId;
    private final FinishedTasks sink;
    private final Map<String, String> fileOwners = new LinkedHashMap<>();

    ChainReactor(ReactorServices services, OrchestratorBackend backend, String backendId, FinishedTasks sink) {
        this.services = Objects.requireNonNull(services, "services");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.backendId = Objects.requireNonNull(backendId, "backendId");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** @return which task wrote each staged path on this backend, in write order */
    Map<String, String> fileOwners() {
        return java.util.Collections.unmodifiableMap(fileOwners);
    }

    /**
     * Runs one phase to its end.
     *
     * @param phase     the phase
     * @param planned   its top-level tasks, in plan order
     * @param baseFacts the merged facts of the earlier phases of this backend
     * @return what the phase produced
     * @throws PhaseFailure when a task failed, two tasks wrote one path, a file could not be staged, or the phase ran
     *                      past its time limit
     * @throws BuildAbort   when the watchdog saw no progress, the build ran past its time limit, a checkpoint could
     *                      not be saved, or the thread was interrupted
     */
    PhaseOutput runPhase(Phase phase, List<PlannedTask> planned, Map<String, String> baseFacts)
            throws PhaseFailure, BuildAbort {
        return runPhase(phase, planned, baseFacts, Map.of());
    }

    /**
     * Runs one phase of a resumed build: a task with a record in {@code reusable} whose staged files still match
     * the record's SHA-256 (and that ran on this backend) is taken over instead of run — its files, facts and planned
     * files count as if it had run, and its children are taken over or run in turn. A task whose record does not
     * match runs again; its stale staged files are removed first and a note says why.
     *
     * @param phase     the phase
     * @param planned   its top-level tasks, in plan order
     * @param baseFacts the merged facts of the earlier phases of this backend
     * @param reusable  finished tasks of a checkpoint, by id; empty for a fresh build
     * @return what the phase produced, with how many tasks were taken over and how many ran
     * @throws PhaseFailure as {@link #runPhase(Phase, List, Map)}
     * @throws BuildAbort   as {@link #runPhase(Phase, List, Map)}
     */
    PhaseOutput runPhase(Phase phase, List<PlannedTask> planned, Map<String, String> baseFacts,
            Map<String, TaskRecord> reusable) throws PhaseFailure, BuildAbort {
        PhaseRun run = new PhaseRun(phase, baseFacts, reusable);
        services.watchdog().arm(run::alarm, services.timeouts().phase(), services.timeouts().build());
        boolean completed = false;
        try {
            for (PlannedTask task : planned) {
                run.start(new TaskNode(task.task(), task.weight(), task.childAllowance(), null, Map.of()));
            }
            while (run.outstanding() > 0) {
                Signal signal;
                try {
                    signal = run.signals.take();
                } catch (InterruptedException e) {
                    throw new BuildAbort(BuildStatus.INTERRUPTED, phase, backendId, "Build " + services.buildId()
                            + " was interrupted in phase " + phase + " on backend '" + backendId + "'", e,
                            List.of("resume it with Factory.resume(repository, \"" + services.buildId()
                                    + "\"); finished work was checkpointed"));
                }
                if (signal instanceof Finished finished) {
                    run.finished(finished);
                } else if (signal instanceof Failed failed) {
                    throw run.failure(failed);
                } else if (signal instanceof Alarmed alarmed) {
                    run.raise(alarmed.alarm());
                }
            }
            completed = true;
            return run.output();
        } finally {
            services.watchdog().disarm();
            if (!completed) {
                run.cancel();
            }
        }
    }

    private sealed interface Signal permits Finished, Failed, Alarmed {
    }

    private record Finished(TaskNode node, AgentAttempt.Checked result, long durationMillis) implements Signal {
    }

    private record Failed(TaskNode node, Throwable failure) implements Signal {
    }

    private record Alarmed(Watchdog.Alarm alarm) implements Signal {
    }

    /** One phase while it runs. Its fields are used by the coordinating thread only, except the signal queue. */
    private final class PhaseRun {

        private final Phase phase;
        private final Map<String, String> baseFacts;
        private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
        private final Map<String, TaskNode> nodes = new LinkedHashMap<>();
        private final Set<String> running = new java.util.TreeSet<>();
        private final SortedMap<String, TaskRecord> finishedTasks = new TreeMap<>();
        private final List<Future<?>> futures = new ArrayList<>();
        private final Map<String, TaskRecord> reusable;
        private final List<String> recoveryNotes = new ArrayList<>();
        private Map<String, StagingArea.FileInfo> staged;
        private int reused;
        private int ran;
        private volatile boolean cancelled;

        PhaseRun(Phase phase, Map<String, String> baseFacts, Map<String, TaskRecord> reusable) {
            this.phase = phase;
            this.baseFacts = Map.copyOf(baseFacts);
            this.reusable = Map.copyOf(reusable);
        }

        /** Takes a task over from the checkpoint when its record still matches the staged files, else runs it. */
        void start(TaskNode node) throws PhaseFailure, BuildAbort {
            TaskRecord saved = reusable.get(node.id());
            if (saved != null) {
                String problem = mismatch(node, saved);
                if (problem == null) {
                    adopt(node, saved);
                    return;
                }
                discard(saved, problem);
            }
            submit(node);
        }

        /** @return null when the record can be reused, else why not */
        private String mismatch(TaskNode node, TaskRecord saved) {
            if (!saved.backend().equals(backendId)) {
                return "it ran on backend '" + saved.backend() + "', not on '" + backendId + "'";
            }
            if (saved.children().size() > node.maxChildren()) {
                return "it spawned " + saved.children().size() + " children but may spawn at most "
                        + node.maxChildren() + " under the current plan";
            }
            if (staged == null) {
                staged = services.staging().files();
            }
            for (FileRef file : saved.files()) {
                StagingArea.FileInfo info = staged.get(file.path());
                if (info == null) {
                    return "its file '" + file.path() + "' is no longer in the staging area";
                }
                if (!info.sha256().equals(file.sha256()) || info.size() != file.size()) {
                    return "its staged file '" + file.path() + "' changed since the checkpoint (SHA-256 "
                            + abbreviate(file.sha256()) + "…, " + file.size() + " bytes expected; found "
                            + abbreviate(info.sha256()) + "…, " + info.size() + " bytes)";
                }
            }
            return null;
        }

        private void discard(TaskRecord saved, String problem) throws BuildAbort {
            String note = "Resume: task '" + saved.id() + "' of phase " + phase + " was run again because " + problem;
            recoveryNotes.add(note);
            LOG.warn("[build {}] {}", services.buildId(), note);
            services.events().notice(phase, note);
            List<String> stale = saved.files().stream().map(FileRef::path)
                    .filter(path -> staged != null && staged.containsKey(path)).toList();
            if (stale.isEmpty()) {
                return;
            }
            try {
                services.staging().remove(stale);
            } catch (FactoryException e) {
                throw new BuildAbort(BuildStatus.FAILED, phase, backendId, "Could not remove the stale staged files "
                        + stale + " of task '" + saved.id() + "' before running it again: " + e.getMessage(), e,
                        List.of("check the permissions of the output directory, then resume again"), true);
            }
        }

        private void adopt(TaskNode node, TaskRecord saved) throws PhaseFailure, BuildAbort {
            if (nodes.putIfAbsent(node.id(), node) != null) {
                throw new PhaseFailure(phase, backendId, node.id(), "Task id '" + node.id() + "' occurs twice in phase "
                        + phase + " on backend '" + backendId + "'; child keys must not repeat a task id", null,
                        Map.of(node.id(), 1), false);
            }
            for (FileRef file : saved.files()) {
                String owner = fileOwners.putIfAbsent(file.path(), node.id());
                if (owner != null) {
                    throw new PhaseFailure(phase, backendId, node.id(), "Tasks '" + owner + "' and '" + node.id()
                            + "' both generated '" + file.path() + "' on backend '" + backendId + "'; every file must "
                            + "come from exactly one task", null, Map.of(node.id(), 1), false);
                }
            }
            finishedTasks.put(node.id(), saved);
            reused++;
            try {
                sink.finished(saved, true);
            } catch (RuntimeException e) {
                throw new BuildAbort(BuildStatus.FAILED, phase, backendId, "Could not record the reused task '"
                        + node.id() + "': " + e.getMessage(), e, List.of("resume the build again"));
            }
            LOG.debug("[build {}] task {} taken over from the checkpoint: {} file(s) verified, {} child(ren)",
                    services.buildId(), node.id(), saved.files().size(), saved.children().size());
            double credit = saved.children().isEmpty() ? node.weight() : node.weight() / 2;
            double percent = services.progress().advance(credit);
            services.events().progress(phase, percent, services.progress().etaMillis());
            spawnChildren(node, saved.children(), saved.facts());
        }

        private void spawnChildren(TaskNode node, List<ChildRef> children, Map<String, String> facts)
                throws PhaseFailure, BuildAbort {
            if (children.isEmpty()) {
                return;
            }
            double childWeight = node.weight() / 2 / children.size();
            Map<String, String> inherited = new TreeMap<>(node.inheritedFacts());
            inherited.putAll(facts);
            for (AgentAttempt.Child child : AgentAttempt.children(node.task(), node.allowance(), children)) {
                start(new TaskNode(child.task(), childWeight, child.allowance(), node, inherited));
            }
        }

        int outstanding() {
            return running.size();
        }

        void alarm(Watchdog.Alarm alarm) {
            signals.add(new Alarmed(alarm));
        }

        void submit(TaskNode node) throws PhaseFailure, BuildAbort {
            if (nodes.putIfAbsent(node.id(), node) != null) {
                throw new PhaseFailure(phase, backendId, node.id(), "Task id '" + node.id() + "' occurs twice in phase "
                        + phase + " on backend '" + backendId + "'; child keys must not repeat a task id", null,
                        Map.of(node.id(), 1), false);
            }
            running.add(node.id());
            ran++;
            services.agentsSpawned().incrementAndGet();
            AgentTask task = node.task();
            services.events().agentSpawned(phase, task.id(), task.role(), task.parentId());
            LOG.debug("[build {}] spawned {} ({}, depth {}, may spawn {} children) on backend {}", services.buildId(),
                    task.id(), task.role().id(), task.depth(), node.maxChildren(), backendId);
            try {
                futures.add(services.pool().submit(() -> work(node)));
            } catch (RejectedExecutionException e) {
                throw new BuildAbort(BuildStatus.FAILED, phase, backendId, "Could not start task '" + node.id()
                        + "': the build's thread pool refused it (" + e.getMessage() + ")", e,
                        List.of("run the build again"));
            }
        }

        void cancel() {
            cancelled = true;
            for (Future<?> future : futures) {
                future.cancel(true);
            }
        }

        /** Runs on a pool thread. */
        private void work(TaskNode node) {
            MDC.put("buildId", services.buildId());
            try {
                if (cancelled) {
                    return;
                }
                services.watchdog().touch();
                long start = services.ticker().getAsLong();
                try {
                    AgentAttempt.Checked result = services.policies().executeTask(backendId, phase, node.id(),
                            () -> attempt(node));
                    signals.add(new Finished(node, result, Math.max(0,
                            TimeUnit.NANOSECONDS.toMillis(services.ticker().getAsLong() - start))));
                } catch (TaskFailureException e) {
                    signals.add(new Failed(node, e));
                } catch (RuntimeException | Error e) {
                    signals.add(new Failed(node, e));
                    if (e instanceof VirtualMachineError fatal) {
                        throw fatal;
                    }
                }
            } finally {
                MDC.remove("buildId");
            }
        }

        /** One attempt; runs on an attempt thread of the resilience policies. */
        private AgentAttempt.Checked attempt(TaskNode node) throws Exception {
            try {
                Map<String, String> facts = new TreeMap<>(baseFacts);
                facts.putAll(node.inheritedFacts());
                return AgentAttempt.run(backend, backendId, services.buildId(), services.spec(), node.task(),
                        node.allowance(), facts, services.heap(), services.minHeapHeadroom());
            } catch (Exception e) {
                if (!cancelled) {
                    node.reported(e);
                    services.events().taskFailed(phase, node.id(), describe(e), ResiliencePolicies.willRetry(e));
                }
                throw e;
            }
        }

        void finished(Finished finished) throws PhaseFailure, BuildAbort {
            // A finished task's files and checkpoint are saved even while the build is being interrupted: a pending
            // interrupt would make the file channels throw ClosedByInterruptException. It stays pending afterwards.
            boolean interrupted = Thread.interrupted();
            try {
                record(finished);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void record(Finished finished) throws PhaseFailure, BuildAbort {
            TaskNode node = finished.node();
            running.remove(node.id());
            TaskResult result = finished.result().result();
            services.usage().add(phase, result.usage());
            List<FileRef> files = new ArrayList<>();
            List<String> paths = finished.result().paths();
            for (String path : paths) {
                String owner = fileOwners.putIfAbsent(path, node.id());
                if (owner != null) {
                    throw new PhaseFailure(phase, backendId, node.id(), "Tasks '" + owner + "' and '" + node.id()
                            + "' both generated '" + path + "' on backend '" + backendId + "'; every file must come "
                            + "from exactly one task", null, Map.of(node.id(), 1), false);
                }
            }
            for (int i = 0; i < paths.size(); i++) {
                try {
                    files.add(AgentAttempt.stage(services.staging(), finished.result(), i));
                } catch (FactoryException e) {
                    String path = paths.get(i);
                    if (Thread.currentThread().isInterrupted() || interruption(e)) {
                        throw new BuildAbort(BuildStatus.INTERRUPTED, phase, backendId, "Build " + services.buildId()
                                + " was interrupted in phase " + phase + " on backend '" + backendId + "' while it "
                                + "staged '" + path + "' of task '" + node.id() + "'", e, List.of());
                    }
                    throw new PhaseFailure(phase, backendId, node.id(), "Task '" + node.id() + "' on backend '"
                            + backendId + "' produced '" + path + "', which could not be staged: " + e.getMessage(),
                            e, Map.of(node.id(), 1), false);
                }
            }
            AgentTask task = node.task();
            TaskRecord record = AgentAttempt.record(task, phase, backendId, files, finished.result());
            List<ChildRef> childRefs = record.children();
            finishedTasks.put(task.id(), record);
            try {
                sink.finished(record, false);
            } catch (RuntimeException e) {
                throw new BuildAbort(BuildStatus.FAILED, phase, backendId, "Could not save the checkpoint of task '"
                        + task.id() + "': " + e.getMessage(), e,
                        List.of("check that the checkpoint directory is writable and has space, then run again"));
            }
            services.events().taskCompleted(phase, task.id(), finished.durationMillis(), files.size(), result.usage());
            services.progress().learn(phase, task.role(), finished.durationMillis());
            LOG.debug("[build {}] task {} completed on {} in {} ms: {} file(s), {} fact(s), {} child(ren)",
                    services.buildId(), task.id(), backendId, finished.durationMillis(), files.size(),
                    result.facts().size(), result.children().size());
            double credit = childRefs.isEmpty() ? node.weight() : node.weight() / 2;
            double percent = services.progress().advance(credit);
            services.events().progress(phase, percent, services.progress().etaMillis());
            spawnChildren(node, childRefs, result.facts());
        }

        PhaseFailure failure(Failed failed) {
            TaskNode node = failed.node();
            running.remove(node.id());
            Throwable failure = failed.failure();
            int attempts = 1;
            boolean circuitOpen = false;
            Throwable last = failure;
            if (failure instanceof TaskFailureException taskFailure) {
                attempts = taskFailure.attempts();
                circuitOpen = taskFailure.isCircuitOpen();
                last = taskFailure.getCause() == null ? taskFailure : taskFailure.getCause();
            }
            if (node.lastReported() != last) {
                services.events().taskFailed(phase, node.id(), describe(last), false);
            }
            String message = failure instanceof TaskFailureException
                    ? failure.getMessage()
                    : "Task '" + node.id() + "' in phase " + phase + " failed on backend '" + backendId + "': "
                            + describe(failure);
            LOG.warn("[build {}] {}", services.buildId(), message);
            return new PhaseFailure(phase, backendId, node.id(), message, failure, Map.of(node.id(), attempts),
                    circuitOpen);
        }

        void raise(Watchdog.Alarm alarm) throws PhaseFailure, BuildAbort {
            String where = "phase " + phase + " on backend '" + backendId + "'";
            String runningNow = running.isEmpty() ? "none" : String.join(", ", running);
            switch (alarm.kind()) {
                case PHASE_DEADLINE -> throw new PhaseFailure(phase, backendId, null, "In " + where + ", "
                        + alarm.message() + "; tasks still running: " + runningNow, null, Map.of(), false);
                case BUILD_DEADLINE -> throw new BuildAbort(BuildStatus.FAILED, phase, backendId, "Build "
                        + services.buildId() + " stopped in " + where + ": " + alarm.message()
                        + "; tasks still running: " + runningNow, null,
                        List.of("raise TimeoutSettings.build (Factory.Builder.timeouts) if the project needs longer",
                                "lower the spec's complexity or split the project"));
                case STALLED -> throw new BuildAbort(BuildStatus.FAILED, phase, backendId, "Build "
                        + services.buildId() + " stalled in " + where + ": " + alarm.message()
                        + "; tasks still running: " + runningNow, null,
                        List.of("check backend '" + backendId + "': the tasks named above did not return",
                                "raise the watchdog limit (Factory.Builder.watchdog) if they legitimately need longer "
                                        + "between results"));
                default -> throw new IllegalStateException("unknown alarm " + alarm.kind());
            }
        }

        PhaseOutput output() {
            Map<String, String> facts = new TreeMap<>();
            List<String> planned = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (TaskRecord record : finishedTasks.values()) {
                facts.putAll(record.facts());
                planned.addAll(record.plannedFiles());
                notes.addAll(record.notes());
            }
            return new PhaseOutput(new ArrayList<>(finishedTasks.values()), facts, planned, notes, reused, ran,
                    recoveryNotes);
        }
    }

    /**
     * Whether a failure says that the thread running the build was interrupted (the user stopped the build): the
     * failure, or one of its causes, is an {@link InterruptedException}, a {@link
     * java.nio.channels.ClosedByInterruptException} or an {@link java.io.InterruptedIOException}.
     *
     * <p>The causes of a task's failure ({@link TaskFailureException}, {@link AttemptTimeoutException}) are not
     * looked into: they happened on an attempt thread, and an attempt is interrupted only by the engine itself, when it
     * runs past {@code TimeoutSettings.taskAttempt} or its phase is given up. An agent that honours that interrupt
     * throws an {@code InterruptedException}, and the attempt failed transiently: it is retried, counted by the
     * circuit breaker, and may lead to a fallback, never to an {@code INTERRUPTED} build.
     *
     * @param failure a failure; may be null (then false)
     * @return whether it reports an interrupt of the build's own thread
     */
    static boolean interruption(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TaskFailureException || t instanceof AttemptTimeoutException) {
                return false;
            }
            if (t instanceof InterruptedException || t instanceof java.nio.channels.ClosedByInterruptException
                    || t instanceof java.io.InterruptedIOException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}

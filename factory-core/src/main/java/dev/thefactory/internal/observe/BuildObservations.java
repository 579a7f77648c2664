package dev.thefactory.internal.observe;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Phase;
import dev.thefactory.api.event.AgentSpawned;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.BuildFinished;
import dev.thefactory.api.event.BuildListener;
import dev.thefactory.api.event.BuildStarted;
import dev.thefactory.api.event.CheckpointSaved;
import dev.thefactory.api.event.CircuitStateChanged;
import dev.thefactory.api.event.FallbackTriggered;
import dev.thefactory.api.event.PhaseCompleted;
import dev.thefactory.api.event.PhaseFailed;
import dev.thefactory.api.event.PhaseStarted;
import dev.thefactory.api.event.RepairRoundFinished;
import dev.thefactory.api.event.RetryScheduled;
import dev.thefactory.api.event.TaskCompleted;
import dev.thefactory.api.event.TaskFailed;
import dev.thefactory.internal.events.TaskScopes;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the events of builds into Micrometer {@link Observation}s: a listener that opens an observation on a start
 * event and stops it on the matching end event. One instance serves every build of a factory, also concurrent ones
 * (its state is kept per build id); thread-safe.
 *
 * <p>Observations and their low-cardinality key values (tags):
 * <ul>
 *   <li>{@value #BUILD}: {@code mode}, {@code resumed}, {@code outcome} (success, failure, interrupted); the build id
 *       and the project name are high-cardinality key values. Its parent is the registry's current observation.</li>
 *   <li>{@value #PHASE}: {@code phase}, {@code backend}, {@code outcome} (success, failure, cancelled); child of the
 *       build.</li>
 *   <li>{@value #TASK}: {@code phase}, {@code role}, {@code backend}, {@code outcome} (success, failure, cancelled),
 *       {@code retried}; the task id and the number of attempts are high-cardinality; child of its phase.</li>
 *   <li>{@value #ATTEMPT}: one per attempt of a task, {@code phase}, {@code role}, {@code backend}, {@code outcome};
 *       child of the task. An attempt after a retry starts when the retry is scheduled, so it includes the backoff.</li>
 *   <li>{@value #RETRY}, {@value #FALLBACK}, {@value #CIRCUIT} and {@value #CHECKPOINT}: short observations that mark
 *       the moment (the engine reports them after the fact, so their duration means nothing); the retry and the
 *       fallback are also events on the task and the build observation.</li>
 * </ul>
 */
public final class BuildObservations implements BuildListener {

    /** Name of the observation of a whole build. */
    public static final String BUILD = "factory.build";
    /** Name of the observation of a phase on one backend. */
    public static final String PHASE = "factory.phase";
    /** Name of the observation of a task, over all its attempts. */
    public static final String TASK = "factory.task";
    /** Name of the observation of one attempt of a task. */
    public static final String ATTEMPT = "factory.task.attempt";
    /** Name of the observation that marks a scheduled retry. */
    public static final String RETRY = "factory.task.retry";
    /** Name of the observation that marks a fallback to the next backend. */
    public static final String FALLBACK = "factory.fallback";
    /** Name of the observation that marks a circuit breaker transition. */
    public static final String CIRCUIT = "factory.circuit";
    /** Name of the observation that marks a checkpoint save. */
    public static final String CHECKPOINT = "factory.checkpoint.save";

    static final String SUCCESS = "success";
    static final String FAILURE = "failure";
    static final String CANCELLED = "cancelled";
    private static final String CORE = "core";

    private final ObservationRegistry registry;
    private final Map<String, Run> runs = new HashMap<>();

    /**
     * @param registry where observations are recorded
     */
    public BuildObservations(ObservationRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Creates the listener; the only entry point the rest of the core calls, and only when a registry was given.
     *
     * @param registry where observations are recorded
     * @return a listener that records observations of every build it sees
     */
    public static BuildListener listener(ObservationRegistry registry) {
        return new BuildObservations(registry);
    }

    @Override
    public synchronized void onEvent(BuildEvent event) {
        if (event instanceof BuildStarted started) {
            buildStarted(started);
            return;
        }
        Run run = runs.get(event.buildId());
        if (run == null) {
            return;
        }
        if (event instanceof PhaseStarted e) {
            run.phaseStarted(e);
        } else if (event instanceof PhaseCompleted e) {
            run.phaseEnded(e.phase(), SUCCESS, null);
        } else if (event instanceof PhaseFailed e) {
            run.phaseEnded(e.phase(), FAILURE, e.reason());
        } else if (event instanceof AgentSpawned e) {
            run.taskStarted(e);
        } else if (event instanceof TaskFailed e) {
            run.taskFailed(e);
        } else if (event instanceof RetryScheduled e) {
            run.retryScheduled(e);
        } else if (event instanceof TaskCompleted e) {
            run.taskCompleted(e);
        } else if (event instanceof FallbackTriggered e) {
            run.fallback(e);
        } else if (event instanceof CircuitStateChanged e) {
            run.circuit(e);
        } else if (event instanceof CheckpointSaved e) {
            run.checkpoint(e);
        } else if (event instanceof RepairRoundFinished e) {
            run.build.event(Observation.Event.of("factory.repair.round", "repair round " + e.round() + " on "
                    + e.backend() + ": " + e.outcome().name().toLowerCase(Locale.ROOT)));
        } else if (event instanceof BuildFinished e) {
            runs.remove(e.buildId());
            TaskScopes.unregister(e.buildId(), run.opener);
            run.finish(e.status());
        }
    }

    private void buildStarted(BuildStarted e) {
        Run previous = runs.remove(e.buildId());
        if (previous != null) {
            TaskScopes.unregister(e.buildId(), previous.opener);
            previous.finish(null);
        }
        Observation build = Observation.createNotStarted(BUILD, registry)
                .contextualName("factory build")
                .parentObservation(registry.getCurrentObservation())
                .lowCardinalityKeyValue("mode", e.mode().name().toLowerCase(Locale.ROOT))
                .lowCardinalityKeyValue("resumed", Boolean.toString(e.resumedFrom() != null))
                .highCardinalityKeyValue("build.id", e.buildId())
                .highCardinalityKeyValue("project", e.projectName())
                .start();
        Run run = new Run(build);
        runs.put(e.buildId(), run);
        TaskScopes.register(e.buildId(), run.opener);
    }

    /** The open observations of one build. */
    private final class Run {
        final Observation build;
        final Map<Phase, Observation> phases = new EnumMap<>(Phase.class);
        final Map<Phase, String> backends = new EnumMap<>(Phase.class);
        final Map<String, TaskState> tasks = new LinkedHashMap<>();
        /** Makes a task's current attempt the current observation of the thread that runs the agent. */
        final TaskScopes.Opener opener = this::openScope;

        Run(Observation build) {
            this.build = build;
        }

        Runnable openScope(Phase phase, String taskId) {
            Observation attempt;
            synchronized (BuildObservations.this) {
                TaskState task = tasks.get(key(phase, taskId));
                attempt = task == null ? null : task.attempt;
            }
            if (attempt == null) {
                return () -> { };
            }
            Observation.Scope scope = attempt.openScope();
            return scope::close;
        }

        void phaseStarted(PhaseStarted e) {
            phaseEnded(e.phase(), CANCELLED, null);
            String backend = e.backend() == null ? CORE : e.backend();
            backends.put(e.phase(), backend);
            phases.put(e.phase(), Observation.createNotStarted(PHASE, registry)
                    .contextualName("phase " + e.phase().id())
                    .parentObservation(build)
                    .lowCardinalityKeyValue("phase", e.phase().id())
                    .lowCardinalityKeyValue("backend", backend)
                    .start());
        }

        void phaseEnded(Phase phase, String outcome, String reason) {
            for (TaskState task : new ArrayList<>(tasks.values())) {
                if (task.phase == phase) {
                    endTask(task, task.lastFailed ? FAILURE : CANCELLED, task.lastFailed ? task.lastReason : null);
                }
            }
            Observation observation = phases.remove(phase);
            if (observation == null) {
                return;
            }
            if (reason != null) {
                observation.error(new ObservedFailure(reason));
            }
            observation.lowCardinalityKeyValue("outcome", outcome).stop();
        }

        void taskStarted(AgentSpawned e) {
            String key = key(e.phase(), e.task());
            TaskState previous = tasks.get(key);
            if (previous != null) {
                endTask(previous, CANCELLED, null);
            }
            String backend = backends.getOrDefault(e.phase(), CORE);
            Observation parent = phases.getOrDefault(e.phase(), build);
            Observation task = Observation.createNotStarted(TASK, registry)
                    .contextualName("task " + e.role().id())
                    .parentObservation(parent)
                    .lowCardinalityKeyValue("phase", e.phase().id())
                    .lowCardinalityKeyValue("role", e.role().id())
                    .lowCardinalityKeyValue("backend", backend)
                    .highCardinalityKeyValue("task", e.task())
                    .start();
            if (e.parentTask() != null) {
                task.highCardinalityKeyValue("parent.task", e.parentTask());
            }
            TaskState state = new TaskState(key, e.phase(), e.task(), e.role(), backend, task);
            tasks.put(key, state);
            state.startAttempt(1);
        }

        void taskFailed(TaskFailed e) {
            TaskState task = tasks.get(key(e.phase(), e.task()));
            if (task == null) {
                return;
            }
            task.endAttempt(FAILURE, e.reason());
            task.lastFailed = true;
            task.lastReason = e.reason();
            if (!e.retryable()) {
                endTask(task, FAILURE, e.reason());
            }
        }

        void retryScheduled(RetryScheduled e) {
            TaskState task = tasks.get(key(e.phase(), e.task()));
            Observation parent = task != null ? task.task : phases.getOrDefault(e.phase(), build);
            parent.event(Observation.Event.of("factory.retry", "retry: attempt " + e.attempt() + " of "
                    + e.maxAttempts() + " in " + e.delayMillis() + " ms"));
            Observation.createNotStarted(RETRY, registry)
                    .parentObservation(parent)
                    .lowCardinalityKeyValue("phase", e.phase().id())
                    .lowCardinalityKeyValue("role", task != null ? task.role.id() : "unknown")
                    .lowCardinalityKeyValue("backend", backends.getOrDefault(e.phase(), CORE))
                    .highCardinalityKeyValue("task", e.task())
                    .highCardinalityKeyValue("attempt", Integer.toString(e.attempt()))
                    .highCardinalityKeyValue("delay.ms", Long.toString(e.delayMillis()))
                    .start().stop();
            if (task != null) {
                task.endAttempt(CANCELLED, null);
                task.startAttempt(e.attempt());
            }
        }

        void taskCompleted(TaskCompleted e) {
            TaskState task = tasks.get(key(e.phase(), e.task()));
            if (task != null) {
                task.task.highCardinalityKeyValue("files", Integer.toString(e.files()));
                endTask(task, SUCCESS, null);
            }
        }

        void endTask(TaskState task, String outcome, String reason) {
            tasks.remove(task.key);
            task.endAttempt(outcome, reason);
            if (reason != null) {
                task.task.error(new ObservedFailure(reason));
            }
            task.task.lowCardinalityKeyValue("outcome", outcome)
                    .lowCardinalityKeyValue("retried", Boolean.toString(task.attempts > 1))
                    .highCardinalityKeyValue("attempts", Integer.toString(task.attempts))
                    .stop();
        }

        void fallback(FallbackTriggered e) {
            build.event(Observation.Event.of("factory.fallback", "fallback in phase " + e.phase().id() + " from "
                    + e.from() + " to " + e.to()));
            Observation.createNotStarted(FALLBACK, registry)
                    .parentObservation(build)
                    .lowCardinalityKeyValue("phase", e.phase().id())
                    .lowCardinalityKeyValue("from", e.from())
                    .lowCardinalityKeyValue("to", e.to())
                    .start().stop();
        }

        void circuit(CircuitStateChanged e) {
            build.event(Observation.Event.of("factory.circuit", "circuit of " + e.backend() + ": " + e.from() + " -> "
                    + e.to()));
            Observation.createNotStarted(CIRCUIT, registry)
                    .parentObservation(build)
                    .lowCardinalityKeyValue("backend", e.backend())
                    .lowCardinalityKeyValue("from", e.from().name().toLowerCase(Locale.ROOT))
                    .lowCardinalityKeyValue("to", e.to().name().toLowerCase(Locale.ROOT))
                    .start().stop();
        }

        void checkpoint(CheckpointSaved e) {
            Observation observation = Observation.createNotStarted(CHECKPOINT, registry)
                    .parentObservation(phases.getOrDefault(e.phase(), build))
                    .lowCardinalityKeyValue("phase", e.phase().id())
                    .lowCardinalityKeyValue("kind", e.task() == null ? "phase" : "task")
                    .highCardinalityKeyValue("sequence", Long.toString(e.sequence()));
            if (e.task() != null) {
                observation.highCardinalityKeyValue("task", e.task());
            }
            observation.start().stop();
        }

        /** @param status how the build ended, or null when a new start of the same id replaced it */
        void finish(BuildStatus status) {
            for (TaskState task : new ArrayList<>(tasks.values())) {
                endTask(task, CANCELLED, null);
            }
            for (Phase phase : List.copyOf(phases.keySet())) {
                phaseEnded(phase, CANCELLED, null);
            }
            String outcome = status == null ? CANCELLED : switch (status) {
                case SUCCEEDED -> SUCCESS;
                case FAILED -> FAILURE;
                case INTERRUPTED -> "interrupted";
            };
            if (status == BuildStatus.FAILED) {
                build.error(new ObservedFailure("the build failed"));
            }
            build.lowCardinalityKeyValue("outcome", outcome).stop();
        }
    }

    private static String key(Phase phase, String task) {
        return phase.id() + '\u0000' + task;
    }

    /** The observations of a task and of its current attempt. */
    private final class TaskState {
        final String key;
        final Phase phase;
        final String id;
        final AgentRole role;
        final String backend;
        final Observation task;
        Observation attempt;
        int attempts;
        boolean lastFailed;
        String lastReason;

        TaskState(String key, Phase phase, String id, AgentRole role, String backend, Observation task) {
            this.key = key;
            this.phase = phase;
            this.id = id;
            this.role = role;
            this.backend = backend;
            this.task = task;
        }

        void startAttempt(int number) {
            attempts = Math.max(attempts, number);
            lastFailed = false;
            attempt = Observation.createNotStarted(ATTEMPT, registry)
                    .contextualName("attempt " + number)
                    .parentObservation(task)
                    .lowCardinalityKeyValue("phase", phase.id())
                    .lowCardinalityKeyValue("role", role.id())
                    .lowCardinalityKeyValue("backend", backend)
                    .highCardinalityKeyValue("task", id)
                    .highCardinalityKeyValue("attempt", Integer.toString(number))
                    .start();
        }

        void endAttempt(String outcome, String reason) {
            if (attempt == null) {
                return;
            }
            if (reason != null) {
                attempt.error(new ObservedFailure(reason));
            }
            attempt.lowCardinalityKeyValue("outcome", outcome).stop();
            attempt = null;
        }
    }

    /** The failure an observation records: the engine's reason, without a stack trace. */
    static final class ObservedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ObservedFailure(String reason) {
            super(reason, null, false, false);
        }
    }
}

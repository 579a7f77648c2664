package dev.thefactory.internal.resilience;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.failsafe.event.ExecutionScheduledEvent;
import dev.thefactory.api.AgentException;
import dev.thefactory.api.CircuitBreakerSettings;
import dev.thefactory.api.CircuitState;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.Phase;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.TimeoutSettings;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.BuildListener;
import dev.thefactory.api.event.CircuitStateChanged;
import dev.thefactory.api.event.RetryScheduled;
import dev.thefactory.api.event.TaskFailed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resilience policies of one build. Every task attempt of the build goes through {@link #executeTask}, which
 * applies, per attempt and in this order:
 * <ol>
 *   <li>the backend's circuit breaker: when it is open the task fails at once ({@link
 *       TaskFailureException#isCircuitOpen()});</li>
 *   <li>fault injection ({@link FaultInjection}): the added latency, then the injected failure, if any;</li>
 *   <li>the attempt itself, on its own thread, with the time limit {@link TimeoutSettings#taskAttempt()}: at the limit it
 *       is interrupted, and abandoned if it does not stop within {@value #GRACE_MILLIS} ms;</li>
 *   <li>the outcome goes to the backend's circuit breaker, as {@link CircuitBreakerSettings} says: a failure its
 *       {@code countsAsFailure} predicate rejects counts as a success; with {@code Counting.EVERY_ATTEMPT} a failure
 *       counts at once, with {@code Counting.FINISHED_TASKS} it is put off until the task is over and forgotten if a
 *       later attempt of the task succeeds;</li>
 *   <li>a {@linkplain #isTransient(Throwable) transient} failure is retried after an exponential backoff with jitter
 *       (Failsafe's {@code RetryPolicy}, delays on the injected scheduler) until {@link RetrySettings#maxAttempts()}
 *       is reached; any other failure ends the task.</li>
 * </ol>
 * Each retry is announced as a {@link RetryScheduled} event and each breaker transition as a {@link
 * CircuitStateChanged} event, and both are logged with the build id. An injected fault replaces the attempt (the
 * callable is not called), so it is announced here as a {@link TaskFailed} event; other failures of an attempt are the
 * caller's to report.
 *
 * <p>Example:
 * <pre>{@code
 * ResiliencePolicies policies = new ResiliencePolicies(RetrySettings.defaults(), CircuitBreakerSettings.defaults(),
 *         TimeoutSettings.defaults(), FaultInjection.none(), clock, scheduler, listener, buildId);
 * TaskResult result = policies.executeTask("simple", Phase.GENERATE, task.id(), () -> agent.execute(task, context));
 * }</pre>
 *
 * <p>Time: the build's clock only stamps events; the circuit breakers' delays are measured on a monotonic ticker
 * ({@link System#nanoTime()} unless a test injects one).
 *
 * <p>Thread-safe: one instance serves all tasks of a build, concurrently. Circuit breakers are created per backend on
 * first use and shared by all tasks of the build. No argument may be null.
 */
public final class ResiliencePolicies {

    /** How long an interrupted attempt may take to stop before it is abandoned, in milliseconds. */
    public static final long GRACE_MILLIS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ResiliencePolicies.class);

    private final RetrySettings retry;
    private final CircuitBreakerSettings circuit;
    private final TimeoutSettings timeouts;
    private final FaultInjector faults;
    private final Clock clock;
    private final LongSupplier ticker;
    private final ScheduledExecutorService scheduler;
    private final BuildListener events;
    private final String buildId;
    private final String logPrefix;
    private final Duration grace;
    private final AttemptPool pool;
    private final ConcurrentMap<String, BackendCircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final AtomicInteger retries = new AtomicInteger();

    /**
     * @param retry     how transient failures are retried
     * @param circuit   the circuit breaker settings, applied to each backend separately
     * @param timeouts  the time limits; this class applies {@link TimeoutSettings#taskAttempt()}
     * @param faults    faults to inject; {@link FaultInjection#none()} for none
     * @param clock     the build's clock: event times only (circuit breaker delays use {@link System#nanoTime()})
     * @param scheduler runs the retry delays (and the first attempt's hand-off); in tests a scheduler that records
     *                  the delays and runs each task at once makes backoff exact and instant. It must run tasks on its
     *                  own threads, after {@code schedule} has returned, as every real {@code
     *                  ScheduledExecutorService} does: Failsafe cancels the previous attempt's dependencies right after
     *                  scheduling the next one, so a task run inline inside {@code schedule} would be cancelled
     * @param events    receives {@link RetryScheduled}, {@link CircuitStateChanged} and, for injected faults, {@link
     *                  TaskFailed}; an exception it throws is logged at WARN and otherwise ignored
     * @param buildId   the build, named in every event and log line
     * @throws NullPointerException when an argument is null
     */
    public ResiliencePolicies(RetrySettings retry, CircuitBreakerSettings circuit, TimeoutSettings timeouts,
                              FaultInjection faults, Clock clock, ScheduledExecutorService scheduler,
                              BuildListener events, String buildId) {
        this(retry, circuit, timeouts, faults, clock, scheduler, events, buildId, AttemptPool.shared());
    }

    /**
     * As {@link #ResiliencePolicies(RetrySettings, CircuitBreakerSettings, TimeoutSettings, FaultInjection, Clock,
     * ScheduledExecutorService, BuildListener, String)}, with the pool the attempts run on (the factory's own).
     *
     * @param retry     how transient failures are retried
     * @param circuit   the circuit breaker settings, applied to each backend separately
     * @param timeouts  the time limits
     * @param faults    faults to inject
     * @param clock     the build's clock
     * @param scheduler runs the retry delays
     * @param events    receives the policies' events
     * @param buildId   the build
     * @param pool      the threads attempts run on and the timer that bounds them
     * @throws NullPointerException when an argument is null
     */
    public ResiliencePolicies(RetrySettings retry, CircuitBreakerSettings circuit, TimeoutSettings timeouts,
                              FaultInjection faults, Clock clock, ScheduledExecutorService scheduler,
                              BuildListener events, String buildId, AttemptPool pool) {
        this(retry, circuit, timeouts, faults, clock, System::nanoTime, scheduler, events, buildId,
                Duration.ofMillis(GRACE_MILLIS), pool);
    }

    /** As the public constructor, with the breakers' monotonic ticker and the abandon grace period chosen (tests). */
    ResiliencePolicies(RetrySettings retry, CircuitBreakerSettings circuit, TimeoutSettings timeouts,
                       FaultInjection faults, Clock clock, LongSupplier ticker, ScheduledExecutorService scheduler,
                       BuildListener events, String buildId, Duration grace) {
        this(retry, circuit, timeouts, faults, clock, ticker, scheduler, events, buildId, grace, AttemptPool.shared());
    }

    private ResiliencePolicies(RetrySettings retry, CircuitBreakerSettings circuit, TimeoutSettings timeouts,
                       FaultInjection faults, Clock clock, LongSupplier ticker, ScheduledExecutorService scheduler,
                       BuildListener events, String buildId, Duration grace, AttemptPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.circuit = Objects.requireNonNull(circuit, "circuit");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.faults = new FaultInjector(Objects.requireNonNull(faults, "faults"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.events = Objects.requireNonNull(events, "events");
        this.buildId = Objects.requireNonNull(buildId, "buildId");
        this.grace = Objects.requireNonNull(grace, "grace");
        this.logPrefix = "[build " + buildId + "]";
    }

    /**
     * Runs one task under the policies: circuit breaker, fault injection, per-attempt timeout, and retry of transient
     * failures (see the class description). Blocks the calling thread until the task succeeded or failed for good.
     *
     * @param backendId the backend the task runs on; its circuit breaker counts every attempt's outcome
     * @param phase     the phase, for events and messages
     * @param taskId    the task, for events, messages and fault injection
     * @param attempt   one attempt at the task; called once per attempt, each time on a fresh thread; it should
     *                  respond to {@link Thread#interrupt()}
     * @param <T>       the result type
     * @return what the successful attempt returned (may be null if the attempt returns null)
     * @throws TaskFailureException when the task failed permanently, ran out of attempts, its backend's circuit was
     *                              open, or the calling thread was interrupted while waiting (then its interrupt flag
     *                              is set again and the running attempt is interrupted)
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when {@code backendId} or {@code taskId} is blank
     */
    public <T> T executeTask(String backendId, Phase phase, String taskId, Callable<T> attempt)
            throws TaskFailureException {
        Objects.requireNonNull(backendId, "backendId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(attempt, "attempt");
        if (backendId.isBlank()) {
            throw new IllegalArgumentException("backendId must not be blank but was '" + backendId + "'");
        }
        if (taskId.isBlank()) {
            throw new IllegalArgumentException("taskId must not be blank but was '" + taskId + "'");
        }
        TaskRun<T> run = new TaskRun<>(backendId, phase, taskId, attempt, breaker(backendId));
        CompletableFuture<T> result = Failsafe.with(retryPolicy(run)).with(scheduler).getStageAsync(run::nextAttempt);
        try {
            return result.get();
        } catch (ExecutionException | CompletionException e) {
            run.settleFailures();
            throw run.failure(unwrap(e), false);
        } catch (CancellationException e) {
            throw run.failure(e, true);
        } catch (InterruptedException e) {
            result.cancel(true);
            run.cancel();
            Thread.currentThread().interrupt();
            throw run.failure(e, true);
        }
    }

    /**
     * @param backendId a backend id
     * @return true when the backend's circuit breaker is open now (false for a backend not used yet)
     * @throws NullPointerException when {@code backendId} is null
     */
    public boolean isCircuitOpen(String backendId) {
        return circuitState(backendId).equals(BackendCircuitBreaker.State.OPEN.name());
    }

    /**
     * @param backendId a backend id
     * @return the state of the backend's circuit breaker now: {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}
     *         ({@code CLOSED} for a backend not used yet)
     * @throws NullPointerException when {@code backendId} is null
     */
    public String circuitState(String backendId) {
        Objects.requireNonNull(backendId, "backendId");
        BackendCircuitBreaker breaker = breakers.get(backendId);
        return breaker == null ? BackendCircuitBreaker.State.CLOSED.name() : breaker.state().name();
    }

    /**
     * The last known state of the circuit breaker of each backend that ran a task attempt under these policies, as
     * recorded (an open circuit whose delay has passed is still OPEN until an attempt looks at it).
     *
     * @return backend id to state, sorted by id
     */
    public Map<String, CircuitState> circuitStates() {
        Map<String, CircuitState> states = new TreeMap<>();
        breakers.forEach((id, breaker) -> states.put(id, publicState(breaker.recordedState())));
        return states;
    }

    private static CircuitState publicState(BackendCircuitBreaker.State state) {
        return switch (state) {
            case CLOSED -> CircuitState.CLOSED;
            case OPEN -> CircuitState.OPEN;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
        };
    }

    /**
     * @return how many retry attempts (attempts after a task's first) have started so far in this build, over all
     *         tasks; a retry refused by an open circuit is not counted
     */
    public int retries() {
        return retries.get();
    }

    /**
     * Whether a failed attempt counts against its backend's circuit breaker: what {@link
     * CircuitBreakerSettings#countsAsFailure()} says of it (by default everything but an {@link AgentException}). A
     * {@link CompletionException} or {@link ExecutionException} is judged by its cause. A predicate that throws is
     * logged at WARN and the failure counts.
     *
     * @param failure the attempt's failure
     * @return true when it says the backend is unwell
     */
    public boolean countsAgainstBackend(Throwable failure) {
        Throwable cause = unwrap(failure);
        try {
            return circuit.countsAsFailure().test(cause);
        } catch (RuntimeException e) {
            LOG.warn("{} CircuitBreakerSettings.countsAsFailure {} threw on {}; the failure counts against the "
                    + "backend", logPrefix, circuit.countsAsFailure(), describe(cause), e);
            return true;
        }
    }


    /** The attempt running on this thread, if any: set around the task's own code on its attempt thread. */
    private static final ThreadLocal<AttemptNumber> ATTEMPT = new ThreadLocal<>();

    /** The number of an attempt and the most the retry policy allows. */
    private record AttemptNumber(int number, int maxAttempts) {
    }

    /**
     * Whether the retry policy will run another attempt after {@code failure}, thrown by the task attempt running on
     * this thread: the failure is transient ({@link #isTransient}) and this was not the last attempt allowed. This
     * is what {@code TaskFailed.retryable} reports (a cancelled build or a circuit that opens meanwhile may still
     * stop the retry). Outside a task attempt, false: nothing retries it.
     *
     * @param failure what the attempt threw
     * @return true when another attempt follows
     */
    public static boolean willRetry(Throwable failure) {
        AttemptNumber attempt = ATTEMPT.get();
        return attempt != null && attempt.number() < attempt.maxAttempts() && isTransient(failure);
    }

    /**
     * Classifies a failure. Transient (worth retrying): {@link IOException}, {@link UncheckedIOException}, {@link
     * TimeoutException} (which includes an attempt's time limit, {@link AttemptTimeoutException}) and an {@link
     * AgentException} that {@linkplain AgentException#isTransient() says so}. Everything else is permanent, in
     * particular a permanent {@code AgentException}, {@code SpecValidationException}, {@code
     * OutputValidationException}, {@code UnsafePathException}, any other {@link FactoryException}, {@link
     * InterruptedException}, and every other exception or error. An {@link ExecutionException} or
     * {@link CompletionException} is judged by its cause, a {@link TaskFailureException} by its last failure ({@link
     * TaskFailureException#isTransient()}).
     *
     * @param failure a failure; may be null (then false)
     * @return true when trying again may succeed
     */
    public static boolean isTransient(Throwable failure) {
        Throwable current = unwrap(failure);
        if (current instanceof TaskFailureException taskFailure) {
            return taskFailure.isTransient();
        }
        if (current instanceof AgentException agentFailure) {
            return agentFailure.isTransient();
        }
        if (current instanceof FactoryException) {
            return false;
        }
        return current instanceof IOException || current instanceof UncheckedIOException
                || current instanceof TimeoutException;
    }

    private BackendCircuitBreaker breaker(String backendId) {
        return breakers.computeIfAbsent(backendId,
                id -> new BackendCircuitBreaker(id, circuit, ticker, this::onTransition));
    }

    private <T> RetryPolicy<T> retryPolicy(TaskRun<T> run) {
        RetryPolicyBuilder<T> builder = RetryPolicy.<T>builder()
                .handleIf(ResiliencePolicies::isTransient)
                .withMaxAttempts(retry.maxAttempts())
                .withDelayFn(context -> minimumDelay(context.getLastException(), context.getAttemptCount()))
                .onRetryScheduled(event -> onRetryScheduled(run, event));
        Duration initial = retry.initialDelay();
        if (!initial.isZero()) {
            if (retry.multiplier() > 1.0 && initial.compareTo(retry.maxDelay()) < 0) {
                builder.withBackoff(initial, retry.maxDelay(), retry.multiplier());
            } else {
                builder.withDelay(initial);
            }
            builder.withJitter(retry.jitter());
        }
        return builder.build();
    }

    /**
     * The delay before the next attempt when the failure asked for a least wait ({@link AgentException#retryAfter()}):
     * the longer of that wait and the backoff this attempt would get, widened so that the jitter, applied after it,
     * never shortens it below the wait. Otherwise negative, which makes Failsafe use the backoff.
     */
    private Duration minimumDelay(Throwable failure, int attempts) {
        Throwable cause = unwrap(failure);
        if (!(cause instanceof AgentException agentFailure) || agentFailure.retryAfter().isEmpty()) {
            return Duration.ofNanos(-1);
        }
        double backoff = retry.initialDelay().toMillis() * Math.pow(retry.multiplier(), Math.max(0, attempts - 1));
        long nominal = (long) Math.min(backoff, retry.maxDelay().toMillis());
        long wanted = Math.max(agentFailure.retryAfter().get().toMillis(), nominal);
        return Duration.ofMillis((long) Math.ceil(wanted / (1.0 - Math.min(retry.jitter(), 0.9))));
    }

    private <T> void onRetryScheduled(TaskRun<T> run, ExecutionScheduledEvent<T> event) {
        Throwable cause = event.getLastException();
        long delayMillis = event.getDelay().toMillis();
        int next = run.attemptsStarted() + 1;
        String described = describe(cause);
        LOG.warn("{} task '{}' (phase {}, backend '{}') failed transiently on attempt {} of {}: {}; retrying in {} ms",
                logPrefix, run.taskId, run.phase.id(), run.backendId, next - 1, retry.maxAttempts(), described,
                delayMillis);
        emit(new RetryScheduled(buildId, clock.instant(), run.phase, run.taskId, next, retry.maxAttempts(),
                delayMillis, described));
    }

    private void onTransition(BackendCircuitBreaker.Transition transition) {
        if (transition.to() == BackendCircuitBreaker.State.OPEN) {
            LOG.warn("{} circuit breaker of backend '{}': {} -> OPEN; its tasks fail at once for {} ms",
                    logPrefix, transition.backendId(), transition.from(), circuit.delay().toMillis());
        } else {
            LOG.info("{} circuit breaker of backend '{}': {} -> {}", logPrefix, transition.backendId(),
                    transition.from(), transition.to());
        }
        emit(new CircuitStateChanged(buildId, clock.instant(), transition.backendId(), publicState(transition.from()),
                publicState(transition.to())));
    }

    private void emit(BuildEvent event) {
        try {
            events.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("{} a build listener threw on {}; the build goes on", logPrefix, event.type(), e);
        }
    }

    /** @return the failure inside any {@link ExecutionException} or {@link CompletionException} wrappers */
    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof ExecutionException || current instanceof CompletionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** The state of one {@link #executeTask} call. Thread-safe: attempts of one task never overlap. */
    private final class TaskRun<T> {

        private final String backendId;
        private final Phase phase;
        private final String taskId;
        private final Callable<T> attempt;
        private final BackendCircuitBreaker breaker;
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicReference<AttemptRunner.Attempt<T>> current = new AtomicReference<>();
        /** Permits of failed attempts whose counting waits for the task's end (Counting.FINISHED_TASKS). */
        private final List<Long> deferredFailures = new ArrayList<>();
        private volatile boolean cancelled;

        TaskRun(String backendId, Phase phase, String taskId, Callable<T> attempt, BackendCircuitBreaker breaker) {
            this.backendId = backendId;
            this.phase = phase;
            this.taskId = taskId;
            this.attempt = attempt;
            this.breaker = breaker;
        }

        int attemptsStarted() {
            return started.get();
        }

        /** Failsafe calls this for each attempt; it never blocks. */
        CompletableFuture<T> nextAttempt() {
            if (cancelled) {
                return CompletableFuture.failedFuture(new CancellationException("task '" + taskId
                        + "' was cancelled by its caller"));
            }
            long permit = breaker.tryAcquire();
            if (permit == BackendCircuitBreaker.REFUSED) {
                BackendCircuitBreaker.State state = breaker.state();
                return CompletableFuture.failedFuture(new CircuitOpenException(buildId, phase, taskId, backendId,
                        state.name(), breaker.remainingDelay()));
            }
            int number = started.incrementAndGet();
            if (number > 1) {
                retries.incrementAndGet();
            }
            Exception fault = faults.faultFor(backendId, taskId, number);
            Duration latency = faults.settings().latency();
            String description = "task '" + taskId + "' (phase " + phase.id() + ") attempt " + number + " on backend '"
                    + backendId + "'";
            Callable<T> body = () -> {
                if (!latency.isZero()) {
                    Thread.sleep(latency.toMillis());
                }
                if (fault != null) {
                    // the attempt is not called, so its caller cannot report the failure: report it here
                    LOG.debug("{} {}: injecting {}", logPrefix, description, describe(fault));
                    emit(new TaskFailed(buildId, clock.instant(), phase, taskId, fault.getMessage(),
                            isTransient(fault) && number < retry.maxAttempts()));
                    throw fault;
                }
                ATTEMPT.set(new AttemptNumber(number, retry.maxAttempts()));
                try {
                    return attempt.call();
                } finally {
                    ATTEMPT.remove();
                }
            };
            AttemptRunner.Attempt<T> running;
            try {
                running = AttemptRunner.start(pool, body, timeouts.taskAttempt(), grace, description, logPrefix);
            } catch (RuntimeException e) {
                breaker.release(permit);
                throw e;
            }
            current.set(running);
            if (cancelled) {
                // cancel() ran between the check above and current.set: it may not have seen this attempt
                running.cancel();
            }
            return running.outcome().whenComplete((value, failure) -> count(permit, failure));
        }

        /** Tells the breaker how an attempt ended; runs before Failsafe sees the outcome. */
        private void count(long permit, Throwable failure) {
            if (failure instanceof CancellationException) {
                breaker.release(permit);
            } else if (failure == null || !countsAgainstBackend(failure)) {
                // a success, or a failure that says nothing against the backend (by default: the agent answered)
                breaker.recordSuccess(permit);
                synchronized (deferredFailures) {
                    // the backend recovered: the failures this task had are forgotten
                    deferredFailures.clear();
                }
            } else if (circuit.counting() == CircuitBreakerSettings.Counting.EVERY_ATTEMPT) {
                breaker.recordFailure(permit);
            } else if (breaker.deferFailure(permit)) {
                synchronized (deferredFailures) {
                    deferredFailures.add(permit);
                }
            }
        }

        /** The task failed for good: counts the failures that were put off until its end. */
        void settleFailures() {
            List<Long> permits;
            synchronized (deferredFailures) {
                permits = List.copyOf(deferredFailures);
                deferredFailures.clear();
            }
            breaker.recordFailures(permits);
        }

        /** Stops the running attempt and any later one; pairs with the checks of {@code cancelled} above. */
        void cancel() {
            cancelled = true;
            AttemptRunner.Attempt<T> running = current.get();
            if (running != null) {
                running.cancel();
            }
        }

        /**
         * @param cause     the last failure
         * @param cancelled true when the caller stopped waiting (interrupted or cancelled), rather than the task
         *                  failing
         */
        TaskFailureException failure(Throwable cause, boolean cancelled) {
            int attempts = started.get();
            boolean circuitOpen = cause instanceof CircuitOpenException;
            String message;
            if (circuitOpen) {
                message = "Task '" + taskId + "' in phase " + phase.id() + " failed on backend '" + backendId
                        + "' after " + attempts + " attempt(s): " + cause.getMessage();
            } else if (cancelled) {
                message = "Task '" + taskId + "' in phase " + phase.id() + " on backend '" + backendId
                        + "' was cancelled after " + attempts + " attempt(s) because the waiting thread was "
                        + "interrupted; resume the build to run it again";
            } else if (isTransient(cause)) {
                message = "Task '" + taskId + "' in phase " + phase.id() + " failed on backend '" + backendId
                        + "' after " + attempts + " attempt(s), the most RetrySettings.maxAttempts="
                        + retry.maxAttempts() + " allows; the last failure was transient (" + describe(cause)
                        + "), so raise maxAttempts or check the backend";
            } else {
                message = "Task '" + taskId + "' in phase " + phase.id() + " failed on backend '" + backendId
                        + "' at attempt " + attempts + " with a permanent failure that is never retried: "
                        + describe(cause);
            }
            LOG.debug("{} {}", logPrefix, message);
            return new TaskFailureException(message, cause, taskId, backendId, phase, attempts, circuitOpen);
        }
    }
}

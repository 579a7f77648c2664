package dev.thefactory.internal.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task attempt on its own thread, bounded by a time limit.
 *
 * <p>Each attempt runs on a thread of an {@link AttemptPool} (the factory's own) named {@code factory-attempt-<n>}. The
 * pool's timer (one daemon thread, real time) fires at the limit and interrupts the attempt; the attempt then has
 * a short grace period to stop. Whatever it does after the limit, the attempt's outcome is an
 * {@link AttemptTimeoutException}: if it stops within the grace the exception it threw is the cause; if it does not,
 * it is <em>abandoned</em> — the outcome is decided at the end of the grace, a WARN is logged, its thread is left to
 * finish on its own, and the result it produces later is discarded (and logged). An attempt whose caller stopped
 * waiting (the build was stopped) is interrupted and left the same way, but its late result is discarded at DEBUG and
 * never described as timed out: the stop was asked for.
 *
 * <p>Real time is used here on purpose: an attempt's time limit guards against real hangs, whereas retry delays run on
 * the build's injected scheduler so that tests can make them instant and exact.
 *
 * <p>Thread-safe; a pool is shared by all builds of its factory and never blocks a caller.
 */
final class AttemptRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptRunner.class);

    private AttemptRunner() {
    }

    /**
     * Starts an attempt.
     *
     * @param pool        the threads it runs on and the timer that bounds it
     * @param body        the work; its result or exception becomes the attempt's outcome (unless it times out)
     * @param limit       the time limit
     * @param grace       how long an interrupted attempt may take to stop before it is abandoned
     * @param description names the attempt in messages, e.g. {@code task 'x' attempt 2 on backend 'y'}
     * @param logPrefix   put in front of every log line, e.g. {@code [build b-1]}
     * @param <T>         the result type
     * @return the running attempt
     * @throws RejectedExecutionException when no thread can be started
     */
    static <T> Attempt<T> start(AttemptPool pool, Callable<T> body, Duration limit, Duration grace,
                                String description, String logPrefix) {
        Attempt<T> attempt = new Attempt<>(pool.timer(), body, limit, grace, description, logPrefix);
        attempt.timer = pool.timer().schedule(attempt::onTimeout, limit.toNanos(), TimeUnit.NANOSECONDS);
        try {
            pool.attempts().execute(attempt::run);
        } catch (RejectedExecutionException e) {
            attempt.timer.cancel(false);
            throw e;
        }
        return attempt;
    }

    /** One running attempt. Thread-safe; all state changes happen behind its monitor. */
    static final class Attempt<T> {

        /**
         * RUNNING until decided; INTERRUPTED past the limit, within the grace; ABANDONED past the grace; CANCELLED
         * when its caller stopped waiting (the build was stopped); DONE when its own outcome was taken.
         */
        private enum Stage { RUNNING, INTERRUPTED, DONE, ABANDONED, CANCELLED }

        private final ScheduledExecutorService watchdog;
        private final Callable<T> body;
        private final Duration limit;
        private final Duration grace;
        private final String description;
        private final String logPrefix;
        private final CompletableFuture<T> outcome = new CompletableFuture<>();
        private final CompletableFuture<String> discarded = new CompletableFuture<>();

        private Stage stage = Stage.RUNNING;
        private Thread worker;
        private volatile ScheduledFuture<?> timer;

        private Attempt(ScheduledExecutorService watchdog, Callable<T> body, Duration limit, Duration grace,
                        String description, String logPrefix) {
            this.watchdog = watchdog;
            this.body = Objects.requireNonNull(body, "body");
            this.limit = Objects.requireNonNull(limit, "limit");
            this.grace = Objects.requireNonNull(grace, "grace");
            this.description = Objects.requireNonNull(description, "description");
            this.logPrefix = Objects.requireNonNull(logPrefix, "logPrefix");
        }

        /** @return completes once with the attempt's outcome; never completes twice */
        CompletableFuture<T> outcome() {
            return outcome;
        }

        /**
         * @return completes with the log line once a late outcome (one that came after the attempt was abandoned or
         *         cancelled) is discarded; never completes otherwise
         */
        CompletableFuture<String> discarded() {
            return discarded;
        }

        /**
         * Stops waiting for the attempt because its caller gave up: interrupts it and completes the outcome with a
         * {@link CancellationException}. Does nothing when the outcome is already decided.
         */
        void cancel() {
            synchronized (this) {
                if (stage == Stage.DONE || stage == Stage.ABANDONED || stage == Stage.CANCELLED) {
                    return;
                }
                stage = Stage.CANCELLED;
                if (worker != null) {
                    worker.interrupt();
                }
            }
            timer.cancel(false);
            outcome.completeExceptionally(new CancellationException(description + " was cancelled by its caller"));
        }

        private void run() {
            synchronized (this) {
                if (stage != Stage.RUNNING) {
                    return;
                }
                worker = Thread.currentThread();
            }
            T value = null;
            Throwable failure = null;
            try {
                value = body.call();
            } catch (Throwable t) {
                failure = t;
            } finally {
                synchronized (this) {
                    worker = null;
                    // an interrupt aimed at this attempt must not reach the next task of this pooled thread
                    Thread.interrupted();
                }
            }
            finish(value, failure);
        }

        private void finish(T value, Throwable failure) {
            Stage before;
            synchronized (this) {
                before = stage;
                if (stage == Stage.RUNNING || stage == Stage.INTERRUPTED) {
                    stage = Stage.DONE;
                }
            }
            switch (before) {
                case RUNNING -> {
                    timer.cancel(false);
                    if (failure == null) {
                        outcome.complete(value);
                    } else {
                        outcome.completeExceptionally(failure);
                    }
                }
                case INTERRUPTED -> outcome.completeExceptionally(new AttemptTimeoutException(description
                        + " ran past its time limit of " + limit.toMillis() + " ms and was interrupted; raise "
                        + "TimeoutSettings.taskAttempt (--task-timeout) if the work needs longer", limit, false, failure));
                case ABANDONED -> {
                    String line = logPrefix + " discarded the late " + late(failure) + " of " + description
                            + ", which had been abandoned after its time limit of " + limit.toMillis() + " ms";
                    LOG.warn(line);
                    discarded.complete(line);
                }
                case CANCELLED -> {
                    // asked for (a cancel, an interrupt, a deadline): not a time limit, nothing to warn about
                    String line = logPrefix + " discarded the late " + late(failure) + " of " + description
                            + ", which had been abandoned because the build was stopped";
                    LOG.debug(line);
                    discarded.complete(line);
                }
                case DONE -> throw new IllegalStateException(description + " finished twice");
            }
        }

        private static String late(Throwable failure) {
            return failure == null ? "result" : "failure (" + failure + ")";
        }

        private void onTimeout() {
            synchronized (this) {
                if (stage != Stage.RUNNING) {
                    return;
                }
                stage = Stage.INTERRUPTED;
                if (worker != null) {
                    worker.interrupt();
                }
            }
            LOG.debug("{} {} ran past its time limit of {} ms; interrupted it", logPrefix, description,
                    limit.toMillis());
            try {
                watchdog.schedule(this::onGraceExpired, grace.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                onGraceExpired(); // the pool was closed: no grace is waited for
            }
        }

        private void onGraceExpired() {
            synchronized (this) {
                if (stage != Stage.INTERRUPTED) {
                    return;
                }
                stage = Stage.ABANDONED;
            }
            LOG.warn("{} abandoned {}: it ran past its time limit of {} ms and ignored the interrupt for {} ms; its "
                    + "thread is left to finish on its own and any late result will be discarded", logPrefix,
                    description, limit.toMillis(), grace.toMillis());
            outcome.completeExceptionally(new AttemptTimeoutException(description + " ran past its time limit of "
                    + limit.toMillis() + " ms and ignored the interrupt, so it was abandoned; make the agent respond "
                    + "to Thread.interrupt() or raise TimeoutSettings.taskAttempt (--task-timeout)", limit, true, null));
        }
    }
}

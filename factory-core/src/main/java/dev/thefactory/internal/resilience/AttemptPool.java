package dev.thefactory.internal.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads task attempts run on, and the timer that bounds each attempt ({@link AttemptRunner}): one per
 * {@link dev.thefactory.Factory}, which closes it, and shared by the factories derived from it.
 *
 * <p>Threads are daemon threads, started on demand and ended when idle for {@link #DEFAULT_KEEP_ALIVE} (the timer
 * too), so a pool that is never closed neither keeps the JVM alive nor holds threads after its builds are done. Attempt
 * threads are named {@code factory-attempt-<n>}, the timer {@code factory-attempt-watchdog}.
 *
 * <p>{@link #close()} interrupts running attempts, refuses new ones ({@link RejectedExecutionException}) and waits a
 * bounded time for the threads to end. Thread-safe.
 */
public final class AttemptPool implements AutoCloseable {

    /** How long an idle thread of the pool is kept before it ends. */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);

    /** How long {@link #close()} waits for the threads to end. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(AttemptPool.class);

    /** Numbers attempt threads across pools, so that names stay unique in a thread dump. */
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    /** The pool of callers that are not a factory's (engine tests); never closed, its idle threads end. */
    private static final class Shared {
        static final AttemptPool POOL = new AttemptPool(DEFAULT_KEEP_ALIVE);
    }

    private final ThreadPoolExecutor attempts;
    private final ScheduledThreadPoolExecutor timer;

    /** A pool whose idle threads end after {@link #DEFAULT_KEEP_ALIVE}. */
    public AttemptPool() {
        this(DEFAULT_KEEP_ALIVE);
    }

    /**
     * @param keepAlive how long an idle thread is kept, positive
     * @throws IllegalArgumentException when {@code keepAlive} is not positive
     */
    AttemptPool(Duration keepAlive) {
        Objects.requireNonNull(keepAlive, "keepAlive");
        if (keepAlive.isZero() || keepAlive.isNegative()) {
            throw new IllegalArgumentException("keepAlive must be positive but was " + keepAlive);
        }
        long nanos = keepAlive.toNanos();
        attempts = new ThreadPoolExecutor(0, Integer.MAX_VALUE, nanos, TimeUnit.NANOSECONDS, new SynchronousQueue<>(),
                runnable -> daemon(runnable, "factory-attempt-" + THREAD_NUMBER.incrementAndGet()));
        timer = new ScheduledThreadPoolExecutor(1, runnable -> daemon(runnable, "factory-attempt-watchdog"));
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(nanos, TimeUnit.NANOSECONDS);
        // its one thread ends when no timer is pending; a pending timer keeps it (it never outlives its work)
        timer.allowCoreThreadTimeOut(true);
    }

    /** @return the pool used by engines that were given none; shared by the JVM, never closed */
    public static AttemptPool shared() {
        return Shared.POOL;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** @return runs the attempts */
    ExecutorService attempts() {
        return attempts;
    }

    /** @return bounds the attempts */
    ScheduledExecutorService timer() {
        return timer;
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return attempts.isShutdown();
    }

    /**
     * Interrupts running attempts, refuses new ones and waits up to {@link #CLOSE_WAIT} for the threads to end; an
     * attempt that ignores its interrupt is logged and left to end on its own. Idempotent. The JVM-wide
     * {@link #shared()} pool is never closed: closing it does nothing.
     */
    @Override
    public void close() {
        if (this == Shared.POOL || attempts.isShutdown()) {
            return;
        }
        attempts.shutdownNow();
        timer.shutdownNow();
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        try {
            boolean ended = attempts.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)
                    & timer.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!ended) {
                LOG.warn("closed the attempt pool, but {} attempt thread(s) ignored their interrupt for {} s; they are "
                        + "left to end on their own (daemon threads)", attempts.getActiveCount(),
                        CLOSE_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "AttemptPool[" + (isClosed() ? "closed" : attempts.getPoolSize() + " threads") + "]";
    }
}

package dev.thefactory.internal.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A scheduler for tests that never waits: it records every requested delay and runs the task at once, in order, on
 * its own thread, after advancing the {@link MutableClock} by the delay (virtual time). Retry backoff becomes exact
 * and instant.
 *
 * <p>Tasks run on another thread, as on a real scheduler, because Failsafe expects {@code schedule} to return before
 * the task runs.
 */
final class RecordingScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final MutableClock clock;
    private final List<Duration> delays = new ArrayList<>();
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "test-scheduler");
                thread.setDaemon(true);
                return thread;
            });

    RecordingScheduler(MutableClock clock) {
        this.clock = clock;
    }

    /** @return every requested delay in order, including the zero-delay hand-off of a task's first attempt */
    synchronized List<Duration> delays() {
        return List.copyOf(delays);
    }

    /** @return the requested delays in milliseconds, without the zero-delay hand-offs of first attempts */
    synchronized List<Long> retryDelaysMillis() {
        return delays.stream().filter(d -> !d.isZero()).map(Duration::toMillis).toList();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return schedule(() -> {
            command.run();
            return null;
        }, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        Duration requested = Duration.ofNanos(unit.toNanos(delay));
        synchronized (this) {
            delays.add(requested);
        }
        Task<V> task = new Task<>();
        worker.execute(() -> {
            if (task.future.isCancelled()) {
                return;
            }
            clock.advance(requested);
            try {
                task.future.complete(callable.call());
            } catch (Exception e) {
                task.future.completeExceptionally(e);
            }
        });
        return task;
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new AssertionError("ResiliencePolicies must not schedule periodic work");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new AssertionError("ResiliencePolicies must not schedule periodic work");
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdown() {
        worker.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return worker.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return worker.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return worker.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return worker.awaitTermination(timeout, unit);
    }

    private static final class Task<V> implements ScheduledFuture<V> {
        private final CompletableFuture<V> future = new CompletableFuture<>();

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return future.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean isCancelled() {
            return future.isCancelled();
        }

        @Override
        public boolean isDone() {
            return future.isDone();
        }

        @Override
        public V get() throws InterruptedException, ExecutionException {
            return future.get();
        }

        @Override
        public V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            return future.get(timeout, unit);
        }
    }
}

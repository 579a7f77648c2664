package dev.thefactory.temporal;

import dev.thefactory.Factory;
import dev.thefactory.temporal.internal.Workers;
import io.temporal.client.WorkflowClient;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A Temporal worker for builds of The Factory: it polls a task queue and runs the build workflow and its activities —
 * every agent task, the validation and the publication — with the backends on its class path (found through
 * {@code ServiceLoader}, as the local engine finds them) and the configuration its {@linkplain Builder#configure
 * customizer} adds. Every worker of a task queue must see the same output directory (a shared disk): activities of
 * one build may run on different workers and meet in its staging area.
 *
 * <p>Thread-safe. Start it once; {@link #close()} stops polling and waits for running activities.
 *
 * <pre>{@code
 * try (TemporalTarget target = TemporalTarget.connect("localhost:7233");
 *      FactoryWorker worker = FactoryWorker.builder().client(target.client()).build().start()) {
 *     worker.awaitTermination();
 * }
 * }</pre>
 */
public final class FactoryWorker implements AutoCloseable {

    /** The task queue used when none is given. */
    public static final String DEFAULT_TASK_QUEUE = "factory-builds";

    /**
     * How long a workflow task may run before Temporal reports a possible deadlock: longer than Temporal's second, as
     * the first workflow task of a worker loads The Factory's classes.
     */
    static final Duration DEADLOCK_DETECTION = Duration.ofSeconds(10);

    private final WorkerFactory workers;
    private final AutoCloseable activities;
    private final String taskQueue;

    private FactoryWorker(Builder builder) {
        this.workers = WorkerFactory.newInstance(builder.client, WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(builder.interceptors.toArray(WorkerInterceptor[]::new)).build());
        this.taskQueue = builder.taskQueue;
        WorkerOptions.Builder options = WorkerOptions.newBuilder()
                .setMaxConcurrentActivityExecutionSize(builder.maxConcurrentActivities)
                .setDefaultDeadlockDetectionTimeout(DEADLOCK_DETECTION.toMillis());
        if (!builder.sticky) {
            // a zero schedule-to-start timeout turns sticky execution off: every workflow task goes to the task queue
            options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
        }
        this.activities = Workers.register(workers.newWorker(taskQueue, options.build()), builder.configure);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts polling.
     *
     * @return this worker
     */
    public FactoryWorker start() {
        workers.start();
        return this;
    }

    /** @return the task queue this worker polls */
    public String taskQueue() {
        return taskQueue;
    }

    /**
     * Blocks until the worker was shut down (by {@link #close()} from another thread, or {@link #shutdownNow()}).
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void awaitTermination() throws InterruptedException {
        while (!workers.isTerminated()) {
            workers.awaitTermination(1, TimeUnit.SECONDS);
        }
    }

    /**
     * Stops at once, as a worker lost with its machine: running activities are abandoned (Temporal gives them to
     * another worker after their heartbeat timeout).
     */
    public void shutdownNow() {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
        closeActivities();
    }

    /** Stops polling and waits up to a minute for the running activities. */
    @Override
    public void close() {
        workers.shutdown();
        workers.awaitTermination(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS);
        closeActivities();
    }

    private void closeActivities() {
        try {
            activities.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close the worker's activities: " + e, e);
        }
    }

    /**
     * The check both builders make of a task queue's name.
     *
     * @param name a task queue's name
     * @return the name
     * @throws IllegalArgumentException when it is blank
     */
    static String checkedTaskQueue(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("taskQueue must not be blank but was '" + name + "'");
        }
        return name;
    }

    /**
     * Configures a {@link FactoryWorker}. Not thread-safe; {@link #build()} may be called more than once.
     */
    public static final class Builder {
        private WorkflowClient client;
        private String taskQueue = DEFAULT_TASK_QUEUE;
        private UnaryOperator<Factory.Builder> configure = UnaryOperator.identity();
        private int maxConcurrentActivities = 8;
        private boolean sticky = true;
        private final List<WorkerInterceptor> interceptors = new ArrayList<>();

        private Builder() {
        }

        /**
         * Turns sticky execution off (for tests on Temporal's in-process test server, which never moves a workflow
         * task off the sticky queue of a worker that is gone; a real service does after 5 s).
         *
         * @param enabled whether this worker keeps the workflows it ran in its cache and asks for their next tasks
         * @return this builder
         */
        Builder sticky(boolean enabled) {
            this.sticky = enabled;
            return this;
        }

        /**
         * Adds a worker interceptor (for tests that count activity executions).
         *
         * @param interceptor the interceptor
         * @return this builder
         */
        Builder interceptor(WorkerInterceptor interceptor) {
            this.interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /**
         * @param client the client of the Temporal service (required)
         * @return this builder
         */
        public Builder client(WorkflowClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * @param name the task queue to poll; default {@value FactoryWorker#DEFAULT_TASK_QUEUE}
         * @return this builder
         * @throws IllegalArgumentException when it is blank
         */
        public Builder taskQueue(String name) {
            this.taskQueue = checkedTaskQueue(name);
            return this;
        }

        /**
         * @param customize adds this worker's own configuration to the factory of every build it serves (registered
         *                  backends, a class loader); default: nothing added. The spec, mode, output directory and
         *                  the options that decide the output come from the build's caller.
         * @return this builder
         */
        public Builder configure(UnaryOperator<Factory.Builder> customize) {
            this.configure = Objects.requireNonNull(customize, "customize");
            return this;
        }

        /**
         * @param activities the most activities (agent tasks) this worker runs at once; default 8
         * @return this builder
         * @throws IllegalArgumentException when it is below 1
         */
        public Builder maxConcurrentActivities(int activities) {
            if (activities < 1) {
                throw new IllegalArgumentException("maxConcurrentActivities must be >= 1 but was " + activities);
            }
            this.maxConcurrentActivities = activities;
            return this;
        }

        /**
         * @return a new worker, not started
         * @throws IllegalStateException when no client was given
         */
        public FactoryWorker build() {
            if (client == null) {
                throw new IllegalStateException("client must be set: FactoryWorker.builder().client(target.client())");
            }
            return new FactoryWorker(this);
        }
    }
}

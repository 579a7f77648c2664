package dev.thefactory.examples.cli;

import dev.thefactory.Factory;
import dev.thefactory.api.BuildResult;
import dev.thefactory.temporal.FactoryWorker;
import dev.thefactory.temporal.TemporalFactory;
import dev.thefactory.temporal.TemporalTarget;
import picocli.CommandLine;

/**
 * The command line's side of {@code --engine temporal}: checks the flags, and runs a build on a Temporal target (for
 * {@code in-process}, with the test server and a worker started in this process for the build's duration).
 * Stateless.
 */
final class TemporalEngine {

    static final String LOCAL = "local";
    static final String TEMPORAL = "temporal";

    private TemporalEngine() {
    }

    /**
     * @param cmd       the command, for its errors
     * @param engine    the value of {@code --engine}
     * @param target    the value of {@code --temporal-target}, or null
     * @param taskQueue the value of {@code --task-queue}, or null
     * @return whether the build runs on Temporal
     * @throws CommandLine.ParameterException (exit 2) when a value is bad or the flags do not go together
     */
    static boolean check(CommandLine cmd, String engine, String target, String taskQueue) {
        if (!LOCAL.equals(engine) && !TEMPORAL.equals(engine)) {
            throw new CommandLine.ParameterException(cmd, "Invalid value for option '--engine': '" + engine
                    + "' (expected local or temporal)");
        }
        boolean temporal = TEMPORAL.equals(engine);
        if (!temporal && (target != null || taskQueue != null)) {
            throw new CommandLine.ParameterException(cmd, (target != null ? "--temporal-target" : "--task-queue")
                    + " needs --engine temporal");
        }
        if (temporal) {
            if (target == null) {
                throw new CommandLine.ParameterException(cmd, "--engine temporal needs --temporal-target HOST:PORT "
                        + "(a Temporal service) or --temporal-target in-process (a test server in this process)");
            }
            checkTarget(cmd, target);
            checkQueue(cmd, taskQueue);
        }
        return temporal;
    }

    static void checkTarget(CommandLine cmd, String target) {
        try {
            TemporalTarget.check(target);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "Invalid value for option '--temporal-target': "
                    + e.getMessage());
        }
    }

    static void checkQueue(CommandLine cmd, String taskQueue) {
        if (taskQueue != null && taskQueue.isBlank()) {
            throw new CommandLine.ParameterException(cmd, "Invalid value for option '--task-queue': it must not be "
                    + "blank");
        }
    }

    /**
     * Runs a build on Temporal.
     *
     * @param factory   the configured factory
     * @param target    {@code HOST:PORT} or {@code in-process}
     * @param taskQueue the task queue, or null for the default
     * @return the result of the successful build
     */
    static BuildResult run(Factory factory, String target, String taskQueue) {
        String queue = taskQueue == null ? FactoryWorker.DEFAULT_TASK_QUEUE : taskQueue;
        try (TemporalTarget temporal = TemporalTarget.of(target)) {
            FactoryWorker worker = temporal.isInProcess()
                    ? FactoryWorker.builder().client(temporal.client()).taskQueue(queue).build().start()
                    : null;
            try {
                return TemporalFactory.builder().client(temporal.client()).taskQueue(queue).build().run(factory);
            } finally {
                if (worker != null) {
                    worker.close();
                }
            }
        }
    }
}

package dev.thefactory.examples.cli;

import dev.thefactory.temporal.FactoryWorker;
import dev.thefactory.temporal.TemporalTarget;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code factory worker --temporal-target HOST:PORT [--task-queue NAME]}: runs a Temporal worker for builds started
 * with {@code --engine temporal}, with the backends on this command's class path, until it is stopped (Ctrl-C). Not
 * thread-safe (one instance per execution).
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Runs a Temporal worker that executes the builds started with --engine temporal.")
final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--temporal-target", required = true, paramLabel = "HOST:PORT",
            description = "The Temporal service's frontend, such as localhost:7233.")
    String temporalTarget;

    @Option(names = "--task-queue", paramLabel = "NAME",
            description = "The task queue to poll (default: " + FactoryWorker.DEFAULT_TASK_QUEUE + ").")
    String taskQueue;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() throws InterruptedException {
        CommandLine cmd = commandSpec.commandLine();
        TemporalEngine.checkTarget(cmd, temporalTarget);
        TemporalEngine.checkQueue(cmd, taskQueue);
        if (TemporalTarget.IN_PROCESS.equals(temporalTarget)) {
            throw new CommandLine.ParameterException(cmd, "Invalid value for option '--temporal-target': a worker "
                    + "needs a Temporal service (HOST:PORT); in-process is for factory build, which starts its own "
                    + "worker");
        }
        String queue = taskQueue == null ? FactoryWorker.DEFAULT_TASK_QUEUE : taskQueue;
        try (TemporalTarget target = TemporalTarget.connect(temporalTarget);
             FactoryWorker worker = FactoryWorker.builder().client(target.client()).taskQueue(queue).build()) {
            worker.start();
            cmd.getErr().println("Worker polling task queue '" + queue + "' on " + temporalTarget
                    + "; stop it with Ctrl-C");
            cmd.getErr().flush();
            worker.awaitTermination();
        }
        return ExitCodes.OK;
    }
}

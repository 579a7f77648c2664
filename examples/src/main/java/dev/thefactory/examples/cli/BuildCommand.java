package dev.thefactory.examples.cli;

import dev.thefactory.CheckpointRepositories;
import dev.thefactory.Factory;
import dev.thefactory.api.Mode;
import dev.thefactory.temporal.FactoryWorker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code factory build --spec FILE [--out DIR] [--state DIR] [--mode MODE] [--backend ID] [--faults SPEC]
 * [--events FILE] [--json] [--engine local|temporal] [--temporal-target HOST:PORT|in-process] [--task-queue NAME]}: runs a build and reports it. Not thread-safe (one instance per execution).
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Builds the project a spec describes and publishes it in DIR/<project-slug>/.")
final class BuildCommand implements Callable<Integer> {

    @Option(names = "--spec", required = true, paramLabel = "FILE",
            description = "The spec: Markdown (.md), YAML (.yaml, .yml) or JSON (.json).")
    Path spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "outputs",
            description = "Where the project is published, as DIR/<project-slug>/ (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "auto", converter = RunOptions.ModeConverter.class,
            description = "auto, integrated, standalone or minimal (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--backend", paramLabel = "ID",
            description = "Use this backend (e.g. simple, minimal, or a plugin's id) instead of letting the mode"
                    + " choose.")
    String backend;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "local (in this process) or temporal (as a Temporal workflow; see --temporal-target)"
                    + " (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--temporal-target", paramLabel = "HOST:PORT|in-process",
            description = "With --engine temporal: the Temporal service, or in-process to start Temporal's test"
                    + " server and a worker in this process.")
    String temporalTarget;

    @Option(names = "--task-queue", paramLabel = "NAME",
            description = "With --engine temporal: the task queue the workers poll (default: "
                    + FactoryWorker.DEFAULT_TASK_QUEUE + ").")
    String taskQueue;

    @Mixin
    RunOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        CommandLine cmd = commandSpec.commandLine();
        boolean temporal = TemporalEngine.check(cmd, engine, temporalTarget, taskQueue);
        Path specFile = SpecFiles.requireReadable(cmd, "--spec", spec);
        Path state = Directories.requireWritable("--state", options.state);
        Path output = Directories.requireUsable("--out", out);
        Path checkpoints = Directories.requireWritable("--state", options.checkpointDirectory());
        return new BuildCommandRun(cmd, options, state).execute(listener -> {
            Factory.Builder builder = options.factory(specFile, mode, output,
                    CheckpointRepositories.fileSystem(checkpoints), listener);
            if (backend != null) {
                builder.backend(backend);
            }
            return temporal ? TemporalEngine.run(builder.build(), temporalTarget, taskQueue) : builder.build().run();
        });
    }
}

package dev.thefactory.examples.cli;

import dev.thefactory.CheckpointRepositories;
import dev.thefactory.Factory;
import dev.thefactory.api.CheckpointException;
import dev.thefactory.api.FactoryException;
import dev.thefactory.Factory.SavedBuild;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.spi.CheckpointRepository;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code factory resume [--build ID] [--state DIR] [--force] [--spec FILE] [--out DIR] [--faults SPEC]
 * [--events FILE] [--json]}: continues a build that crashed, was interrupted or failed, from its checkpoints in the
 * state directory. The spec file, mode, output directory and feature requirement are read from the build's
 * checkpoints (the spec file is
 * read again and must not have changed, unless {@code --force}); phases and tasks that were finished are skipped.
 * Not thread-safe (one instance per execution).
 *
 * <p>Exit codes as for {@code build}, and: 2 when there is no build to resume, the build was already published, its
 * spec file is gone or changed (without {@code --force}); 3 when another process is running the build.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Resumes a build from its checkpoints: finished phases and tasks are skipped.")
final class ResumeCommand implements Callable<Integer> {

    @Option(names = "--build", paramLabel = "ID",
            description = "The build to resume (default: the most recently started unfinished build in the state"
                    + " directory).")
    String build;

    @Option(names = "--force", description = "Resume even though the spec changed since the build was checkpointed"
            + " (the finished work of the old spec is kept).")
    boolean force;

    @Option(names = "--spec", paramLabel = "FILE",
            description = "Read the spec from FILE instead of the file the build was started from.")
    Path spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the project is published, as DIR/<project-slug>/ (default: the output directory the"
                    + " build was started with, whose DIR/.staging holds its finished files; else outputs).")
    Path out;

    @Mixin
    RunOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        CommandLine cmd = commandSpec.commandLine();
        Path state = Directories.requireWritable("--state", options.state);
        Path checkpoints = Directories.requireWritable("--state", options.checkpointDirectory());
        CheckpointRepository repository = CheckpointRepositories.fileSystem(checkpoints);
        SavedBuild saved = find(cmd, repository, state);
        if (saved.finished()) {
            throw new CommandLine.ParameterException(cmd, "build " + saved.buildId() + " already succeeded and was"
                    + " published; there is nothing to resume (start a new one with factory build)");
        }
        if (spec == null && saved.specFile() == null) {
            throw new CommandLine.ParameterException(cmd, "build " + saved.buildId()
                    + " was started from a spec given as text, not from a file; pass it with --spec FILE");
        }
        Path specFile = spec != null
                ? SpecFiles.requireReadable(cmd, "--spec", spec)
                : SpecFiles.requireReadable(cmd, "the spec file of build " + saved.buildId(), saved.specFile());
        Path output = Directories.requireUsable("--out", out != null ? out
                : saved.outputDirectory() != null ? saved.outputDirectory() : Path.of("outputs"));
        FeatureRequirement features = saved.requireFeatures() != null ? saved.requireFeatures()
                : FeatureRequirement.CORE;
        return new BuildCommandRun(cmd, options, state).execute(listener -> {
            Factory.Builder builder = options.factory(specFile, saved.mode(), output, repository, listener, features);
            if (options.repairRounds == null && saved.repairRounds() != null) {
                // the build's own --repair-rounds, unless given again
                builder.repairRounds(saved.repairRounds());
            }
            return builder.build().resume(saved.buildId(), force);
        });
    }

    private SavedBuild find(CommandLine cmd, CheckpointRepository repository, Path state) {
        if (build == null) {
            return Factory.latestUnfinishedBuild(repository).orElseThrow(() -> new CommandLine.ParameterException(cmd,
                    "there is no unfinished build to resume in state directory " + state + "; start one with"
                            + " factory build, or pass the state directory it used with --state DIR"));
        }
        try {
            return Factory.savedBuild(repository, build);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "--build: " + e.getMessage());
        } catch (CheckpointException e) {
            throw e;
        } catch (FactoryException e) {
            if (java.nio.file.Files.isDirectory(options.checkpointDirectory().resolve(build))) {
                throw new CommandLine.ParameterException(cmd, "--build: build '" + build + "' stopped before it saved"
                        + " its first checkpoint: it did no work that could be kept; start a new build with factory"
                        + " build");
            }
            throw new CommandLine.ParameterException(cmd, "--build: no build '" + build + "' in state directory "
                    + state + "; list the builds in " + state.resolve("checkpoints") + " or omit --build to resume"
                    + " the latest unfinished one");
        }
    }
}

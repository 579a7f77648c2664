package dev.thefactory.tests.crash;

import dev.thefactory.CheckpointRepositories;
import dev.thefactory.Factory;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.event.BuildStarted;
import java.nio.file.Path;

/**
 * The build a crash test kills: {@code CrashTarget <spec> <out> <state> <mode>}. Prints {@code BUILD <id>} on standard
 * output as soon as the build has an id, then {@code DONE} when it succeeded.
 */
public final class CrashTarget {

    private CrashTarget() {
    }

    /** @param args spec file, output directory, state directory, mode */
    public static void main(String[] args) {
        Factory factory = Factory.builder()
                .spec(Path.of(args[0]))
                .outputDirectory(Path.of(args[1]))
                .checkpoints(CheckpointRepositories.fileSystem(Path.of(args[2])))
                .mode(Mode.valueOf(args[3]))
                .requireFeatures(FeatureRequirement.NONE)
                .listener(event -> {
                    if (event instanceof BuildStarted started) {
                        System.out.println("BUILD " + started.buildId());
                        System.out.flush();
                    }
                })
                .build();
        factory.run();
        System.out.println("DONE");
        System.out.flush();
    }
}

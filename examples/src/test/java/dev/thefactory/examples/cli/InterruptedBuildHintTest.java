package dev.thefactory.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.CheckpointRepositories;
import dev.thefactory.BuildHandle;
import dev.thefactory.Factory;
import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.BuildListener;
import dev.thefactory.api.event.BuildStarted;
import dev.thefactory.api.event.CheckpointSaved;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What the command line says after an interrupted build: the resume command when the build saved a checkpoint, and to
 * run the command again when it stopped before its first one (its repository holds nothing to resume). The build is
 * stopped from a listener at a chosen event (an interrupt of its thread, as Ctrl-C makes, or a cancel), so nothing
 * waits on time.
 */
class InterruptedBuildHintTest {

    private static final String SPEC = """
            # Word Counter

            A command-line tool that counts the words, lines and characters of the files it is given.

            ## Type: cli_tool

            ## Complexity: simple

            ## FEATURES

            - Count words, lines and characters of one or more files

            ## TECH STACK

            - Java 17
            - Maven
            """;

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private CommandLine cmd() {
        CommandLine cmd = FactoryCli.newCommandLine();
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd;
    }

    private Factory.Builder factory(BuildListener listener) {
        return Factory.builder().spec(SPEC, SpecFormat.MARKDOWN).mode(Mode.MINIMAL)
                .requireFeatures(FeatureRequirement.NONE).outputDirectory(dir.resolve("out"))
                .checkpoints(CheckpointRepositories.fileSystem(dir.resolve("state/checkpoints"))).listener(listener);
    }

    /** Runs a build through the command line's reporting, interrupting its thread at the first event that matches. */
    private int interruptedAt(Predicate<BuildEvent> when) {
        BuildListener interrupter = event -> {
            if (when.test(event)) {
                Thread.currentThread().interrupt(); // the build thread, as the Ctrl-C hook interrupts it
            }
        };
        return new BuildCommandRun(cmd(), new RunOptions(), dir.resolve("state")).execute(listener ->
                factory(listener).listener(interrupter).build().run());
    }

    @Test
    void aBuildStoppedBeforeItsFirstCheckpointIsToBeRunAgainNotResumed() {
        // cancelled when it starts: the stop takes effect right before its first phase, so it saves no checkpoint
        CompletableFuture<BuildHandle> started = new CompletableFuture<>();
        BuildListener canceller = event -> {
            if (event instanceof BuildStarted) {
                started.join().cancel();
            }
        };
        int exit = new BuildCommandRun(cmd(), new RunOptions(), dir.resolve("state")).execute(listener -> {
            BuildHandle handle = factory(listener).listener(canceller).build().start();
            started.complete(handle);
            try {
                return handle.result().join();
            } catch (CompletionException e) {
                throw (BuildFailedException) e.getCause();
            }
        });

        assertThat(exit).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(err.toString())
                .contains("Build interrupted before its first checkpoint: nothing was saved, so there is nothing to "
                        + "resume. Start it again: run the same command.")
                .contains("start the build again")
                .doesNotContain("Resume with:")
                .doesNotContain("factory resume --build");
    }

    @Test
    void aBuildStoppedAfterACheckpointIsToBeResumed() {
        int exit = interruptedAt(CheckpointSaved.class::isInstance);

        assertThat(exit).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(err.toString())
                .containsPattern("Resume with: factory resume --build b-\\S+ --state "
                        + java.util.regex.Pattern.quote(dir.resolve("state").toString()))
                .doesNotContain("nothing to resume");
    }
}

package dev.thefactory.tests.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.CheckpointRepositories;
import dev.thefactory.Factory;
import dev.thefactory.api.BuildNotFoundException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.spi.CheckpointRepository;
import dev.thefactory.tests.kit.ProjectSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts real JVMs that build the extreme example spec, kills each with SIGKILL at a random (seeded) moment, resumes
 * the build in this JVM, and compares the project's bytes with an uninterrupted build. The default run kills at
 * {@value #SHORT_KILLS} points; {@code -Dfactory.long=true} kills at {@value #LONG_KILLS}.
 */
class CrashResumeTest {

    private static final int SHORT_KILLS = 4;
    private static final int LONG_KILLS = 25;
    private static final long SEED = 20261201L;
    private static final Path SPEC = Path.of("..", "examples", "specs", "example_extreme.md").toAbsolutePath()
            .normalize();

    @TempDir
    Path tmp;

    @Test
    void aBuildKilledAtAnyMomentResumesToTheSameBytes() throws Exception {
        Mode mode = Mode.STANDALONE;
        BuildResult reference = factory(tmp.resolve("reference-out"), tmp.resolve("reference-state"), mode).run();
        SortedMap<String, String> expected = ProjectSnapshot.of(reference.outputDirectory());
        long referenceMillis = reference.phases().stream().mapToLong(p -> p.durationMillis()).sum();

        int kills = Boolean.getBoolean("factory.long") ? LONG_KILLS : SHORT_KILLS;
        Random random = new Random(SEED);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < kills; i++) {
            Path out = tmp.resolve("out-" + i);
            Path state = tmp.resolve("state-" + i);
            // counted from the moment the child's build has started (after JVM start-up), spread over its run
            // stratified: kill i lands somewhere in the i-th of `kills` equal slices of the run
            long killAfter = (long) ((i + random.nextDouble()) / kills * Math.max(200, referenceMillis * 1.2));
            Killed killed = runAndKill(out, state, mode, killAfter);
            if (killed.buildId() == null) {
                outcomes.add("killed after " + killAfter + " ms before the build had an id");
                continue;
            }
            Path project = out.resolve(reference.outputDirectory().getFileName());
            if (killed.finished()) {
                outcomes.add("finished before the kill at " + killAfter + " ms");
            } else if (publishedBy(project, killed.buildId())) {
                // killed between publishing and exiting: the project is complete and a resume is refused as such
                outcomes.add("killed after " + killAfter + " ms, once the project was published");
            } else if (savedNothing(state, killed.buildId())) {
                // killed before its first checkpoint was durable: the build is unknown, so it is started again
                assertThatThrownBy(() -> factory(out, state, mode).resume(killed.buildId()))
                        .isInstanceOf(BuildNotFoundException.class);
                assertThat(factory(out, state, mode).run().status()).isEqualTo(BuildStatus.SUCCEEDED);
                outcomes.add("killed after " + killAfter + " ms before its first checkpoint; built again");
            } else {
                BuildResult resumed = factory(out, state, mode).resume(killed.buildId());
                assertThat(resumed.status()).isEqualTo(BuildStatus.SUCCEEDED);
                outcomes.add("killed after " + killAfter + " ms, resumed from " + resumed.resumedFrom() + " skipping "
                        + resumed.tasksSkipped() + " tasks");
            }
            assertThat(ProjectSnapshot.of(project)).as("project after kill %d (%s)", i, outcomes.get(i)).isEqualTo(expected);
        }
        System.out.println("crash test outcomes: " + outcomes);
        assertThat(outcomes).anyMatch(o -> o.contains("resumed from"));
    }

    /** @return whether the build saved nothing a resume can use: no checkpoint, intact or damaged */
    private static boolean savedNothing(Path state, String buildId) {
        try (CheckpointRepository repository = CheckpointRepositories.fileSystem(state)) {
            return repository.history(buildId).isEmpty() && repository.damage(buildId).isEmpty();
        }
    }

    /** @return whether the project's metadata says that this build published it */
    private static boolean publishedBy(Path project, String buildId) throws IOException {
        Path metadata = project.resolve(".factory/metadata.json");
        return Files.isRegularFile(metadata)
                && new com.fasterxml.jackson.databind.ObjectMapper().readTree(metadata.toFile()).path("buildId")
                        .asText().equals(buildId);
    }

    private static Factory factory(Path out, Path state, Mode mode) {
        return Factory.builder().spec(SPEC).outputDirectory(out).mode(mode).requireFeatures(FeatureRequirement.NONE)
                .checkpoints(CheckpointRepositories.fileSystem(state)).build();
    }

    private record Killed(String buildId, boolean finished) {
    }

    private static Killed runAndKill(Path out, Path state, Mode mode, long killAfterMillis) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", CrashTarget.class.getName(), SPEC.toString(),
                out.toString(), state.toString(), mode.name())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.startsWith("BUILD ")) {
                        started.countDown();
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        });
        reader.start();
        if (!started.await(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child build did not start within 60 s");
        }
        boolean exited = process.waitFor(killAfterMillis, TimeUnit.MILLISECONDS);
        if (!exited) {
            process.destroyForcibly(); // SIGKILL on Linux and macOS
            process.waitFor(30, TimeUnit.SECONDS);
        }
        reader.join(10_000);
        String buildId = null;
        boolean done = false;
        synchronized (lines) {
            for (String line : lines) {
                if (line.startsWith("BUILD ")) {
                    buildId = line.substring("BUILD ".length()).strip();
                }
                done |= line.equals("DONE");
            }
        }
        return new Killed(buildId, exited && done);
    }

}

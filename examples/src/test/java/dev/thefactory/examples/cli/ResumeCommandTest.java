package dev.thefactory.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thefactory.api.SpecChangedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code factory resume} end to end, in-process. */
class ResumeCommandTest {

    /**
     * With this seed, permanent faults spare ANALYZE, DESIGN and STRUCTURE of the example spec on the minimal backend
     * and fail {@code generate/build}: the build fails in GENERATE after checkpointing everything before it.
     */
    private static final String FAILS_IN_GENERATE = "permanent-rate=0.15,seed=6";

    @TempDir
    Path dir;

    private Path spec;
    private Path state;
    private Path out;

    @BeforeEach
    void copySpec() throws IOException {
        spec = Files.copy(Path.of("specs/example_simple.md"), dir.resolve("word-counter.md"));
        state = dir.resolve("state");
        out = dir.resolve("out");
    }

    private String failedBuild() {
        Cli.Result result = Cli.run("build", "--spec", spec.toString(), "--mode", "minimal",
                "--require-features", "none", "--out", out.toString(),
                "--state", state.toString(), "--faults", FAILS_IN_GENERATE, "--json");
        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        JsonNode json = result.json();
        assertThat(json.get("status").asText()).isEqualTo("FAILED");
        assertThat(json.get("phases")).anySatisfy(p -> {
            assertThat(p.get("name").asText()).isEqualTo("GENERATE");
            assertThat(p.get("status").asText()).isEqualTo("FAILED");
        });
        assertThat(result.err()).contains("factory resume --build " + json.get("buildId").asText());
        return json.get("buildId").asText();
    }

    /** Resumes without --require-features: the build keeps the one it was started with (none). */
    private Cli.Result resume(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("resume", "--state", state.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void aFailedBuildResumesFromItsCheckpointsAndEndsAsAnUninterruptedBuildWould() {
        String buildId = failedBuild();

        Cli.Result result = resume("--build", buildId, "--json", "--events", dir.resolve("events.jsonl").toString());

        assertThat(result.exitCode()).as("%s", result).isZero();
        JsonNode json = result.json();
        assertThat(json.get("buildId").asText()).isEqualTo(buildId);
        assertThat(json.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(json.get("mode").asText()).as("the mode is read from the checkpoint").isEqualTo("minimal");
        assertThat(json.get("resumedFrom").asText()).isEqualTo("GENERATE");
        assertThat(json.get("tasksSkipped").asInt()).as("analyze, 4 design tasks, structure and more")
                .isGreaterThanOrEqualTo(6);
        assertThat(json.get("phases")).filteredOn(p -> List.of("VALIDATE_SPEC", "ANALYZE", "DESIGN", "STRUCTURE")
                .contains(p.get("name").asText())).hasSize(4)
                .allSatisfy(p -> assertThat(p.get("status").asText()).isEqualTo("SKIPPED"));
        Path published = Path.of(json.get("outputDirectory").asText());
        assertThat(published).startsWith(out);

        Cli.Result fresh = Cli.run("build", "--spec", spec.toString(), "--mode", "minimal",
                "--require-features", "none", "--out",
                dir.resolve("fresh").toString(), "--state", dir.resolve("fresh-state").toString(), "--json");
        assertThat(fresh.exitCode()).as("%s", fresh).isZero();
        assertThat(projectFiles(published)).isEqualTo(projectFiles(Path.of(fresh.json().get("outputDirectory")
                .asText())));
        assertThat(dir.resolve("events.jsonl")).content().startsWith("{\"type\":\"BuildStarted\"")
                .contains("\"resumedFrom\":\"GENERATE\"");
    }

    @Test
    void aResumeKeepsTheFeatureRequirementTheBuildStartedWithUnlessToldOtherwise() {
        String overridden = failedBuild();

        Cli.Result stricter = resume("--build", overridden, "--require-features", "core", "--json");

        assertThat(stricter.exitCode()).as("the minimal backend implements no core feature: %s", stricter)
                .isEqualTo(1);
        assertThat(stricter.json().at("/error/type").asText()).isEqualTo("RequirementsNotMetException");

        String kept = failedBuild();

        Cli.Result result = resume("--build", kept, "--json");

        assertThat(result.exitCode()).as("started with --require-features none: %s", result).isZero();
        assertThat(result.json().get("status").asText()).isEqualTo("SUCCEEDED");
    }

    /**
     * Regression: {@code resume} created a missing output directory itself, so one that published nothing left it
     * behind, empty, where the failed build it resumed had removed it; it is left to the build, as for
     * {@code build}, which removes it again when nothing is published.
     */
    @Test
    void aResumeThatPublishesNothingLeavesNoOutputDirectoryBehind() {
        String buildId = failedBuild();
        assertThat(out).as("the failed build removed the directory it created").doesNotExist();

        Cli.Result refused = resume("--build", buildId, "--require-features", "core", "--json");

        assertThat(refused.exitCode()).as("%s", refused).isEqualTo(1);
        assertThat(refused.json().at("/error/type").asText()).isEqualTo("RequirementsNotMetException");
        assertThat(out).doesNotExist();
    }

    @Test
    void aResumeThatPublishesNothingKeepsAnOutputDirectoryOfTheUser() throws IOException {
        String buildId = failedBuild();
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "mine");

        Cli.Result refused = resume("--build", buildId, "--require-features", "core", "--out", mine.toString());

        assertThat(refused.exitCode()).as("%s", refused).isEqualTo(1);
        try (Stream<Path> entries = Files.list(mine)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
        assertThat(mine.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void withoutBuildTheLatestUnfinishedBuildIsResumedAndAPublishedOneIsNot() {
        String buildId = failedBuild();

        Cli.Result result = resume("--json");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.json().get("buildId").asText()).isEqualTo(buildId);

        Cli.Result again = resume("--build", buildId);
        assertThat(again.exitCode()).as("%s", again).isEqualTo(2);
        assertThat(again.err()).contains("already succeeded");
        Cli.Result nothing = resume();
        assertThat(nothing.exitCode()).as("%s", nothing).isEqualTo(2);
        assertThat(nothing.err()).contains("no unfinished build to resume");
    }

    @Test
    void anUnknownBuildIsAnInputError() {
        Cli.Result result = resume("--build", "b-19990101-000000-000000", "--json");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.err()).contains("no build 'b-19990101-000000-000000'");
        assertThat(result.json().get("error").get("type").asText()).isEqualTo("InvalidArguments");
    }

    @Test
    void aChangedSpecIsRefusedWithoutForceAndResumedWithIt() throws IOException {
        String buildId = failedBuild();
        Files.writeString(spec, Files.readString(spec) + "- Count bytes with -c\n");

        Cli.Result refused = resume("--build", buildId, "--json");

        assertThat(refused.exitCode()).as("%s", refused).isEqualTo(2);
        assertThat(refused.err()).contains("the spec changed since build " + buildId, "--force")
                .doesNotContain("\tat ");
        assertThat(refused.json().get("error").get("type").asText()).isEqualTo("SpecChangedException");

        Cli.Result forced = resume("--build", buildId, "--force", "--json");

        assertThat(forced.exitCode()).as("%s", forced).isZero();
        assertThat(forced.json().get("notes").toString()).contains("changed since the checkpoint");
    }

    @Test
    void aSpecFileThatIsGoneIsAnInputErrorNamingIt() throws IOException {
        String buildId = failedBuild();
        Files.delete(spec);

        Cli.Result result = resume("--build", buildId);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.err()).contains("the spec file of build " + buildId, spec.getFileName().toString());
    }

    @Test
    void aBuildHeldByAnotherWriterIsAnEnvironmentError() throws IOException {
        String buildId = failedBuild();

        Cli.Result result;
        // Another writer of the build: an operating-system lock on its lock file (docs/checkpoints.md). Within one
        // JVM an overlapping lock is refused just as another process's lock is.
        Path lockFile = state.resolve("checkpoints").resolve(buildId).resolve("lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock(0, Long.MAX_VALUE, false)) {
            assertThat(lock.isValid()).isTrue();
            result = resume("--build", buildId);
        }

        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(result.err()).contains("is locked for build " + buildId, "Recovery options:");
        assertThat(resume("--build", buildId).exitCode()).as("released, it resumes").isZero();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void ctrlCCheckpointsWhatIsFinishedPrintsTheResumeCommandAndExits130() throws Exception {
        Path log = dir.resolve("child-stderr.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FactoryCli.class.getName(), "build",
                "--spec", spec.toString(), "--mode", "minimal",
                "--require-features", "none", "--out", out.toString(), "--state", state.toString(),
                "--faults", "latency=400ms")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        StringBuilder stderr = new StringBuilder();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(),
                StandardCharsets.UTF_8))) {
            boolean generating = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = err.readLine(); line != null; line = err.readLine()) {
                        stderr.append(line).append('\n');
                        if (line.contains("] GENERATE")) {
                            return true; // a GENERATE task finished and was checkpointed
                        }
                    }
                    return false;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(120, TimeUnit.SECONDS);
            assertThat(generating).as("stderr: %s", stderr).isTrue();
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();
            assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the build stops after Ctrl-C").isTrue();
            err.lines().forEach(line -> stderr.append(line).append('\n'));
        } finally {
            child.destroyForcibly();
            Files.writeString(log, stderr);
        }

        assertThat(child.exitValue()).as("stderr in %s", log).isEqualTo(130);
        Matcher command = Pattern.compile("Resume with: factory resume --build (\\S+) --state (\\S+)")
                .matcher(stderr);
        assertThat(command.find()).as("stderr: %s", stderr).isTrue();
        assertThat(Path.of(command.group(2))).isEqualTo(state.toAbsolutePath().normalize());

        Cli.Result resumed = resume("--build", command.group(1), "--json");

        assertThat(resumed.exitCode()).as("%s", resumed).isZero();
        JsonNode json = resumed.json();
        assertThat(json.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(json.get("resumedFrom").asText()).isEqualTo("GENERATE");
        assertThat(json.get("tasksSkipped").asInt()).as("every task before GENERATE and at least one of it")
                .isGreaterThanOrEqualTo(7);
    }

    private static Map<String, String> projectFiles(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (!relative.equals(".factory/metadata.json")) {
                    files.put(relative, HexFormat.of().formatHex(Files.readAllBytes(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}

package dev.thefactory.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.event.CheckpointSaved;
import dev.thefactory.fixtures.TreeBackendProvider;
import dev.thefactory.internal.output.OutputValidation;
import dev.thefactory.internal.output.StagingArea;
import dev.thefactory.internal.state.FileSystemCheckpointRepository;
import dev.thefactory.internal.state.InMemoryCheckpointRepository;
import dev.thefactory.spi.OutputValidator;
import dev.thefactory.spi.ValidationOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: the compiler's and the generated tests' temporary directories of a killed build leaked in
 * {@code java.io.tmpdir} for good. They are made in the build's work directory beside its staging area; the next build
 * in the output directory removes the one a killed build left, and a build leaves none behind however it ends.
 */
class KilledBuildWorkDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void theNextBuildRemovesTheWorkDirectoryAKilledBuildLeftAndLeavesNoneOfItsOwn() throws IOException {
        Path out = dir.resolve("out");
        Path staging = Files.createDirectories(out.resolve(StagingArea.STAGING_DIRECTORY));
        Path leftover = Files.createDirectories(staging.resolve("b-killed.work").resolve("factory-javac-42"));
        Files.writeString(leftover.resolve("Main.class"), "bytes");
        Files.writeString(staging.resolve("b-killed.work.owner"), "");

        BuildResult result = EngineFixture.engine(EngineFixture.config(out, new InMemoryCheckpointRepository()),
                EngineFixture.SPEC, null, new TreeBackendProvider()).run();

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(staging.resolve("b-killed.work")).doesNotExist();
        assertThat(staging).as("nothing of either build is left").doesNotExist();
    }

    @Test
    void aBuildValidatesInItsOwnWorkDirectoryAndRemovesItAfterwards() {
        Path out = dir.resolve("out");
        Path staging = out.resolve(StagingArea.STAGING_DIRECTORY);
        List<String> seen = new CopyOnWriteArrayList<>();
        OutputValidator probe = new OutputValidator() {
            @Override
            public String id() {
                return "work-probe";
            }

            @Override
            public boolean supports(String relativePath) {
                return relativePath.endsWith(".txt");
            }

            @Override
            public ValidationOutcome validate(Path projectRoot, String relativePath) {
                try (Stream<Path> entries = Files.list(staging)) {
                    entries.map(p -> p.getFileName().toString()).forEach(seen::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return ValidationOutcome.passed();
            }
        };
        EngineHooks hooks = EngineHooks.defaults().withValidation(() -> new OutputValidation(List.of(probe)));

        BuildResult result = EngineFixture.engine(EngineFixture.config(out, new InMemoryCheckpointRepository()),
                hooks, EngineFixture.SPEC, null, new TreeBackendProvider()).run();

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(seen).as("during validation").contains(result.buildId() + StagingArea.WORK_SUFFIX,
                result.buildId() + ".work.owner");
        assertThat(staging).as("after the build").doesNotExist();
    }

    @Test
    void theResumeOfAKilledBuildRemovesItsLeftoverWorkDirectory() throws Exception {
        Path out = dir.resolve("out");
        Path state = dir.resolve("state");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Thread> buildThread = new AtomicReference<>();
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(state)) {
            BuildEngine engine = EngineFixture.engine(EngineFixture.config(out, repository, event -> {
                if (event instanceof CheckpointSaved c && c.task() != null) {
                    buildThread.get().interrupt(); // stops the build after a GENERATE task, resumably
                }
            }), EngineFixture.SPEC, null, new TreeBackendProvider());
            Thread build = new Thread(() -> {
                try {
                    engine.run();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            buildThread.set(build);
            build.start();
            build.join(60_000);
        }
        assertThat(thrown.get()).isInstanceOfSatisfying(BuildFailedException.class,
                f -> assertThat(f.result().status()).isEqualTo(BuildStatus.INTERRUPTED));
        String buildId = ((BuildFailedException) thrown.get()).result().buildId();
        // what the killed process left: its work directory with a compile in progress, its owner file unlocked
        Path staging = out.resolve(StagingArea.STAGING_DIRECTORY);
        Path leftover = Files.createDirectories(staging.resolve(buildId + StagingArea.WORK_SUFFIX)
                .resolve("factory-javac-7"));
        Files.writeString(leftover.resolve("A.class"), "bytes");
        Files.writeString(staging.resolve(buildId + ".work.owner"), "");

        BuildResult resumed;
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(state)) {
            resumed = EngineFixture.engine(EngineFixture.config(out, repository), EngineFixture.SPEC, null,
                    new TreeBackendProvider()).resume(buildId, false);
        }

        assertThat(resumed.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(leftover).doesNotExist();
        assertThat(staging).doesNotExist();
    }
}

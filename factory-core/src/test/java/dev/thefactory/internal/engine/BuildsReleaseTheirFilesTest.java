package dev.thefactory.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.fixtures.TreeBackendProvider;
import dev.thefactory.internal.state.FileSystemCheckpointRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, bug 4: every build left its checkpoint segment open. */
class BuildsReleaseTheirFilesTest {

    @TempDir
    Path dir;

    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    void aDozenBuildsInOneJvmLeaveNoFileOpen() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd (Linux)");
        FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(dir.resolve("state"));
        BuildEngine engine = EngineFixture.engine(EngineFixture.config(dir.resolve("out"), repository),
                EngineFixture.SPEC, null, new TreeBackendProvider());
        engine.run(); // loads classes and opens the jars once
        long before = openFiles();

        for (int i = 0; i < 12; i++) {
            BuildResult result = engine.run();
            assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        }

        assertThat(openFiles()).as("open file descriptors after 12 more builds").isLessThanOrEqualTo(before + 1);
        assertThat(repository.buildIds()).hasSize(13);
    }
}

package dev.thefactory.internal.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.GeneratedTestSettings;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: the compiler's and the generated tests' temporary directories ({@code factory-javac-*},
 * {@code factory-tests-*}) were made in {@code java.io.tmpdir} and leaked for good when the JVM was killed. A build
 * makes them in its own work directory {@code .staging/<buildId>.work/}, held by a lock the operating system releases
 * when the process dies; the next build that opens a staging area in the output directory (a resume, or any other
 * build) removes the work directories no running build holds.
 */
class StagingWorkDirectoryTest {

    @TempDir
    Path out;

    private Path stagingParent() throws IOException {
        return out.toRealPath().resolve(StagingArea.STAGING_DIRECTORY);
    }

    /** What a build killed while it compiled leaves behind: its work directory and its (no longer locked) owner file. */
    private Path killedBuild(String buildId) throws IOException {
        Path parent = Files.createDirectories(stagingParent());
        Path work = Files.createDirectories(parent.resolve(buildId + StagingArea.WORK_SUFFIX)
                .resolve("factory-javac-123").resolve("main"));
        Files.writeString(work.resolve("App.class"), "bytes");
        Files.writeString(parent.resolve(buildId + StagingArea.OWNER_SUFFIX), "");
        return parent.resolve(buildId + StagingArea.WORK_SUFFIX);
    }

    @Test
    void theWorkDirectoryLiesBesideTheStagingAreaAndGoesWithTheBuild() throws IOException {
        StagingArea staging = StagingArea.open(out, "b-1", OutputQuotas.defaults());

        Path work = staging.workDirectory();

        assertThat(work).isEqualTo(stagingParent().resolve("b-1.work")).isDirectory();
        assertThat(staging.workDirectory()).isSameAs(work);
        assertThat(work.startsWith(staging.root())).as("outside the staged project").isFalse();
        Files.createDirectories(work.resolve("factory-tests-1/java"));

        staging.releaseWork();

        assertThat(work).doesNotExist();
        assertThat(stagingParent().resolve("b-1" + StagingArea.OWNER_SUFFIX)).doesNotExist();
        assertThat(staging.root()).as("the staging area is kept").isDirectory();
        staging.delete();
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void aLaterBuildRemovesTheWorkDirectoryOfAKilledOne() throws IOException {
        Path leftover = killedBuild("b-killed");

        StagingArea.open(out, "b-later", OutputQuotas.defaults());

        assertThat(leftover).doesNotExist();
        assertThat(stagingParent().resolve("b-killed" + StagingArea.OWNER_SUFFIX)).doesNotExist();
    }

    @Test
    void theResumeOfAKilledBuildRemovesItsOwnLeftoverWorkDirectory() throws IOException {
        Path leftover = killedBuild("b-1");
        StagingArea resumed = StagingArea.open(out, "b-1", OutputQuotas.defaults());

        assertThat(leftover.resolve("factory-javac-123")).doesNotExist();
        assertThat(resumed.workDirectory()).isEqualTo(leftover).isEmptyDirectory();
    }

    @Test
    void aWorkDirectoryWithoutOwnerFileIsRemoved() throws IOException {
        Path orphan = Files.createDirectories(Files.createDirectories(stagingParent())
                .resolve("b-x" + StagingArea.WORK_SUFFIX).resolve("factory-tests-9"));

        StagingArea.open(out, "b-later", OutputQuotas.defaults());

        assertThat(orphan.getParent()).doesNotExist();
    }

    @Test
    void aWorkDirectoryARunningBuildHoldsIsKept() throws IOException {
        StagingArea running = StagingArea.open(out, "b-running", OutputQuotas.defaults());
        Path work = running.workDirectory();
        Files.createDirectories(work.resolve("factory-javac-1"));

        StagingArea.open(out, "b-other", OutputQuotas.defaults());

        assertThat(work.resolve("factory-javac-1")).as("held in this JVM").isDirectory();
        running.releaseWork();
    }

    @Test
    void aWorkDirectoryLockedByAnotherHolderIsKept() throws IOException {
        Path leftover = killedBuild("b-elsewhere");
        Path ownerFile = stagingParent().resolve("b-elsewhere" + StagingArea.OWNER_SUFFIX);
        try (FileChannel channel = FileChannel.open(ownerFile, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            assertThat(lock.isValid()).isTrue();

            StagingArea.open(out, "b-other", OutputQuotas.defaults());

            assertThat(leftover.resolve("factory-javac-123")).as("its owner still runs").isDirectory();
        }
    }

    @Test
    void validationMakesItsTemporaryDirectoriesInTheGivenWorkDirectory() throws IOException {
        Path project = Files.createDirectories(out.resolve("project"));
        Files.writeString(project.resolve("App.java"), "class App {}\n");
        Path missing = out.resolve("no-such-work-directory");

        ValidationReport report = new OutputValidation(List.of()).validate(project, List.of("App.java"),
                GeneratedTestSettings.disabled(), missing);

        // the compiler's class directory was to be made there: it cannot be, so the sources are not compile-checked
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("could not compile-check"));
        assertThat(new OutputValidation(List.of()).validate(project, List.of("App.java"),
                GeneratedTestSettings.disabled()).problems()).isEmpty();
    }
}

package dev.thefactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.Mode;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.fixtures.ForwardingCheckpointRepository;
import dev.thefactory.spi.Checkpoint;
import dev.thefactory.spi.CheckpointRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Factory#latestUnfinishedBuild} picks the build started last even when two builds started in the same second
 * (their ids then differ only by their random suffix) and the repository lists them by id.
 */
class LatestUnfinishedBuildTest {

    private static final String SPEC = """
            # Tree Demo

            A small project for resume tests.

            ## Type: cli_tool

            ## Complexity: simple

            ## FEATURES

            - Count the leaves of a tree
            """;

    private static final Instant SECOND = Instant.parse("2026-12-03T12:00:00Z");

    @TempDir
    Path tmp;

    /**
     * A repository that keeps creation times to the second, as many stores do (an SQL TIMESTAMP(0) column): within a
     * second it lists builds by id, which is what the SPI allows ("by the creation time of each build's first
     * checkpoint, then by id").
     */
    private static final class ListedById extends ForwardingCheckpointRepository {
        ListedById() {
            super(CheckpointRepositories.inMemory());
        }

        @Override
        public List<String> buildIds() {
            return super.buildIds().stream().sorted().toList();
        }
    }

    /** Copies a build's checkpoints under another id, made {@code offsetMillis} after the second began. */
    private static void copy(List<Checkpoint> from, String buildId, long offsetMillis, CheckpointRepository to) {
        String original = from.get(0).buildId();
        for (Checkpoint c : from) {
            to.save(new Checkpoint(c.formatVersion(), buildId, c.sequence(), c.phase(), c.taskId(),
                    SECOND.plusMillis(offsetMillis + c.sequence()), c.payload().replace(original, buildId)));
        }
    }

    @Test
    void ofTwoBuildsStartedInTheSameSecondTheOneStartedLastIsTheLatestWhateverTheirIds() {
        CheckpointRepository source = CheckpointRepositories.inMemory();
        // the minimal backend implements no feature: under the default requirement the build fails, unpublished
        Throwable failed = catchThrowable(() -> Factory.builder().spec(SPEC, SpecFormat.MARKDOWN).mode(Mode.MINIMAL)
                .outputDirectory(tmp.resolve("out")).runGeneratedTests(false).checkpoints(source)
                .clock(Clock.fixed(SECOND, ZoneOffset.UTC)).build().run());
        assertThat(failed).isInstanceOf(BuildFailedException.class);
        List<Checkpoint> history = source.history(source.buildIds().get(0));
        assertThat(history).isNotEmpty();

        ListedById repository = new ListedById();
        String earlier = "b-20261203-120000-ffffff";
        String later = "b-20261203-120000-000000";
        copy(history, earlier, 100, repository);
        copy(history, later, 900, repository);
        assertThat(repository.buildIds()).as("listed by id, the later build first").containsExactly(later, earlier);

        assertThat(Factory.latestUnfinishedBuild(repository)).map(Factory.SavedBuild::buildId).contains(later);

        ListedById swapped = new ListedById();
        copy(history, earlier, 900, swapped);
        copy(history, later, 100, swapped);
        assertThat(Factory.latestUnfinishedBuild(swapped)).map(Factory.SavedBuild::buildId).contains(earlier);
    }
}

package dev.thefactory.internal.engine;

import dev.thefactory.Factory.SavedBuild;
import dev.thefactory.api.CheckpointException;
import dev.thefactory.api.FactoryException;
import dev.thefactory.spi.Checkpoint;
import dev.thefactory.spi.CheckpointRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a checkpoint repository says about its builds without running them: which build to resume, where its
 * spec file and output directory are, and how far it got. The {@code factory resume} command uses it to find the spec
 * of a build before it builds a {@link dev.thefactory.Factory}.
 *
 * <p>Stateless and thread-safe.
 */
public final class SavedBuilds {

    private static final Logger LOG = LoggerFactory.getLogger(SavedBuilds.class);

    private SavedBuilds() {
    }

    /**
     * @param repository the checkpoint repository
     * @param buildId    a build id
     * @return what its checkpoints record, as {@link dev.thefactory.Factory#savedBuild} returns it
     * @throws dev.thefactory.api.BuildNotFoundException when the repository holds no checkpoint of that build
     * @throws CheckpointException when none of its checkpoints can be read
     */
    public static SavedBuild find(CheckpointRepository repository, String buildId) {
        return describe(ResumePoint.load(repository, buildId));
    }

    /**
     * @param repository the checkpoint repository
     * @return the most recently started build that was not published, if any; builds whose checkpoints cannot be
     *         read are skipped (and logged). "Most recently started" is by the creation time of each build's first
     *         checkpoint, to the precision of the build's clock (two builds started in the same second are told
     *         apart; a build id only has the second), then by the repository's order
     * @throws CheckpointException when the repository cannot be listed
     */
    public static Optional<SavedBuild> latestUnfinished(CheckpointRepository repository) {
        Objects.requireNonNull(repository, "repository");
        record Started(String id, int listed, Instant at) {
        }
        List<String> ids = repository.buildIds();
        List<Started> builds = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            try {
                List<Checkpoint> history = repository.history(id);
                builds.add(new Started(id, i, history.isEmpty() ? Instant.MIN : history.get(0).createdAt()));
            } catch (FactoryException | IllegalArgumentException e) {
                builds.add(new Started(id, i, Instant.MIN)); // find() below says what is wrong with it
            }
        }
        builds.sort(Comparator.comparing(Started::at).thenComparingInt(Started::listed).reversed());
        for (Started build : builds) {
            try {
                SavedBuild saved = find(repository, build.id());
                if (!saved.finished()) {
                    return Optional.of(saved);
                }
            } catch (FactoryException | IllegalArgumentException e) {
                LOG.warn("Build {} in {} cannot be resumed and is skipped: {}", build.id(), repository,
                        e.getMessage());
            }
        }
        return Optional.empty();
    }

    static SavedBuild describe(ResumePoint point) {
        var base = point.base();
        return new SavedBuild(point.buildId(), base.specHash(), point.specFile(), base.mode(),
                point.outputDirectory(), base.phase(), base.backend(), point.finished(), point.notes(),
                base.requireFeatures(), base.repairRounds());
    }
}

package dev.thefactory.internal.engine;

import dev.thefactory.Factory.SavedBuild;
import dev.thefactory.api.CheckpointException;
import dev.thefactory.api.FactoryException;
import dev.thefactory.spi.CheckpointRepository;
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
     *         read are skipped (and logged)
     * @throws CheckpointException when the repository cannot be listed
     */
    public static Optional<SavedBuild> latestUnfinished(CheckpointRepository repository) {
        Objects.requireNonNull(repository, "repository");
        List<String> ids = repository.buildIds();
        for (int i = ids.size() - 1; i >= 0; i--) {
            String id = ids.get(i);
            try {
                SavedBuild saved = find(repository, id);
                if (!saved.finished()) {
                    return Optional.of(saved);
                }
            } catch (FactoryException | IllegalArgumentException e) {
                LOG.warn("Build {} in {} cannot be resumed and is skipped: {}", id, repository, e.getMessage());
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

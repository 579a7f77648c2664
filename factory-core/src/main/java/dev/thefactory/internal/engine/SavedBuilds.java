package dev.thefactory.internal.engine;

import dev.thefactory.api.CheckpointException;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.spi.CheckpointRepository;
import java.nio.file.Path;
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
     * What the newest readable checkpoint of a build records. Immutable.
     *
     * @param buildId         the build
     * @param specHash        SHA-256 of the spec it was checkpointed with (lower-case hex)
     * @param specFile        the absolute spec file it was started from, or null when the spec was not a file
     * @param mode            the mode it was started in
     * @param outputDirectory its absolute output directory, or null when not recorded
     * @param lastPhase       the last phase it completed
     * @param backend         the backend that ran its completed phases, or {@code core}
     * @param finished        whether it was published (nothing left to resume)
     * @param notes           damage found and skipped while reading its checkpoints; empty when none
     * @param requireFeatures the feature requirement it ran under, or null when not recorded
     * @param repairRounds    the repair rounds it ran with, or null when not recorded
     */
    public record SavedBuild(String buildId, String specHash, Path specFile, Mode mode, Path outputDirectory,
            Phase lastPhase, String backend, boolean finished, List<String> notes, FeatureRequirement requireFeatures,
            Integer repairRounds) {

        /** @throws NullPointerException if a required component is null */
        public SavedBuild {
            Objects.requireNonNull(buildId, "buildId");
            Objects.requireNonNull(specHash, "specHash");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(lastPhase, "lastPhase");
            Objects.requireNonNull(backend, "backend");
            notes = List.copyOf(notes);
        }

        /** @return the spec file, if the build was started from one */
        public Optional<Path> spec() {
            return Optional.ofNullable(specFile);
        }

        /** @return the output directory, if recorded */
        public Optional<Path> output() {
            return Optional.ofNullable(outputDirectory);
        }
    }

    /**
     * @param repository the checkpoint repository
     * @param buildId    a build id
     * @return what its checkpoints record
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

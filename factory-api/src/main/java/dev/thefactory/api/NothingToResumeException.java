package dev.thefactory.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A resume found nothing left to do: the build it named was already published and its output is still there, or
 * (when it was asked for the latest unfinished build) every build in the checkpoint repository was published, or the
 * repository holds none. Nothing was run, created or published; asking again fails the same way. Distinct from
 * {@link BuildNotFoundException}, which means the repository holds no checkpoint of the named build at all.
 *
 * <p>Immutable and thread-safe.
 */
public class NothingToResumeException extends FactoryException {

    private static final long serialVersionUID = 1L;

    /** Where the build was published; null when no single build was named. Not serialized with a {@link Path}. */
    private final String publishedTo;

    /**
     * The named build was already published.
     *
     * @param buildId     the build that was asked for
     * @param publishedTo the directory its project was published to
     * @throws NullPointerException if an argument is null
     */
    public NothingToResumeException(String buildId, Path publishedTo) {
        super("Build " + Objects.requireNonNull(buildId, "buildId") + " already succeeded and was published to "
                + Objects.requireNonNull(publishedTo, "publishedTo") + "; there is nothing to resume", null,
                ErrorContext.ofBuild(buildId),
                List.of("use the published project at " + publishedTo,
                        "start a new build to build the project again"));
        this.publishedTo = publishedTo.toString();
    }

    /**
     * No build was named, and the checkpoint repository holds no build that was not published.
     */
    public NothingToResumeException() {
        super("There is no unfinished build to resume in the checkpoint repository: every build saved there was "
                + "published, or it holds none", null, ErrorContext.NONE,
                List.of("start a new build",
                        "check that the checkpoint repository is the one the build was saved in"));
        this.publishedTo = null;
    }

    /** @return where the named build was published; empty when no single build was named */
    public Optional<Path> publishedTo() {
        return Optional.ofNullable(publishedTo).map(Path::of);
    }
}

package dev.thefactory.api;

import java.util.List;
import java.util.Objects;

/**
 * A resume named a build that the checkpoint repository holds no checkpoint of: a mistyped id, or the wrong state
 * directory or repository. Nothing was run, created or published; asking again fails the same way. CLI exit code 2.
 *
 * <p>Immutable and thread-safe.
 */
public class BuildNotFoundException extends FactoryException {

    private static final long serialVersionUID = 1L;

    private final String repository;

    /**
     * The message names the build only: a caller that knows how the repository is named to its users (a state
     * directory, a database) adds that itself.
     *
     * @param buildId the id that was asked for
     * @throws NullPointerException if {@code buildId} is null
     */
    public BuildNotFoundException(String buildId) {
        super("Build " + Objects.requireNonNull(buildId, "buildId") + " has no checkpoints in the checkpoint "
                + "repository; there is nothing to resume, and nothing was run or published", null,
                ErrorContext.ofBuild(buildId),
                List.of("check the build id (BuildResult.buildId(), BuildHandle.buildId(), or the list of saved "
                                + "builds)",
                        "check that the checkpoint repository is the one the build was saved in",
                        "start a new build"));
        this.repository = "";
    }

    /**
     * @param buildId    the id that was asked for
     * @param repository a description of the repository that was searched, e.g. its directory; it is part of the
     *                   message
     * @throws NullPointerException if an argument is null
     */
    public BuildNotFoundException(String buildId, String repository) {
        super("Build " + Objects.requireNonNull(buildId, "buildId") + " has no checkpoints in "
                + Objects.requireNonNull(repository, "repository") + "; there is nothing to resume, and nothing was "
                + "run or published", null, ErrorContext.ofBuild(buildId),
                List.of("check the build id (BuildResult.buildId(), or the list of saved builds)",
                        "check that the checkpoint repository (the state directory) is the one the build was saved in",
                        "start a new build"));
        this.repository = repository;
    }

    /** @return a description of the repository that was searched; empty when none was given; never null */
    public String repository() {
        return repository;
    }
}

package dev.thefactory.temporal;

import dev.thefactory.api.BuildResult;
import dev.thefactory.api.event.BuildListener;
import java.util.List;
import java.util.Objects;

/**
 * A build running (or finished) as a Temporal workflow: its id at once, its result when it ends, and a cancel. Any
 * number of clients may hold a handle of the same build ({@link TemporalFactory#attach(String)}).
 *
 * <p>Thread-safe.
 */
public final class TemporalBuild {

    private final TemporalFactory temporal;
    private final String buildId;
    private final List<BuildListener> listeners;

    TemporalBuild(TemporalFactory temporal, String buildId, List<BuildListener> listeners) {
        this.temporal = Objects.requireNonNull(temporal, "temporal");
        this.buildId = Objects.requireNonNull(buildId, "buildId");
        this.listeners = List.copyOf(listeners);
    }

    /** @return the build's id, which is also its workflow id */
    public String buildId() {
        return buildId;
    }

    /**
     * Waits for the build to end. While it waits, the build's events reach the listeners of the factory it was
     * started with (and of the {@link TemporalFactory}): they are read from the workflow's progress log, from its
     * first event, so a handle attached later still delivers every one.
     *
     * @return the result of the successful build
     * @throws dev.thefactory.api.BuildFailedException as {@link TemporalFactory#run}
     */
    public BuildResult result() {
        return temporal.result(buildId, listeners);
    }

    /**
     * Asks the workflow to stop: running activities are cancelled, the staging area is removed, nothing is published;
     * {@link #result()} then throws a {@link dev.thefactory.api.BuildFailedException} whose result is
     * {@code INTERRUPTED}. Returns at once.
     */
    public void cancel() {
        temporal.stub(buildId).cancel();
    }
}

package dev.thefactory.internal.engine;

import dev.thefactory.api.BackendUnavailableException;
import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.internal.backend.BackendDiscovery;
import dev.thefactory.internal.plan.BuildPlan;
import dev.thefactory.internal.plan.Planner;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs builds of one validated spec with one configuration; what {@link dev.thefactory.Factory#run()} delegates to.
 * Every {@link #run()} is a new build with a new build id.
 *
 * <p>Immutable and thread-safe: separate {@code run()} calls may proceed concurrently (they share the checkpoint
 * repository and, when they publish the same project, the output directory — the last publish wins).
 */
public final class BuildEngine {

    private final EngineConfig config;
    private final ProjectSpec spec;
    private final String specHash;
    private final Supplier<BackendDiscovery> discovery;
    private final EngineHooks hooks;

    /**
     * @param config    the checked configuration
     * @param spec      the validated spec
     * @param specHash  SHA-256 of the spec (file bytes, or normalized JSON), lower-case hex
     * @param discovery finds the backend providers, once per build
     * @throws NullPointerException if an argument is null
     */
    public BuildEngine(EngineConfig config, ProjectSpec spec, String specHash, Supplier<BackendDiscovery> discovery) {
        this(config, spec, specHash, discovery, EngineHooks.defaults());
    }

    BuildEngine(EngineConfig config, ProjectSpec spec, String specHash, Supplier<BackendDiscovery> discovery,
            EngineHooks hooks) {
        this.config = Objects.requireNonNull(config, "config");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.specHash = Objects.requireNonNull(specHash, "specHash");
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
    }

    /** @return the plan every build of this spec follows */
    public BuildPlan plan() {
        return new Planner().plan(spec);
    }

    /**
     * Runs one build.
     *
     * @return the result of the successful build; its project is published
     * @throws BackendUnavailableException when the mode or the explicit backend cannot be served; no work was done
     * @throws BuildFailedException        when the build failed after its retries and fallbacks, or was interrupted
     *                                     (then the result's status is {@code INTERRUPTED} and the thread's interrupt
     *                                     flag is set); nothing was published
     */
    public BuildResult run() {
        return new BuildRun(config, spec, specHash, discovery, hooks, BuildIds.next(config.clock())).execute();
    }
}

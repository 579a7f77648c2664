package dev.thefactory.internal.engine;

import dev.thefactory.Factory;
import dev.thefactory.api.BackendUnavailableException;
import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildNotFoundException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.NothingToResumeException;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.SpecChangedException;
import dev.thefactory.api.StateLockedException;
import dev.thefactory.internal.backend.BackendCascade;
import dev.thefactory.internal.backend.BackendDiscovery;
import dev.thefactory.internal.backend.SkippedProvider;
import dev.thefactory.internal.output.PublishedOutput;
import dev.thefactory.internal.output.SafePaths;
import dev.thefactory.internal.plan.BuildPlan;
import dev.thefactory.internal.plan.Planner;
import dev.thefactory.internal.resilience.AttemptPool;
import dev.thefactory.internal.state.BuildIds;
import dev.thefactory.spi.BuildLock;
import dev.thefactory.spi.Checkpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs builds of one validated spec with one configuration; what {@link dev.thefactory.Factory#run()} and
 * {@code resume} delegate to. Every {@link #run()} is a new build with a new build id; {@link #resume(String, boolean)}
 * continues a build from its checkpoints under its own id.
 *
 * <p>A build holds its single-writer lock ({@link BuildLocks}: the repository's own lock where it offers one) from
 * before it reads its checkpoints until it returns, so two runs never write one build at once. Closing the lock when
 * the build ends, however it ends, also lets the repository release what it holds open for the build.
 *
 * <p>Immutable and thread-safe: separate calls may proceed concurrently (they share the checkpoint repository; of two
 * that publish the same project at once, one wins and the other fails with an
 * {@link dev.thefactory.api.OutputConflictException}).
 */
public final class BuildEngine {

    private static final Logger LOG = LoggerFactory.getLogger(BuildEngine.class);

    private final EngineConfig config;
    private final ProjectSpec spec;
    private final String specHash;
    private final Supplier<BackendDiscovery> discovery;
    private final EngineHooks hooks;
    private final Path specFile;

    /**
     * @param config    the checked configuration
     * @param spec      the validated spec
     * @param specHash  SHA-256 of the spec (file bytes, or normalized JSON), lower-case hex
     * @param discovery finds the backend providers, once per build
     * @throws NullPointerException if an argument is null
     */
    public BuildEngine(EngineConfig config, ProjectSpec spec, String specHash, Supplier<BackendDiscovery> discovery) {
        this(config, spec, specHash, discovery, EngineHooks.defaults(), null);
    }

    /**
     * @param config    the checked configuration
     * @param spec      the validated spec
     * @param specHash  SHA-256 of the spec (file bytes, or normalized JSON), lower-case hex
     * @param discovery finds the backend providers, once per build
     * @param specFile  the spec file the spec was read from, recorded in the checkpoints so that a resume from the
     *                  command line can read it again; null when the spec was given as text or as a value
     * @throws NullPointerException if an argument other than {@code specFile} is null
     */
    public BuildEngine(EngineConfig config, ProjectSpec spec, String specHash, Supplier<BackendDiscovery> discovery,
            Path specFile) {
        this(config, spec, specHash, discovery, EngineHooks.defaults(), specFile);
    }

    /**
     * @param config    the checked configuration
     * @param spec      the validated spec
     * @param specHash  SHA-256 of the spec (file bytes, or normalized JSON), lower-case hex
     * @param discovery finds the backend providers, once per build
     * @param specFile  the spec file the spec was read from, or null
     * @param attempts  the threads task attempts run on (the factory's own pool, which the factory closes)
     * @throws NullPointerException if an argument other than {@code specFile} is null
     */
    public BuildEngine(EngineConfig config, ProjectSpec spec, String specHash, Supplier<BackendDiscovery> discovery,
            Path specFile, AttemptPool attempts) {
        this(config, spec, specHash, discovery, EngineHooks.defaults().withAttempts(attempts), specFile);
    }

    BuildEngine(EngineConfig config, ProjectSpec spec, String specHash, Supplier<BackendDiscovery> discovery,
            EngineHooks hooks) {
        this(config, spec, specHash, discovery, hooks, null);
    }

    BuildEngine(EngineConfig config, ProjectSpec spec, String specHash, Supplier<BackendDiscovery> discovery,
            EngineHooks hooks, Path specFile) {
        this.config = Objects.requireNonNull(config, "config");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.specHash = Objects.requireNonNull(specHash, "specHash");
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.specFile = specFile == null ? null : specFile.toAbsolutePath().normalize();
    }

    /** @return the checked configuration of this engine's builds */
    public EngineConfig config() {
        return config;
    }

    /** @return the validated spec */
    public ProjectSpec spec() {
        return spec;
    }

    /** @return SHA-256 of the spec, lower-case hex */
    public String specHash() {
        return specHash;
    }

    /**
     * Finds the backend providers and resolves the cascade for the configured mode and explicit backend, without the
     * fallbacks that cannot meet the feature requirement, as a build does before its first phase. The cascade carries
     * its notes (why a fallback was left out) and the unhealthy providers; see {@link #cascade(Consumer)} for the
     * providers discovery could not load.
     *
     * @return the cascade, first choice first
     * @throws BackendUnavailableException when the mode or the explicit backend cannot be served
     */
    public BackendCascade cascade() {
        return cascade(notLoaded -> { });
    }

    /**
     * Resolves the cascade as {@link #cascade()} does: the one place a build's cascade is resolved, by the local
     * engine and by other engines alike.
     *
     * @param notLoaded told of each provider discovery found but could not use (it failed to load, or repeated an
     *                  id), before the cascade is resolved, so it hears of them even when no backend can serve
     * @return the cascade, first choice first
     * @throws BackendUnavailableException when the mode or the explicit backend cannot be served
     */
    public BackendCascade cascade(Consumer<SkippedProvider> notLoaded) {
        Objects.requireNonNull(notLoaded, "notLoaded");
        BackendDiscovery found = discovery.get();
        found.skipped().forEach(notLoaded);
        return hooks.resolver().resolve(found, config.mode(), config.explicitBackend())
                .forPolicy(config.requireFeatures(), spec);
    }

    /** @return the engine's hooks, for its builds */
    EngineHooks hooks() {
        return hooks;
    }

    /** @return reads the heap, for the headroom check before a task spawns children */
    public HeapProbe heap() {
        return hooks.heap();
    }

    /** @return a new output validation, as a build makes for its {@code VALIDATE_OUTPUT} */
    public dev.thefactory.internal.output.OutputValidation newValidation() {
        return hooks.validation().get();
    }

    /** @return applied to every validation report before it is used (identity outside the core's tests) */
    public java.util.function.UnaryOperator<dev.thefactory.internal.output.ValidationReport> reports() {
        return hooks.reports();
    }

    /** @return the plan every build of this spec follows */
    public BuildPlan plan() {
        return new Planner().plan(spec);
    }

    /**
     * Runs one build.
     *
     * @return the result of the successful build; its project is published
     * @throws dev.thefactory.api.OutputConflictException when the project's output directory holds files no earlier
     *                                     build published (before any work), or changed while the build ran
     * @throws BackendUnavailableException when the mode or the explicit backend cannot be served; no work was done
     * @throws BuildFailedException        when the build failed after its retries and fallbacks, or was interrupted
     *                                     (then the result's status is {@code INTERRUPTED} and the thread's interrupt
     *                                     flag is set); nothing was published
     */
    public BuildResult run() {
        return run(newBuildId(), RunControl.none());
    }

    /** @return a new build id, for {@link #run(String, RunControl)}: ids are made before a build starts */
    public String newBuildId() {
        return BuildIds.next(config.clock());
    }

    /**
     * Runs one build under an id made with {@link #newBuildId()}, with its own listeners and deadline, on the calling
     * thread; as {@link #run()}.
     *
     * @param buildId the new build's id, from {@link #newBuildId()}
     * @param control the run's own listeners and deadline, and the means to stop it
     * @return as {@link #run()}
     * @throws BuildFailedException as {@link #run()}; when it was stopped through {@code control}, its message says why
     */
    public BuildResult run(String buildId, RunControl control) {
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(control, "control");
        // An interrupt before the build's first phase must end it INTERRUPTED: one already pending is held back while
        // the lock is taken (an interruptible file channel would fail with ClosedByInterruptException) and takes
        // effect in the run; one that cuts the lock short ends the run at once.
        boolean interrupted = Thread.interrupted();
        BuildLock lock;
        try {
            lock = BuildLocks.acquire(config.checkpoints(), buildId);
        } catch (RuntimeException e) {
            if (!refusal(e) && interruptedBy(e)) {
                return new BuildRun(this, buildId, specFile, null, null).control(control)
                        .interruptedBeforeStart(e, false).execute();
            }
            restoreInterrupt(interrupted);
            throw e;
        }
        try (lock) {
            LOG.debug("[build {}] holds its lock ({})", buildId, lock.holder());
            restoreInterrupt(interrupted);
            return new BuildRun(this, buildId, specFile, null, null)
                    .control(control).execute();
        }
    }

    /** @return whether {@code failure} happened because the calling thread was interrupted (it stays interrupted) */
    private static boolean interruptedBy(RuntimeException failure) {
        if (Thread.currentThread().isInterrupted() || ChainReactor.interruption(failure)) {
            Thread.currentThread().interrupt();
            return true;
        }
        return false;
    }

    /** @return whether {@code failure} refuses the build for a reason of its own, which an interrupt cannot cause */
    private static boolean refusal(RuntimeException failure) {
        return failure instanceof StateLockedException || failure instanceof BuildNotFoundException
                || failure instanceof NothingToResumeException || failure instanceof SpecChangedException;
    }

    private static void restoreInterrupt(boolean interrupted) {
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Continues a build from its checkpoints in the configured repository, under the same build id: completed phases
     * and finished tasks whose staged files still match their checkpoints are skipped, the rest runs.
     *
     * @param buildId the build to resume
     * @param force   whether to resume although the spec changed since the checkpoint
     * @return the result of the successful build; {@link BuildResult#resumedFrom()} and
     *         {@link BuildResult#tasksSkipped()} say what was not redone
     * @throws StateLockedException        when another process (or another build of this one) holds the build
     * @throws SpecChangedException        when the spec changed since the checkpoint and {@code force} is false
     * @throws BuildNotFoundException      when the repository holds no checkpoint of the build (nothing is created)
     * @throws NothingToResumeException    when the build was already published and its output is still there
     * @throws dev.thefactory.api.CheckpointException when none of its checkpoints can be read
     * @throws BackendUnavailableException as {@link #run()}
     * @throws BuildFailedException        as {@link #run()}
     */
    public BuildResult resume(String buildId, boolean force) {
        return resume(buildId, force, RunControl.none());
    }

    /**
     * Resumes a build as {@link #resume(String, boolean)} does, with the run's own listeners and deadline.
     *
     * @param buildId the build to resume
     * @param force   whether to resume although the spec changed since the checkpoint
     * @param control the run's own listeners and deadline, and the means to stop it
     * @return as {@link #resume(String, boolean)}
     * @throws FactoryException as {@link #resume(String, boolean)}
     */
    public BuildResult resume(String buildId, boolean force, RunControl control) {
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(control, "control");
        // as in run(String, RunControl): a pending interrupt is held back while the lock is taken and the checkpoints
        // are read, and one that cuts them short ends the run at once, INTERRUPTED (the checkpoints stay to resume)
        boolean interrupted = Thread.interrupted();
        BuildLock lock;
        try {
            requireKnown(buildId); // before the lock, which would create the build's directory
            lock = BuildLocks.acquire(config.checkpoints(), buildId);
        } catch (RuntimeException e) {
            return interruptedOrThrow(e, interrupted, buildId, control);
        }
        try (lock) {
            LOG.debug("[build {}] holds its lock ({}) to resume", buildId, lock.holder());
            BuildRun run;
            try {
                run = resumeRun(buildId, force);
            } catch (RuntimeException e) {
                return interruptedOrThrow(e, interrupted, buildId, control);
            }
            restoreInterrupt(interrupted);
            return run.control(control).execute();
        }
    }

    /**
     * Ends a resume whose lock or checkpoints an interrupt cut short {@code INTERRUPTED}; rethrows any other failure.
     */
    private BuildResult interruptedOrThrow(RuntimeException failure, boolean interrupted, String buildId,
            RunControl control) {
        if (!refusal(failure) && interruptedBy(failure)) {
            return new BuildRun(this, buildId, specFile, null, null).control(control)
                    .interruptedBeforeStart(failure, true).execute();
        }
        restoreInterrupt(interrupted);
        throw failure;
    }

    /** @return the run that resumes the build from its checkpoints, read under its lock */
    private BuildRun resumeRun(String buildId, boolean force) {
        List<Checkpoint> history = config.checkpoints().history(buildId);
        List<String> damage = config.checkpoints().damage(buildId);
        if (history.isEmpty() && damage.isEmpty()) {
            throw new BuildNotFoundException(buildId);
        }
        if (history.isEmpty()) {
            // It wrote checkpoints, but not one survived intact: nothing to skip, so it starts again.
            List<String> notes = new ArrayList<>();
            notes.add("Build " + buildId + " saved no intact checkpoint before it stopped; it was run again from "
                    + "the start under the same id (the spec could not be compared with the one it started with)");
            damage.forEach(d -> notes.add("Checkpoint damage found while resuming: " + d));
            return new BuildRun(this, buildId, specFile, null, notes);
        }
        ResumePoint point = ResumePoint.load(config.checkpoints(), buildId, history);
        if (point.finished()) {
            Path output = point.outputDirectory() != null ? point.outputDirectory() : config.outputDirectory();
            PublishedOutput found = PublishedOutput.inspect(output.resolve(SafePaths.slug(spec.name())));
            if (buildId.equals(found.publishedBy())) {
                throw new NothingToResumeException(buildId, found.directory());
            }
            // Its PUBLISH checkpoint survived but its output did not (a rename lost in a power cut, or the
            // directory was removed since): it publishes again from what is still staged, or rebuilds.
            LOG.warn("[build {}] was published, but {} does not hold its output; publishing it again", buildId,
                    found.directory());
        }
        if (!point.specHash().equals(specHash)) {
            if (!force) {
                throw new SpecChangedException(source(point), buildId, point.specHash(), specHash);
            }
            LOG.warn("[build {}] the spec changed since the checkpoint (was {}, now {}); resuming anyway (forced)",
                    buildId, point.specHash(), specHash);
        }
        return new BuildRun(this, buildId, specFile != null ? specFile : point.specFile(), point, null);
    }

    /**
     * Resumes the most recently started build of the repository that was not published.
     *
     * @param force whether to resume although the spec changed since the checkpoint
     * @return as {@link #resume(String, boolean)}
     * @throws NothingToResumeException when the repository holds no unfinished build; otherwise as
     *                                   {@link #resume(String, boolean)}
     */
    public BuildResult resumeLatest(boolean force) {
        return resume(latestUnfinished(), force);
    }

    /**
     * @return the id of the most recently started build of the repository that was not published
     * @throws NothingToResumeException when the repository holds no unfinished build
     */
    public String latestUnfinished() {
        Factory.SavedBuild latest = SavedBuilds.latestUnfinished(config.checkpoints())
                .orElseThrow(NothingToResumeException::new);
        LOG.info("[build {}] is the latest unfinished build in {}", latest.buildId(), config.checkpoints());
        return latest.buildId();
    }

    /** @throws BuildNotFoundException when the build wrote nothing to the repository: no checkpoint, no damage */
    private void requireKnown(String buildId) {
        if (config.checkpoints().history(buildId).isEmpty() && config.checkpoints().damage(buildId).isEmpty()) {
            throw new BuildNotFoundException(buildId);
        }
    }

    private String source(ResumePoint point) {
        if (specFile != null) {
            return specFile.toString();
        }
        return point.specFile() != null ? point.specFile().toString() : "spec";
    }
}

package dev.thefactory;

import dev.thefactory.api.BackendUnavailableException;
import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.CircuitBreakerSettings;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.GeneratedTestSettings;
import dev.thefactory.api.Mode;
import dev.thefactory.api.NothingToResumeException;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.SpecLimits;
import dev.thefactory.api.SpecValidationException;
import dev.thefactory.api.TimeoutSettings;
import dev.thefactory.api.event.BuildListener;
import dev.thefactory.internal.backend.BackendDiscovery;
import dev.thefactory.internal.engine.BuildEngine;
import dev.thefactory.internal.engine.EngineConfig;
import dev.thefactory.internal.engine.RunControl;
import dev.thefactory.internal.engine.SavedBuilds;
import dev.thefactory.internal.output.OutputQuotas;
import dev.thefactory.internal.resilience.AttemptPool;
import dev.thefactory.internal.spec.SpecJson;
import dev.thefactory.internal.spec.SpecLoader;
import dev.thefactory.internal.util.Sha256;
import dev.thefactory.spi.CheckpointRepository;
import dev.thefactory.spi.OrchestratorBackendProvider;
import dev.thefactory.spi.PatternStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.LoggerFactory;

/**
 * The entry point: turns a project specification into a generated, validated project on disk.
 *
 * <pre>{@code
 * BuildResult result = Factory.builder()
 *         .spec(Path.of("specs/todo-app.md"))
 *         .mode(Mode.AUTO)
 *         .outputDirectory(Path.of("outputs"))
 *         .build()
 *         .run();
 * }</pre>
 *
 * <p>{@link Builder#build()} reads and validates the spec and the configuration — every violation at once — so a
 * {@code Factory} always holds a valid spec. {@link #run()} runs one build: it either returns a result whose project
 * was published after passing validation, or throws a {@link dev.thefactory.api.FactoryException} that says what
 * failed, what was tried and how to recover. {@link #start(BuildListener...)} starts the same build on a thread of its
 * own and returns a {@link BuildHandle}: its id at once, its result as a future, and a cancel. A {@code Factory} is
 * immutable but for {@link #close()}, and thread-safe: any number of threads may call {@code run()}, {@code start()} and the resumes at once,
 * and each {@code run()} or {@code start()} is a new build with its own id.
 *
 * <p><b>One configuration, many specs.</b> {@link #withSpec(Path)} (and its twins for text and values) returns a
 * factory of another spec with this one's configuration — checkpoint repository, listeners, backends, policies,
 * deadline, pattern store, observation registry — and its resources, as an OkHttp {@code Call} shares its client:
 *
 * <pre>{@code
 * try (Factory factory = Factory.builder()
 *         .spec(Path.of("specs/todo-app.md"))
 *         .checkpoints(CheckpointRepositories.fileSystem(Path.of(".factory/checkpoints")))
 *         .deadline(Duration.ofMinutes(30))
 *         .build()) {
 *     BuildHandle todo = factory.start();
 *     BuildHandle shop = factory.withSpec(Path.of("specs/shop.yaml")).start();
 *     ...
 * }
 * }</pre>
 *
 * <p><b>Resources.</b> A factory made by {@link Builder#build()} owns the threads its builds' task attempts run on
 * (started when needed) and its pattern store; the factories derived from it share them. {@link #close()} stops its
 * running builds resumably, waits for them and ends those threads. Closing is optional: they are daemon threads that
 * end when idle, so {@code Factory.builder()...build().run()} without try-with-resources leaks nothing that keeps a
 * JVM alive.
 */
public final class Factory implements AutoCloseable {

    /**
     * System property that selects a backend by id, as {@link Builder#backend(String)} does, for factories whose
     * builder set no backend in code (neither {@link Builder#backend(String)} nor
     * {@link Builder#backend(OrchestratorBackendProvider)}); read by {@link Builder#build()}.
     */
    public static final String BACKEND_PROPERTY = "factory.backend";

    /** The stop reason of builds that {@link #close()} stops: "the build was stopped because ...". */
    static final String CLOSED_REASON = "its factory was closed";

    static {
        // lets other engines of The Factory (factory-temporal) run this factory's configuration
        dev.thefactory.internal.engine.EngineAccess.install(factory -> factory.engine);
    }

    private final ProjectSpec spec;
    private final String specHash;
    private final EngineConfig config;
    private final Shared shared;
    private final RunningBuilds runs;
    /** Whether this factory was made by {@link Builder#build()} and so owns {@link Shared#attempts}. */
    private final boolean owner;
    private final BuildEngine engine;

    /**
     * What a factory and every factory derived from it with {@link #withSpec} share, beside the {@link EngineConfig}:
     * the settings a new spec is read and checked with, and the resources the owner closes.
     *
     * @param specLimits limits applied while reading a spec
     * @param faults     the faults set on the builder, or null to take them from each spec's own section
     * @param loader     where backend providers are looked for
     * @param registered backend providers registered in code
     * @param deadline   the deadline of every run, or null for none
     * @param attempts   the threads task attempts run on, owned by the factory {@link Builder#build()} made
     */
    private record Shared(SpecLimits specLimits, FaultInjection faults, ClassLoader loader,
            List<OrchestratorBackendProvider> registered, Duration deadline, AttemptPool attempts) {
    }

    private Factory(ProjectSpec spec, Path specFile, EngineConfig config, Shared shared, RunningBuilds runs,
            boolean owner) {
        this.spec = spec;
        this.specHash = Sha256.hex(SpecJson.toJson(spec));
        this.config = config;
        this.shared = shared;
        this.runs = runs;
        this.owner = owner;
        this.engine = new BuildEngine(config, spec, specHash,
                () -> BackendDiscovery.load(shared.loader(), shared.registered()), specFile, shared.attempts());
    }

    /** @return a new builder with the defaults documented on its methods */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the validated spec this factory builds */
    public ProjectSpec spec() {
        return spec;
    }

    /** @return SHA-256 (lower-case hex) of the spec's normalized JSON form; a resume compares it */
    public String specHash() {
        return specHash;
    }

    /** @return the mode asked for */
    public Mode mode() {
        return config.mode();
    }

    /** @return where projects are published */
    public Path outputDirectory() {
        return config.outputDirectory();
    }

    /**
     * A factory for another spec with this factory's configuration: the same checkpoint repository, listeners, mode,
     * output directory, backends (registered in code or chosen by id), retry, circuit breaker, time limits, deadline,
     * pattern store and observation registry, and the same resources (the threads task attempts run on). Nothing is
     * stated again, nothing is started, and this factory is not changed; the spec is read and validated exactly as
     * {@link Builder#build()} does, under the same {@link Builder#specLimits limits}. The faults are the builder's
     * when it was given some ({@link Builder#faults}), else the new spec's own {@code FAULT INJECTION} section.
     *
     * <pre>{@code
     * try (Factory configured = Factory.builder()
     *         .spec(Path.of("specs/todo-app.md"))
     *         .checkpoints(CheckpointRepositories.fileSystem(Path.of(".factory/checkpoints")))
     *         .listener(event -> log.info("{}", event))
     *         .build()) {
     *     BuildResult todo = configured.run();
     *     BuildResult shop = configured.withSpec(Path.of("specs/shop.yaml")).run();
     * }
     * }</pre>
     *
     * <p>The derived factory shares this factory's resources but does not own them: closing it stops the builds it
     * started and refuses new ones, and leaves this factory (and its builds) running; closing the factory that
     * {@link Builder#build()} made closes the resources and so every factory derived from it.
     *
     * @param file the spec file; its format comes from the extension, else from its content
     * @return a new factory of that spec, sharing this one's configuration and resources
     * @throws NullPointerException    when {@code file} is null
     * @throws SpecValidationException with every violation, when the spec cannot be read or is invalid, or lists no
     *                                 feature to build
     * @throws IllegalStateException   when this factory was closed
     */
    public Factory withSpec(Path file) {
        Objects.requireNonNull(file, "spec file");
        runs.requireOpen();
        return derive(readSpec(shared.specLimits(), file), file, file.toString());
    }

    /**
     * A factory for a spec given as text, with this factory's configuration and resources, as {@link #withSpec(Path)}.
     *
     * @param content the spec's text
     * @param format  its format
     * @return a new factory of that spec
     * @throws NullPointerException    when an argument is null
     * @throws SpecValidationException with every violation, when the spec is invalid or lists no feature to build
     * @throws IllegalStateException   when this factory was closed
     */
    public Factory withSpec(String content, SpecFormat format) {
        Objects.requireNonNull(content, "spec content");
        Objects.requireNonNull(format, "spec format");
        runs.requireOpen();
        return derive(readSpec(shared.specLimits(), content, format), null, "spec");
    }

    /**
     * A factory for a spec given as a value, with this factory's configuration and resources, as
     * {@link #withSpec(Path)}; the spec is validated as {@link Builder#spec(ProjectSpec)} does.
     *
     * @param spec the spec
     * @return a new factory of that spec
     * @throws NullPointerException    when {@code spec} is null
     * @throws SpecValidationException with every violation, when the spec is invalid
     * @throws IllegalStateException   when this factory was closed
     */
    public Factory withSpec(ProjectSpec spec) {
        Objects.requireNonNull(spec, "spec");
        runs.requireOpen();
        return derive(readSpec(shared.specLimits(), spec), null, "spec");
    }

    private Factory derive(ProjectSpec newSpec, Path specFile, String source) {
        FaultInjection faults = shared.faults() != null ? shared.faults() : specFaults(newSpec, source);
        EngineConfig c = config;
        EngineConfig derived = new EngineConfig(c.mode(), c.outputDirectory(), c.listeners(), c.explicitBackend(),
                c.checkpoints(), c.parallelism(), c.watchdog(), c.minHeapHeadroom(), c.retry(), c.circuitBreaker(),
                c.timeouts(), faults, c.clock(), c.quotas(), c.patterns(), c.requireFeatures(), c.generatedTests(),
                c.overwrite(), c.repairRounds());
        return new Factory(newSpec, specFile, derived, shared, runs.derive(), false);
    }

    /**
     * Closes the factory: new builds, resumes and {@link #withSpec} are refused with an
     * {@link IllegalStateException}; builds it is running (with {@link #run()}, {@link #start} or a resume, on any
     * thread) are stopped as {@link BuildHandle#cancel()} stops one — they end
     * {@link dev.thefactory.api.BuildStatus#INTERRUPTED} with their finished work checkpointed, resumable later, and
     * the error's message says the factory was closed — and waited for, up to 30 seconds. A factory made by
     * {@link Builder#build()} then stops the threads it owns (those task attempts run on); this also closes every
     * factory derived from it with {@link #withSpec}. A derived factory owns no threads: closing it stops and waits
     * for its own builds only. Idempotent.
     *
     * <p>Closing is optional: a factory's threads are daemon threads that end when idle, so a factory that is never
     * closed does not keep the JVM alive once its builds are done. Do not call it from a listener of one of the
     * factory's builds: it would wait for that build, which waits for the listener.
     */
    @Override
    public void close() {
        runs.close(CLOSED_REASON);
        if (owner) {
            shared.attempts().close();
        }
    }

    /**
     * Runs one build: plan, agents through the backend cascade, output validation, publication.
     *
     * @return the result; its project was published under {@link BuildResult#outputDirectory()}
     * @throws dev.thefactory.api.OutputConflictException when the project's directory under the output directory
     *                                     holds files no earlier build published there (nothing was done), or
     *                                     changed while the build ran (nothing was published; the validated project
     *                                     stays staged for a resume); see {@link Builder#overwrite(boolean)}
     * @throws BackendUnavailableException when the mode or the chosen backend cannot be served (nothing was done)
     * @throws BuildFailedException        when the build failed after its retries and fallbacks, or was interrupted
     *                                     (also by the builder's {@link Builder#deadline(Duration) deadline} or by
     *                                     {@link #close()}); nothing was published and the result inside says what
     *                                     happened
     * @throws IllegalStateException       when the factory was {@linkplain #close() closed}
     */
    public BuildResult run() {
        return runHere(control -> engine.run(engine.newBuildId(), control));
    }

    /**
     * Resumes a build from its checkpoints in this factory's repository ({@link Builder#checkpoints}), under the same
     * build id: phases it completed are skipped ({@link dev.thefactory.api.PhaseStatus#SKIPPED}), finished tasks whose
     * staged files still match their checkpointed SHA-256 are not redone ({@link BuildResult#tasksSkipped()}), and the
     * rest runs as in {@link #run()}, so the project ends byte-identical to an uninterrupted build. A damaged newest
     * checkpoint is skipped for the previous good one, and the result's notes say so. The build's lock is held while
     * it runs; a lock left by a process that died does not get in the way.
     *
     * <pre>{@code
     * Factory factory = Factory.builder()
     *         .spec(Path.of("specs/todo-app.md"))
     *         .outputDirectory(Path.of("out"))   // the one the build was started with: its staged files are there
     *         .checkpoints(CheckpointRepositories.fileSystem(Path.of(".factory/checkpoints")))
     *         .build();
     * BuildResult result = factory.resume("b-20261125-110812-3f9a1c");
     * }</pre>
     *
     * @param buildId the build to resume, as in {@link BuildResult#buildId()}
     * @return the result; {@link BuildResult#resumedFrom()} names the phase it resumed at
     * @throws dev.thefactory.api.SpecValidationException when this factory's spec differs from the checkpointed one
     *                                     (resume with {@link #resume(String, boolean)} to go on anyway)
     * @throws dev.thefactory.api.StateLockedException    when another process is running that build
     * @throws dev.thefactory.api.BuildNotFoundException when the repository has no checkpoint of that build; nothing
     *                                     is created, run or published
     * @throws dev.thefactory.api.NothingToResumeException when it was already published and its output is still
     *                                     there (a build whose published directory was lost is published again)
     * @throws dev.thefactory.api.OutputConflictException as {@link #run()}
     * @throws BackendUnavailableException as {@link #run()}
     * @throws BuildFailedException        as {@link #run()}
     */
    public BuildResult resume(String buildId) {
        return resume(buildId, false);
    }

    /**
     * Resumes a build as {@link #resume(String)} does; with {@code force}, also when the spec changed since the
     * checkpoint (finished work of the old spec is then kept, and the result's notes say so).
     *
     * @param buildId the build to resume
     * @param force   whether to resume although the spec changed
     * @return the result
     * @throws dev.thefactory.api.SpecValidationException when the spec changed and {@code force} is false; otherwise
     *                                                    as {@link #resume(String)}
     */
    public BuildResult resume(String buildId, boolean force) {
        Objects.requireNonNull(buildId, "buildId");
        return runHere(control -> engine.resume(buildId, force, control));
    }

    /**
     * Resumes the most recently started build in this factory's repository that was not published, as
     * {@link #resume(String)} does.
     *
     * @return the result
     * @throws dev.thefactory.api.NothingToResumeException when the repository holds no unfinished build; otherwise as
     *                                             {@link #resume(String)}
     */
    public BuildResult resume() {
        return runHere(control -> engine.resume(engine.latestUnfinished(), false, control));
    }

    /**
     * Runs a build on the calling thread under a control of its own, so that the factory's deadline and
     * {@link #close()} can stop it; an interrupt the control made is not left on the caller's thread.
     */
    private BuildResult runHere(java.util.function.Function<RunControl, BuildResult> build) {
        RunControl control = new RunControl(List.of(), shared.deadline());
        runs.enter(control);
        try {
            return build.apply(control);
        } finally {
            control.detach();
            if (control.stopReason() != null) {
                // stopped by its deadline or by close(), not by an interrupt of the caller's own
                Thread.interrupted();
            }
            runs.exit(control);
        }
    }

    /**
     * Starts a build on a thread of its own and returns at once; the build is the one {@link #run()} runs. Its id is
     * known at once ({@link BuildHandle#buildId()}), before any work starts; its outcome comes as
     * {@link BuildHandle#result()}, which completes exceptionally with the exceptions {@link #run()} throws; and
     * {@link BuildHandle#cancel()} stops it so that it can be resumed. The builder's
     * {@link Builder#deadline(Duration) deadline}, if any, applies. Any number of builds may be started from one
     * factory, at once: each has its own id, thread and state (two that publish the same project at once: one wins,
     * the other fails with an {@link dev.thefactory.api.OutputConflictException}).
     *
     * <pre>{@code
     * BuildHandle first = factory.start();
     * BuildHandle second = factory.start(event -> log.info("{}", event));
     * log.info("building {} and {}", first.buildId(), second.buildId());
     * BuildResult result = second.result().join();
     * }</pre>
     *
     * @param listeners listeners of this build only, called after the ones of {@link Builder#listener}, on the
     *                  build's threads
     * @return the handle of the started build
     * @throws NullPointerException  when {@code listeners} or one of them is null
     * @throws IllegalStateException when the factory was {@linkplain #close() closed}
     */
    public BuildHandle start(BuildListener... listeners) {
        return startRun(null, listeners);
    }

    /**
     * Starts a build as {@link #start(BuildListener...)} does, which is stopped when it runs longer than
     * {@code deadline}: it then ends {@link dev.thefactory.api.BuildStatus#INTERRUPTED}, exactly as after
     * {@link BuildHandle#cancel()} (finished work checkpointed, resumable), and the error's message names the deadline.
     * It replaces the builder's {@link Builder#deadline(Duration) deadline} for this build. The deadline is measured on monotonic time from the moment the build begins (not on {@link Builder#clock}).
     * Unlike {@link TimeoutSettings#build()}, which fails a build that is not done in time, a deadline stops it to be
     * resumed later.
     *
     * @param deadline  how long the build may run, positive
     * @param listeners listeners of this build only
     * @return the handle of the started build
     * @throws NullPointerException     when {@code deadline}, {@code listeners} or one of them is null
     * @throws IllegalArgumentException when {@code deadline} is zero or negative
     * @throws IllegalStateException    when the factory was {@linkplain #close() closed}
     */
    public BuildHandle start(Duration deadline, BuildListener... listeners) {
        Objects.requireNonNull(deadline, "deadline");
        return startRun(deadline, listeners);
    }

    /**
     * Resumes a build as {@link #resume(String)} does, on a thread of its own, as {@link #start(BuildListener...)}
     * starts one: the handle's id is {@code buildId}, and its result future completes exceptionally with the
     * exceptions {@link #resume(String)} throws (such as {@link dev.thefactory.api.BuildNotFoundException}).
     *
     * @param buildId   the build to resume
     * @param listeners listeners of this run only
     * @return the handle of the resumed build
     * @throws NullPointerException when an argument is null
     */
    public BuildHandle startResume(String buildId, BuildListener... listeners) {
        Objects.requireNonNull(buildId, "buildId");
        return startOwn(buildId, shared.deadline(), c -> engine.resume(buildId, false, c), () -> { }, listeners);
    }

    private BuildHandle startRun(Duration deadline, BuildListener... listeners) {
        String buildId = engine.newBuildId();
        return startOwn(buildId, deadline != null ? deadline : shared.deadline(), c -> engine.run(buildId, c),
                () -> { }, listeners);
    }

    /** Starts a build on a thread of its own, counted as running until that thread is done with it. */
    private BuildHandle startOwn(String buildId, Duration deadline,
            java.util.function.Function<RunControl, BuildResult> build, Runnable ended, BuildListener... listeners) {
        RunControl control = new RunControl(List.of(Objects.requireNonNull(listeners, "listeners")), deadline);
        runs.enter(control);
        try {
            return BuildHandle.start(buildId, control, build, () -> {
                runs.exit(control);
                ended.run();
            });
        } catch (RuntimeException | Error e) {
            runs.exit(control);
            throw e;
        }
    }

    /**
     * Resumes a build from its checkpoints in {@code repository} alone: the spec file, mode, output directory and
     * feature requirement it was started with are read from them ({@link #savedBuild}), and the spec file is read
     * again (it must not have changed). Everything else takes the defaults of {@link #builder()}; to add to it or
     * override any of it (an observation registry or listeners to observe the resumed build, another output directory,
     * a backend registered in code, retry settings), build the factory with {@link Builder#resumeFrom}, which reads
     * the same, and call {@link #resume(String)}.
     *
     * <pre>{@code
     * CheckpointRepository repository = CheckpointRepositories.fileSystem(Path.of(".factory/checkpoints"));
     * BuildResult result = Factory.resume(repository, "b-20261125-110812-3f9a1c");
     * }</pre>
     *
     * @param repository the repository the build saved its checkpoints in
     * @param buildId    the build to resume
     * @return as {@link #resume(String)}
     * @throws dev.thefactory.api.BuildNotFoundException   when the repository holds no checkpoint of the build
     * @throws dev.thefactory.api.NothingToResumeException when the build was already published and its output is still
     *                                                     there
     * @throws dev.thefactory.api.FactoryException         when the build's spec was given as text or as a
     *                                                     {@link ProjectSpec}, so that no spec file was recorded (build
     *                                                     the factory with {@link Builder#spec} to resume it)
     * @throws SpecValidationException                    when the recorded spec file cannot be read, is invalid, or
     *                                                     changed since the build started
     * @throws IllegalArgumentException                   when the build id is not a valid id
     * @throws BuildFailedException                       as {@link #run()}, e.g. when the resumed build is interrupted
     */
    public static BuildResult resume(CheckpointRepository repository, String buildId) {
        try (Factory factory = resuming(repository, buildId)) {
            return factory.resume(buildId);
        }
    }

    /**
     * Resumes the most recently started build in {@code repository} that was not published
     * ({@link #latestUnfinishedBuild}), as {@link #resume(CheckpointRepository, String)} does.
     *
     * @param repository the repository the build saved its checkpoints in
     * @return as {@link #resume(String)}
     * @throws dev.thefactory.api.NothingToResumeException when every build of the repository was published, or it
     *                                                     holds none
     * @throws dev.thefactory.api.FactoryException         otherwise as {@link #resume(CheckpointRepository, String)}
     */
    public static BuildResult resumeLatest(CheckpointRepository repository) {
        Objects.requireNonNull(repository, "repository");
        SavedBuild latest = latestUnfinishedBuild(repository).orElseThrow(NothingToResumeException::new);
        return resume(repository, latest.buildId());
    }

    /**
     * Resumes a build from its checkpoints alone, as {@link #resume(CheckpointRepository, String)} does, on a thread of
     * its own, as {@link #start(BuildListener...)} starts one. What the checkpoints record is read, and the spec file
     * read again, before this returns, so those failures are thrown here rather than through the handle.
     *
     * @param repository the repository the build saved its checkpoints in
     * @param buildId    the build to resume
     * @param listeners  listeners of this run only
     * @return the handle of the resumed build
     * @throws dev.thefactory.api.FactoryException as {@link #resume(CheckpointRepository, String)}, for what can be
     *                                             known before the build runs
     */
    public static BuildHandle startResume(CheckpointRepository repository, String buildId,
            BuildListener... listeners) {
        Factory factory = resuming(repository, buildId);
        Objects.requireNonNull(listeners, "listeners");
        // the factory exists for this one build only: it is closed on the build's thread when the build has ended
        return factory.startOwn(buildId, null, c -> factory.engine.resume(buildId, false, c), factory::close,
                listeners);
    }

    /** @return the factory that resumes the build as its checkpoints record it */
    private static Factory resuming(CheckpointRepository repository, String buildId) {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(buildId, "buildId");
        return builder().resumeFrom(repository, buildId).build();
    }

    /** @return why a build whose checkpoints hold no spec file cannot be resumed from them alone */
    private static FactoryException noRecordedSpec(String buildId) {
        return new FactoryException("Build " + buildId + " was started from "
                + "a spec given as text or as a ProjectSpec, not from a file, so its checkpoints hold no spec to read "
                + "again; resume it from a factory given the same spec: Factory.builder().spec(...)"
                + ".checkpoints(repository).build().resume(\"" + buildId + "\")", null,
                FactoryException.ErrorContext.ofBuild(buildId),
                List.of("build the factory with Factory.Builder.spec(...) (the spec the build was started with), "
                                + "the same output directory and this repository, then call resume(\"" + buildId
                                + "\")",
                        "start a new build"));
    }

    /**
     * What the checkpoints of a build record about it, read without running it: enough to build the {@link Factory}
     * that resumes it (its spec file, mode and output directory). Immutable and thread-safe. As in
     * {@link BuildResult}, a fact that may be absent is a component that is null when absent; there is no
     * {@code Optional} twin.
     *
     * @param buildId         the build
     * @param specHash        SHA-256 (lower-case hex) of the spec it was checkpointed with; compare
     *                        {@link Factory#specHash()}
     * @param specFile        the absolute spec file it was started from; null when its spec was given as text or as
     *                        a value
     * @param mode            the mode it was started in
     * @param outputDirectory the absolute output directory it was started with (its {@code .staging/<buildId>} holds
     *                        the finished files); null when not recorded
     * @param lastPhase       the last phase it completed
     * @param backend         the backend that ran its completed phases, or {@code core}
     * @param finished        whether it was published, so there is nothing left to resume
     * @param notes           damaged or unreadable checkpoints that were skipped; empty when none
     * @param requireFeatures the feature requirement it ran under (resume it under the same one with
     *                        {@link Builder#requireFeatures} unless there is a reason to change it); null when not
     *                        recorded (checkpoints written before it was)
     * @param repairRounds    the repair rounds it ran with (resume it with the same ones with
     *                        {@link Builder#repairRounds} unless there is a reason to change them); null when not
     *                        recorded (checkpoints written before they were)
     */
    public record SavedBuild(String buildId, String specHash, Path specFile, Mode mode, Path outputDirectory,
            dev.thefactory.api.Phase lastPhase, String backend, boolean finished, List<String> notes,
            FeatureRequirement requireFeatures, Integer repairRounds) {

        /** @throws NullPointerException if a component other than specFile, outputDirectory, requireFeatures or repairRounds is null */
        public SavedBuild {
            Objects.requireNonNull(buildId, "buildId");
            Objects.requireNonNull(specHash, "specHash");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(lastPhase, "lastPhase");
            Objects.requireNonNull(backend, "backend");
            notes = List.copyOf(notes);
        }
    }

    /**
     * Reads what a repository's checkpoints record about a build, e.g. to find the spec file to resume it with.
     *
     * <pre>{@code
     * Factory.SavedBuild saved = Factory.savedBuild(repository, buildId);
     * BuildResult result = Factory.builder().spec(saved.specFile()).mode(saved.mode())
     *         .outputDirectory(saved.outputDirectory())   // else every task runs again, published elsewhere
     *         .checkpoints(repository).build().resume(buildId);
     * }</pre>
     *
     * @param repository the checkpoint repository
     * @param buildId    the build
     * @return what its newest readable checkpoint records
     * @throws dev.thefactory.api.BuildNotFoundException when the repository holds no checkpoint of the build
     * @throws dev.thefactory.api.CheckpointException    when none of its checkpoints can be read
     * @throws IllegalArgumentException               when the build id is not a valid id
     */
    public static SavedBuild savedBuild(CheckpointRepository repository, String buildId) {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(buildId, "buildId");
        return SavedBuilds.find(repository, buildId);
    }

    /**
     * @param repository the checkpoint repository
     * @return the most recently started build of the repository that was not published, if any (what
     *         {@link #resume()} resumes); builds whose checkpoints cannot be read are skipped. The start is the
     *         creation time of a build's first checkpoint, as precise as the build's clock, so builds started in the
     *         same second (whose ids differ only by their random suffix) are told apart
     * @throws dev.thefactory.api.CheckpointException when the repository cannot be listed
     */
    public static java.util.Optional<SavedBuild> latestUnfinishedBuild(CheckpointRepository repository) {
        Objects.requireNonNull(repository, "repository");
        return SavedBuilds.latestUnfinished(repository);
    }

    /**
     * Builds a {@link Factory}. Not thread-safe; use one builder per thread. Setters check their argument at once
     * ({@link NullPointerException} / {@link IllegalArgumentException} naming the argument); {@link #build()} reads
     * and validates the spec.
     */
    public static final class Builder {

        private Path specPath;
        private String specContent;
        private SpecFormat specFormat;
        private ProjectSpec specValue;
        private Mode mode = Mode.AUTO;
        private Path outputDirectory = Path.of("outputs");
        private final List<BuildListener> listeners = new ArrayList<>();
        private String backend;
        private final List<OrchestratorBackendProvider> providers = new ArrayList<>();
        private CheckpointRepository checkpoints;
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private Duration watchdog = Duration.ofMinutes(2);
        private long minHeapHeadroom = 32L * 1024 * 1024;
        private RetrySettings retry = RetrySettings.defaults();
        private CircuitBreakerSettings circuitBreaker = CircuitBreakerSettings.defaults();
        private TimeoutSettings timeouts = TimeoutSettings.defaults();
        private FaultInjection faults;
        private Clock clock = Clock.systemUTC();
        private SpecLimits specLimits = SpecLimits.defaults();
        private ClassLoader classLoader;
        private PatternStore patterns;
        private FeatureRequirement requireFeatures = FeatureRequirement.CORE;
        private GeneratedTestSettings generatedTests = GeneratedTestSettings.defaults();
        private boolean overwrite;
        private int repairRounds = EngineConfig.DEFAULT_REPAIR_ROUNDS;
        private Duration deadline;
        /** The listener that records observations, when a registry was given; Micrometer is never loaded otherwise. */
        private BuildListener observations;
        /** The build {@link #resumeFrom} read, when its checkpoints recorded no spec file (for build()'s message). */
        private String resumes;

        private Builder() {
        }

        /**
         * The spec file; its format comes from the extension ({@code .md}, {@code .yaml}, {@code .yml},
         * {@code .json}), else from its content. Replaces any spec set before.
         *
         * @param file the spec file
         * @return this builder
         */
        public Builder spec(Path file) {
            clearSpec();
            this.specPath = Objects.requireNonNull(file, "spec file");
            return this;
        }

        /**
         * The spec as text. Replaces any spec set before.
         *
         * @param content the spec's text
         * @param format  its format
         * @return this builder
         */
        public Builder spec(String content, SpecFormat format) {
            Objects.requireNonNull(content, "spec content");
            Objects.requireNonNull(format, "spec format");
            clearSpec();
            this.specContent = content;
            this.specFormat = format;
            return this;
        }

        /**
         * The spec as a value; it is validated by {@link #build()} like a parsed one. Replaces any spec set before.
         *
         * @param spec the spec
         * @return this builder
         */
        public Builder spec(ProjectSpec spec) {
            Objects.requireNonNull(spec, "spec");
            clearSpec();
            this.specValue = spec;
            return this;
        }

        /**
         * @param mode which backends may run; default {@link Mode#AUTO}
         * @return this builder
         */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Where projects are published, as {@code <directory>/<project-slug>/}. An existing project directory is
         * replaced only when it holds exactly what an earlier build published there (as its
         * {@code .factory/metadata.json} lists it); anything else stops the build before any work with an
         * {@link dev.thefactory.api.OutputConflictException}, unless {@link #overwrite(boolean)} is set.
         *
         * @param directory the output directory; default {@code outputs} in the working directory. A resume must be
         *                  given the directory the build was started with ({@link SavedBuild#outputDirectory()})
         * @return this builder
         */
        public Builder outputDirectory(Path directory) {
            this.outputDirectory = Objects.requireNonNull(directory, "outputDirectory");
            return this;
        }

        /**
         * @param listener receives every build event, in order, on the build's threads
         * @return this builder
         */
        public Builder listener(BuildListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Chooses a backend by id ({@code simple}, {@code minimal}, or an integrated backend's id) instead of letting
         * the mode choose; the system property {@value Factory#BACKEND_PROPERTY} does the same when neither this nor
         * {@link #backend(OrchestratorBackendProvider)} is called (a backend set in code always wins over the
         * property). The backend must be allowed by the mode.
         *
         * @param id the backend's id
         * @return this builder
         */
        public Builder backend(String id) {
            Objects.requireNonNull(id, "backend");
            if (!id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
                throw new IllegalArgumentException("backend id must be lower-case letters, digits, '.', '_' or '-' "
                        + "(at most 64) but was '" + id + "'; e.g. 'simple' or 'minimal'");
            }
            this.backend = id;
            return this;
        }

        /**
         * Registers a backend provider in code, beside the ones {@link java.util.ServiceLoader} finds: e.g. one made
         * from an already configured client or a dependency-injection bean. It takes part in the cascade like a
         * discovered provider (its tier, its health check, the mode's rules) and is preferred over discovered
         * providers of its tier; a discovered provider with the same id is skipped. Call it several times to
         * register several; the order is kept. Select it with {@link #backend(String)} to use it alone.
         *
         * @param provider the provider
         * @return this builder
         */
        public Builder backend(OrchestratorBackendProvider provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /**
         * @param repository where checkpoints are saved; default {@link CheckpointRepositories#inMemory()} (not
         *                   durable: use {@link CheckpointRepositories#fileSystem(Path)} to resume after a crash)
         * @return this builder
         */
        public Builder checkpoints(CheckpointRepository repository) {
            this.checkpoints = Objects.requireNonNull(repository, "checkpoints");
            return this;
        }

        /**
         * @param tasks how many tasks run at once, 1..1024; default the number of processors
         * @return this builder
         */
        public Builder parallelism(int tasks) {
            if (tasks < 1 || tasks > 1024) {
                throw new IllegalArgumentException("parallelism must be between 1 and 1024 but was " + tasks);
            }
            this.parallelism = tasks;
            return this;
        }

        /**
         * @param noProgress how long a build may go without any task finishing before it fails explicitly, measured
         *                   on monotonic time (not on {@link #clock(Clock)}); at most
         *                   {@link TimeoutSettings#MAX_LIMIT} (365 days); default 2 minutes
         * @return this builder
         * @throws NullPointerException     when {@code noProgress} is null
         * @throws IllegalArgumentException when {@code noProgress} is not positive or longer than 365 days
         */
        public Builder watchdog(Duration noProgress) {
            Objects.requireNonNull(noProgress, "watchdog");
            if (noProgress.isZero() || noProgress.isNegative()) {
                throw new IllegalArgumentException("watchdog must be positive but was " + noProgress);
            }
            if (noProgress.compareTo(TimeoutSettings.MAX_LIMIT) > 0) {
                throw new IllegalArgumentException("watchdog must be at most " + TimeoutSettings.MAX_LIMIT.toDays()
                        + " days (" + TimeoutSettings.MAX_LIMIT + ") but was " + noProgress);
            }
            this.watchdog = noProgress;
            return this;
        }

        /**
         * How long each build of the factory may run before it is stopped: it then ends
         * {@link dev.thefactory.api.BuildStatus#INTERRUPTED}, exactly as after {@link BuildHandle#cancel()} (finished
         * work checkpointed, resumable), and the error's message names the deadline. Applies to {@link Factory#run()},
         * {@link Factory#start(BuildListener...)} and the resumes of the factory (each run counts from its own start);
         * {@link Factory#start(Duration, BuildListener...)} overrides it for one build. Measured on monotonic time
         * (not on {@link #clock(Clock)}). Unlike {@link TimeoutSettings#build()}, which fails a build that is not done
         * in time, a deadline stops it to be resumed later.
         *
         * @param limit how long a build may run, positive; default none
         * @return this builder
         * @throws NullPointerException     when {@code limit} is null
         * @throws IllegalArgumentException when {@code limit} is zero or negative
         */
        public Builder deadline(Duration limit) {
            Objects.requireNonNull(limit, "deadline");
            if (limit.isZero() || limit.isNegative()) {
                throw new IllegalArgumentException("deadline must be positive but was " + limit);
            }
            this.deadline = limit;
            return this;
        }

        /**
         * @param bytes the least free heap under which no more agents are spawned (the build then fails with a clear
         *              error); default 32 MiB
         * @return this builder
         */
        public Builder minHeapHeadroom(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("minHeapHeadroom must be >= 0 bytes but was " + bytes);
            }
            this.minHeapHeadroom = bytes;
            return this;
        }

        /**
         * @param settings retry of transient task failures; default {@link RetrySettings#defaults()}
         * @return this builder
         * @throws NullPointerException when {@code settings} is null
         */
        public Builder retry(RetrySettings settings) {
            this.retry = Objects.requireNonNull(settings, "retry");
            return this;
        }

        /**
         * @param settings the circuit breaker per backend: thresholds, what counts and when; default
         *                 {@link CircuitBreakerSettings#defaults()}
         * @return this builder
         * @throws NullPointerException when {@code settings} is null
         */
        public Builder circuitBreaker(CircuitBreakerSettings settings) {
            this.circuitBreaker = Objects.requireNonNull(settings, "circuitBreaker");
            return this;
        }

        /**
         * @param settings task, phase and build time limits; default {@link TimeoutSettings#defaults()}
         * @return this builder
         * @throws NullPointerException when {@code settings} is null
         */
        public Builder timeouts(TimeoutSettings settings) {
            this.timeouts = Objects.requireNonNull(settings, "timeouts");
            return this;
        }

        /**
         * @param settings faults to inject, for testing recovery; default: the spec's {@code FAULT INJECTION} section
         *                 when it has one (see docs/error-handling.md), else {@link FaultInjection#none()}
         * @return this builder
         */
        public Builder faults(FaultInjection settings) {
            this.faults = Objects.requireNonNull(settings, "faults");
            return this;
        }

        /**
         * @param clock the build's clock: it stamps events, checkpoints, build ids and records only; time limits, the
         *              watchdog, retry delays and circuit breaker delays run on monotonic time, so a fixed or jumping
         *              clock never switches them off; default the UTC system clock
         * @return this builder
         * @throws NullPointerException when {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param store remembers task durations per phase and role so that the ETA starts from experience; default the
         *              first {@link PatternStore} registered with {@link java.util.ServiceLoader} (the in-memory one of
         *              {@code factory-fallbacks}), else none (the ETA then comes from this build's measurements alone).
         *              The default is found once per {@link #build()}: each factory has its own, which the factories
         *              derived from it with {@link Factory#withSpec} share
         * @return this builder
         */
        public Builder patternStore(PatternStore store) {
            this.patterns = Objects.requireNonNull(store, "patternStore");
            return this;
        }

        /**
         * @param policy which requirements of the spec must end {@link dev.thefactory.api.RequirementStatus#IMPLEMENTED}
         *               for the build to publish; default {@link FeatureRequirement#CORE} (every core feature and the
         *               requested language). When it is not met after the whole cascade, {@link #build()}'s
         *               {@link Factory#run()} throws {@link dev.thefactory.api.RequirementsNotMetException} and
         *               publishes nothing
         * @return this builder
         */
        public Builder requireFeatures(FeatureRequirement policy) {
            this.requireFeatures = Objects.requireNonNull(policy, "requireFeatures");
            return this;
        }

        /**
         * @param settings how the generated project's own tests are run in {@code VALIDATE_OUTPUT}; default
         *                 {@link GeneratedTestSettings#defaults()} (they run, in a separate process, with a time limit
         *                 and a heap cap)
         * @return this builder
         */
        public Builder generatedTests(GeneratedTestSettings settings) {
            this.generatedTests = Objects.requireNonNull(settings, "generatedTests");
            return this;
        }

        /**
         * @param run whether the generated project's own tests run in {@code VALIDATE_OUTPUT}; default true. Without
         *            them no feature can be proven implemented, so only {@link FeatureRequirement#NONE} publishes
         * @return this builder
         */
        public Builder runGeneratedTests(boolean run) {
            this.generatedTests = generatedTests.withEnabled(run);
            return this;
        }

        /**
         * @param replace whether publishing may replace {@code <outputDirectory>/<slug>/} when it holds files the
         *                previous build did not write, or that changed since; default false, under which such a
         *                directory is never touched and the build stops before doing any work. When true, the old
         *                tree is moved aside to {@code <outputDirectory>/.trash/<slug>-<buildId>/} and kept
         * @return this builder
         */
        public Builder overwrite(boolean replace) {
            this.overwrite = replace;
            return this;
        }

        /**
         * How many repair rounds a backend that {@linkplain dev.thefactory.spi.OrchestratorBackend#supportsRepair()
         * supports repair} gets when {@code VALIDATE_OUTPUT} finds files of it that do not compile or parse, or
         * generated tests that fail: each round hands the backend the files and the diagnostics, then validates
         * again; when the rounds are used up the build falls back to the next backend. Backends without repair
         * (the built-in ones) are never asked.
         *
         * @param rounds 0 (no repair) to 10; default 2
         * @return this builder
         * @throws IllegalArgumentException when {@code rounds} is negative or above 10
         */
        public Builder repairRounds(int rounds) {
            if (rounds < 0 || rounds > EngineConfig.MAX_REPAIR_ROUNDS) {
                throw new IllegalArgumentException("repairRounds must be between 0 and "
                        + EngineConfig.MAX_REPAIR_ROUNDS + " but was " + rounds + "; use 0 to turn repair off");
            }
            this.repairRounds = rounds;
            return this;
        }

        /**
         * Records Micrometer observations of every build of the factory: {@code factory.build}, one
         * {@code factory.phase} per phase and backend, one {@code factory.task} per task and
         * {@code factory.task.attempt} per attempt, and short ones for retries, fallbacks, circuit transitions and
         * checkpoint saves, tagged with low-cardinality key values only (phase, backend, role, outcome); see
         * docs/observability.md. Micrometer ({@code io.micrometer:micrometer-observation}) is an optional dependency:
         * without this call nothing is recorded and nothing of it is loaded. Calling it again replaces the registry.
         *
         * @param registry where observations are recorded, e.g. Spring Boot's bean or a {@code TestObservationRegistry}
         * @return this builder
         * @throws NullPointerException when {@code registry} is null
         */
        @SuppressWarnings("exports") // Micrometer is optional: 'requires static', so not re-exported to readers
        public Builder observationRegistry(io.micrometer.observation.ObservationRegistry registry) {
            Objects.requireNonNull(registry, "observationRegistry");
            listeners.remove(observations);
            observations = dev.thefactory.internal.observe.BuildObservations.listener(registry);
            listeners.add(observations);
            return this;
        }

        /**
         * Configures this builder to resume a build as its checkpoints record it: what
         * {@link Factory#resume(CheckpointRepository, String)} infers, for a resumed build that needs more than it
         * infers (an {@linkplain #observationRegistry observation registry}, listeners, a backend registered in code,
         * retry settings, another output directory...). It reads the newest readable checkpoint of the build
         * ({@link Factory#savedBuild}) now and sets what it records, as the setters would: the
         * {@linkplain #checkpoints repository}, the {@linkplain #spec(Path) spec file}, the {@linkplain #mode mode},
         * the {@linkplain #outputDirectory output directory}, the {@linkplain #requireFeatures feature requirement} and
         * the {@linkplain #repairRounds repair rounds} (each only when the checkpoints record it). Like every setter, it
         * replaces what was set before and a setter called after it replaces what it set: call it first. Then resume
         * the build with {@link Factory#resume(String)} or {@link Factory#startResume(String, BuildListener...)}.
         *
         * <pre>{@code
         * Factory factory = Factory.builder()
         *         .resumeFrom(repository, buildId)   // spec file, mode, output directory, ... from the checkpoints
         *         .observationRegistry(registry)     // what Factory.resume(repository, buildId) cannot take
         *         .build();
         * BuildResult result = factory.resume(buildId);
         * }</pre>
         *
         * <p>To resume the latest unfinished build, take its id from {@link Factory#latestUnfinishedBuild}. A build
         * whose spec was given as text or as a {@link ProjectSpec} recorded no spec file: set its spec with
         * {@link #spec(String, SpecFormat)} or {@link #spec(ProjectSpec)} after this call, else {@link #build()} throws.
         *
         * @param repository the repository the build saved its checkpoints in
         * @param buildId    the build to resume
         * @return this builder
         * @throws NullPointerException                      when an argument is null
         * @throws dev.thefactory.api.BuildNotFoundException when the repository holds no checkpoint of the build
         * @throws dev.thefactory.api.CheckpointException    when none of its checkpoints can be read
         * @throws IllegalArgumentException                  when the build id is not a valid id
         */
        public Builder resumeFrom(CheckpointRepository repository, String buildId) {
            SavedBuild saved = savedBuild(repository, buildId);
            checkpoints(repository);
            if (saved.specFile() != null) {
                spec(saved.specFile());
            }
            mode(saved.mode());
            if (saved.outputDirectory() != null) {
                outputDirectory(saved.outputDirectory());
            }
            if (saved.requireFeatures() != null) {
                requireFeatures(saved.requireFeatures());
            }
            if (saved.repairRounds() != null) {
                repairRounds(saved.repairRounds());
            }
            resumes = saved.specFile() == null ? buildId : null;
            return this;
        }

        /**
         * @param limits limits applied while reading the spec; default {@link SpecLimits#defaults()}
         * @return this
         */
        public Builder specLimits(SpecLimits limits) {
            this.specLimits = Objects.requireNonNull(limits, "specLimits");
            return this;
        }

        /**
         * @param loader where backend providers are looked for with {@link java.util.ServiceLoader}; default the
         *               thread's context class loader when {@link #build()} runs
         * @return this builder
         */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "classLoader");
            return this;
        }

        /**
         * Reads and validates the spec and assembles the configuration. The factory it returns owns its resources
         * (the threads task attempts run on, started when needed) and closes them in {@link Factory#close()}; build
         * the factories of other specs with this configuration with {@link Factory#withSpec}, which shares them. A
         * builder may build any number of factories; each has resources of its own.
         *
         * <p>The backend: the one chosen with {@link #backend(String)}; else, when providers were registered with
         * {@link #backend(OrchestratorBackendProvider)}, the mode chooses among them and the discovered ones; else the
         * system property {@value Factory#BACKEND_PROPERTY}, when set, as read now; else the mode chooses. A backend
         * set in code is therefore never overridden by the property.
         *
         * @return the factory
         * @throws IllegalStateException    when no spec was set
         * @throws SpecValidationException  with every violation, when the spec cannot be read or is invalid, or when a
         *                                  spec file or text lists no feature to build
         */
        public Factory build() {
            ProjectSpec spec;
            if (specPath != null) {
                spec = readSpec(specLimits, specPath);
            } else if (specContent != null) {
                spec = readSpec(specLimits, specContent, specFormat);
            } else if (specValue != null) {
                spec = readSpec(specLimits, specValue);
            } else if (resumes != null) {
                throw noRecordedSpec(resumes);
            } else {
                throw new IllegalStateException("no spec: call spec(Path), spec(String, SpecFormat) or "
                        + "spec(ProjectSpec) before build()");
            }
            String explicit = backend;
            if (explicit == null && providers.isEmpty()) {
                explicit = System.getProperty(BACKEND_PROPERTY);
                if (explicit != null && explicit.isBlank()) {
                    explicit = null;
                }
            }
            ClassLoader loader = classLoader != null ? classLoader : contextLoader();
            EngineConfig config = new EngineConfig(mode, outputDirectory.toAbsolutePath().normalize(), listeners,
                    explicit, checkpoints != null ? checkpoints : CheckpointRepositories.inMemory(), parallelism,
                    watchdog, minHeapHeadroom, retry, circuitBreaker, timeouts,
                    faults != null ? faults : specFaults(spec, sourceName()), clock, OutputQuotas.defaults(),
                    patterns != null ? patterns : discoverPatterns(loader), requireFeatures, generatedTests,
                    overwrite, repairRounds);
            Shared shared = new Shared(specLimits, faults, loader, List.copyOf(providers), deadline,
                    new AttemptPool());
            return new Factory(spec, specPath, config, shared, new RunningBuilds(null), true);
        }

        /** @return the first {@link PatternStore} the service loader finds, or one that remembers nothing */
        private static PatternStore discoverPatterns(ClassLoader loader) {
            try {
                return ServiceLoader.load(PatternStore.class, loader).findFirst().orElse(EngineConfig.NO_PATTERNS);
            } catch (ServiceConfigurationError | LinkageError e) {
                LoggerFactory.getLogger(Factory.class).warn("skipped a pattern store that failed to load; the ETA "
                        + "is estimated from this build alone", e);
                return EngineConfig.NO_PATTERNS;
            }
        }

        private String sourceName() {
            return specPath != null ? specPath.toString() : "spec";
        }

        private void clearSpec() {
            specPath = null;
            specContent = null;
            specFormat = null;
            specValue = null;
        }

        private static ClassLoader contextLoader() {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return loader != null ? loader : Factory.class.getClassLoader();
        }
    }

    /** Reads a spec file as the builder does: valid, and listing at least one feature. */
    private static ProjectSpec readSpec(SpecLimits limits, Path file) {
        SpecLoader loader = new SpecLoader(limits);
        return loader.requireFeatures(loader.load(file), file.toString());
    }

    /** Reads a spec text as the builder does: valid, and listing at least one feature. */
    private static ProjectSpec readSpec(SpecLimits limits, String content, SpecFormat format) {
        SpecLoader loader = new SpecLoader(limits);
        return loader.requireFeatures(loader.load(content, format, "spec"), "spec");
    }

    /** Validates a spec value as the builder does. */
    private static ProjectSpec readSpec(SpecLimits limits, ProjectSpec spec) {
        return new SpecLoader(limits).validate(spec, "spec");
    }

    /** The spec section that carries fault settings, compared ignoring case, blanks, '-' and '_'. */
    static final String FAULTS_SECTION = "faultinjection";

    /**
     * The faults a spec asks for in its {@code ## FAULT INJECTION} section (one {@code key=value} per item, the keys
     * of {@link FaultInjection#parse(String)}); used only when the builder was given no faults.
     */
    static FaultInjection specFaults(ProjectSpec spec, String source) {
        for (var section : spec.extras().entrySet()) {
            String key = section.getKey().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_-]", "");
            if (!key.equals(FAULTS_SECTION) || section.getValue().isEmpty()) {
                continue;
            }
            String settings = String.join(",", section.getValue());
            try {
                return FaultInjection.parse(settings);
            } catch (IllegalArgumentException e) {
                throw new SpecValidationException(source, List.of(new SpecValidationException.Violation(
                        "extras." + section.getKey(), e.getMessage(), settings, 0)));
            }
        }
        return FaultInjection.none();
    }

}

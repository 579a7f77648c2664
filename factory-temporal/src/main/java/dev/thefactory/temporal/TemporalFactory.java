package dev.thefactory.temporal;

import dev.thefactory.Factory;
import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Coverage;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.event.BuildListener;
import dev.thefactory.internal.engine.EngineAccess;
import dev.thefactory.temporal.internal.BuildOutcome;
import dev.thefactory.temporal.internal.BuildRequest;
import dev.thefactory.temporal.internal.BuildWorkflow;
import dev.thefactory.temporal.internal.BuildWorkflowImpl;
import dev.thefactory.temporal.internal.Refusal;
import dev.thefactory.temporal.internal.Requests;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the build of a configured {@link Factory} as a Temporal workflow instead of on the local engine: the phases
 * are the workflow's steps, every agent task is an activity on the {@linkplain Builder#taskQueue task queue} that
 * {@link FactoryWorker}s poll, and the result is the same {@link BuildResult} — the same project, byte for byte, is
 * published into the factory's output directory (as the workers see it).
 *
 * <p>What travels to the workers: the spec (as normalized JSON) and the options that decide the output (mode, explicit
 * backend, output directory, overwrite, feature requirement, whether generated tests run), and the retry settings and
 * time limits and circuit breaker settings, which the workflow maps. The factory's listeners stay with the caller:
 * they receive the build's events (build, phase and task events, fallbacks), read from the workflow's progress log
 * while the caller waits for the result. The clock, the checkpoint repository and fault injection stay with the local
 * engine: on Temporal, the workflow history is the checkpoint log.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * TemporalFactory temporal = TemporalFactory.builder().client(target.client()).build();
 * BuildResult result = temporal.run(Factory.builder().spec(Path.of("todo.md")).build());
 * }</pre>
 */
public final class TemporalFactory {

    private final WorkflowClient client;
    private final String taskQueue;
    private final List<BuildListener> listeners;

    private TemporalFactory(WorkflowClient client, String taskQueue, List<BuildListener> listeners) {
        this.client = client;
        this.taskQueue = taskQueue;
        this.listeners = List.copyOf(listeners);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs one build as a workflow and waits for it.
     *
     * @param factory the configured factory: its spec, mode, output directory and settings
     * @return the result of the successful build; its project is published
     * @throws BuildFailedException when the build failed after its retries and fallbacks, or was cancelled (then the
     *                              result's status is {@code INTERRUPTED}); nothing was published
     * @throws FactoryException     when the build was refused before any work (no backend, an output conflict)
     */
    public BuildResult run(Factory factory) {
        return start(factory).result();
    }

    /**
     * Starts one build as a workflow whose id is the build id, and returns at once.
     *
     * @param factory the configured factory
     * @return the running build
     */
    public TemporalBuild start(Factory factory) {
        Objects.requireNonNull(factory, "factory");
        String buildId = Requests.newBuildId(factory);
        BuildRequest request = Requests.request(factory, buildId);
        BuildWorkflow workflow = client.newWorkflowStub(BuildWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(buildId)
                .setTaskQueue(taskQueue)
                .setWorkflowExecutionTimeout(Duration.ofMillis(request.buildMillis()))
                .build());
        WorkflowExecution execution = WorkflowClient.start(workflow::build, request);
        List<BuildListener> all = new ArrayList<>(EngineAccess.of(factory).config().listeners());
        all.addAll(listeners);
        return new TemporalBuild(this, execution.getWorkflowId(), all);
    }

    /**
     * Attaches to a build started earlier, by this or any other client of the same service.
     *
     * @param buildId the build's id (its workflow id)
     * @return the build
     */
    public TemporalBuild attach(String buildId) {
        return new TemporalBuild(this, Objects.requireNonNull(buildId, "buildId"), listeners);
    }

    WorkflowStub stub(String buildId) {
        return client.newUntypedWorkflowStub(buildId, Optional.empty(), Optional.of(BuildWorkflow.TYPE));
    }

    BuildResult result(String buildId, List<BuildListener> followers) {
        if (followers.isEmpty()) {
            return result(buildId);
        }
        BuildProgress progress = new BuildProgress(buildId, stub(buildId), followers);
        progress.start();
        BuildResult result;
        try {
            result = result(buildId);
        } catch (BuildFailedException e) {
            progress.end(e.result().status(), null);
            throw e;
        } catch (RuntimeException e) {
            progress.end(BuildStatus.FAILED, null);
            throw e;
        }
        progress.end(result.status(), result.outputDirectory());
        return result;
    }

    private BuildResult result(String buildId) {
        BuildOutcome outcome;
        try {
            outcome = stub(buildId).getResult(BuildOutcome.class);
        } catch (WorkflowFailedException e) {
            throw failure(buildId, e);
        } catch (WorkflowException e) {
            throw new BuildFailedException("Build " + buildId + " could not be read from Temporal: " + e.getMessage(),
                    null, FactoryException.ErrorContext.ofBuild(buildId), emptyResult(buildId, BuildStatus.FAILED),
                    Map.of(), List.of(), List.of("check that the build id is right and the Temporal service is the "
                            + "one it ran on"));
        }
        BuildResult result = toResult(outcome);
        if (result.status() == BuildStatus.SUCCEEDED) {
            return result;
        }
        throw new BuildFailedException(outcome.failure(), null, new FactoryException.ErrorContext(buildId,
                outcome.failedPhase() == null ? null : Phase.valueOf(outcome.failedPhase()), outcome.failedTask(),
                outcome.backendsTried().isEmpty() ? null
                        : outcome.backendsTried().get(outcome.backendsTried().size() - 1)),
                result, outcome.attemptsPerTask(), outcome.backendsTried(),
                List.of("read the failure of each backend above and fix what it names",
                        "run the build again: a transient failure may not recur"));
    }

    private static FactoryException failure(String buildId, WorkflowFailedException e) {
        Throwable cause = e.getCause();
        if (cause instanceof CanceledFailure) {
            return new BuildFailedException("Build " + buildId + " was cancelled; nothing was published", null,
                    FactoryException.ErrorContext.ofBuild(buildId), emptyResult(buildId, BuildStatus.INTERRUPTED),
                    Map.of(), List.of(), List.of("start the build again"));
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ApplicationFailure application && BuildWorkflowImpl.REFUSED.equals(application.getType())
                    && application.getDetails() != null && application.getDetails().getSize() > 0) {
                // the refusal the core made on the worker, typed again: an output conflict, no usable backend
                return application.getDetails().get(0, Refusal.class).exception();
            }
            if (t instanceof ApplicationFailure application && application.getType() != null
                    && application.getType().startsWith("dev.thefactory.api.")) {
                return new FactoryException(application.getOriginalMessage(), null,
                        FactoryException.ErrorContext.ofBuild(buildId), List.of("fix what the message names, then "
                                + "start the build again"));
            }
        }
        String message = cause instanceof TemporalFailure temporal ? temporal.getOriginalMessage() : e.getMessage();
        return new BuildFailedException("Build " + buildId + " failed on Temporal: " + message, null,
                FactoryException.ErrorContext.ofBuild(buildId), emptyResult(buildId, BuildStatus.FAILED), Map.of(),
                List.of(), List.of("read the workflow's history in Temporal for the failure, fix it and run again"));
    }

    private static BuildResult emptyResult(String buildId, BuildStatus status) {
        return new BuildResult(buildId, status, Mode.AUTO, null, 0, 0, List.of(), 0, List.of(), null, 0,
                dev.thefactory.api.ValidationSummary.EMPTY, Coverage.EMPTY, List.of());
    }

    private static BuildResult toResult(BuildOutcome outcome) {
        BuildStatus status = BuildStatus.valueOf(outcome.status());
        return new BuildResult(outcome.buildId(), status, Mode.valueOf(outcome.mode()),
                outcome.published() == null ? null : Path.of(outcome.published()), outcome.files(), outcome.agents(),
                outcome.phases(), outcome.retries(), outcome.fallbacks(), null, 0, outcome.validation(),
                outcome.coverage() == null ? Coverage.EMPTY : outcome.coverage(), outcome.notes(), outcome.usage())
                .withRepairs(outcome.repairs() == null ? List.of() : outcome.repairs());
    }

    /**
     * Configures a {@link TemporalFactory}. Not thread-safe; {@link #build()} may be called more than once.
     */
    public static final class Builder {
        private WorkflowClient client;
        private String taskQueue = FactoryWorker.DEFAULT_TASK_QUEUE;
        private final List<BuildListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param client the client of the Temporal service (required)
         * @return this builder
         */
        public Builder client(WorkflowClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * @param name the task queue the workers poll; default {@value FactoryWorker#DEFAULT_TASK_QUEUE}
         * @return this builder
         * @throws IllegalArgumentException when it is blank
         */
        public Builder taskQueue(String name) {
            this.taskQueue = FactoryWorker.checkedTaskQueue(name);
            return this;
        }

        /**
         * Adds a listener to every build this factory starts or attaches to, after the listeners of the build's own
         * factory. Events are read from the workflow's progress log while the caller waits for a result.
         *
         * @param listener receives the build's events
         * @return this builder
         */
        public Builder listener(BuildListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * @return a new temporal factory
         * @throws IllegalStateException when no client was given
         */
        public TemporalFactory build() {
            if (client == null) {
                throw new IllegalStateException("client must be set: TemporalFactory.builder().client(target.client())");
            }
            return new TemporalFactory(client, taskQueue, listeners);
        }
    }
}

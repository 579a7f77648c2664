package dev.thefactory.temporal.internal;

import dev.thefactory.spi.AgentTask;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.Map;

/**
 * The activities of a build workflow. Each runs on a worker with the core's own code: planning and the output check,
 * one attempt of one agent task ({@code runTask}: the activity Temporal retries), the validation, ledger and publish
 * step, and the staging area's cleanup. Files go to the staging area on the worker's disk; the history holds their
 * paths and SHA-256 only.
 */
@ActivityInterface
public interface BuildActivities {

    /**
     * Checks the output directory, resolves the backend cascade, plans, and opens an empty staging area.
     *
     * @param request the build
     * @return the cascade, the plan and what the output directory held
     */
    @ActivityMethod(name = "Prepare")
    Prepared prepare(BuildRequest request);

    /**
     * Runs one attempt of one agent task on a backend, checks its result and stages its files.
     *
     * @param request   the build
     * @param backendId the backend
     * @param task      the task
     * @param allowance how many agents its subtree may add
     * @param facts     the facts it sees
     * @return its record, usage and attempt
     */
    @ActivityMethod(name = "RunTask")
    TaskOutcome runTask(BuildRequest request, String backendId, AgentTask task, int allowance,
            Map<String, String> facts);

    /**
     * Validates a backend's staged output (with the build's repair rounds between validations, as locally), verifies
     * its claims, and publishes it when it passed and met the feature requirement.
     *
     * @param request the build
     * @param input   the backend's tasks and what the manifest records
     * @return what it did
     */
    @ActivityMethod(name = "ValidateAndPublish")
    FinishOutcome finish(BuildRequest request, FinishInput input);

    /**
     * Empties the staging area before the next backend of the cascade runs.
     *
     * @param request the build
     */
    @ActivityMethod(name = "ClearStaging")
    void clearStaging(BuildRequest request);

    /**
     * Deletes the staging area of a build that failed or was cancelled, and forgets the build on this worker.
     *
     * @param request the build
     */
    @ActivityMethod(name = "Discard")
    void discard(BuildRequest request);
}

package dev.thefactory.temporal.internal;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A build as a Temporal workflow: its id is the build id. */
@WorkflowInterface
public interface BuildWorkflow {

    /** The workflow type's name. */
    String TYPE = "FactoryBuild";

    /**
     * Runs the build.
     *
     * @param request the build
     * @return its outcome, succeeded or failed
     */
    @WorkflowMethod(name = TYPE)
    BuildOutcome build(BuildRequest request);
}

package dev.thefactory.temporal.internal;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

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

    /** The progress query's name. */
    String PROGRESS = "Progress";

    /**
     * Reads the build's progress log.
     *
     * @param from how many entries the caller has already read
     * @return the entries after those, in order
     */
    @QueryMethod(name = PROGRESS)
    List<Progress> progress(int from);
}

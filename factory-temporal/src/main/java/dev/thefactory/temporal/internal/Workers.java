package dev.thefactory.temporal.internal;

import dev.thefactory.Factory;
import io.temporal.worker.Worker;
import java.util.function.UnaryOperator;

/**
 * Registers the build workflow and its activities on a Temporal worker.
 *
 * <p>Stateless and thread-safe.
 */
public final class Workers {

    private Workers() {
    }

    /**
     * Registers the workflow and a new set of activities on a worker.
     *
     * @param worker    the worker
     * @param customize the worker's own factory configuration (backends, class loader), applied to every build
     * @return closes what the activities hold (the heartbeat thread, the backends of the builds they saw)
     */
    public static AutoCloseable register(Worker worker, UnaryOperator<Factory.Builder> customize) {
        BuildActivitiesImpl activities = new BuildActivitiesImpl(new WorkerBuilds(
                request -> Requests.factory(request, customize)));
        worker.registerWorkflowImplementationTypes(BuildWorkflowImpl.class);
        worker.registerActivitiesImplementations(activities);
        return activities::close;
    }
}

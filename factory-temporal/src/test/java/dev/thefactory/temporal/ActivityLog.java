package dev.thefactory.temporal;

import dev.thefactory.spi.AgentTask;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every activity execution of the workers it is added to: which worker ran it, which activity (with the task
 * id for a task activity), and whether it finished. Thread-safe.
 */
final class ActivityLog {

    /**
     * One execution.
     *
     * @param worker   the worker's label
     * @param activity the activity type, with {@code :task-id} for a task activity
     * @param finished whether it returned a result (not a failure)
     */
    record Run(String worker, String activity, boolean finished) {
    }

    private final List<Run> runs = new ArrayList<>();

    /**
     * @param worker a label for the worker the interceptor is added to
     * @return an interceptor that records the worker's executions here
     */
    WorkerInterceptor interceptor(String worker) {
        return new WorkerInterceptorBase() {
            @Override
            public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
                return new ActivityInboundCallsInterceptorBase(next) {
                    private String type = "?";

                    @Override
                    public void init(ActivityExecutionContext context) {
                        type = context.getInfo().getActivityType();
                        super.init(context);
                    }

                    @Override
                    public ActivityOutput execute(ActivityInput input) {
                        Object[] arguments = input.getArguments();
                        String name = arguments.length > 2 && arguments[2] instanceof AgentTask task
                                ? type + ":" + task.id() : type;
                        boolean finished = false;
                        try {
                            ActivityOutput output = super.execute(input);
                            finished = true;
                            return output;
                        } finally {
                            record(new Run(worker, name, finished));
                        }
                    }
                };
            }
        };
    }

    private synchronized void record(Run run) {
        runs.add(run);
    }

    /**
     * Every execution so far.
     *
     * @return the executions, in the order they ended
     */
    synchronized List<Run> runs() {
        return List.copyOf(runs);
    }

    /**
     * @param activity an activity name as {@link Run#activity()} gives it
     * @return its executions so far
     */
    synchronized List<Run> of(String activity) {
        return runs.stream().filter(run -> run.activity().equals(activity)).toList();
    }
}

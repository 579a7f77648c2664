package dev.thefactory.spi;

/**
 * A unit of generation work: performs one {@link AgentTask} and returns what it produced.
 *
 * <p>An agent must honour interruption (a timed-out attempt is interrupted and, if it does not stop, abandoned
 * and its late result discarded). It must not write files itself: it returns them in its {@link TaskResult}
 * and the core writes them, confined to the output root. The same task and context must give the same result,
 * byte for byte: builds are deterministic and resumes rely on it.
 *
 * <p>Failures: throw {@link dev.thefactory.api.AgentException} to say whether a retry may help; an
 * {@link java.io.IOException} or {@link java.util.concurrent.TimeoutException} counts as transient, anything
 * else as permanent.
 */
@FunctionalInterface
public interface Agent {

    /**
     * @param task    what to do
     * @param context the spec, the facts of earlier phases, and this build's limits
     * @return what the task produced; never null
     * @throws Exception when the task failed, see the class comment for how it is classified
     */
    TaskResult execute(AgentTask task, AgentContext context) throws Exception;
}

package dev.thefactory.internal.engine;

import dev.thefactory.api.event.BuildListener;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one started build has of its own, beside the factory's configuration: listeners of this run only, a deadline,
 * and the means to stop it from another thread. Stopping interrupts the thread that runs the build, exactly as an
 * interrupt from outside does (the build ends {@code INTERRUPTED} with its finished work checkpointed); the reason
 * given first is added to the build's error message.
 *
 * <p>Thread-safe: {@link #stop(String)} may be called from any thread, at any time, any number of times.
 */
public final class RunControl {

    /**
     * @return a control with no listeners of its own and no deadline, for a build stopped only by interrupting its
     *         thread; a new one per build, as a control holds its build's thread
     */
    static RunControl none() {
        return new RunControl(List.of(), null);
    }

    private final List<BuildListener> listeners;
    private final Duration deadline;
    private final Object lock = new Object();
    /** The thread running the build while it runs; guarded by {@link #lock}. */
    private Thread thread;
    /** Why the build was stopped, or null; guarded by {@link #lock}. */
    private String stopReason;

    /**
     * @param listeners listeners of this run only, called after the factory's own
     * @param deadline  how long the build may run before it is stopped, measured on monotonic time from the moment it
     *                  begins; null for none
     * @throws NullPointerException     if {@code listeners} or one of them is null
     * @throws IllegalArgumentException if {@code deadline} is not positive
     */
    public RunControl(List<BuildListener> listeners, Duration deadline) {
        this.listeners = List.copyOf(listeners);
        if (deadline != null && (deadline.isZero() || deadline.isNegative())) {
            throw new IllegalArgumentException("deadline must be positive but was " + deadline);
        }
        this.deadline = deadline;
    }

    /** @return listeners of this run only */
    List<BuildListener> listeners() {
        return listeners;
    }

    /** @return the deadline, or null */
    Duration deadline() {
        return deadline;
    }

    /**
     * Binds the build to the calling thread, which runs it, once its checkpoints are read, its lock is held and its
     * backends are resolved (steps an interrupt could cut short with a misleading error); when it was stopped before,
     * the thread's interrupt flag is set at once, so that the build stops before its first phase.
     */
    public void attach() {
        synchronized (lock) {
            thread = Thread.currentThread();
            if (stopReason != null) {
                thread.interrupt();
            }
        }
    }

    /** Unbinds the build from its thread: a later {@link #stop(String)} interrupts nothing. */
    public void detach() {
        synchronized (lock) {
            thread = null;
        }
    }

    /**
     * Stops the build: interrupts its thread if it is running, or makes {@link #attach()} do so.
     *
     * @param reason why, completing "the build was stopped because ..."; only the first reason is kept
     * @return whether this was the first stop
     */
    public boolean stop(String reason) {
        Objects.requireNonNull(reason, "reason");
        synchronized (lock) {
            boolean first = stopReason == null;
            if (first) {
                stopReason = reason;
            }
            if (thread != null) {
                thread.interrupt();
            }
            return first;
        }
    }

    /** @return why the build was stopped, or null when it was not */
    public String stopReason() {
        synchronized (lock) {
            return stopReason;
        }
    }

    /** Called by the build's scheduler when the deadline passed. */
    void deadlinePassed() {
        stop("its deadline of " + deadline + " passed");
    }
}

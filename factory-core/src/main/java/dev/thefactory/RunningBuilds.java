package dev.thefactory;

import dev.thefactory.internal.engine.RunControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The builds a factory is running, so that {@link Factory#close()} can stop them and wait for them, and refuse new ones.
 * A factory made by {@link Factory.Builder#build()} has its own; one derived with {@link Factory#withSpec} has its own
 * too, whose builds also count as its parent's (the root's), so that closing the root stops every build of the family
 * while closing a derived factory stops only its own. Thread-safe.
 */
final class RunningBuilds {

    /** How long {@link #close(String)} waits for stopped builds to end before it gives up waiting. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(RunningBuilds.class);

    /** The root factory's, when this is a derived factory's; else null. */
    private final RunningBuilds root;
    /** Guarded by this. */
    private final Set<RunControl> running = new HashSet<>();
    /** Guarded by this. */
    private boolean closed;

    RunningBuilds(RunningBuilds root) {
        this.root = root;
    }

    /** @return a tracker for a factory derived from this one's family */
    RunningBuilds derive() {
        return new RunningBuilds(root != null ? root : this);
    }

    /**
     * Counts a build as running.
     *
     * @param control the build's control
     * @throws IllegalStateException when the factory (or the one it was derived from) was closed
     */
    void enter(RunControl control) {
        if (root != null) {
            try {
                root.enter(control);
            } catch (IllegalStateException e) {
                throw closedException();
            }
        }
        synchronized (this) {
            if (!closed) {
                running.add(control);
                return;
            }
        }
        if (root != null) {
            root.exit(control);
        }
        throw closedException();
    }

    /** @param control a build that ended, however it ended */
    void exit(RunControl control) {
        synchronized (this) {
            running.remove(control);
            notifyAll();
        }
        if (root != null) {
            root.exit(control);
        }
    }

    /** @throws IllegalStateException when the factory (or the one it was derived from) was closed */
    void requireOpen() {
        if (isClosed()) {
            throw closedException();
        }
    }

    /** @return whether this factory or its root was closed */
    boolean isClosed() {
        synchronized (this) {
            if (closed) {
                return true;
            }
        }
        return root != null && root.isClosed();
    }

    /**
     * Refuses new builds, stops the running ones as {@link BuildHandle#cancel()} does, and waits up to
     * {@link #CLOSE_WAIT} for them to end.
     *
     * @param reason completes "the build was stopped because ..."
     * @return whether every build ended in time
     */
    boolean close(String reason) {
        List<RunControl> stopping;
        synchronized (this) {
            closed = true;
            stopping = new ArrayList<>(running);
        }
        stopping.forEach(control -> control.stop(reason));
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        synchronized (this) {
            try {
                while (!running.isEmpty()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        LOG.warn("closed the factory, but {} build(s) did not stop within {} s of being interrupted; "
                                + "they are left to end on their own", running.size(), CLOSE_WAIT.toSeconds());
                        return false;
                    }
                    wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private IllegalStateException closedException() {
        boolean own;
        synchronized (this) {
            own = closed;
        }
        return new IllegalStateException((own ? "this Factory was closed"
                : "the Factory this one was derived from with withSpec was closed, which closes this one too")
                + "; build a new one with Factory.builder()");
    }
}

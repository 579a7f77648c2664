package dev.thefactory.internal.state;

import dev.thefactory.api.StateLockedException;
import dev.thefactory.spi.BuildLock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Single-writer locks of builds kept in this JVM's memory: exclusive per build id among the callers of one instance,
 * never across processes. The in-memory repository's lock, and the engine's lock for a repository that offers none.
 *
 * <p>Thread-safe. A lock belongs to its holder, not to a thread: any thread may close it, and closing twice does
 * nothing.
 */
public final class InProcessLocks {

    private final String scope;
    /** The builds whose lock is held, with their holders; guarded by {@code this}. */
    private final Map<String, String> held = new HashMap<>();

    /**
     * @param scope where the locks apply, for a refused caller's message, e.g. {@code this process}
     */
    public InProcessLocks(String scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /**
     * Takes the lock of a build at once.
     *
     * @param buildId      the build
     * @param afterRelease run after the lock was released by its first {@code close()}
     * @return the held lock
     * @throws StateLockedException when the build's lock is held
     */
    public synchronized BuildLock lock(String buildId, Runnable afterRelease) {
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(afterRelease, "afterRelease");
        String current = held.get(buildId);
        if (current != null) {
            throw new StateLockedException(buildId, current + " (" + scope + ")");
        }
        String holder = "pid " + ProcessHandle.current().pid() + ", thread '" + Thread.currentThread().getName()
                + "' since " + Instant.now();
        held.put(buildId, holder);
        return new Held(buildId, holder, afterRelease);
    }

    /**
     * Says whether no lock is held.
     *
     * @return true when no build's lock is held
     */
    public synchronized boolean isEmpty() {
        return held.isEmpty();
    }

    private final class Held implements BuildLock {
        private final String buildId;
        private final String holder;
        private final Runnable afterRelease;
        private boolean closed; // guarded by InProcessLocks.this

        Held(String buildId, String holder, Runnable afterRelease) {
            this.buildId = buildId;
            this.holder = holder;
            this.afterRelease = afterRelease;
        }

        @Override
        public String buildId() {
            return buildId;
        }

        @Override
        public String holder() {
            return holder;
        }

        @Override
        public void close() {
            synchronized (InProcessLocks.this) {
                if (closed) {
                    return;
                }
                closed = true;
                held.remove(buildId);
            }
            afterRelease.run();
        }

        @Override
        public String toString() {
            return "BuildLock[" + buildId + ", " + holder + " (" + scope + ")]";
        }
    }
}

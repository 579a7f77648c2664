package dev.thefactory.temporal.internal;

import dev.thefactory.Factory;
import dev.thefactory.api.FactoryException;
import dev.thefactory.internal.backend.BackendCandidate;
import dev.thefactory.internal.backend.BackendCascade;
import dev.thefactory.internal.engine.BuildEngine;
import dev.thefactory.internal.engine.EngineAccess;
import dev.thefactory.internal.output.StagingArea;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.OrchestratorBackend;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The builds a worker has seen lately: for each, the engine made from the request (the worker's own factory
 * configuration with the request's spec and options) and the backends created for it, so the tasks of one build on one
 * worker share one backend instance, as they do on the local engine. Any worker can serve any activity of any build:
 * what is not cached is made again. At most {@value #MAX_BUILDS} builds are kept; the oldest one's backends are
 * closed when it is dropped.
 *
 * <p>Thread-safe.
 */
final class WorkerBuilds {

    static final int MAX_BUILDS = 32;
    private static final Logger LOG = LoggerFactory.getLogger(WorkerBuilds.class);

    private final Function<BuildRequest, Factory> factories;
    private final Map<String, Build> builds = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Build> eldest) {
            if (size() > MAX_BUILDS) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    };

    WorkerBuilds(Function<BuildRequest, Factory> factories) {
        this.factories = Objects.requireNonNull(factories, "factories");
    }

    /**
     * @param request a build
     * @return its state on this worker, made now when this worker has not seen it
     */
    synchronized Build of(BuildRequest request) {
        Build build = builds.get(request.buildId());
        if (build == null) {
            build = new Build(request, EngineAccess.of(factories.apply(request)));
            builds.put(request.buildId(), build);
        }
        return build;
    }

    /**
     * Forgets a build and closes its backends.
     *
     * @param buildId the build
     */
    synchronized void forget(String buildId) {
        Build build = builds.remove(buildId);
        if (build != null) {
            build.close();
        }
    }

    /** Closes every backend. */
    synchronized void close() {
        builds.values().forEach(Build::close);
        builds.clear();
    }

    /** One build on this worker. */
    static final class Build {
        private final BuildRequest request;
        private final BuildEngine engine;
        private final Map<String, OrchestratorBackend> backends = new HashMap<>();
        private BackendCascade cascade;
        private StagingArea staging;
        private final java.util.Set<Thread> attempts = new java.util.HashSet<>();
        private final java.util.Set<Thread> stopped = new java.util.HashSet<>();

        Build(BuildRequest request, BuildEngine engine) {
            this.request = request;
            this.engine = engine;
        }

        BuildEngine engine() {
            return engine;
        }

        /** @return the backend cascade on this worker, resolved once */
        synchronized BackendCascade cascade() {
            if (cascade == null) {
                cascade = engine.cascade();
            }
            return cascade;
        }

        /**
         * @return the build's staging area, opened once per worker (its files kept): opening it again would delete
         *         the temporary files of writes in progress as if a crash had left them
         */
        synchronized StagingArea staging() {
            if (staging == null) {
                staging = StagingArea.open(engine.config().outputDirectory(), request.buildId(),
                        engine.config().quotas());
            }
            return staging;
        }

        /**
         * @param backendId a backend of the build's cascade
         * @return its instance for this build on this worker
         * @throws FactoryException when it is not in the cascade on this worker or cannot be created
         */
        synchronized OrchestratorBackend backend(String backendId) {
            OrchestratorBackend backend = backends.get(backendId);
            if (backend != null) {
                return backend;
            }
            for (BackendCandidate candidate : cascade().backends()) {
                if (candidate.id().equals(backendId)) {
                    backend = candidate.provider().provider().create(new BackendContext(request.buildId(),
                            engine.spec()));
                    if (backend == null) {
                        throw new FactoryException("Backend provider '" + backendId + "' returned null from create(); "
                                + "it must return a backend", null,
                                FactoryException.ErrorContext.ofBuild(request.buildId()),
                                java.util.List.of("fix the backend provider"));
                    }
                    backends.put(backendId, backend);
                    return backend;
                }
            }
            throw new FactoryException("Backend '" + backendId + "' is not available on this worker (its cascade is "
                    + cascade().ids() + ")", null, FactoryException.ErrorContext.ofBuild(request.buildId()),
                    java.util.List.of("put the backend's jar on every worker's class path"));
        }

        /**
         * Records a task attempt running on this worker, so that discarding the build can stop it.
         *
         * @param thread the attempt's thread
         */
        synchronized void attemptStarted(Thread thread) {
            attempts.add(thread);
        }

        /**
         * Records that a task attempt ended.
         *
         * @param thread the attempt's thread
         * @return whether {@link #stopAttempts} interrupted it (its interrupt is then this build's, not the worker's)
         */
        synchronized boolean attemptEnded(Thread thread) {
            attempts.remove(thread);
            notifyAll();
            return stopped.remove(thread);
        }

        /**
         * Interrupts the build's task attempts running on this worker and waits until they ended, so that none writes
         * into the staging area after it was removed.
         *
         * @param waitMillis how long to wait at most
         * @return how many attempts were still running after the wait
         * @throws InterruptedException when the waiting thread is interrupted
         */
        synchronized int stopAttempts(long waitMillis) throws InterruptedException {
            attempts.forEach(Thread::interrupt);
            stopped.addAll(attempts);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(waitMillis);
            while (!attempts.isEmpty()) {
                long left = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                wait(left);
            }
            return attempts.size();
        }

        synchronized void close() {
            for (Map.Entry<String, OrchestratorBackend> entry : backends.entrySet()) {
                try {
                    entry.getValue().close();
                } catch (RuntimeException e) {
                    LOG.warn("[build {}] backend {} threw from close(), which must not throw", request.buildId(),
                            entry.getKey(), e);
                }
            }
            backends.clear();
        }
    }
}

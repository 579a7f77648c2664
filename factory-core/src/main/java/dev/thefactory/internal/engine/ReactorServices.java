package dev.thefactory.internal.engine;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.TimeoutSettings;
import dev.thefactory.internal.events.BuildEvents;
import dev.thefactory.internal.output.StagingArea;
import dev.thefactory.internal.resilience.ResiliencePolicies;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * What the chain reactor of one build uses, gathered in one place. Immutable holder; the services themselves are
 * thread-safe.
 *
 * @param buildId         the build
 * @param spec            the validated spec
 * @param clock           the build's clock
 * @param events          the build's events
 * @param policies        the resilience policies every task attempt goes through
 * @param pool            the fixed pool of {@code parallelism} threads the tasks run on
 * @param watchdog        the stall and deadline guard
 * @param progress        progress and ETA
 * @param staging         where files are written
 * @param heap            reads the heap, for the headroom check before spawning children
 * @param minHeapHeadroom the least free heap, in bytes, for spawning children
 * @param timeouts        the phase and build time limits
 * @param ticker          monotonic time in nanoseconds ({@link System#nanoTime()} in production): task durations; the
 *                        clock only stamps events
 * @param agentsSpawned   counts every agent spawned in the build
 * @param usage           sums the model usage of every task result recorded in the build
 */
record ReactorServices(String buildId, ProjectSpec spec, Clock clock, BuildEvents events, ResiliencePolicies policies,
        ExecutorService pool, Watchdog watchdog, ProgressTracker progress, StagingArea staging, HeapProbe heap,
        long minHeapHeadroom, TimeoutSettings timeouts, LongSupplier ticker, AtomicInteger agentsSpawned,
        UsageMeter usage) {

    ReactorServices {
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(watchdog, "watchdog");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(staging, "staging");
        Objects.requireNonNull(heap, "heap");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(agentsSpawned, "agentsSpawned");
        Objects.requireNonNull(usage, "usage");
    }
}

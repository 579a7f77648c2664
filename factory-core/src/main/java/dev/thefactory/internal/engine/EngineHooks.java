package dev.thefactory.internal.engine;

import dev.thefactory.internal.backend.BackendResolver;
import dev.thefactory.internal.output.OutputValidation;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Replaceable internals of the engine, for tests: the heap probe, the backend resolver, the watchdog's scheduler and
 * period, the monotonic ticker, and the output validation. Immutable.
 *
 * @param heap              reads the heap
 * @param resolver          resolves the backend cascade
 * @param watchdogScheduler runs the watchdog's checks, or null for the build's own scheduler
 * @param watchdogPeriod    how often the watchdog checks, or null for {@link Watchdog#defaultPeriod}
 * @param validation        makes the output validation of a build
 * @param ticker            monotonic time in nanoseconds for the watchdog's deadlines and stall detection, task
 *                          durations and the ETA; {@link System#nanoTime()} unless a test drives it
 */
record EngineHooks(HeapProbe heap, BackendResolver resolver, ScheduledExecutorService watchdogScheduler,
        Duration watchdogPeriod, Supplier<OutputValidation> validation, LongSupplier ticker) {

    EngineHooks {
        Objects.requireNonNull(heap, "heap");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(ticker, "ticker");
    }

    /** @return the real heap, the default resolver and scheduler, the built-in validators */
    static EngineHooks defaults() {
        return new EngineHooks(HeapProbe.RUNTIME, new BackendResolver(), null, null, OutputValidation::withBuiltIns,
                System::nanoTime);
    }

    EngineHooks withHeap(HeapProbe probe) {
        return new EngineHooks(probe, resolver, watchdogScheduler, watchdogPeriod, validation, ticker);
    }

    EngineHooks withWatchdog(ScheduledExecutorService scheduler, Duration period) {
        return new EngineHooks(heap, resolver, scheduler, period, validation, ticker);
    }

    EngineHooks withTicker(LongSupplier source) {
        return new EngineHooks(heap, resolver, watchdogScheduler, watchdogPeriod, validation, source);
    }

    EngineHooks withValidation(Supplier<OutputValidation> supplier) {
        return new EngineHooks(heap, resolver, watchdogScheduler, watchdogPeriod, supplier, ticker);
    }
}

package dev.thefactory.internal.engine;

import dev.thefactory.internal.backend.BackendResolver;
import dev.thefactory.internal.output.OutputValidation;
import dev.thefactory.internal.output.ValidationReport;
import dev.thefactory.internal.resilience.AttemptPool;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Replaceable internals of the engine, for tests: the heap probe, the backend resolver, the watchdog's scheduler and
 * period, the output validation and what is done with its report, and the monotonic ticker. Immutable.
 *
 * @param heap              reads the heap
 * @param resolver          resolves the backend cascade
 * @param watchdogScheduler runs the watchdog's checks, or null for the build's own scheduler
 * @param watchdogPeriod    how often the watchdog checks, or null for {@link Watchdog#defaultPeriod}
 * @param validation        makes the output validation of a build
 * @param reports           applied to every validation report before the engine uses it (identity, except in tests
 *                          that stand in for the generated tests' run)
 * @param ticker            monotonic time in nanoseconds for the watchdog's deadlines and stall detection, task
 *                          durations and the ETA; {@link System#nanoTime()} unless a test drives it
 * @param attempts          the threads task attempts run on: the factory's own pool, or {@link AttemptPool#shared()}
 */
record EngineHooks(HeapProbe heap, BackendResolver resolver, ScheduledExecutorService watchdogScheduler,
        Duration watchdogPeriod, Supplier<OutputValidation> validation, UnaryOperator<ValidationReport> reports,
        LongSupplier ticker, AttemptPool attempts) {

    EngineHooks {
        Objects.requireNonNull(attempts, "attempts");
        Objects.requireNonNull(heap, "heap");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(ticker, "ticker");
    }

    /** @return the real heap, the default resolver and scheduler, the built-in validators */
    static EngineHooks defaults() {
        return new EngineHooks(HeapProbe.RUNTIME, new BackendResolver(), null, null, OutputValidation::withBuiltIns,
                UnaryOperator.identity(), System::nanoTime, AttemptPool.shared());
    }

    EngineHooks withHeap(HeapProbe probe) {
        return new EngineHooks(probe, resolver, watchdogScheduler, watchdogPeriod, validation, reports, ticker,
                attempts);
    }

    EngineHooks withWatchdog(ScheduledExecutorService scheduler, Duration period) {
        return new EngineHooks(heap, resolver, scheduler, period, validation, reports, ticker,
                attempts);
    }

    EngineHooks withReports(UnaryOperator<ValidationReport> operator) {
        return new EngineHooks(heap, resolver, watchdogScheduler, watchdogPeriod, validation, operator, ticker,
                attempts);
    }

    EngineHooks withTicker(LongSupplier source) {
        return new EngineHooks(heap, resolver, watchdogScheduler, watchdogPeriod, validation, reports, source,
                attempts);
    }

    EngineHooks withAttempts(AttemptPool pool) {
        return new EngineHooks(heap, resolver, watchdogScheduler, watchdogPeriod, validation, reports, ticker, pool);
    }

    EngineHooks withValidation(Supplier<OutputValidation> supplier) {
        return new EngineHooks(heap, resolver, watchdogScheduler, watchdogPeriod, supplier, reports, ticker,
                attempts);
    }
}

package dev.thefactory.internal.engine;

import dev.thefactory.internal.backend.BackendResolver;
import dev.thefactory.internal.output.OutputValidation;
import dev.thefactory.internal.output.ValidationReport;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Replaceable internals of the engine, for tests: the heap probe, the backend resolver, the watchdog's scheduler and
 * period, the output validation and what is done with its report. Immutable.
 *
 * @param heap              reads the heap
 * @param resolver          resolves the backend cascade
 * @param watchdogScheduler runs the watchdog's checks, or null for the build's own scheduler
 * @param watchdogPeriod    how often the watchdog checks, or null for {@link Watchdog#defaultPeriod}
 * @param validation        makes the output validation of a build
 * @param reports           applied to every validation report before the engine uses it (identity, except in tests
 *                          that stand in for the generated tests' run)
 */
record EngineHooks(HeapProbe heap, BackendResolver resolver, ScheduledExecutorService watchdogScheduler,
        Duration watchdogPeriod, Supplier<OutputValidation> validation, UnaryOperator<ValidationReport> reports) {

    EngineHooks {
        Objects.requireNonNull(heap, "heap");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(reports, "reports");
    }

    /** @return the real heap, the default resolver and scheduler, the built-in validators */
    static EngineHooks defaults() {
        return new EngineHooks(HeapProbe.RUNTIME, new BackendResolver(), null, null, OutputValidation::withBuiltIns,
                UnaryOperator.identity());
    }

    EngineHooks withHeap(HeapProbe probe) {
        return new EngineHooks(probe, resolver, watchdogScheduler, watchdogPeriod, validation, reports);
    }

    EngineHooks withWatchdog(ScheduledExecutorService scheduler, Duration period) {
        return new EngineHooks(heap, resolver, scheduler, period, validation, reports);
    }

    EngineHooks withReports(UnaryOperator<ValidationReport> operator) {
        return new EngineHooks(heap, resolver, watchdogScheduler, watchdogPeriod, validation, operator);
    }

    EngineHooks withValidation(Supplier<OutputValidation> supplier) {
        return new EngineHooks(heap, resolver, watchdogScheduler, watchdogPeriod, supplier, reports);
    }
}

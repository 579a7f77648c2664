package dev.thefactory.internal.engine;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.CircuitBreakerSettings;
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.GeneratedTestSettings;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.TimeoutSettings;
import dev.thefactory.api.event.BuildListener;
import dev.thefactory.internal.output.OutputQuotas;
import dev.thefactory.spi.CheckpointRepository;
import dev.thefactory.spi.PatternStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of a build, as {@link dev.thefactory.Factory.Builder} assembled and checked it. Immutable; as
 * thread-safe as the listeners and the repository it holds.
 *
 * @param mode            the mode asked for
 * @param outputDirectory where projects are published ({@code <outputDirectory>/<slug>/})
 * @param listeners       the build's listeners, in order
 * @param explicitBackend the backend asked for by id, or null to let the mode choose
 * @param checkpoints     where checkpoints are saved
 * @param parallelism     how many tasks run at once, {@code >= 1}
 * @param watchdog        how long the build may go without any task making progress, {@code > 0}
 * @param minHeapHeadroom the least free heap, in bytes, under which no more children are spawned, {@code >= 0}
 * @param retry           retry of transient task failures
 * @param circuitBreaker  the circuit breaker per backend
 * @param timeouts        task, phase and build time limits
 * @param faults          faults to inject
 * @param clock           the build's clock
 * @param quotas          limits of the generated output
 * @param patterns        learns task durations for the ETA; {@link EngineConfig#NO_PATTERNS} when there is none
 * @param requireFeatures which requirements must be implemented for the build to publish
 * @param generatedTests  how the generated project's own tests are run
 * @param overwrite       whether a published directory that holds files the previous build did not write (or that
 *                        changed since) may be replaced (the old tree is kept aside)
 * @param repairRounds    how many repair rounds a backend that supports repair gets in {@code VALIDATE_OUTPUT}, 0 to
 *                        {@value #MAX_REPAIR_ROUNDS}; 0 turns repair off
 */
public record EngineConfig(Mode mode, Path outputDirectory, List<BuildListener> listeners, String explicitBackend,
        CheckpointRepository checkpoints, int parallelism, Duration watchdog, long minHeapHeadroom,
        RetrySettings retry, CircuitBreakerSettings circuitBreaker, TimeoutSettings timeouts, FaultInjection faults,
        Clock clock, OutputQuotas quotas, PatternStore patterns, FeatureRequirement requireFeatures,
        GeneratedTestSettings generatedTests, boolean overwrite, int repairRounds) {

    /** The repair rounds of a backend unless configured otherwise. */
    public static final int DEFAULT_REPAIR_ROUNDS = 2;
    /** The most repair rounds a build may allow. */
    public static final int MAX_REPAIR_ROUNDS = 10;

    /** A pattern store that remembers nothing. */
    public static final PatternStore NO_PATTERNS = new PatternStore() {
        @Override
        public void record(Phase phase, AgentRole role, Duration duration) {
        }

        @Override
        public Optional<Duration> estimate(Phase phase, AgentRole role) {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "no pattern store";
        }
    };

    /**
     * @throws NullPointerException if a required component is null
     * @throws IllegalArgumentException on bad numbers
     */
    public EngineConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        listeners = List.copyOf(listeners);
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(watchdog, "watchdog");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(circuitBreaker, "circuitBreaker");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(quotas, "quotas");
        Objects.requireNonNull(patterns, "patterns");
        Objects.requireNonNull(requireFeatures, "requireFeatures");
        Objects.requireNonNull(generatedTests, "generatedTests");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1 but was " + parallelism);
        }
        if (watchdog.isZero() || watchdog.isNegative()) {
            throw new IllegalArgumentException("watchdog must be > 0 but was " + watchdog);
        }
        if (minHeapHeadroom < 0) {
            throw new IllegalArgumentException("minHeapHeadroom must be >= 0 but was " + minHeapHeadroom);
        }
        if (repairRounds < 0 || repairRounds > MAX_REPAIR_ROUNDS) {
            throw new IllegalArgumentException("repairRounds must be between 0 and " + MAX_REPAIR_ROUNDS + " but was "
                    + repairRounds);
        }
    }

    /**
     * A configuration with {@value #DEFAULT_REPAIR_ROUNDS} repair rounds.
     *
     * @param mode            the mode asked for
     * @param outputDirectory where projects are published
     * @param listeners       the build's listeners
     * @param explicitBackend the backend asked for by id, or null
     * @param checkpoints     where checkpoints are saved
     * @param parallelism     how many tasks run at once
     * @param watchdog        how long the build may go without progress
     * @param minHeapHeadroom the least free heap for spawning children
     * @param retry           retry of transient task failures
     * @param circuitBreaker  the circuit breaker per backend
     * @param timeouts        time limits
     * @param faults          faults to inject
     * @param clock           the build's clock
     * @param quotas          limits of the generated output
     * @param patterns        learns task durations
     * @param requireFeatures which requirements must be implemented
     * @param generatedTests  how the generated tests are run
     * @param overwrite       whether a changed published directory may be replaced
     */
    public EngineConfig(Mode mode, Path outputDirectory, List<BuildListener> listeners, String explicitBackend,
            CheckpointRepository checkpoints, int parallelism, Duration watchdog, long minHeapHeadroom,
            RetrySettings retry, CircuitBreakerSettings circuitBreaker, TimeoutSettings timeouts, FaultInjection faults,
            Clock clock, OutputQuotas quotas, PatternStore patterns, FeatureRequirement requireFeatures,
            GeneratedTestSettings generatedTests, boolean overwrite) {
        this(mode, outputDirectory, listeners, explicitBackend, checkpoints, parallelism, watchdog, minHeapHeadroom,
                retry, circuitBreaker, timeouts, faults, clock, quotas, patterns, requireFeatures, generatedTests,
                overwrite, DEFAULT_REPAIR_ROUNDS);
    }

    /**
     * @param rounds the repair rounds
     * @return a copy of this configuration with that many repair rounds
     */
    public EngineConfig withRepairRounds(int rounds) {
        return new EngineConfig(mode, outputDirectory, listeners, explicitBackend, checkpoints, parallelism, watchdog,
                minHeapHeadroom, retry, circuitBreaker, timeouts, faults, clock, quotas, patterns, requireFeatures,
                generatedTests, overwrite, rounds);
    }
}

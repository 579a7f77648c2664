package dev.thefactory.examples.cli;

import dev.thefactory.Factory;
import dev.thefactory.api.Durations;
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.GeneratedTestSettings;
import dev.thefactory.api.Mode;
import dev.thefactory.api.TimeoutSettings;
import dev.thefactory.api.event.BuildListener;
import dev.thefactory.spi.CheckpointRepository;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * The options {@code build} and {@code resume} share: {@code --state}, {@code --faults}, {@code --events},
 * {@code --require-features}, {@code --no-run-tests}, {@code --task-timeout}, {@code --test-timeout},
 * {@code --repair-rounds}, {@code --overwrite} and {@code --json}. A picocli mixin; not thread-safe.
 */
final class RunOptions {

    @Option(names = "--state", paramLabel = "DIR", defaultValue = ".factory",
            description = "State directory: checkpoints (in DIR/checkpoints), locks and build history"
                    + " (default: ${DEFAULT-VALUE}).")
    Path state;

    @Option(names = "--faults", paramLabel = "SPEC", converter = FaultsConverter.class,
            description = "Inject deterministic faults to watch the recovery work, e.g."
                    + " transient-rate=0.3,permanent-rate=0.1,latency=50ms,fail-backend=simple,seed=42.")
    FaultInjection faults;

    @Option(names = "--events", paramLabel = "FILE",
            description = "Write every build event to FILE as JSON Lines (one object per line).")
    Path events;

    @Option(names = "--require-features", paramLabel = "POLICY", converter = RequireFeaturesConverter.class,
            description = "Which requirements of the spec must be implemented for the build to publish: core (every"
                    + " core feature and the requested language), all, or none (default: core; a resumed build keeps"
                    + " the one it was started with).")
    FeatureRequirement requireFeatures;

    @Option(names = "--no-run-tests", description = "Compile the generated project but do not run its generated tests"
            + " (they run by default, in a separate process with a time limit); no feature can then be proven"
            + " implemented.")
    boolean noRunTests;

    @Option(names = "--task-timeout", paramLabel = "DURATION", converter = TaskTimeoutConverter.class,
            description = "Time limit of one attempt of one task, e.g. 5m for a slow model (default: 60s); an attempt"
                    + " past it is interrupted and retried.")
    Duration taskTimeout;

    @Option(names = "--test-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time limit of one run of the generated tests, e.g. 300s, 5m or PT5M; the test process is"
                    + " killed after it and the run fails (default: 120s).")
    Duration testTimeout;

    @Option(names = "--repair-rounds", paramLabel = "N", converter = RepairRoundsConverter.class,
            description = "How many times a backend that can repair its own code (the llm backend) gets the files that"
                    + " failed to compile or whose tests failed, with the diagnostics, before the build falls back:"
                    + " 0 to 10 (default: 2).")
    Integer repairRounds;

    @Option(names = "--overwrite", description = "Replace DIR/<project-slug>/ even when it holds files the previous"
            + " build did not write or that changed since; the old tree is moved to DIR/.trash/ and kept.")
    boolean overwrite;

    @Option(names = "--json", description = "Print the result as one JSON object on standard output; progress and"
            + " logs go to standard error.")
    boolean json;

    /**
     * The factory builder both commands start from: the spec, mode, output, checkpoints and listener, and
     * {@code --faults} when given (else the spec's own {@code FAULT INJECTION} section applies).
     */
    Factory.Builder factory(Path specFile, Mode mode, Path output, CheckpointRepository checkpoints,
            BuildListener listener) {
        return factory(specFile, mode, output, checkpoints, listener, FeatureRequirement.CORE);
    }

    /**
     * As {@link #factory(Path, Mode, Path, CheckpointRepository, BuildListener)}, with the feature requirement to use
     * when {@code --require-features} is not given (a resumed build's own).
     */
    Factory.Builder factory(Path specFile, Mode mode, Path output, CheckpointRepository checkpoints,
            BuildListener listener, FeatureRequirement policyIfNotGiven) {
        Factory.Builder builder = Factory.builder()
                .spec(specFile)
                .mode(mode)
                .outputDirectory(output)
                .checkpoints(checkpoints)
                .listener(listener)
                .requireFeatures(requireFeatures != null ? requireFeatures : policyIfNotGiven)
                .runGeneratedTests(!noRunTests)
                .overwrite(overwrite);
        if (repairRounds != null) {
            builder.repairRounds(repairRounds);
        }
        if (taskTimeout != null) {
            builder.timeouts(TimeoutSettings.defaults().withTaskAttempt(taskTimeout));
        }
        if (testTimeout != null) {
            builder.generatedTests(GeneratedTestSettings.defaults().withEnabled(!noRunTests).withTimeout(testTimeout));
        }
        if (faults != null) {
            builder.faults(faults);
        }
        return builder;
    }

    /** @return the directory checkpoints are kept in: {@code <state>/checkpoints} */
    Path checkpointDirectory() {
        return state.resolve("checkpoints");
    }

    /** Reads {@code --mode}: {@code auto}, {@code integrated}, {@code standalone} or {@code minimal}. */
    static final class ModeConverter implements ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            try {
                return Mode.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Reads {@code --require-features}: {@code core}, {@code all} or {@code none}. */
    static final class RequireFeaturesConverter implements ITypeConverter<FeatureRequirement> {
        @Override
        public FeatureRequirement convert(String value) {
            try {
                return FeatureRequirement.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Reads {@code --test-timeout} with {@link Durations#require(String, String)}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return limited("--test-timeout", value, GeneratedTestSettings.MAX_TIMEOUT);
        }
    }

    /** Reads {@code --task-timeout} with {@link Durations#require(String, String)}. */
    static final class TaskTimeoutConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return limited("--task-timeout", value, TimeoutSettings.MAX_LIMIT);
        }
    }

    /** Reads {@code --repair-rounds}: a whole number from 0 to 10. */
    static final class RepairRoundsConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int rounds = Integer.parseInt(value.strip());
                if (rounds >= 0 && rounds <= 10) {
                    return rounds;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new CommandLine.TypeConversionException("--repair-rounds must be a whole number from 0 to 10 (0 "
                    + "turns repair off) but was '" + value + "'");
        }
    }

    private static Duration limited(String option, String value, Duration max) {
        try {
            Duration limit = Durations.require(option, value);
            if (limit.compareTo(max) > 0) {
                throw new IllegalArgumentException(option + " must be at most " + Durations.format(max) + " but was '"
                        + value + "'");
            }
            return limit;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** Reads {@code --faults} with {@link FaultInjection#parse(String)}; its message names the bad key or value. */
    static final class FaultsConverter implements ITypeConverter<FaultInjection> {
        @Override
        public FaultInjection convert(String value) {
            try {
                return FaultInjection.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}

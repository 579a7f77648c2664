package dev.thefactory.examples.cli;

import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.Mode;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * The options {@code build} and {@code resume} share: {@code --state}, {@code --faults}, {@code --events} and
 * {@code --json}. A picocli mixin; not thread-safe.
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

    @Option(names = "--json", description = "Print the result as one JSON object on standard output; progress and"
            + " logs go to standard error.")
    boolean json;

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

package dev.thefactory.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@code VALIDATE_OUTPUT} runs the generated project's own tests. They run by default: after the project
 * compiled, in a separate process (a JVM with the JUnit Platform for Java; the language's own runner for Python,
 * Node.js and Go when it is installed), working in a throw-away copy of the staged tree, with a time limit and a
 * heap cap. This executes generated code on this machine; turn it off with {@link #disabled()} where that is not
 * acceptable (the ledger then cannot prove any feature, so only {@link FeatureRequirement#NONE} publishes).
 *
 * <p>Immutable and thread-safe.
 *
 * @param enabled      whether the tests run; default true
 * @param timeout      the time limit of one test run, after which the process is killed and the run fails;
 *                     {@code > 0} and at most a day; default 120 s
 * @param maxHeapBytes the heap cap of the test process ({@code -Xmx}); at least 16 MiB; default 512 MiB
 */
public record GeneratedTestSettings(boolean enabled, Duration timeout, long maxHeapBytes) {

    /** Longest allowed time limit. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(1);
    /** Smallest allowed heap cap. */
    public static final long MIN_HEAP_BYTES = 16L * 1024 * 1024;

    private static final GeneratedTestSettings DEFAULTS =
            new GeneratedTestSettings(true, Duration.ofSeconds(120), 512L * 1024 * 1024);

    /**
     * @throws NullPointerException     when {@code timeout} is null
     * @throws IllegalArgumentException when a value is out of range
     */
    public GeneratedTestSettings {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout must be > 0 and <= " + MAX_TIMEOUT + " but was " + timeout);
        }
        if (maxHeapBytes < MIN_HEAP_BYTES) {
            throw new IllegalArgumentException("maxHeapBytes must be >= " + MIN_HEAP_BYTES + " but was " + maxHeapBytes);
        }
    }

    /** @return enabled, a 120 s time limit and a 512 MiB heap cap */
    public static GeneratedTestSettings defaults() {
        return DEFAULTS;
    }

    /** @return the defaults, but the generated tests are not run */
    public static GeneratedTestSettings disabled() {
        return DEFAULTS.withEnabled(false);
    }

    /**
     * @param run whether the generated tests run
     * @return a copy with that setting
     */
    public GeneratedTestSettings withEnabled(boolean run) {
        return new GeneratedTestSettings(run, timeout, maxHeapBytes);
    }

    /**
     * @param limit the time limit of one test run
     * @return a copy with that limit
     * @throws IllegalArgumentException when it is out of range
     */
    public GeneratedTestSettings withTimeout(Duration limit) {
        return new GeneratedTestSettings(enabled, limit, maxHeapBytes);
    }

    /**
     * @param bytes the heap cap of the test process
     * @return a copy with that cap
     * @throws IllegalArgumentException when it is below {@link #MIN_HEAP_BYTES}
     */
    public GeneratedTestSettings withMaxHeapBytes(long bytes) {
        return new GeneratedTestSettings(enabled, timeout, bytes);
    }
}

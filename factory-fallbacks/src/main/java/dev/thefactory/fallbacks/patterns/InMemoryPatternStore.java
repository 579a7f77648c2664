package dev.thefactory.fallbacks.patterns;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.Phase;
import dev.thefactory.spi.PatternStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link PatternStore} in memory: per phase and role, an exponentially weighted moving average of task durations
 * (weight {@value #WEIGHT} for the newest), so estimates follow a machine that gets faster or slower without being
 * thrown by one outlier. Not durable: it learns within one process.
 *
 * <p>Each instance made by {@link java.util.ServiceLoader} has a memory of its own: a {@code Factory} discovers its
 * store once, when it is built, so every build of that factory (and of the factories derived from it with
 * {@code withSpec}) learns from the ones before it, and two factories never share durations. {@link #shared()} is a
 * store over one process-wide memory, for embedders that want every factory of the process to learn together (set it
 * with {@code Factory.Builder.patternStore}). Thread-safe and lock-free for readers.
 */
public final class InMemoryPatternStore implements PatternStore {

    /** Weight of the newest observation in the moving average. */
    public static final double WEIGHT = 0.3;

    private static final ConcurrentMap<Key, Average> SHARED = new ConcurrentHashMap<>();

    private final ConcurrentMap<Key, Average> averages;

    /** A store with a memory of its own; what {@link java.util.ServiceLoader} creates. */
    public InMemoryPatternStore() {
        this(false);
    }

    /** @param shared whether to use the process-wide memory (true) or a private one (false) */
    public InMemoryPatternStore(boolean shared) {
        this.averages = shared ? SHARED : new ConcurrentHashMap<>();
    }

    /** @return a store over the process-wide memory */
    public static InMemoryPatternStore shared() {
        return new InMemoryPatternStore(true);
    }

    @Override
    public void record(Phase phase, AgentRole role, Duration duration) {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            return; // a clock that went backwards tells nothing about the task
        }
        double nanos = duration.toNanos();
        averages.merge(new Key(phase, role), new Average(nanos, 1),
                (old, fresh) -> new Average(old.nanos() + WEIGHT * (nanos - old.nanos()), old.samples() + 1));
    }

    @Override
    public Optional<Duration> estimate(Phase phase, AgentRole role) {
        Average average = averages.get(new Key(Objects.requireNonNull(phase, "phase"),
                Objects.requireNonNull(role, "role")));
        return average == null ? Optional.empty() : Optional.of(Duration.ofNanos(Math.round(average.nanos())));
    }

    /**
     * @param phase a phase
     * @param role  a role
     * @return how many durations were recorded for them
     */
    public long samples(Phase phase, AgentRole role) {
        Average average = averages.get(new Key(phase, role));
        return average == null ? 0 : average.samples();
    }

    @Override
    public String toString() {
        return "InMemoryPatternStore (" + averages.size() + " patterns, not durable)";
    }

    private record Key(Phase phase, AgentRole role) {
    }

    private record Average(double nanos, long samples) {
    }
}

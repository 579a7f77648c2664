package dev.thefactory.internal.engine;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.Phase;
import dev.thefactory.internal.plan.BuildPlan;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.PatternStore;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a build by completed task weight, and an ETA. The percent never decreases: when a fallback restarts the
 * backend phases, the work still to do is mapped onto what is left between the percent reached and 100.
 *
 * <p>The ETA blends two estimates: the <em>prior</em>, the build's expected duration from the {@link PatternStore}'s
 * experience of earlier builds (0 when it has none), and the <em>measured</em> rate of this build (the time the
 * completed weight took, scaled to the weight left). The measured rate gains weight as the build advances (its weight
 * is the fraction done), so the first estimate comes from experience and the last from this build. Every finished
 * task's duration is taught to the store. Elapsed time is monotonic time from the injected ticker ({@link
 * System#nanoTime()} in production), never the build's clock, which may be fixed. Thread-safe.
 */
final class ProgressTracker {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressTracker.class);

    private final LongSupplier ticker;
    private final PatternStore patterns;
    private final double totalWeight;
    private final long priorMillis;
    private long segmentPriorMillis;
    private double base;
    private double segmentTotal;
    private double segmentDone;
    private long segmentStart;
    private double percent;

    /**
     * @param ticker      monotonic time in nanoseconds, as {@link System#nanoTime()}
     * @param totalWeight the weight of the whole build, {@code > 0}
     */
    ProgressTracker(LongSupplier ticker, double totalWeight) {
        this(ticker, totalWeight, EngineConfig.NO_PATTERNS, 0);
    }

    /**
     * @param ticker      monotonic time in nanoseconds, as {@link System#nanoTime()}
     * @param totalWeight the weight of the whole build, {@code > 0}
     * @param patterns    learns every finished task's duration
     * @param priorMillis the whole build's expected duration from experience, {@code >= 0}; 0 when unknown
     */
    ProgressTracker(LongSupplier ticker, double totalWeight, PatternStore patterns, long priorMillis) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.patterns = Objects.requireNonNull(patterns, "patterns");
        if (!(totalWeight > 0)) {
            throw new IllegalArgumentException("totalWeight must be > 0 but was " + totalWeight);
        }
        if (priorMillis < 0) {
            throw new IllegalArgumentException("priorMillis must be >= 0 but was " + priorMillis);
        }
        this.totalWeight = totalWeight;
        this.priorMillis = priorMillis;
        this.segmentPriorMillis = priorMillis;
        this.segmentTotal = totalWeight;
        this.segmentStart = ticker.getAsLong();
    }

    /**
     * @param weight weight just completed, {@code >= 0}
     * @return the percent now, 0 to 100
     */
    synchronized double advance(double weight) {
        if (weight < 0) {
            throw new IllegalArgumentException("weight must be >= 0 but was " + weight);
        }
        segmentDone += weight;
        double fraction = Math.min(1.0, segmentDone / segmentTotal);
        percent = Math.max(percent, Math.min(100.0, base + (100.0 - base) * fraction));
        return percent;
    }

    /**
     * Starts over on a new backend: the percent stays where it is and {@code remainingWeight} is spread over what is
     * left up to 100.
     *
     * @param remainingWeight the weight still to do, {@code > 0}
     */
    synchronized void restart(double remainingWeight) {
        if (!(remainingWeight > 0)) {
            throw new IllegalArgumentException("remainingWeight must be > 0 but was " + remainingWeight);
        }
        base = percent;
        segmentTotal = remainingWeight;
        segmentPriorMillis = Math.round(priorMillis * Math.min(1.0, remainingWeight / totalWeight));
        segmentDone = 0;
        segmentStart = ticker.getAsLong();
    }

    /** @return the percent reached, 0 to 100 */
    synchronized double percent() {
        return percent;
    }

    /** Marks the build done: 100 percent. */
    synchronized void finish() {
        percent = 100.0;
        segmentDone = segmentTotal;
    }

    /**
     * Teaches the pattern store how long a finished task took.
     *
     * @param phase    the task's phase
     * @param role     its role
     * @param millis   how long its successful attempt took
     */
    void learn(Phase phase, AgentRole role, long millis) {
        try {
            patterns.record(phase, role, Duration.ofMillis(Math.max(0, millis)));
        } catch (RuntimeException e) {
            LOG.warn("the pattern store {} failed to record a duration; the ETA ignores it", patterns, e);
        }
    }

    /**
     * @return the estimated time left in milliseconds, blended from experience and this build's rate (see the class
     *         comment); -1 while nothing is completed and there is no experience; 0 when done
     */
    synchronized long etaMillis() {
        if (segmentDone >= segmentTotal || percent >= 100.0) {
            return 0;
        }
        double fraction = segmentDone / segmentTotal;
        long elapsed = Math.max(0, TimeUnit.NANOSECONDS.toMillis(ticker.getAsLong() - segmentStart));
        double prior = Math.max(0, segmentPriorMillis - elapsed);
        if (segmentDone <= 0) {
            return segmentPriorMillis > 0 ? Math.round(prior) : -1;
        }
        double measured = elapsed * (segmentTotal - segmentDone) / segmentDone;
        if (segmentPriorMillis <= 0) {
            return Math.round(measured);
        }
        return Math.round(fraction * measured + (1 - fraction) * prior);
    }

    /**
     * The plan's expected duration from the pattern store's experience: per phase, the estimated durations of its
     * top-level tasks (a task the store knows nothing about counts as the mean of those it knows) spread over the
     * parallelism.
     *
     * @param plan        the build's plan
     * @param patterns    the pattern store
     * @param parallelism how many tasks run at once
     * @return the expected duration in milliseconds; 0 when the store knows none of the tasks
     */
    static long priorMillis(BuildPlan plan, PatternStore patterns, int parallelism) {
        Map<Phase, Integer> tasks = new EnumMap<>(Phase.class);
        Map<Phase, Integer> knownTasks = new EnumMap<>(Phase.class);
        Map<Phase, Double> knownMillis = new EnumMap<>(Phase.class);
        for (var planned : plan.tasks()) {
            AgentTask task = planned.task();
            tasks.merge(task.phase(), 1, Integer::sum);
            patterns.estimate(task.phase(), task.role()).ifPresent(estimate -> {
                knownTasks.merge(task.phase(), 1, Integer::sum);
                knownMillis.merge(task.phase(), estimate.toNanos() / 1e6, Double::sum);
            });
        }
        int known = knownTasks.values().stream().mapToInt(Integer::intValue).sum();
        if (known == 0) {
            return 0;
        }
        double mean = knownMillis.values().stream().mapToDouble(Double::doubleValue).sum() / known;
        double total = 0;
        for (Map.Entry<Phase, Integer> phase : tasks.entrySet()) {
            int unknown = phase.getValue() - knownTasks.getOrDefault(phase.getKey(), 0);
            double phaseMillis = knownMillis.getOrDefault(phase.getKey(), 0.0) + unknown * mean;
            total += phaseMillis / Math.min(parallelism, phase.getValue());
        }
        return Math.round(total);
    }
}

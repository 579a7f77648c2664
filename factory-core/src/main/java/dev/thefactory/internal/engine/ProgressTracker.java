package dev.thefactory.internal.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Progress of a build by completed task weight, and an ETA from the time the completed weight took. The percent never
 * decreases: when a fallback restarts the backend phases, the work still to do is mapped onto what is left between the
 * percent reached and 100. Thread-safe.
 */
final class ProgressTracker {

    private final Clock clock;
    private double base;
    private double segmentTotal;
    private double segmentDone;
    private Instant segmentStart;
    private double percent;

    /**
     * @param clock       the build's clock
     * @param totalWeight the weight of the whole build, {@code > 0}
     */
    ProgressTracker(Clock clock, double totalWeight) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!(totalWeight > 0)) {
            throw new IllegalArgumentException("totalWeight must be > 0 but was " + totalWeight);
        }
        this.segmentTotal = totalWeight;
        this.segmentStart = clock.instant();
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
        segmentDone = 0;
        segmentStart = clock.instant();
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
     * @return the estimated time left in milliseconds: the time the completed weight took, scaled to the weight left;
     *         -1 while nothing is completed yet; 0 when done
     */
    synchronized long etaMillis() {
        if (segmentDone >= segmentTotal || percent >= 100.0) {
            return 0;
        }
        if (segmentDone <= 0) {
            return -1;
        }
        long elapsed = Math.max(0, Duration.between(segmentStart, clock.instant()).toMillis());
        return Math.round(elapsed * (segmentTotal - segmentDone) / segmentDone);
    }
}

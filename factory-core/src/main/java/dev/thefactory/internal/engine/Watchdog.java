package dev.thefactory.internal.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards a running phase against silent hangs and overruns. While armed, it checks every {@code period} (on the given
 * scheduler) against the build's clock whether no task made progress for longer than the stall limit, or the phase's
 * or the build's deadline has passed, and then raises one {@link Alarm} to the phase's coordinator. Progress is any
 * {@link #touch()}: the engine touches it on every build event and when a task starts.
 *
 * <p>Both the clock and the scheduler are injected, so tests fire it without waiting. Thread-safe.
 */
final class Watchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

    /** What went wrong. */
    enum Kind {
        /** No progress for longer than the stall limit. */
        STALLED,
        /** The phase ran past {@code TimeoutSettings.phase}. */
        PHASE_DEADLINE,
        /** The build ran past {@code TimeoutSettings.build}. */
        BUILD_DEADLINE
    }

    /**
     * One alarm.
     *
     * @param kind    what went wrong
     * @param message the measured times and the limit that was broken
     */
    record Alarm(Kind kind, String message) {
    }

    private final String buildId;
    private final Clock clock;
    private final Duration stallLimit;
    private final ScheduledFuture<?> checks;
    private volatile Instant lastProgress;
    private Consumer<Alarm> target;
    private Instant phaseDeadline;
    private Instant buildDeadline;
    private Duration phaseLimit;
    private Duration buildLimit;

    /**
     * Starts checking at once; nothing is raised until {@link #arm}.
     *
     * @param buildId    the build, for messages
     * @param clock      the build's clock
     * @param stallLimit the longest time without progress
     * @param scheduler  runs the checks
     * @param period     how often to check
     */
    Watchdog(String buildId, Clock clock, Duration stallLimit, ScheduledExecutorService scheduler, Duration period) {
        this.buildId = Objects.requireNonNull(buildId, "buildId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stallLimit = Objects.requireNonNull(stallLimit, "stallLimit");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(period, "period");
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be > 0 but was " + period);
        }
        this.lastProgress = clock.instant();
        long nanos = period.toNanos();
        this.checks = scheduler.scheduleAtFixedRate(this::check, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * @param limit the stall limit
     * @return the default check period: a quarter of the limit, between 10 ms and 1 s
     */
    static Duration defaultPeriod(Duration limit) {
        long millis = Math.max(10, Math.min(1_000, limit.toMillis() / 4));
        return Duration.ofMillis(millis);
    }

    /**
     * Watches a phase: raises at most one alarm to {@code target} until {@link #disarm()}.
     *
     * @param alarmTarget   receives the alarm (on the scheduler's thread)
     * @param phaseStart    when the phase started
     * @param phaseLimit    how long the phase may run
     * @param buildStart    when the build started
     * @param buildLimit    how long the build may run
     */
    synchronized void arm(Consumer<Alarm> alarmTarget, Instant phaseStart, Duration phaseLimit, Instant buildStart,
            Duration buildLimit) {
        this.target = Objects.requireNonNull(alarmTarget, "alarmTarget");
        this.phaseLimit = phaseLimit;
        this.buildLimit = buildLimit;
        this.phaseDeadline = phaseStart.plus(phaseLimit);
        this.buildDeadline = buildStart.plus(buildLimit);
        this.lastProgress = clock.instant();
    }

    /** Stops watching the current phase. */
    synchronized void disarm() {
        target = null;
    }

    /** Records progress now. */
    void touch() {
        lastProgress = clock.instant();
    }

    /** Checks once; called by the scheduler, and by tests. */
    void check() {
        Consumer<Alarm> receiver;
        Alarm alarm;
        synchronized (this) {
            if (target == null) {
                return;
            }
            Instant now = clock.instant();
            long idle = Duration.between(lastProgress, now).toMillis();
            if (!now.isBefore(buildDeadline)) {
                alarm = new Alarm(Kind.BUILD_DEADLINE, "the build ran past its time limit of " + buildLimit.toMillis()
                        + " ms (TimeoutSettings.build)");
            } else if (!now.isBefore(phaseDeadline)) {
                alarm = new Alarm(Kind.PHASE_DEADLINE, "the phase ran past its time limit of " + phaseLimit.toMillis()
                        + " ms (TimeoutSettings.phase)");
            } else if (idle > stallLimit.toMillis()) {
                alarm = new Alarm(Kind.STALLED, "no task made progress for " + idle + " ms, longer than the watchdog "
                        + "limit of " + stallLimit.toMillis() + " ms (Factory.Builder.watchdog)");
            } else {
                return;
            }
            receiver = target;
            target = null;
        }
        LOG.warn("[build {}] watchdog: {}", buildId, alarm.message());
        receiver.accept(alarm);
    }

    @Override
    public void close() {
        checks.cancel(false);
    }
}

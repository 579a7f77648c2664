package dev.thefactory.internal.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards a running phase against silent hangs and overruns. While armed, it checks every {@code period} (on the given
 * scheduler) whether no task made progress for longer than the stall limit, or the phase's or the build's deadline has
 * passed, and then raises one {@link Alarm} to the phase's coordinator. Progress is any {@link #touch()}: the engine
 * touches it on every build event and when a task starts.
 *
 * <p>Every time it measures is <em>monotonic</em> time, read from the injected ticker ({@link System#nanoTime()} in
 * production), never from the build's {@link java.time.Clock}: the clock a user gives the factory may be fixed or jump
 * (it only stamps events and records), and the watchdog must fire all the same. The build's deadline counts from when
 * the watchdog was created, which is when the build started.
 *
 * <p>Both the ticker and the scheduler are injected, so tests fire it without waiting. Thread-safe.
 */
final class Watchdog implements AutoCloseable {

    /** The longest stall limit, phase limit or build limit accepted: {@value #MAX_LIMIT_DAYS} days. */
    static final long MAX_LIMIT_DAYS = 365;

    private static final Duration MAX_LIMIT = Duration.ofDays(MAX_LIMIT_DAYS);

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
    private final LongSupplier ticker;
    private final Duration stallLimit;
    private final long buildStart;
    private final ScheduledFuture<?> checks;
    private volatile long lastProgress;
    private Consumer<Alarm> target;
    private long phaseStart;
    private Duration phaseLimit;
    private Duration buildLimit;

    /**
     * Starts checking at once; nothing is raised until {@link #arm}. The build's deadline counts from now.
     *
     * @param buildId    the build, for messages
     * @param ticker     monotonic time in nanoseconds, as {@link System#nanoTime()}; only differences are used
     * @param stallLimit the longest time without progress, {@code > 0} and at most {@value #MAX_LIMIT_DAYS} days
     * @param scheduler  runs the checks
     * @param period     how often to check, {@code > 0} and at most {@value #MAX_LIMIT_DAYS} days
     * @throws IllegalArgumentException when a duration is out of range
     */
    Watchdog(String buildId, LongSupplier ticker, Duration stallLimit, ScheduledExecutorService scheduler,
            Duration period) {
        this.buildId = Objects.requireNonNull(buildId, "buildId");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.stallLimit = requireLimit(stallLimit, "stallLimit");
        Objects.requireNonNull(scheduler, "scheduler");
        long nanos = requireLimit(period, "period").toNanos();
        this.buildStart = ticker.getAsLong();
        this.lastProgress = buildStart;
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
     * Watches a phase that starts now: raises at most one alarm to {@code target} until {@link #disarm()}.
     *
     * @param alarmTarget receives the alarm (on the scheduler's thread)
     * @param phaseLimit  how long the phase may run, {@code > 0} and at most {@value #MAX_LIMIT_DAYS} days
     * @param buildLimit  how long the build may run, counted from its start, {@code > 0} and at most
     *                    {@value #MAX_LIMIT_DAYS} days
     * @throws IllegalArgumentException when a limit is out of range
     */
    synchronized void arm(Consumer<Alarm> alarmTarget, Duration phaseLimit, Duration buildLimit) {
        this.target = Objects.requireNonNull(alarmTarget, "alarmTarget");
        this.phaseLimit = requireLimit(phaseLimit, "phaseLimit");
        this.buildLimit = requireLimit(buildLimit, "buildLimit");
        this.phaseStart = ticker.getAsLong();
        this.lastProgress = phaseStart;
    }

    /** Stops watching the current phase. */
    synchronized void disarm() {
        target = null;
    }

    /** Records progress now. */
    void touch() {
        lastProgress = ticker.getAsLong();
    }

    /** Checks once; called by the scheduler, and by tests. */
    void check() {
        Consumer<Alarm> receiver;
        Alarm alarm;
        synchronized (this) {
            if (target == null) {
                return;
            }
            long now = ticker.getAsLong();
            // differences of nanoTime values, as its contract asks; the limits are far below 292 years
            long idle = now - lastProgress;
            if (now - buildStart >= buildLimit.toNanos()) {
                alarm = new Alarm(Kind.BUILD_DEADLINE, "the build ran past its time limit of " + buildLimit.toMillis()
                        + " ms (TimeoutSettings.build)");
            } else if (now - phaseStart >= phaseLimit.toNanos()) {
                alarm = new Alarm(Kind.PHASE_DEADLINE, "the phase ran past its time limit of " + phaseLimit.toMillis()
                        + " ms (TimeoutSettings.phase)");
            } else if (idle > stallLimit.toNanos()) {
                alarm = new Alarm(Kind.STALLED, "no task made progress for " + TimeUnit.NANOSECONDS.toMillis(idle)
                        + " ms, longer than the watchdog limit of " + stallLimit.toMillis()
                        + " ms (Factory.Builder.watchdog)");
            } else {
                return;
            }
            receiver = target;
            target = null;
        }
        LOG.warn("[build {}] watchdog: {}", buildId, alarm.message());
        receiver.accept(alarm);
    }

    private static Duration requireLimit(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be > 0 but was " + value);
        }
        if (value.compareTo(MAX_LIMIT) > 0) {
            throw new IllegalArgumentException(name + " must be at most " + MAX_LIMIT_DAYS + " days (" + MAX_LIMIT
                    + ") but was " + value);
        }
        return value;
    }

    @Override
    public void close() {
        checks.cancel(false);
    }
}

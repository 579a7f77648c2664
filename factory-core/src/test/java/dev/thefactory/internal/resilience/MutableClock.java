package dev.thefactory.internal.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/**
 * A clock for tests that moves only when told to. It is also a monotonic ticker (nanoseconds since the epoch of its
 * instant), so one object drives both the timestamps and the measured durations of a test. Thread-safe.
 */
public final class MutableClock extends Clock implements LongSupplier {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration amount) {
        now = now.plus(amount);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new AssertionError("not used by the code under test");
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** @return the instant as nanoseconds since the epoch, a ticker that moves with {@link #advance} */
    @Override
    public long getAsLong() {
        Instant current = now;
        return current.getEpochSecond() * 1_000_000_000L + current.getNano();
    }
}

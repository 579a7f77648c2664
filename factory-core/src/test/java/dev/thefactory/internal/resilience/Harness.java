package dev.thefactory.internal.resilience;

import dev.thefactory.api.CircuitBreakerSettings;
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.TimeoutSettings;
import dev.thefactory.api.event.BuildEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builds a {@link ResiliencePolicies} on a {@link MutableClock} and a {@link RecordingScheduler} for tests. */
final class Harness {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final RecordingScheduler scheduler = new RecordingScheduler(clock);
    final List<BuildEvent> events = new CopyOnWriteArrayList<>();
    final ResiliencePolicies policies;

    Harness(RetrySettings retry, CircuitBreakerSettings circuit, TimeoutSettings timeouts, FaultInjection faults) {
        this(retry, circuit, timeouts, faults, Duration.ofMillis(ResiliencePolicies.GRACE_MILLIS));
    }

    Harness(RetrySettings retry, CircuitBreakerSettings circuit, TimeoutSettings timeouts, FaultInjection faults,
            Duration grace) {
        policies = new ResiliencePolicies(retry, circuit, timeouts, faults, clock, clock, scheduler, events::add, "b-test",
                grace);
    }

    static Harness withRetry(RetrySettings retry) {
        return new Harness(retry, lenientCircuit(), TimeoutSettings.defaults(), FaultInjection.none());
    }

    /** A breaker that never opens in a test about something else. */
    static CircuitBreakerSettings lenientCircuit() {
        return new CircuitBreakerSettings(1000, 1000, Duration.ofSeconds(30), 1);
    }

    static RetrySettings exactRetry(int attempts, long initialMillis, long maxMillis, double multiplier) {
        return new RetrySettings(attempts, Duration.ofMillis(initialMillis), Duration.ofMillis(maxMillis), multiplier,
                0.0);
    }

    <E extends BuildEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}

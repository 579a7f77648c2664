package dev.thefactory.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.AgentException;
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.Phase;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.TimeoutSettings;
import dev.thefactory.api.event.RetryScheduled;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RetryBackoffTest {

    @Test
    void backoffDoublesFromTheInitialDelayUpToTheCap() {
        Harness harness = Harness.withRetry(Harness.exactRetry(6, 100, 400, 2.0));
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.GENERATE, "t1", () -> {
            calls.incrementAndGet();
            throw new IOException("connection reset");
        })).isInstanceOfSatisfying(TaskFailureException.class, failure -> {
            assertThat(failure.attempts()).isEqualTo(6);
            assertThat(failure.isTransient()).isTrue();
            assertThat(failure.isCircuitOpen()).isFalse();
            assertThat(failure.getCause()).isInstanceOf(IOException.class).hasMessage("connection reset");
            assertThat(failure.getMessage()).contains("'t1'", "'simple'", "6 attempt(s)", "maxAttempts=6");
        });

        assertThat(calls).hasValue(6);
        assertThat(harness.scheduler.retryDelaysMillis()).containsExactly(100L, 200L, 400L, 400L, 400L);
        assertThat(harness.policies.retries()).isEqualTo(5);
    }

    @Test
    void aFailureThatNamesALeastWaitIsRetriedNoSoonerThanThatAndOtherwiseWithTheBackoff() {
        Harness harness = Harness.withRetry(Harness.exactRetry(4, 100, 400, 2.0));
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> harness.policies.executeTask("llm", Phase.ANALYZE, "t", () -> {
            int call = calls.incrementAndGet();
            if (call == 2) {
                throw AgentException.transientFailure("rate limited", Duration.ofMillis(50));
            }
            throw AgentException.transientFailure("rate limited", Duration.ofSeconds(1));
        })).isInstanceOf(TaskFailureException.class);

        // 1 s as asked; the backoff (200 ms) when it is longer than the 50 ms asked; 1 s again
        assertThat(harness.scheduler.retryDelaysMillis()).containsExactly(1000L, 200L, 1000L);
    }

    @Test
    void jitterNeverShortensALeastWait() {
        Harness harness = Harness.withRetry(new RetrySettings(30, Duration.ofMillis(10), Duration.ofMillis(10), 1.0,
                0.5));

        assertThatThrownBy(() -> harness.policies.executeTask("llm", Phase.ANALYZE, "t", () -> {
            throw AgentException.transientFailure("rate limited", Duration.ofMillis(300));
        })).isInstanceOf(TaskFailureException.class);

        assertThat(harness.scheduler.retryDelaysMillis()).hasSize(29).allSatisfy(d -> assertThat(d)
                .isGreaterThanOrEqualTo(300L));
    }

    @Test
    void aNonDoublingMultiplierIsHonoured() {
        Harness harness = Harness.withRetry(Harness.exactRetry(5, 100, 1000, 3.0));

        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.DESIGN, "t", () -> {
            throw new IOException("down");
        })).isInstanceOf(TaskFailureException.class);

        assertThat(harness.scheduler.retryDelaysMillis()).containsExactly(100L, 300L, 900L, 1000L);
    }

    @Test
    void aMultiplierOfOneGivesAFixedDelay() {
        Harness harness = Harness.withRetry(Harness.exactRetry(4, 250, 250, 1.0));

        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.DESIGN, "t", () -> {
            throw new IOException("down");
        })).isInstanceOf(TaskFailureException.class);

        assertThat(harness.scheduler.retryDelaysMillis()).containsExactly(250L, 250L, 250L);
    }

    @Test
    void theDefaultsWaitOneHundredTwoHundredFourHundredThenEightHundredMillisBeforeJitter() {
        RetrySettings noJitter = RetrySettings.defaults().withJitter(0.0);
        Harness harness = Harness.withRetry(noJitter);

        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.GENERATE, "t", () -> {
            throw new IOException("down");
        })).isInstanceOf(TaskFailureException.class);

        assertThat(harness.scheduler.retryDelaysMillis()).containsExactly(100L, 200L, 400L, 800L);
    }

    @Test
    void retryScheduledEventsNameTheNextAttemptTheDelayAndTheCause() {
        Harness harness = Harness.withRetry(Harness.exactRetry(3, 100, 2000, 2.0));

        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.ANALYZE, "analyze-1", () -> {
            throw new IOException("connection refused");
        })).isInstanceOf(TaskFailureException.class);

        List<RetryScheduled> retries = harness.events(RetryScheduled.class);
        assertThat(retries).hasSize(2);
        assertThat(retries.get(0)).satisfies(event -> {
            assertThat(event.buildId()).isEqualTo("b-test");
            assertThat(event.phase()).isEqualTo(Phase.ANALYZE);
            assertThat(event.task()).isEqualTo("analyze-1");
            assertThat(event.attempt()).isEqualTo(2);
            assertThat(event.maxAttempts()).isEqualTo(3);
            assertThat(event.delayMillis()).isEqualTo(100);
            assertThat(event.cause()).isEqualTo("IOException: connection refused");
            assertThat(event.time()).isEqualTo(Harness.START);
        });
        assertThat(retries.get(1).attempt()).isEqualTo(3);
        assertThat(retries.get(1).delayMillis()).isEqualTo(200);
        // the fake scheduler advanced virtual time by the first delay before the second attempt ran
        assertThat(retries.get(1).time()).isEqualTo(Harness.START.plusMillis(100));
    }

    @Test
    void aTaskThatRecoversReturnsTheValueOfTheSuccessfulAttempt() throws Exception {
        Harness harness = Harness.withRetry(Harness.exactRetry(3, 100, 2000, 2.0));
        AtomicInteger calls = new AtomicInteger();

        String result = harness.policies.executeTask("simple", Phase.GENERATE, "t", () -> {
            if (calls.incrementAndGet() < 3) {
                throw AgentException.transientFailure("rate limited");
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(3);
        assertThat(harness.policies.retries()).isEqualTo(2);
        assertThat(harness.scheduler.retryDelaysMillis()).containsExactly(100L, 200L);
    }

    @Test
    void aSuccessfulFirstAttemptSchedulesNoRetryAndMayReturnNull() throws Exception {
        Harness harness = Harness.withRetry(RetrySettings.defaults());

        Object result = harness.policies.executeTask("simple", Phase.GENERATE, "t", () -> null);

        assertThat(result).isNull();
        assertThat(harness.scheduler.retryDelaysMillis()).isEmpty();
        assertThat(harness.events(RetryScheduled.class)).isEmpty();
        assertThat(harness.policies.retries()).isZero();
    }

    @Test
    void retryNoneTriesOnce() {
        Harness harness = Harness.withRetry(RetrySettings.none());
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.GENERATE, "t", () -> {
            calls.incrementAndGet();
            throw new IOException("down");
        })).isInstanceOfSatisfying(TaskFailureException.class,
                failure -> assertThat(failure.attempts()).isEqualTo(1));

        assertThat(calls).hasValue(1);
    }

    @Test
    void jitterStaysWithinItsFractionOfEachDelayAndVaries() {
        RetrySettings jittery = new RetrySettings(4, Duration.ofMillis(100), Duration.ofMillis(400), 2.0, 0.25);
        Harness harness = Harness.withRetry(jittery);
        int tasks = 40;

        for (int i = 0; i < tasks; i++) {
            assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.GENERATE, "t", () -> {
                throw new IOException("down");
            })).isInstanceOf(TaskFailureException.class);
        }

        List<Long> delays = harness.scheduler.retryDelaysMillis();
        assertThat(delays).hasSize(tasks * 3);
        List<Long> first = new ArrayList<>();
        Set<Long> distinct = new HashSet<>();
        for (int i = 0; i < delays.size(); i += 3) {
            first.add(delays.get(i));
            assertThat(delays.get(i)).isBetween(75L, 125L);
            assertThat(delays.get(i + 1)).isBetween(150L, 250L);
            assertThat(delays.get(i + 2)).isBetween(300L, 500L);
            distinct.add(delays.get(i));
        }
        assertThat(distinct).as("jitter must vary the delays, got %s", first).hasSizeGreaterThan(5);
    }

    @Test
    void anEventListenerThatThrowsDoesNotFailTheTask() throws Exception {
        MutableClock clock = new MutableClock(Harness.START);
        RecordingScheduler scheduler = new RecordingScheduler(clock);
        ResiliencePolicies policies = new ResiliencePolicies(Harness.exactRetry(2, 100, 200, 2.0),
                Harness.lenientCircuit(), TimeoutSettings.defaults(),
                FaultInjection.none(), clock, scheduler, event -> {
                    throw new IllegalStateException("listener bug");
                }, "b-1");
        AtomicInteger calls = new AtomicInteger();

        String result = policies.executeTask("simple", Phase.GENERATE, "t", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IOException("flaky");
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(policies.retries()).isEqualTo(1);
    }
}

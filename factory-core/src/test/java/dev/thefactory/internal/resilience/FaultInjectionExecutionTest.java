package dev.thefactory.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.CircuitBreakerSettings;
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.Phase;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.TimeoutSettings;
import dev.thefactory.api.event.RetryScheduled;
import dev.thefactory.api.event.TaskFailed;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FaultInjectionExecutionTest {

    private static final List<String> TASKS = IntStream.range(0, 30).mapToObj(i -> "task-" + i).toList();

    private static Harness harness(String faults) {
        return new Harness(Harness.exactRetry(3, 10, 100, 2.0), Harness.lenientCircuit(), TimeoutSettings.defaults(),
                FaultInjection.parse(faults));
    }

    /**
     * @return task → "attempts:outcome", running the tasks in the given order on the given number of threads; the
     *         attempts are counted from the RetryScheduled events, since an injected fault replaces the attempt
     */
    private static Map<String, String> run(Harness harness, List<String> order, int threads) throws Exception {
        Map<String, String> outcomes = Collections.synchronizedMap(new TreeMap<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String task : order) {
                futures.add(pool.submit(() -> {
                    try {
                        assertThat(harness.policies.executeTask("simple", Phase.GENERATE, task, () -> task))
                                .isEqualTo(task);
                        outcomes.put(task, attempts(harness, task) + ":ok");
                    } catch (TaskFailureException e) {
                        assertThat(e.attempts()).isEqualTo(attempts(harness, task));
                        outcomes.put(task, e.attempts() + ":" + (e.isTransient() ? "transient" : "permanent"));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }

    private static long attempts(Harness harness, String task) {
        return 1 + harness.events(RetryScheduled.class).stream().filter(e -> e.task().equals(task)).count();
    }

    @Test
    void theSameSeedFailsTheSameAttemptsWhateverTheSchedulingAndOrder() throws Exception {
        String faults = "transient-rate=0.4,permanent-rate=0.1,seed=42";
        List<String> reversed = new ArrayList<>(TASKS);
        Collections.reverse(reversed);

        Map<String, String> sequential = run(harness(faults), TASKS, 1);
        Map<String, String> parallelReversed = run(harness(faults), reversed, 4);

        assertThat(parallelReversed).isEqualTo(sequential);
        assertThat(sequential.values()).anyMatch(v -> v.endsWith(":ok"))
                .anyMatch(v -> v.endsWith(":permanent"))
                .anyMatch(v -> v.startsWith("2:") || v.startsWith("3:"));

        Map<String, String> otherSeed = run(harness("transient-rate=0.4,permanent-rate=0.1,seed=43"), TASKS, 1);
        assertThat(otherSeed).isNotEqualTo(sequential);
    }

    @Test
    void anInjectedFaultReplacesTheAttemptWhichIsNotCalled() {
        Harness harness = harness("permanent-rate=1.0");
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.GENERATE, "t", () -> {
            calls.incrementAndGet();
            return "x";
        })).isInstanceOfSatisfying(TaskFailureException.class, e -> {
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.getCause()).hasMessageContaining("Injected permanent fault");
        });
        assertThat(calls).hasValue(0);
        assertThat(harness.events(TaskFailed.class)).singleElement().satisfies(event -> {
            assertThat(event.task()).isEqualTo("t");
            assertThat(event.phase()).isEqualTo(Phase.GENERATE);
            assertThat(event.reason()).startsWith("Injected permanent fault in task 't'");
            assertThat(event.retryable()).isFalse();
        });
    }

    @Test
    void anInjectedTransientFaultIsRetryableUntilTheLastAttempt() throws Exception {
        Harness harness = new Harness(Harness.exactRetry(3, 10, 100, 2.0), Harness.lenientCircuit(),
                TimeoutSettings.defaults(), FaultInjection.parse("fail-backend=simple"));

        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.DESIGN, "d1", () -> "x"))
                .isInstanceOf(TaskFailureException.class);

        // three attempts allowed: the first two are retried, the third is not
        assertThat(harness.events(TaskFailed.class)).extracting(TaskFailed::retryable)
                .containsExactly(true, true, false);
        assertThat(harness.policies.executeTask("minimal", Phase.DESIGN, "d1", () -> "x")).isEqualTo("x");
        assertThat(harness.events(TaskFailed.class)).hasSize(3);
    }

    @Test
    void aFailureIsReportedRetryableOnlyWhenAnotherAttemptFollows() {
        Harness harness = new Harness(Harness.exactRetry(3, 10, 100, 2.0), Harness.lenientCircuit(),
                TimeoutSettings.defaults(), FaultInjection.none());
        List<Boolean> transientFailures = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> permanentFailures = Collections.synchronizedList(new ArrayList<>());

        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.GENERATE, "t", () -> {
            ConnectException failure = new ConnectException("refused");
            transientFailures.add(ResiliencePolicies.willRetry(failure));
            throw failure;
        })).isInstanceOf(TaskFailureException.class);
        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.GENERATE, "p", () -> {
            IllegalStateException failure = new IllegalStateException("a bug");
            permanentFailures.add(ResiliencePolicies.willRetry(failure));
            throw failure;
        })).isInstanceOf(TaskFailureException.class);

        assertThat(transientFailures).containsExactly(true, true, false);
        assertThat(permanentFailures).containsExactly(false);
        // outside an attempt nothing retries
        assertThat(ResiliencePolicies.willRetry(new ConnectException("refused"))).isFalse();
    }

    @Test
    void aFailingBackendExhaustsTheRetriesAndOpensItsCircuit() throws Exception {
        Harness harness = new Harness(Harness.exactRetry(3, 100, 1000, 2.0),
                new CircuitBreakerSettings(5, 10, Duration.ofSeconds(30), 2)
                        .withCounting(CircuitBreakerSettings.Counting.EVERY_ATTEMPT), TimeoutSettings.defaults(),
                FaultInjection.parse("fail-backend=simple"));

        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.ANALYZE, "a1", () -> "x"))
                .isInstanceOfSatisfying(TaskFailureException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.getCause()).isInstanceOf(ConnectException.class);
                });
        assertThat(harness.events(RetryScheduled.class)).extracting(RetryScheduled::delayMillis)
                .containsExactly(100L, 200L);
        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.ANALYZE, "a2", () -> "x"))
                .isInstanceOfSatisfying(TaskFailureException.class, e -> {
                    assertThat(e.isCircuitOpen()).isTrue();
                    assertThat(e.attempts()).isEqualTo(2);
                });
        assertThat(harness.policies.isCircuitOpen("simple")).isTrue();
        assertThat(harness.policies.executeTask("minimal", Phase.ANALYZE, "a1", () -> "fine")).isEqualTo("fine");
    }

    @Test
    void latencyIsAddedBeforeEachAttempt() throws Exception {
        Harness harness = harness("latency=60ms");
        long start = System.nanoTime();

        assertThat(harness.policies.executeTask("simple", Phase.GENERATE, "t", () -> "x")).isEqualTo("x");

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(60L);
    }

    @Test
    void latencyCountsInTheAttemptTimeLimit() {
        Harness harness = new Harness(RetrySettings.none(), Harness.lenientCircuit(),
                TimeoutSettings.defaults().withTaskAttempt(Duration.ofMillis(100)), FaultInjection.parse("latency=5s"),
                Duration.ofMillis(50));

        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.GENERATE, "t", () -> "x"))
                .isInstanceOfSatisfying(TaskFailureException.class,
                        e -> assertThat(e.getCause()).isInstanceOf(AttemptTimeoutException.class));
    }
}

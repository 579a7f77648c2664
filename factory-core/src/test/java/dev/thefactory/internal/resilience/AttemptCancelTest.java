package dev.thefactory.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An attempt whose caller stopped waiting (the build was stopped) is not described as timed out when its late
 * result arrives: its time limit (60 s here) is never reached, the stop was asked for.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AttemptCancelTest {

    @Test
    void theLateResultOfACancelledAttemptIsDiscardedAsStoppedNotAsTimedOut() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (AttemptPool pool = new AttemptPool()) {
            AttemptRunner.Attempt<String> attempt = AttemptRunner.start(pool, () -> {
                started.countDown();
                while (true) {
                    try {
                        release.await(); // an agent that ignores the interrupt
                        return "late";
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                    }
                }
            }, Duration.ofMinutes(1), Duration.ofMillis(50), "task 'generate/code' attempt 1 on backend 'simple'",
                    "[build b-1]");
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            attempt.cancel();

            assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the cancel interrupted the attempt").isTrue();
            Throwable outcome = catchThrowable(() -> attempt.outcome().get());
            assertThat(outcome).isInstanceOf(CancellationException.class);
            assertThat(attempt.discarded()).isNotDone();
            release.countDown();
            String line = attempt.discarded().get(10, TimeUnit.SECONDS);
            assertThat(line).contains("[build b-1]", "discarded the late result", "task 'generate/code'",
                    "because the build was stopped").doesNotContain("time limit", "60000");
        }
    }

    @Test
    void theLateResultOfAnAttemptAbandonedPastItsLimitStillNamesTheLimit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (AttemptPool pool = new AttemptPool()) {
            AttemptRunner.Attempt<String> attempt = AttemptRunner.start(pool, () -> {
                while (true) {
                    try {
                        release.await();
                        return "late";
                    } catch (InterruptedException e) {
                        // ignored, as a badly written agent would
                    }
                }
            }, Duration.ofMillis(100), Duration.ofMillis(20), "task 'x' attempt 1 on backend 'simple'", "[build b-2]");

            Throwable outcome = catchThrowable(() -> attempt.outcome().get(10, TimeUnit.SECONDS));
            assertThat(outcome).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(AttemptTimeoutException.class);
            release.countDown();
            assertThat(attempt.discarded().get(10, TimeUnit.SECONDS)).contains("abandoned after its time limit of 100 ms");
        }
    }
}

package dev.thefactory.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The watchdog on an injected monotonic ticker: exact, and independent of any wall clock. */
class WatchdogTest {

    private final AtomicLong ticker = new AtomicLong(-5_000_000_000L); // nanoTime may be negative
    private final List<Watchdog.Alarm> alarms = new ArrayList<>();

    private Watchdog watchdog(Duration stallLimit) {
        ScheduledExecutorService scheduler = mock(ScheduledExecutorService.class);
        when(scheduler.scheduleAtFixedRate(any(), anyLong(), anyLong(), any()))
                .thenAnswer(call -> mock(ScheduledFuture.class));
        return new Watchdog("b-1", ticker::get, stallLimit, scheduler, Duration.ofSeconds(1));
    }

    private void advance(Duration amount) {
        ticker.addAndGet(amount.toNanos());
    }

    @Test
    void theBuildDeadlineCountsFromTheWatchdogsCreation() {
        Watchdog watchdog = watchdog(Duration.ofMinutes(10));
        advance(Duration.ofSeconds(50));
        watchdog.arm(alarms::add, Duration.ofSeconds(30), Duration.ofMinutes(1));
        advance(Duration.ofSeconds(9));
        watchdog.check();
        assertThat(alarms).isEmpty();

        advance(Duration.ofSeconds(1));
        watchdog.check();

        assertThat(alarms).singleElement().satisfies(alarm -> {
            assertThat(alarm.kind()).isEqualTo(Watchdog.Kind.BUILD_DEADLINE);
            assertThat(alarm.message()).contains("time limit of 60000 ms (TimeoutSettings.build)");
        });
    }

    @Test
    void thePhaseDeadlineCountsFromArm() {
        Watchdog watchdog = watchdog(Duration.ofMinutes(10));
        watchdog.arm(alarms::add, Duration.ofSeconds(30), Duration.ofHours(1));
        advance(Duration.ofSeconds(29));
        watchdog.touch();
        watchdog.check();
        assertThat(alarms).isEmpty();

        advance(Duration.ofSeconds(1));
        watchdog.check();

        assertThat(alarms).extracting(Watchdog.Alarm::kind).containsExactly(Watchdog.Kind.PHASE_DEADLINE);
    }

    @Test
    void aStallIsMeasuredFromTheLastProgress() {
        Watchdog watchdog = watchdog(Duration.ofSeconds(10));
        watchdog.arm(alarms::add, Duration.ofHours(1), Duration.ofHours(2));
        advance(Duration.ofSeconds(8));
        watchdog.touch();
        advance(Duration.ofSeconds(10));
        watchdog.check();
        assertThat(alarms).isEmpty();

        advance(Duration.ofMillis(1));
        watchdog.check();
        watchdog.check();

        assertThat(alarms).singleElement().satisfies(alarm -> {
            assertThat(alarm.kind()).isEqualTo(Watchdog.Kind.STALLED);
            assertThat(alarm.message()).contains("no task made progress for 10001 ms", "watchdog limit of 10000 ms");
        });
    }

    @Test
    void anAbsurdLimitIsRefusedWithItsNameAndTheMaximum() {
        assertThatThrownBy(() -> watchdog(Duration.ofDays(200_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stallLimit must be at most 365 days (PT8760H) but was PT4800000H");
        Watchdog watchdog = watchdog(Duration.ofSeconds(1));
        assertThatThrownBy(() -> watchdog.arm(alarms::add, Duration.ofSeconds(1), Duration.ofDays(366)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("buildLimit must be at most 365 days");
    }
}

package dev.thefactory.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.Phase;
import dev.thefactory.internal.resilience.MutableClock;
import dev.thefactory.spi.PatternStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Percent and ETA under a fake clock: exact, no sleeps. */
class ProgressTrackerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void withoutExperienceTheEtaIsUnknownUntilSomethingFinishesThenFollowsTheMeasuredRate() {
        ProgressTracker tracker = new ProgressTracker(clock, 10);
        assertThat(tracker.etaMillis()).isEqualTo(-1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(tracker.advance(2)).isEqualTo(20.0);

        // 2 s for 2 of 10: 8 s left
        assertThat(tracker.etaMillis()).isEqualTo(8_000);
    }

    @Test
    void experienceGivesAnEtaFromTheStartAndTheMeasuredRateTakesOverAsTheBuildAdvances() {
        ProgressTracker tracker = new ProgressTracker(clock, 10, EngineConfig.NO_PATTERNS, 20_000);
        assertThat(tracker.etaMillis()).isEqualTo(20_000);

        clock.advance(Duration.ofSeconds(5));
        tracker.advance(5);
        // measured: 5 s for half, 5 s left; prior: 20 s - 5 s = 15 s left; blended half and half
        assertThat(tracker.etaMillis()).isEqualTo(10_000);

        clock.advance(Duration.ofSeconds(4));
        tracker.advance(4);
        // measured: 9 s for 9 of 10, 1 s left; prior: 11 s left; 0.9 * 1000 + 0.1 * 11000
        assertThat(tracker.etaMillis()).isEqualTo(2_000);
    }

    @Test
    void percentNeverDecreasesAcrossAFallbackAndEndsAtOneHundred() {
        ProgressTracker tracker = new ProgressTracker(clock, 10);
        List<Double> seen = new ArrayList<>();
        seen.add(tracker.advance(3));
        tracker.restart(9);
        seen.add(tracker.percent());
        seen.add(tracker.advance(4.5));
        seen.add(tracker.advance(10));
        tracker.finish();
        seen.add(tracker.percent());

        assertThat(seen).isSorted().endsWith(100.0);
        assertThat(seen.get(2)).isEqualTo(30.0 + 70.0 * 0.5);
        assertThat(tracker.etaMillis()).isZero();
    }

    @Test
    void finishedTasksAreTaughtToThePatternStore() {
        List<String> recorded = new ArrayList<>();
        PatternStore store = new PatternStore() {
            @Override
            public void record(Phase phase, AgentRole role, Duration duration) {
                recorded.add(phase + "/" + role + "=" + duration.toMillis());
            }

            @Override
            public Optional<Duration> estimate(Phase phase, AgentRole role) {
                return Optional.empty();
            }
        };
        ProgressTracker tracker = new ProgressTracker(clock, 10, store, 0);

        tracker.learn(Phase.GENERATE, AgentRole.DEVELOPER, 120);
        tracker.learn(Phase.DESIGN, AgentRole.ARCHITECT, -3);

        assertThat(recorded).containsExactly("GENERATE/DEVELOPER=120", "DESIGN/ARCHITECT=0");
    }

    @Test
    void aPatternStoreThatThrowsIsIgnored() {
        PatternStore broken = new PatternStore() {
            @Override
            public void record(Phase phase, AgentRole role, Duration duration) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public Optional<Duration> estimate(Phase phase, AgentRole role) {
                return Optional.empty();
            }
        };
        ProgressTracker tracker = new ProgressTracker(clock, 10, broken, 0);
        tracker.learn(Phase.GENERATE, AgentRole.TESTER, 5);
        assertThat(tracker.advance(10)).isEqualTo(100.0);
    }
}

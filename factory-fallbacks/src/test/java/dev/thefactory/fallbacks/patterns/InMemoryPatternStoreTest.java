package dev.thefactory.fallbacks.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.Phase;
import dev.thefactory.spi.PatternStore;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InMemoryPatternStoreTest {

    private final InMemoryPatternStore store = new InMemoryPatternStore(false);

    @Test
    void knowsNothingUntilItHasSeenATaskOfThatPhaseAndRole() {
        store.record(Phase.GENERATE, AgentRole.DEVELOPER, Duration.ofMillis(100));

        assertThat(store.estimate(Phase.GENERATE, AgentRole.TESTER)).isEmpty();
        assertThat(store.estimate(Phase.DESIGN, AgentRole.DEVELOPER)).isEmpty();
        assertThat(store.estimate(Phase.GENERATE, AgentRole.DEVELOPER)).contains(Duration.ofMillis(100));
    }

    @Test
    void theEstimateIsAnExponentiallyWeightedMovingAverage() {
        store.record(Phase.GENERATE, AgentRole.DEVELOPER, Duration.ofMillis(100));
        store.record(Phase.GENERATE, AgentRole.DEVELOPER, Duration.ofMillis(200));

        // 100 + 0.3 * (200 - 100)
        assertThat(store.estimate(Phase.GENERATE, AgentRole.DEVELOPER)).contains(Duration.ofMillis(130));
        assertThat(store.samples(Phase.GENERATE, AgentRole.DEVELOPER)).isEqualTo(2);
    }

    @Test
    void estimatesConvergeOnAStableDuration() {
        store.record(Phase.DESIGN, AgentRole.ARCHITECT, Duration.ofSeconds(10));
        IntStream.range(0, 40).forEach(i -> store.record(Phase.DESIGN, AgentRole.ARCHITECT, Duration.ofMillis(50)));

        assertThat(store.estimate(Phase.DESIGN, AgentRole.ARCHITECT).orElseThrow())
                .isBetween(Duration.ofMillis(50), Duration.ofMillis(51));
    }

    @Test
    void negativeDurationsAreIgnored() {
        store.record(Phase.GENERATE, AgentRole.BUILDER, Duration.ofMillis(-5));
        assertThat(store.estimate(Phase.GENERATE, AgentRole.BUILDER)).isEmpty();
    }

    @Test
    void concurrentRecordsAreAllCounted() {
        IntStream.range(0, 10_000).parallel()
                .forEach(i -> store.record(Phase.GENERATE, AgentRole.TESTER, Duration.ofMillis(7)));

        assertThat(store.samples(Phase.GENERATE, AgentRole.TESTER)).isEqualTo(10_000);
        assertThat(store.estimate(Phase.GENERATE, AgentRole.TESTER)).contains(Duration.ofMillis(7));
    }

    @Test
    void instancesFromTheServiceLoaderLearnApartSoEachFactoryHasItsOwn() {
        PatternStore first = ServiceLoader.load(PatternStore.class).findFirst().orElseThrow();
        PatternStore second = ServiceLoader.load(PatternStore.class).findFirst().orElseThrow();
        assertThat(first).isNotSameAs(second);

        first.record(Phase.STRUCTURE, AgentRole.REVIEWER, Duration.ofMillis(42));

        assertThat(first.estimate(Phase.STRUCTURE, AgentRole.REVIEWER)).contains(Duration.ofMillis(42));
        assertThat(second.estimate(Phase.STRUCTURE, AgentRole.REVIEWER)).isEmpty();
    }

    @Test
    void sharedStoresLearnTogether() {
        InMemoryPatternStore first = InMemoryPatternStore.shared();
        InMemoryPatternStore second = InMemoryPatternStore.shared();

        first.record(Phase.STRUCTURE, AgentRole.TESTER, Duration.ofMillis(42));

        assertThat(second.estimate(Phase.STRUCTURE, AgentRole.TESTER)).isPresent();
        assertThat(store.estimate(Phase.STRUCTURE, AgentRole.TESTER)).isEmpty();
    }
}

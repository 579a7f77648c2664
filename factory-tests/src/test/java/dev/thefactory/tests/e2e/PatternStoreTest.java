package dev.thefactory.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.ProgressUpdated;
import dev.thefactory.fallbacks.patterns.InMemoryPatternStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds teach the pattern store their task durations, and the next build's progress starts from them. */
class PatternStoreTest {

    @TempDir
    Path tmp;

    @Test
    void aBuildTeachesTheStoreAndTheNextBuildHasAnEtaFromItsFirstProgressEvent() {
        InMemoryPatternStore store = new InMemoryPatternStore(false);
        List<BuildEvent> first = Builds.events();
        Builds.builder(Builds.spec("example_todo_app.md"), Mode.STANDALONE, tmp.resolve("a"), first)
                .patternStore(store).build().run();

        assertThat(store.samples(Phase.ANALYZE, AgentRole.ARCHITECT)).isEqualTo(1);
        assertThat(store.samples(Phase.GENERATE, AgentRole.DEVELOPER)).isPositive();
        assertThat(store.estimate(Phase.GENERATE, AgentRole.TESTER)).isPresent();

        List<BuildEvent> second = Builds.events();
        BuildResult result = Builds.builder(Builds.spec("example_todo_app.md"), Mode.STANDALONE, tmp.resolve("b"),
                second).patternStore(store).build().run();
        assertThat(result.outputDirectory()).isDirectory();

        List<ProgressUpdated> progress = second.stream().filter(ProgressUpdated.class::isInstance)
                .map(ProgressUpdated.class::cast).toList();
        assertThat(progress).isNotEmpty();
        assertThat(progress).extracting(ProgressUpdated::etaMillis).allMatch(eta -> eta >= 0);
        assertThat(progress).extracting(ProgressUpdated::percent).isSorted().last().isEqualTo(100.0);
        assertThat(store.samples(Phase.ANALYZE, AgentRole.ARCHITECT)).isEqualTo(2);
    }
}

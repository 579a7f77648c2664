package dev.thefactory.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.CircuitState;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.event.BuildStarted;
import dev.thefactory.api.event.CheckpointSaved;
import dev.thefactory.api.event.CircuitStateChanged;
import dev.thefactory.api.event.FallbackTriggered;
import dev.thefactory.api.event.ProgressUpdated;
import dev.thefactory.api.RepairRecord;
import dev.thefactory.api.event.RepairRoundFinished;
import dev.thefactory.api.event.RetryScheduled;
import dev.thefactory.api.event.TaskFailed;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleReporterTest {

    private static final Instant T = Instant.EPOCH;

    private final StringWriter text = new StringWriter();
    private final ConsoleReporter reporter = ConsoleReporter.withProgressLines(new PrintWriter(text));

    private List<String> lines() {
        return Arrays.asList(text.toString().split("\\R"));
    }

    @Test
    void printsRecoveryMessagesInTheDocumentedForm() {
        reporter.onEvent(new TaskFailed("b", T, Phase.GENERATE, "generate/code", "connection refused", true));
        reporter.onEvent(new RetryScheduled("b", T, Phase.GENERATE, "generate/code", 2, 3, 200, "connection refused"));
        reporter.onEvent(new CircuitStateChanged("b", T, "simple", CircuitState.CLOSED, CircuitState.OPEN));
        reporter.onEvent(new FallbackTriggered("b", T, Phase.GENERATE, "simple", "minimal", "circuit open"));
        reporter.onEvent(new RepairRoundFinished("b", T, "llm", 1, 2, 3, 1, 0, RepairRecord.Outcome.REPAIRED));
        reporter.onEvent(new RepairRoundFinished("b", T, "llm", 2, 2, 4, 2, 1, RepairRecord.Outcome.STILL_FAILING));

        assertThat(lines()).containsExactly(
                "Error detected: connection refused (task generate/code)",
                "Retrying (attempt 2/3) in 200 ms… (task generate/code)",
                "Circuit simple: CLOSED -> OPEN",
                "Fallback to minimal: circuit open (phase GENERATE, from simple)",
                "Repair round 1/2 on llm: 3 diagnostic(s), 1 file(s) replaced, the output passes validation",
                "Repair round 2/2 on llm: 4 diagnostic(s), 2 file(s) replaced, 1 problem(s) left");
    }

    @Test
    void progressLinesAppearAtMostOncePerPhaseAndTenPercent() {
        for (int i = 0; i <= 60; i++) {
            reporter.onEvent(new ProgressUpdated("b", T, Phase.DESIGN, i / 2.0, 3_000));
        }
        reporter.onEvent(new ProgressUpdated("b", T, Phase.GENERATE, 30.5, 65_000));
        reporter.onEvent(new ProgressUpdated("b", T, Phase.GENERATE, 42, -1));
        reporter.onEvent(new ProgressUpdated("b", T, Phase.GENERATE, 100, 0));

        assertThat(lines()).containsExactly(
                "[  0%] DESIGN … ETA 3s",
                "[ 10%] DESIGN … ETA 3s",
                "[ 20%] DESIGN … ETA 3s",
                "[ 30%] DESIGN … ETA 3s",
                "[ 30%] GENERATE … ETA 1m 05s",
                "[ 42%] GENERATE … ETA ?",
                "[100%] GENERATE … ETA 0s");
    }

    @Test
    void remembersTheBuildIdAndIgnoresEventsItDoesNotShow() {
        reporter.onEvent(new BuildStarted("b-7", T, "Todo", Mode.AUTO, null));
        reporter.onEvent(new CheckpointSaved("b-7", T, Phase.ANALYZE, null, 1));

        assertThat(reporter.buildId()).isEqualTo("b-7");
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void formatsEstimates() {
        assertThat(ConsoleReporter.eta(-1)).isEqualTo("?");
        assertThat(ConsoleReporter.eta(0)).isEqualTo("0s");
        assertThat(ConsoleReporter.eta(1)).isEqualTo("1s");
        assertThat(ConsoleReporter.eta(59_000)).isEqualTo("59s");
        assertThat(ConsoleReporter.eta(60_000)).isEqualTo("1m 00s");
        assertThat(ConsoleReporter.eta(3_725_000)).isEqualTo("62m 05s");
    }
}

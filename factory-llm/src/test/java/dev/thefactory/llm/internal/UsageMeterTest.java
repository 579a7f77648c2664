package dev.thefactory.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The build's token count: reservations, the budget's refusal, and the usage a resumed build carries over. */
class UsageMeterTest {

    @Test
    void callsInFlightReserveTheirShareSoThatTogetherTheyCannotCrossTheBudget() {
        UsageMeter meter = new UsageMeter(OptionalLong.of(1000), "FACTORY_LLM_MAX_TOKENS");
        long first = meter.reserve("a", 200, 300);
        long second = meter.reserve("b", 200, 300);
        assertThatThrownBy(() -> meter.reserve("c", 200, 300))
                .hasMessageContaining("1000 more are reserved by calls in flight")
                .hasMessageContaining("more than the 0 left");
        meter.release(first);
        meter.record("a", new Usage(150, 100, 1));
        // 250 spent + 500 still reserved by b: 250 left
        assertThatThrownBy(() -> meter.reserve("c", 200, 300)).hasMessageContaining("spent 250 of its 1000 tokens")
                .hasMessageContaining("more than the 250 left");
        meter.release(second);
        assertThat(meter.reserve("c", 200, 300)).isEqualTo(500);
        assertThat(meter.total()).isEqualTo(new Usage(150, 100, 1));
    }

    @Test
    void aResumedBuildCountsTheUsageItsEarlierRunRecordedOnce() {
        UsageMeter meter = new UsageMeter(OptionalLong.empty(), "FACTORY_LLM_MAX_TOKENS");
        meter.record("structure", new Usage(1, 1, 1));
        Map<String, String> facts = Map.of(
                "llm.usage.analyze", new Usage(1000, 500, 2).toJson(),
                "llm.usage.structure", new Usage(7, 7, 7).toJson(),
                "llm.plan", "{}",
                "llm.usage.broken", "not json");
        meter.carryOver(facts, "llm.usage.");
        meter.carryOver(facts, "llm.usage.");

        assertThat(meter.task("analyze")).isEqualTo(new Usage(1000, 500, 2));
        assertThat(meter.task("structure")).as("already counted by this run").isEqualTo(new Usage(1, 1, 1));
        assertThat(meter.total()).isEqualTo(new Usage(1001, 501, 3));
    }

    @Test
    void usageOfTasksThatReturnedNoResultIsUnsettledAndNeverCountedTwice() {
        UsageMeter meter = new UsageMeter(OptionalLong.empty(), "FACTORY_LLM_MAX_TOKENS");
        meter.record("analyze", new Usage(10, 5, 1));
        meter.record("analyze", new Usage(20, 5, 1)); // a retry of the same task
        meter.record("generate/code", new Usage(100, 50, 1));
        meter.record("generate/code", new Usage(100, 50, 1));
        meter.carryOver(Map.of("llm.usage.design", new Usage(3, 3, 1).toJson()), "llm.usage.");

        assertThat(meter.settle("analyze")).as("a result reports every attempt of its task")
                .isEqualTo(new Usage(30, 10, 2));
        assertThat(meter.unsettled()).as("generate/code failed for good; design was reported by the earlier run")
                .isEqualTo(new Usage(200, 100, 2));
        assertThat(meter.total()).isEqualTo(new Usage(233, 113, 5));
    }
}

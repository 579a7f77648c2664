package dev.thefactory.fallbacks.internal.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the generate agents group entities when fewer children are allowed. */
class GenerateAgentTest {

    @Test
    void partitionsIntoConsecutiveGroupsOfNearlyEqualSize() {
        List<String> items = List.of("A", "B", "C", "D", "E");
        assertThat(GenerateAgent.partition(items, 2)).containsExactly(List.of("A", "B", "C"), List.of("D", "E"));
        assertThat(GenerateAgent.partition(items, 5)).hasSize(5).allMatch(g -> g.size() == 1);
        assertThat(GenerateAgent.partition(items, 1)).containsExactly(items);
        assertThat(GenerateAgent.partition(items, 3)).containsExactly(List.of("A", "B"), List.of("C", "D"),
                List.of("E"));
    }
}

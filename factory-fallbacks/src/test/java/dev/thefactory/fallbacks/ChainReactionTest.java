package dev.thefactory.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.ProjectType;
import dev.thefactory.spi.StandardTasks;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The generate tasks spawn children per entity, never more than allowed, and the output does not depend on it. */
class ChainReactionTest {

    @Test
    void generateCodeAndTestsSpawnOneChildPerEntityWhenAllowed() throws Exception {
        CoreDriver.Build build = CoreDriver.build(Specs.inventory(ProjectType.API_SERVICE), task -> 10);
        assertThat(build.taskIds()).contains("generate/code/entity-product", "generate/code/entity-supplier",
                "generate/code/entity-order", "generate/tests/entity-product", "generate/tests/entity-order");
        assertThat(build.taskIds()).noneMatch(id -> id.startsWith(StandardTasks.GENERATE_DOCS + "/")
                || id.startsWith(StandardTasks.GENERATE_BUILD + "/"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void fewerAllowedChildrenAreGroupedAndGiveTheSameFiles(int max) throws Exception {
        CoreDriver.Build unlimited = CoreDriver.build(Specs.inventory(ProjectType.CLI_TOOL), task -> 10);
        CoreDriver.Build limited = CoreDriver.build(Specs.inventory(ProjectType.CLI_TOOL), task -> max);
        assertThat(limited.files()).isEqualTo(unlimited.files());
        long codeChildren = limited.taskIds().stream().filter(id -> id.startsWith("generate/code/")).count();
        assertThat(codeChildren).isEqualTo(max);
        if (max == 0) {
            assertThat(limited.notes()).anyMatch(n -> n.contains("generate/code wrote the files of 3 entities itself"));
        } else {
            assertThat(limited.notes()).anyMatch(n -> n.contains("generate/code grouped 3 entities into " + max));
        }
    }

    @Test
    void childrenOfChildrenAreNeverRequested() throws Exception {
        CoreDriver.Build build = CoreDriver.build(Specs.inventory(ProjectType.LIBRARY), task -> 10);
        assertThat(build.taskIds()).allMatch(id -> id.chars().filter(c -> c == '/').count() <= 2);
        assertThat(build.taskIds()).filteredOn(id -> id.startsWith("generate/"))
                .containsAll(List.of("generate/build", "generate/code", "generate/tests", "generate/docs"));
    }
}

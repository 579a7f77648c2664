package dev.thefactory.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.ProjectType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same spec gives the same files, byte for byte. */
class DeterminismTest {

    @ParameterizedTest
    @EnumSource(ProjectType.class)
    void generatingTwiceGivesIdenticalBytes(ProjectType type) throws Exception {
        CoreDriver.Build first = CoreDriver.build(Specs.inventory(type));
        CoreDriver.Build second = CoreDriver.build(Specs.inventory(type));
        assertThat(second.planned()).isEqualTo(first.planned());
        assertThat(second.files().keySet()).isEqualTo(first.files().keySet());
        for (String path : first.files().keySet()) {
            assertThat(second.files().get(path).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .as(path).isEqualTo(first.files().get(path).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(second.facts()).isEqualTo(first.facts());
        assertThat(second.notes()).isEqualTo(first.notes());
    }
}

package dev.thefactory.internal.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutputQuotasTest {

    @Test
    void defaults() {
        assertThat(OutputQuotas.defaults()).isEqualTo(new OutputQuotas(5_000, 64L << 20, 4L << 20, 20));
    }

    @Test
    void everyLimitMustBePositive() {
        assertThatThrownBy(() -> new OutputQuotas(0, 10, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxFiles must be >= 1 but was 0");
        assertThatThrownBy(() -> new OutputQuotas(1, 0, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxTotalBytes must be >= 1 but was 0");
        assertThatThrownBy(() -> new OutputQuotas(1, 10, -1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxFileBytes must be >= 1 but was -1");
        assertThatThrownBy(() -> new OutputQuotas(1, 10, 10, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxDepth must be >= 1 but was 0");
    }

    @Test
    void aFileCannotBeAllowedMoreThanTheTotal() {
        assertThatThrownBy(() -> new OutputQuotas(1, 10, 11, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxFileBytes (11) must be <= maxTotalBytes (10)");
        assertThat(new OutputQuotas(1, 10, 10, 1).maxFileBytes()).isEqualTo(10);
    }
}

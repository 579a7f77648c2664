package dev.thefactory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelTest {

    @ParameterizedTest
    @ValueSource(strings = {"web_app", "web-app", "WEB_APP", "Web App", "  web_app  "})
    void projectTypeAcceptsEverySpellingUsersWrite(String spelling) {
        assertThat(ProjectType.fromId(spelling)).isEqualTo(ProjectType.WEB_APP);
    }

    @Test
    void unknownIdNamesTheValueAndTheValidOnes() {
        assertThatThrownBy(() -> ProjectType.fromId("webapp"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("type must be one of web_app, api_service, cli_tool, library, data_pipeline, ai_system, "
                        + "custom but was 'webapp'");
        assertThat(Complexity.find(null)).isEmpty();
        assertThat(Complexity.find("EXTREME")).contains(Complexity.EXTREME);
        assertThat(Mode.validIds()).isEqualTo("auto, integrated, standalone, minimal");
    }

    @Test
    void idsAreLowerCase() {
        assertThat(Phase.VALIDATE_SPEC.id()).isEqualTo("validate_spec");
        assertThat(AgentRole.DOCUMENTER.id()).isEqualTo("documenter");
    }

    @Test
    void specNormalizesNullsAndCopiesCollections() {
        List<String> objectives = new java.util.ArrayList<>(List.of("a"));
        ProjectSpec spec = new ProjectSpec("n", null, ProjectType.LIBRARY, null, objectives, null, null, null,
                null, null, null, null);
        objectives.add("b");
        assertThat(spec.objectives()).containsExactly("a");
        assertThat(spec.description()).isEmpty();
        assertThat(spec.features()).isEqualTo(Features.NONE);
        assertThat(spec.extras()).isEmpty();
        assertThatThrownBy(() -> spec.objectives().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void builderRoundTripsThroughToBuilder() {
        ProjectSpec spec = ProjectSpec.builder("Todo", ProjectType.WEB_APP)
                .complexity(Complexity.MODERATE)
                .features(List.of("Add tasks"), List.of("Priorities"))
                .extras(Map.of("Notes", List.of("x")))
                .build();
        assertThat(spec.toBuilder().build()).isEqualTo(spec);
        assertThat(spec.features().all()).containsExactly("Add tasks", "Priorities");
        assertThatThrownBy(() -> ProjectSpec.builder("x", ProjectType.CUSTOM).complexity(null))
                .isInstanceOf(NullPointerException.class).hasMessage("complexity");
    }

    @Test
    void violationFormatsFieldMessageLineAndVisibleValue() {
        var v = new SpecValidationException.Violation("name", "must not contain control characters", "a\0b", 3);
        assertThat(v.format()).isEqualTo("name: must not contain control characters (line 3, was 'a\\u0000b')");
        assertThat(SpecValidationException.Violation.of("type", "must not be null").format())
                .isEqualTo("type: must not be null");
        String longValue = "x".repeat(200);
        assertThat(new SpecValidationException.Violation("d", "m", longValue, 0).invalidValue())
                .hasSize(SpecValidationException.Violation.MAX_VALUE_LENGTH + 1).endsWith("…");
    }

    @Test
    void specValidationExceptionListsEveryViolationAndOffersRecovery() {
        var e = new SpecValidationException("app.md", List.of(
                SpecValidationException.Violation.of("name", "must not be blank"),
                new SpecValidationException.Violation("type", "must be one of …", "webapp", 4)));
        assertThat(e.getMessage()).contains("Invalid spec app.md (2 problems)")
                .contains("name: must not be blank").contains("type: must be one of … (line 4, was 'webapp')");
        assertThat(e.recoveryOptions()).isNotEmpty().first().asString().contains("app.md");
        assertThatThrownBy(() -> new SpecValidationException("x", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void specLimitsRejectNonsense() {
        assertThat(SpecLimits.defaults().maxBytes()).isEqualTo(1L << 20);
        assertThatThrownBy(() -> SpecLimits.defaults().withMaxBytes(0))
                .hasMessage("maxBytes must be >= 1 but was 0");
    }
}

package dev.thefactory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.spi.RequirementClaim;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequirementLedgerModelTest {

    private static final ProjectSpec SPEC = ProjectSpec.builder("Todo", ProjectType.WEB_APP)
            .features(List.of("Add tasks", "List tasks"), List.of("Filter tasks by status"))
            .techStack(List.of("Build: Maven", "Language: Java 17"))
            .qualityRequirements(List.of("Unit tests for every feature"))
            .architectureHints(List.of("Layered"))
            .technicalPreferences(List.of("No frameworks"))
            .outputExpectations(List.of("A README"))
            .build();

    @Test
    void everyEntryOfEverySectionIsOneRequirementWithAStableId() {
        assertThat(Requirement.of(SPEC)).extracting(Requirement::id).containsExactly("core-1", "core-2",
                "extended-1", "tech-stack-1", "tech-stack-2", "quality-1", "architecture-1", "technical-1",
                "output-1");
        assertThat(Requirement.of(SPEC).get(3)).isEqualTo(new Requirement("tech-stack-1",
                RequirementSection.TECH_STACK, "Build: Maven"));
        assertThat(Requirement.of(SPEC)).isEqualTo(Requirement.of(SPEC.toBuilder().build()));
    }

    @Test
    void theLanguageEntryIsTheOneKeyedLanguageEvenWhenNotFirst() {
        assertThat(Requirement.language(SPEC)).map(Requirement::id).contains("tech-stack-2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            JavaScript (Node.js 20)   | true
            Golang                    | true
            Go 1.22                   | true
            Python 3.12               | true
            TypeScript                | true
            Kotlin                    | true
            Framework: Express        | false
            Database: PostgreSQL      | false
            """)
    void withoutAKeyTheFirstEntryNamingALanguageIsTheLanguage(String entry, boolean language) {
        ProjectSpec spec = SPEC.toBuilder().techStack(List.of("Database: SQLite", entry)).build();
        assertThat(Requirement.language(spec).map(Requirement::text)).isEqualTo(
                language ? java.util.Optional.of(entry) : java.util.Optional.empty());
    }

    @Test
    void corePolicyNeedsEveryCoreFeatureAndTheLanguageAllNeedsEverythingNoneNothing() {
        Coverage coverage = new Coverage(List.of(
                outcome("core-1", RequirementSection.CORE, RequirementStatus.IMPLEMENTED),
                outcome("core-2", RequirementSection.CORE, RequirementStatus.PARTIAL),
                outcome("extended-1", RequirementSection.EXTENDED, RequirementStatus.NOT_IMPLEMENTED),
                outcome("tech-stack-1", RequirementSection.TECH_STACK, RequirementStatus.NOT_IMPLEMENTED),
                outcome("tech-stack-2", RequirementSection.TECH_STACK, RequirementStatus.NOT_IMPLEMENTED)),
                "tech-stack-2");

        assertThat(coverage.unmet(FeatureRequirement.CORE)).extracting(RequirementOutcome::id)
                .containsExactly("core-2", "tech-stack-2");
        assertThat(coverage.unmet(FeatureRequirement.ALL)).extracting(RequirementOutcome::id)
                .containsExactly("core-2", "extended-1", "tech-stack-1", "tech-stack-2");
        assertThat(coverage.unmet(FeatureRequirement.NONE)).isEmpty();
        assertThat(List.of(coverage.implemented(), coverage.partial(), coverage.notImplemented()))
                .containsExactly(1, 1, 3);
        assertThat(coverage.requirement("core-2")).map(RequirementOutcome::status).contains(RequirementStatus.PARTIAL);
        assertThat(coverage.section(RequirementSection.TECH_STACK)).hasSize(2);
    }

    @Test
    void partialAndNotImplementedMustSayWhy() {
        assertThatThrownBy(() -> new RequirementOutcome("core-1", RequirementSection.CORE, "x",
                RequirementStatus.NOT_IMPLEMENTED, null, Evidence.NONE, List.of(), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason").hasMessageContaining("core-1");
        assertThatThrownBy(() -> new RequirementOutcome("core-1", RequirementSection.CORE, "x",
                RequirementStatus.PARTIAL, "simple", Evidence.NONE, List.of(), "why"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gaps");
        assertThatThrownBy(() -> RequirementClaim.partial("core-1", List.of(), List.of(), List.of(), "why"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gaps");
        assertThatThrownBy(() -> RequirementClaim.notImplemented("core-1", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThat(RequirementClaim.implemented("core-1", List.of("A.java"), List.of("a.ATest#core1")).status())
                .isEqualTo(RequirementStatus.IMPLEMENTED);
    }

    @Test
    void policiesAndSectionsParseTheirIdsAndNameTheValidOnes() {
        assertThat(FeatureRequirement.fromId(" Core ")).isEqualTo(FeatureRequirement.CORE);
        assertThat(FeatureRequirement.NONE.id()).isEqualTo("none");
        assertThatThrownBy(() -> FeatureRequirement.fromId("most"))
                .hasMessage("require-features must be one of core, all, none but was 'most'");
        assertThat(RequirementSection.fromKey("techStack")).isEqualTo(RequirementSection.TECH_STACK);
        assertThatThrownBy(() -> RequirementSection.fromKey("stack")).hasMessageContaining("valid: core");
    }

    @Test
    void testCountsMustAddUpAndTestSettingsRefuseAbsurdValues() {
        assertThatThrownBy(() -> new TestSummary(3, 1, 1, 0, null))
                .hasMessage("run must be passed + failed + skipped (2) but was 3");
        assertThat(TestSummary.unchecked("go was not found").unchecked()).isEqualTo("go was not found");
        assertThat(GeneratedTestSettings.defaults().timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(GeneratedTestSettings.disabled().enabled()).isFalse();
        assertThatThrownBy(() -> GeneratedTestSettings.defaults().withTimeout(Duration.ofDays(200_000)))
                .hasMessageStartingWith("timeout must be > 0 and <= PT24H but was");
        assertThatThrownBy(() -> GeneratedTestSettings.defaults().withMaxHeapBytes(1024))
                .hasMessage("maxHeapBytes must be >= 16777216 but was 1024");
    }

    private static RequirementOutcome outcome(String id, RequirementSection section, RequirementStatus status) {
        return new RequirementOutcome(id, section, id, status, "simple", Evidence.NONE,
                status == RequirementStatus.PARTIAL ? List.of("gap") : List.of(),
                status == RequirementStatus.IMPLEMENTED ? null : "because");
    }
}

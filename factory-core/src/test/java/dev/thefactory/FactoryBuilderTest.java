package dev.thefactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.Mode;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.SpecValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder's argument checks, with their messages, and what build() reads and validates. */
class FactoryBuilderTest {

    private static final String VALID = """
            # Word Counter

            Counts words.

            ## Type: cli_tool

            ## Features

            - Count the words of a file
            """;

    @TempDir
    Path tmp;

    @Test
    void nullArgumentsAreRefusedNamingTheArgument() {
        Factory.Builder builder = Factory.builder();
        assertThatThrownBy(() -> builder.spec((Path) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("spec file");
        assertThatThrownBy(() -> builder.spec(null, SpecFormat.MARKDOWN)).hasMessage("spec content");
        assertThatThrownBy(() -> builder.spec("x", null)).hasMessage("spec format");
        assertThatThrownBy(() -> builder.spec((ProjectSpec) null)).hasMessage("spec");
        assertThatThrownBy(() -> builder.mode(null)).hasMessage("mode");
        assertThatThrownBy(() -> builder.outputDirectory(null)).hasMessage("outputDirectory");
        assertThatThrownBy(() -> builder.listener(null)).hasMessage("listener");
        assertThatThrownBy(() -> builder.checkpoints(null)).hasMessage("checkpoints");
        assertThatThrownBy(() -> builder.faults(null)).hasMessage("faults");
        assertThatThrownBy(() -> builder.clock(null)).hasMessage("clock");
    }

    @Test
    void numbersOutOfRangeAreRefusedWithTheValueAndTheRange() {
        Factory.Builder builder = Factory.builder();
        assertThatThrownBy(() -> builder.parallelism(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parallelism must be between 1 and 1024 but was 0");
        assertThatThrownBy(() -> builder.parallelism(5000)).hasMessageContaining("but was 5000");
        assertThatThrownBy(() -> builder.watchdog(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("watchdog must be positive but was PT0S");
        assertThatThrownBy(() -> builder.watchdog(Duration.ofDays(200_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("watchdog must be at most 365 days (PT8760H) but was PT4800000H");
        assertThatThrownBy(() -> builder.minHeapHeadroom(-1)).hasMessage(
                "minHeapHeadroom must be >= 0 bytes but was -1");
    }

    @Test
    void aBackendIdMustLookLikeOne() {
        assertThatThrownBy(() -> Factory.builder().backend("Simple Backend"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Simple Backend'").hasMessageContaining("'simple'");
        assertThat(Factory.builder().backend("example-integrated")).isNotNull();
    }

    @Test
    void buildWithoutASpecSaysHowToGiveOne() {
        assertThatThrownBy(() -> Factory.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spec(Path)");
    }

    @Test
    void buildReadsTheSpecFromEachSourceAndTheLastOneWins() throws Exception {
        Path file = Files.writeString(tmp.resolve("wc.md"), VALID);
        assertThat(Factory.builder().spec(file).build().spec().name()).isEqualTo("Word Counter");
        assertThat(Factory.builder().spec(VALID, SpecFormat.MARKDOWN).build().spec().type())
                .isEqualTo(ProjectType.CLI_TOOL);
        ProjectSpec value = ProjectSpec.builder("Lib", ProjectType.LIBRARY).build();
        Factory factory = Factory.builder().spec(file).spec(value).mode(Mode.MINIMAL).build();
        assertThat(factory.spec()).isEqualTo(value);
        assertThat(factory.mode()).isEqualTo(Mode.MINIMAL);
    }

    @Test
    void anInvalidSpecValueReportsEveryViolation() {
        ProjectSpec bad = new ProjectSpec("", null, null, null, List.of(), null, List.of(), List.of(), List.of(),
                List.of(), List.of(), Map.of());
        assertThatThrownBy(() -> Factory.builder().spec(bad).build()).isInstanceOf(SpecValidationException.class)
                .satisfies(e -> assertThat(((SpecValidationException) e).violations())
                        .extracting(SpecValidationException.Violation::field).contains("name", "type", "complexity"));
    }

    @Test
    void theSameSpecHasTheSameHashWhateverItsSource() throws Exception {
        Path file = Files.writeString(tmp.resolve("wc.md"), VALID);
        Factory fromFile = Factory.builder().spec(file).build();
        Factory fromValue = Factory.builder().spec(fromFile.spec()).build();
        assertThat(fromValue.specHash()).isEqualTo(fromFile.specHash()).matches("[0-9a-f]{64}");
        Factory other = Factory.builder().spec(fromFile.spec().toBuilder().description("Other").build()).build();
        assertThat(other.specHash()).isNotEqualTo(fromFile.specHash());
    }

    @Test
    void theFaultInjectionSectionOfASpecIsReadWhenNoFaultsWereGiven() {
        String spec = VALID + "\n## Fault Injection\n\n- transient-rate=0.25\n- fail-backend=simple\n- seed=9\n";
        assertThat(Factory.specFaults(Factory.builder().spec(spec, SpecFormat.MARKDOWN).build().spec(), "s"))
                .isEqualTo(FaultInjection.parse("transient-rate=0.25,fail-backend=simple,seed=9"));
        ProjectSpec yamlStyle = ProjectSpec.builder("X", ProjectType.CLI_TOOL)
                .extras(Map.of("fault_injection", List.of("permanent-rate=1.0"))).build();
        assertThat(Factory.specFaults(yamlStyle, "s").permanentRate()).isEqualTo(1.0);
        assertThat(Factory.specFaults(ProjectSpec.builder("X", ProjectType.CLI_TOOL).build(), "s").isNone()).isTrue();
    }

    @Test
    void aMalformedFaultInjectionSectionIsASpecError() {
        String spec = VALID + "\n## FAULT INJECTION\n\n- explode=yes\n";
        assertThatThrownBy(() -> Factory.builder().spec(spec, SpecFormat.MARKDOWN).build())
                .isInstanceOf(SpecValidationException.class)
                .satisfies(e -> assertThat(((SpecValidationException) e).violations().get(0).field())
                        .isEqualTo("extras.FAULT INJECTION"))
                .hasMessageContaining("explode");
    }

    @Test
    void aSpecFileWithoutFeaturesIsRefusedNamingTheSectionThatWasNotReadAsFeatures() throws Exception {
        String noFeatures = """
                # Help Desk

                ## Type: web_app

                ## User Stories

                - As an agent I open a ticket
                """;
        Path file = Files.writeString(tmp.resolve("hd.md"), noFeatures);
        assertThatThrownBy(() -> Factory.builder().spec(file).build()).isInstanceOf(SpecValidationException.class)
                .satisfies(e -> assertThat(((SpecValidationException) e).violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("features");
                            assertThat(v.message()).contains("lists no feature", "'User Stories' was not read as "
                                    + "features", "## FEATURES");
                        }));
        assertThatThrownBy(() -> Factory.builder().spec("name: X\ntype: library\n", SpecFormat.YAML).build())
                .isInstanceOf(SpecValidationException.class).hasMessageContaining("a 'features' key");
        // a spec built in code may leave features empty on purpose
        assertThat(Factory.builder().spec(ProjectSpec.builder("X", ProjectType.LIBRARY).build()).build().spec()
                .features().all()).isEmpty();
    }

    @Test
    void levelTwoHeadingsThatNameAFeatureGroupHoldFeatures() {
        String spec = """
                # Help Desk

                ## Type: web_app

                ## Core Features

                - Create tickets with a title
                - List all tickets

                ## Nice-to-have Features

                - Close tickets

                ## Required

                - Java 17
                """;
        ProjectSpec read = Factory.builder().spec(spec, SpecFormat.MARKDOWN).build().spec();
        assertThat(read.features().core()).containsExactly("Create tickets with a title", "List all tickets");
        assertThat(read.features().extended()).containsExactly("Close tickets");
        assertThat(read.extras()).containsKey("Required");
    }
}

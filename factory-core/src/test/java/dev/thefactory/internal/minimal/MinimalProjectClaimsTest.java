package dev.thefactory.internal.minimal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.spi.RequirementClaim;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinimalProjectClaimsTest {

    private static ProjectSpec spec(String language) {
        return ProjectSpec.builder("Notes", ProjectType.CLI_TOOL)
                .features(List.of("Add notes", "List notes"), List.of("Search notes"))
                .techStack(List.of("Language: " + language, "Build: Maven"))
                .outputExpectations(List.of("A README"))
                .build();
    }

    @Test
    void claimsEveryFeatureNotImplementedWithAReason() {
        List<RequirementClaim> claims = MinimalProject.of(spec("Java 17")).claims();

        assertThat(claims).extracting(RequirementClaim::requirementId).containsExactly("core-1", "core-2",
                "extended-1", "tech-stack-1", "tech-stack-2", "output-1");
        assertThat(claims.subList(0, 3)).allSatisfy(claim -> {
            assertThat(claim.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
            assertThat(claim.reason()).contains("implements no feature");
        });
    }

    @Test
    void claimsNeitherJavaNorMavenSinceNoGeneratedTestProvesThemButSaysWhy() {
        MinimalProject project = MinimalProject.of(spec("Java 17"));

        assertThat(project.plannedFiles()).noneMatch(path -> path.startsWith("src/test/"));
        for (RequirementClaim stack : project.claims().subList(3, 5)) {
            assertThat(stack.status()).as(stack.requirementId()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
            assertThat(stack.reason()).as(stack.requirementId()).isEqualTo(MinimalProject.UNPROVEN)
                    .contains("no test");
            assertThat(stack.files()).isEmpty();
            assertThat(stack.tests()).isEmpty();
        }
        assertThat(project.claims().get(5).status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(project.claims().get(5).reason()).contains("does not act on this");
    }

    @ParameterizedTest
    @CsvSource({"JavaScript (Node.js 20)", "Python 3.12", "Go 1.22", "Kotlin"})
    void neverClaimsALanguageOtherThanJava(String language) {
        assertThat(MinimalProject.of(spec(language)).claims().get(3).status())
                .isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
    }
}

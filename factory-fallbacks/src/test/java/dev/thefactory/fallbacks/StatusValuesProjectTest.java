package dev.thefactory.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.spi.RequirementClaim;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Status values a spec names make the generated status hold one of them, in the generated project itself: the
 * record's status is a choice of those values, no yes/no field stands beside it for a value ("returned"), and the
 * tests claimed for the features that write it set it and pass.
 */
class StatusValuesProjectTest {

    @Test
    void aStatusWithNamedValuesHoldsOneOfThemAndNoFeatureAddsAYesNoFieldForAValue(@TempDir Path dir)
            throws Exception {
        ProjectSpec spec = ProjectSpec.builder("Parcels", ProjectType.API_SERVICE)
                .features(List.of("Add parcels with a tracking number and a status (created, in_transit, delivered,"
                        + " returned)", "Update a parcel's status", "Filter parcels by status",
                        "Mark parcels as returned"), List.of())
                .techStack(List.of("Language: Java 17")).build();
        CoreDriver.Build build = CoreDriver.build(spec);

        String parcel = build.files().entrySet().stream().filter(e -> e.getKey().endsWith("/model/Parcel.java"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        assertThat(parcel).contains("String trackingNumber, Level status)")
                .contains("values.choice(\"status\", Level.class, \"CREATED\", \"IN_TRANSIT\", \"DELIVERED\","
                        + " \"RETURNED\")")
                .doesNotContain("boolean returned");
        for (String id : List.of("core-1", "core-2", "core-3")) {
            assertThat(build.claim(id).status()).as(id + " " + build.claim(id).reason())
                    .isEqualTo(RequirementStatus.IMPLEMENTED);
        }
        RequirementClaim returned = build.claim("core-4");
        assertThat(returned.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(returned.reason()).contains("'returned' is one of the values of the status of parcels");
        String tests = build.files().entrySet().stream().filter(e -> e.getKey().endsWith("/RequirementsTest.java"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        assertThat(tests).contains("\"{\\\"status\\\": \\\"RETURNED\\\"}\"").contains("find-by-status/");

        Path classes = GeneratedJava.compile(build.files(), dir);
        GeneratedJava.TestRun run = GeneratedJava.runTests(build.files(), dir, classes);
        assertThat(run.failed()).as(run.failures()).isZero();
        for (String id : List.of("core-1", "core-2", "core-3")) {
            assertThat(build.claim(id).tests()).as(id).isNotEmpty();
            assertThat(run.passed()).as(id).containsAll(build.claim(id).tests());
        }
    }
}

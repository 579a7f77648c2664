package dev.thefactory.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.spi.RequirementClaim;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Architecture and quality entries the Java output satisfies are claimed with a generated test of their own: error
 * status codes with a JSON error, records for the model, the services apart from request handling.
 */
class ArchitectureClaimsTest {

    @TempDir
    Path dir;

    private static ProjectSpec notes(ProjectType type) {
        return ProjectSpec.builder("Notes", type)
                .features(List.of("Add notes with a title and a body", "List notes", "Delete notes"), List.of())
                .qualityRequirements(List.of("All input is validated and returns 400 with a message on error",
                        "Every endpoint returns 404 with a JSON error for an unknown id",
                        "Unknown ids return 410", "Conflicts return 409 and bad input returns 400"))
                .architectureHints(List.of("Use Java records for the domain model",
                        "Keep HTTP handling separate from business logic"))
                .build();
    }

    @Test
    void statusCodesRecordsAndLayersAreClaimedWithTestsThatPassAndFailWhenBroken() throws Exception {
        CoreDriver.Build api = CoreDriver.build(notes(ProjectType.API_SERVICE));
        for (String id : List.of("quality-1", "quality-2", "architecture-1", "architecture-2")) {
            RequirementClaim claim = api.claim(id);
            assertThat(claim.status()).as(id + " " + claim.reason()).isEqualTo(RequirementStatus.IMPLEMENTED);
            assertThat(claim.tests()).as(id).singleElement().asString().contains(".RequirementsTest#");
        }
        assertThat(api.claim("quality-1").reason()).isNull();
        RequirementClaim gone = api.claim("quality-3");
        assertThat(gone.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(gone.reason()).contains("400 (invalid input) and 404 (unknown id) only, never 410");
        RequirementClaim conflicts = api.claim("quality-4");
        assertThat(conflicts.status()).isEqualTo(RequirementStatus.PARTIAL);
        assertThat(conflicts.gaps()).containsExactly("409 responses");

        Path classes = GeneratedJava.compile(api.files(), dir.resolve("ok"));
        GeneratedJava.TestRun run = GeneratedJava.runTests(api.files(), dir.resolve("ok"), classes);
        assertThat(run.failed()).as(run.failures()).isZero();
        for (String id : List.of("quality-1", "quality-2", "quality-4", "architecture-1", "architecture-2")) {
            assertThat(run.passed()).as(id).containsAll(api.claim(id).tests());
        }
        // a server that answers an unknown id with 500, or invalid input with 422, fails the status tests
        Map<String, String> broken = new TreeMap<>(api.files());
        String router = "src/main/java/com/example/notes/http/Router.java";
        assertThat(broken.get(router)).contains("HttpReply.error(404", "HttpReply.error(400");
        broken.put(router, broken.get(router).replace("HttpReply.error(404", "HttpReply.error(500")
                .replace("HttpReply.error(400", "HttpReply.error(422"));
        Path brokenClasses = GeneratedJava.compile(broken, dir.resolve("broken"));
        GeneratedJava.TestRun brokenRun = GeneratedJava.runTests(broken, dir.resolve("broken"), brokenClasses);
        assertThat(brokenRun.passed()).doesNotContainAnyElementsOf(api.claim("quality-1").tests())
                .doesNotContainAnyElementsOf(api.claim("quality-2").tests())
                .containsAll(api.claim("architecture-1").tests());
    }

    @Test
    void aCommandLineAnswersNoStatusCodeButKeepsItsLayers() throws Exception {
        CoreDriver.Build cli = CoreDriver.build(notes(ProjectType.CLI_TOOL));
        assertThat(cli.claim("quality-2").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(cli.claim("quality-2").reason()).contains("not an HTTP server");
        assertThat(cli.claim("architecture-2").status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        Path classes = GeneratedJava.compile(cli.files(), dir.resolve("cli"));
        GeneratedJava.TestRun run = GeneratedJava.runTests(cli.files(), dir.resolve("cli"), classes);
        assertThat(run.failed()).as(run.failures()).isZero();
        assertThat(run.passed()).containsAll(cli.claim("architecture-2").tests())
                .containsAll(cli.claim("architecture-1").tests());
    }
}

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
 * A README requirement that names specific content (the CSV input format, a curl request per endpoint) is claimed
 * only when that content is generated and a generated test checks it; the CSV reader takes the column names as the
 * spec writes them ({@code lot_id}); a rule about malformed rows and in-memory storage are claimed with a test that
 * proves them. From a re-audit of a parking pipeline and a dentist API.
 */
class ReadmeContentTest {

    private static final String PARKING = "com.example.parking.RequirementsTest#";
    private static final String DENTIST = "com.example.dentist.RequirementsTest#";

    @TempDir
    Path dir;

    private static ProjectSpec parking(ProjectType type) {
        return ProjectSpec.builder("Parking", type)
                .features(List.of("Read gate events from CSV files with columns lot_id, plate, direction and "
                        + "timestamp"), List.of())
                .techStack(List.of("Language: Java 17"))
                .qualityRequirements(List.of("Malformed rows are skipped and counted, never abort the run"))
                .outputExpectations(List.of("A README that explains the CSV input format"))
                .build();
    }

    private static ProjectSpec dentist(ProjectType type, List<String> stack) {
        return ProjectSpec.builder("Dentist", type)
                .features(List.of("Add patients with a name and a date of birth",
                        "Add appointments with a patient, a start time and a duration in minutes",
                        "Search patients by name", "Delete appointments"), List.of())
                .techStack(stack)
                .outputExpectations(List.of("A README with example curl requests for every endpoint"))
                .build();
    }

    @Test
    void aPipelineReadsTheSpecsColumnNamesAndItsReadmeExplainsTheInputFormat() throws Exception {
        CoreDriver.Build build = CoreDriver.build(parking(ProjectType.DATA_PIPELINE));
        RequirementClaim read = build.claim("core-1");
        assertThat(read.status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        String readme = build.files().get("README.md");
        assertThat(readme).contains("\n## Input columns\n\n", "- `lot_id`: text, required\n",
                "- `timestamp`: date and time of day, such as `2030-01-15T09:30`, required\n",
                "- header line: `lot_id,plate,direction,timestamp`\n", "- example row: `");
        String test = build.files().get("src/test/java/com/example/parking/RequirementsTest.java");
        assertThat(test).as("the feature's test feeds the spec's own header").contains("lot_id,plate,direction,timestamp");
        RequirementClaim format = build.claim("output-1");
        assertThat(format.status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        assertThat(format.tests()).containsExactly(PARKING + "output1_aReadmeThatExplainsThe");
        RequirementClaim malformed = build.claim("quality-1");
        assertThat(malformed.status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        Path classes = GeneratedJava.compile(build.files(), dir.resolve("ok"));
        GeneratedJava.TestRun run = GeneratedJava.runTests(build.files(), dir.resolve("ok"), classes);
        assertThat(run.failed()).as(run.failures()).isZero();
        assertThat(run.passed()).containsAll(read.tests()).containsAll(format.tests()).containsAll(malformed.tests());

        // a README without the columns, or whose example the pipeline refuses, fails the README's test
        Map<String, String> broken = new TreeMap<>(build.files());
        broken.put("README.md", readme.replace("- `plate`: text, required\n", ""));
        Path brokenClasses = GeneratedJava.compile(broken, dir.resolve("broken"));
        assertThat(GeneratedJava.runTests(broken, dir.resolve("broken"), brokenClasses).passed())
                .doesNotContain(format.tests().get(0));
        Map<String, String> refused = new TreeMap<>(build.files());
        refused.put("README.md", readme.replace("`lot_id,plate,direction,timestamp`",
                "`lot_id,plate,direction,timestamp,colour`"));
        Path refusedClasses = GeneratedJava.compile(refused, dir.resolve("refused"));
        assertThat(GeneratedJava.runTests(refused, dir.resolve("refused"), refusedClasses).passed())
                .doesNotContain(format.tests().get(0));
    }

    @Test
    void anApiReadmeHasACurlRequestForEveryEndpointWhichItsTestSends() throws Exception {
        CoreDriver.Build build = CoreDriver.build(dentist(ProjectType.API_SERVICE, List.of("Language: Java 17",
                "Storage: in-memory")));
        String readme = build.files().get("README.md");
        assertThat(readme).contains("\n## API reference\n\n",
                "- `GET /api/patients`: `curl -s -X GET 'http://localhost:8080/api/patients'`\n",
                "curl -s -X GET 'http://localhost:8080/api/patients'",
                "curl -s -X POST 'http://localhost:8080/api/patients' -H 'Content-Type: application/json'",
                "curl -s -X GET 'http://localhost:8080/api/patients/find-by-name/Alpha%20name'",
                "curl -s -X DELETE 'http://localhost:8080/api/appointments/1'",
                "\"startTime\": \"2030-01-15T09:30\"");
        RequirementClaim curl = build.claim("output-1");
        assertThat(curl.status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        assertThat(curl.tests()).containsExactly(DENTIST + "output1_aReadmeWithExampleCurl");
        RequirementClaim memory = build.claim("tech-stack-2");
        assertThat(memory.status()).as("%s", memory).isEqualTo(RequirementStatus.IMPLEMENTED);
        Path classes = GeneratedJava.compile(build.files(), dir.resolve("api"));
        GeneratedJava.TestRun run = GeneratedJava.runTests(build.files(), dir.resolve("api"), classes);
        assertThat(run.failed()).as(run.failures()).isZero();
        assertThat(run.passed()).containsAll(curl.tests()).containsAll(memory.tests());

        // a README missing one endpoint's request fails its test
        Map<String, String> broken = new TreeMap<>(build.files());
        broken.put("README.md", readme.replace("curl -s -X DELETE 'http://localhost:8080/api/appointments/1'", ""));
        Path brokenClasses = GeneratedJava.compile(broken, dir.resolve("broken"));
        assertThat(GeneratedJava.runTests(broken, dir.resolve("broken"), brokenClasses).passed())
                .doesNotContain(curl.tests().get(0));
    }

    @Test
    void readmeContentThatIsNotGeneratedIsAGap() throws Exception {
        CoreDriver.Build cli = CoreDriver.build(dentist(ProjectType.CLI_TOOL, List.of("Language: Java 17")));
        assertThat(cli.claim("output-1").status()).isEqualTo(RequirementStatus.PARTIAL);
        assertThat(cli.claim("output-1").gaps()).containsExactly("example curl requests", "every endpoint");
        CoreDriver.Build api = CoreDriver.build(dentist(ProjectType.API_SERVICE, List.of("Language: Java 17"))
                .toBuilder()
                .outputExpectations(List.of("A README that explains the CSV input format",
                        "A README with screenshots of the dashboard", "A README that explains how to run it"))
                .build());
        assertThat(api.claim("output-1").gaps()).as("the API imports no CSV").containsExactly("the CSV input format");
        CoreDriver.Build imports = CoreDriver.build(parking(ProjectType.API_SERVICE));
        assertThat(imports.claim("output-1").status()).as("the API imports gate events from CSV")
                .isEqualTo(RequirementStatus.IMPLEMENTED);
        assertThat(imports.files().get("README.md")).contains("\n## API reference\n\n",
                "- header line (gate event CSV import): `lot_id,plate,direction,timestamp`\n",
                "- `lot_id` (gate event CSV import): text, required\n",
                "curl -s -X POST 'http://localhost:8080/api/gate-events/import' -H 'Content-Type: text/csv' "
                        + "--data-binary $'lot_id,plate,direction,timestamp\\n");
        // the README's import request, with the spec's column names, is sent by the README's test and succeeds
        Path classes = GeneratedJava.compile(imports.files(), dir.resolve("imports"));
        GeneratedJava.TestRun run = GeneratedJava.runTests(imports.files(), dir.resolve("imports"), classes);
        assertThat(run.failed()).as(run.failures()).isZero();
        assertThat(run.passed()).containsAll(imports.claim("output-1").tests());
        assertThat(api.claim("output-2").gaps()).containsExactly("screenshots", "the dashboard");
        assertThat(api.claim("output-3").status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        CoreDriver.Build columns = CoreDriver.build(parking(ProjectType.DATA_PIPELINE).toBuilder()
                .outputExpectations(List.of("A README that explains the expected CSV columns")).build());
        assertThat(columns.claim("output-1").status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        CoreDriver.Build python = CoreDriver.build(dentist(ProjectType.API_SERVICE, List.of("Language: Python 3")));
        assertThat(python.claim("output-1").gaps()).containsExactly("example curl requests", "every endpoint");
    }
}

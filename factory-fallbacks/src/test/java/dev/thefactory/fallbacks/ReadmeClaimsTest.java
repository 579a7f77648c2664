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
 * A README entry is implemented only for what the generated README holds and its generated test asserts (how to
 * build, test and run, the features, and the reference section of the project's surface); everything else it asks
 * the README to hold is a gap. A tech-stack entry naming several tools is honoured for each or partial.
 */
class ReadmeClaimsTest {

    @TempDir
    Path dir;

    private static final List<String> READMES = List.of("A README with curl examples for every endpoint",
            "A README with setup, usage and API reference", "A README that explains the expected CSV columns",
            "A README with screenshots and a configuration section",
            "A README that explains how to run the application", "A README with build instructions (go build)",
            "A README with build instructions (mvn package)");

    private static CoreDriver.Build build(ProjectType type, String... stack) throws Exception {
        ProjectSpec spec = Specs.todo(type).toBuilder().outputExpectations(READMES)
                .techStack(List.of(stack)).build();
        return CoreDriver.build(spec);
    }

    @Test
    void anApiReferenceWithCurlForEveryEndpointIsGeneratedAndAssertedForAnHttpProject() throws Exception {
        CoreDriver.Build api = build(ProjectType.API_SERVICE, "Language: Java 17", "Testing: JUnit 5 and Mockito",
                "Build: Maven");
        String readme = api.files().get("README.md");
        assertThat(readme).contains("\n## API reference\n\n", "- `GET /api/tasks`: `curl -s -X GET "
                + "'http://localhost:8080/api/tasks'`\n", "- `DELETE /api/tasks/{id}`: `curl -s -X DELETE "
                + "'http://localhost:8080/api/tasks/1'`\n", "- `POST /api/tasks`: `curl -s -X POST "
                + "'http://localhost:8080/api/tasks' -H 'Content-Type: application/json' --data-binary '{\"title\": ");
        assertThat(api.claim("output-6").gaps()).containsExactly("build instructions (go build)");
        for (String id : List.of("output-1", "output-2", "output-5", "output-7")) {
            assertThat(api.claim(id).status()).as(id).isEqualTo(RequirementStatus.IMPLEMENTED);
        }
        RequirementClaim columns = api.claim("output-3");
        assertThat(columns.status()).isEqualTo(RequirementStatus.PARTIAL);
        assertThat(columns.gaps()).containsExactly("the expected CSV columns");
        assertThat(api.claim("output-4").gaps()).containsExactly("screenshots", "a configuration section");
        RequirementClaim testing = api.claim("tech-stack-2");
        assertThat(testing.status()).isEqualTo(RequirementStatus.PARTIAL);
        assertThat(testing.gaps()).containsExactly("Mockito (not used)");
        assertThat(api.claim("tech-stack-3").status()).isEqualTo(RequirementStatus.IMPLEMENTED);

        String test = api.claim("output-1").tests().get(0);
        Path classes = GeneratedJava.compile(api.files(), dir.resolve("ok"));
        GeneratedJava.TestRun run = GeneratedJava.runTests(api.files(), dir.resolve("ok"), classes);
        assertThat(run.failed()).as(run.failures()).isZero();
        assertThat(run.passed()).contains(test);
        // a README without a curl line for one endpoint fails the README test
        Map<String, String> broken = new TreeMap<>(api.files());
        broken.put("README.md", readme.replace("- `DELETE /api/tasks/{id}`", "- `DELETE`"));
        Path brokenClasses = GeneratedJava.compile(broken, dir.resolve("broken"));
        GeneratedJava.TestRun brokenRun = GeneratedJava.runTests(broken, dir.resolve("broken"), brokenClasses);
        assertThat(brokenRun.passed()).doesNotContain(test);
    }

    @Test
    void eachSurfaceHasItsOwnReferenceAndTheOthersAreGaps() throws Exception {
        CoreDriver.Build cli = build(ProjectType.CLI_TOOL, "Language: Java 17");
        assertThat(cli.files().get("README.md")).contains("\n## Commands\n\n", "- `java -jar target/todo-app-0.1.0-"
                + "SNAPSHOT.jar task list`\n");
        assertThat(cli.claim("output-1").gaps()).containsExactly("curl examples", "every endpoint");
        assertThat(cli.claim("output-2").gaps()).containsExactly("API reference");
        assertThat(cli.claim("output-5").status()).isEqualTo(RequirementStatus.IMPLEMENTED);

        CoreDriver.Build pipeline = build(ProjectType.DATA_PIPELINE, "Language: Java 17");
        assertThat(pipeline.files().get("README.md")).contains("\n## Input columns\n\n", "- header line: `title,");
        assertThat(pipeline.claim("output-3").status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        Path classes = GeneratedJava.compile(pipeline.files(), dir.resolve("pipeline"));
        GeneratedJava.TestRun run = GeneratedJava.runTests(pipeline.files(), dir.resolve("pipeline"), classes);
        assertThat(run.passed()).containsAll(pipeline.claim("output-3").tests());

        CoreDriver.Build python = build(ProjectType.CLI_TOOL, "Language: Python 3");
        assertThat(python.claim("output-3").gaps()).containsExactly("the expected CSV columns");
        assertThat(python.claim("output-5").status()).isEqualTo(RequirementStatus.IMPLEMENTED);
    }
}

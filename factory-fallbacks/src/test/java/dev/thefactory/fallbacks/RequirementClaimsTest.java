package dev.thefactory.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.api.Requirement;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.fallbacks.internal.design.Architecture;
import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.FeatureMapping;
import dev.thefactory.fallbacks.internal.domain.Field;
import dev.thefactory.fallbacks.internal.domain.FieldType;
import dev.thefactory.fallbacks.internal.domain.Operation;
import dev.thefactory.fallbacks.internal.java.JavaLayout;
import dev.thefactory.fallbacks.internal.layout.Ledger;
import dev.thefactory.fallbacks.internal.layout.ProjectInput;
import dev.thefactory.fallbacks.internal.layout.ProjectLayout;
import dev.thefactory.spi.RequirementClaim;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The simple backend claims every requirement of the spec exactly once, with evidence that holds. */
class RequirementClaimsTest {

    @TempDir
    Path dir;

    private static final String TESTS = "com.example.todoapp.RequirementsTest#";

    @Test
    void theTodoSpecIsFullyImplementedAndEveryClaimedTestExistsAndPasses() throws Exception {
        ProjectSpec spec = Specs.todo(ProjectType.WEB_APP);
        CoreDriver.Build build = CoreDriver.build(spec);
        List<Requirement> requirements = Requirement.of(spec);
        assertThat(build.claims()).extracting(RequirementClaim::requirementId)
                .containsExactlyElementsOf(requirements.stream().map(Requirement::id).toList());
        Path classes = GeneratedJava.compile(build.files(), dir);
        GeneratedJava.TestRun run = GeneratedJava.runTests(build.files(), dir, classes);
        assertThat(run.failed()).as(run.failures()).isZero();
        for (RequirementClaim claim : build.claims()) {
            assertThat(build.files().keySet()).as("files of %s", claim.requirementId())
                    .containsAll(claim.files());
            assertThat(run.passed()).as("tests of %s", claim.requirementId()).containsAll(claim.tests());
            assertThat(claim.status()).as(claim.requirementId()).isEqualTo(RequirementStatus.IMPLEMENTED);
            assertThat(claim.files()).as("files of %s", claim.requirementId()).isNotEmpty();
            assertThat(claim.tests()).as("tests of %s", claim.requirementId()).isNotEmpty();
        }
        Map<String, String> expected = Map.of("core-1", "core1_addTasksWithATitle", "core-2", "core2_listAllTasks",
                "core-3", "core3_markTasksComplete", "core-4", "core4_deleteTasks",
                "extended-1", "extended1_filterTasksByStatusOpen",
                "extended-2", "extended2_taskPrioritiesLowNormalHigh");
        expected.forEach((id, method) -> {
            RequirementClaim claim = build.claim(id);
            assertThat(claim.status()).as(id).isEqualTo(RequirementStatus.IMPLEMENTED);
            assertThat(claim.tests()).as(id).contains(TESTS + method);
            assertThat(claim.files()).as(id).contains("src/main/java/com/example/todoapp/http/Router.java",
                    "src/main/java/com/example/todoapp/model/Task.java");
            assertThat(build.files().get("src/test/java/com/example/todoapp/RequirementsTest.java"))
                    .contains("void " + method + "() throws Exception");
        });
        assertThat(build.claim("tech-stack-1")).satisfies(c -> {
            assertThat(c.files()).containsExactly("pom.xml");
            assertThat(c.tests()).as("a test of its own, and the feature tests that only compile and pass as Java")
                    .startsWith(TESTS + "techStack1_languageJava17")
                    .containsAll(expected.values().stream().map(m -> TESTS + m).toList());
        });
        assertThat(build.claim("tech-stack-2").files()).containsExactly("pom.xml");
        assertThat(build.claim("tech-stack-2").tests()).containsExactly(TESTS + "techStack2_buildMaven");
        assertThat(build.claim("architecture-1").files())
                .contains("src/main/java/com/example/todoapp/repository/Repository.java");
        assertThat(build.claim("architecture-2").files()).containsExactly("src/main/resources/static/index.html");
        assertThat(build.claim("architecture-2").tests()).containsExactly(TESTS + "thePageFormHasEveryRequiredField");
        assertThat(build.claim("quality-1").tests()).contains(TESTS + "core1_addTasksWithATitle");
        assertThat(build.claim("quality-2").tests()).containsExactly(TESTS + "quality2_inputIsValidatedATask");
        String tests = build.files().get("src/test/java/com/example/todoapp/RequirementsTest.java");
        assertThat(tests).contains("assertEquals(400, status(\"POST\", \"/api/tasks\", \"{\\\"dueDate\\\"")
                .contains("\"x\".repeat(201)").contains("\"x\".repeat(200)")
                .contains("DocumentBuilderFactory");
    }

    @ParameterizedTest
    @EnumSource(value = ProjectType.class, names = {"API_SERVICE", "CLI_TOOL", "LIBRARY", "DATA_PIPELINE"})
    void everyTypeClaimsOnlyWhatItsPassingTestsShow(ProjectType type) throws Exception {
        ProjectSpec spec = Specs.inventory(type);
        CoreDriver.Build build = CoreDriver.build(spec);
        assertThat(build.claims()).hasSize(Requirement.of(spec).size());
        Path classes = GeneratedJava.compile(build.files(), dir);
        GeneratedJava.TestRun run = GeneratedJava.runTests(build.files(), dir, classes);
        assertThat(run.failed()).as(run.failures()).isZero();
        for (RequirementClaim claim : build.claims()) {
            assertThat(build.files().keySet()).containsAll(claim.files());
            assertThat(run.passed()).as("tests of %s", claim.requirementId()).containsAll(claim.tests());
            if (claim.status() != RequirementStatus.NOT_IMPLEMENTED) {
                assertThat(claim.files()).as("files of %s", claim.requirementId()).isNotEmpty();
                assertThat(claim.tests()).as("tests of %s", claim.requirementId()).isNotEmpty();
            }
        }
        long implemented = build.claims().stream().filter(c -> c.status() == RequirementStatus.IMPLEMENTED).count();
        if (type == ProjectType.DATA_PIPELINE) {
            assertThat(build.claim("core-3").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
            assertThat(build.claim("core-3").reason()).contains("pipeline");
        } else {
            assertThat(implemented).isGreaterThanOrEqualTo(14);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProjectType.class, names = {"WEB_APP", "API_SERVICE", "CLI_TOOL", "LIBRARY", "DATA_PIPELINE"})
    void theBuildFileReadmeAndValidationRulesAreProvenByGeneratedTestsThroughEveryEntryPoint(ProjectType type)
            throws Exception {
        ProjectSpec spec = ProjectSpec.builder("Help Desk", type)
                .features(List.of("Add tickets with a title and an optional note", "List all tickets"), List.of())
                .techStack(List.of("Language: Java 17", "Build: Maven"))
                .qualityRequirements(List.of("A ticket title is required and at most 200 characters",
                        "Input must be validated (title required, max 200 characters)",
                        "A ticket title is required and at most 120 characters",
                        "Titles are at most 120 characters"))
                .outputExpectations(List.of("A Maven project that builds with mvn package",
                        "A README that explains how to run the application"))
                .build();
        CoreDriver.Build build = CoreDriver.build(spec);
        Path classes = GeneratedJava.compile(build.files(), dir);
        GeneratedJava.TestRun run = GeneratedJava.runTests(build.files(), dir, classes);
        assertThat(run.failed()).as(run.failures()).isZero();
        for (RequirementClaim claim : build.claims()) {
            assertThat(run.passed()).as("tests of %s", claim.requirementId()).containsAll(claim.tests());
        }
        Map<String, String> own = Map.of("tech-stack-2", "techStack2_buildMaven",
                "quality-1", "quality1_aTicketTitleIsRequired", "quality-2", "quality2_inputMustBeValidatedTitle",
                "output-1", "output1_aMavenProjectThatBuilds", "output-2", "output2_aReadmeThatExplainsHow");
        own.forEach((id, method) -> {
            RequirementClaim claim = build.claim(id);
            assertThat(claim.status()).as(id).isEqualTo(RequirementStatus.IMPLEMENTED);
            assertThat(claim.tests()).as(id).singleElement().asString().endsWith("RequirementsTest#" + method);
        });
        assertThat(build.claim("quality-1").files()).anyMatch(f -> f.endsWith("/model/Validation.java"))
                .anyMatch(f -> f.endsWith("/model/Ticket.java"));
        assertThat(build.claim("tech-stack-1").status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        RequirementClaim tighter = build.claim("quality-3");
        assertThat(tighter.status()).isEqualTo(RequirementStatus.PARTIAL);
        assertThat(tighter.gaps()).containsExactly("the simple backend limits text fields to 200 characters, not 120");
        assertThat(tighter.tests()).singleElement().asString().endsWith("#quality3_aTicketTitleIsRequired");
        RequirementClaim limitOnly = build.claim("quality-4");
        assertThat(limitOnly.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(limitOnly.reason()).isEqualTo("the simple backend limits text fields to 200 characters, not 120");
    }

    @Test
    void aSpecWithoutAHtmlPageOrValidationClaimsNeitherOnFiles() throws Exception {
        ProjectSpec spec = ProjectSpec.builder("Notes", ProjectType.API_SERVICE)
                .features(List.of("Add notes with a title"), List.of())
                .architectureHints(List.of("Serve a plain HTML page"))
                .qualityRequirements(List.of("Email addresses must be valid"))
                .build();
        CoreDriver.Build build = CoreDriver.build(spec);

        assertThat(build.claim("architecture-1").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(build.claim("quality-1").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(build.claims()).filteredOn(c -> c.status() != RequirementStatus.NOT_IMPLEMENTED)
                .allSatisfy(c -> assertThat(c.tests()).as(c.requirementId()).isNotEmpty());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Python 3.12", "JavaScript (Node.js 20)", "Go 1.22"})
    void aSkeletonClaimsNothingWithoutATestItGeneratesAndReadsItsReadmeInATest(String language) throws Exception {
        ProjectSpec spec = ProjectSpec.builder("Notes", ProjectType.CLI_TOOL)
                .features(List.of("Add notes with a title", "List all notes"), List.of())
                .techStack(List.of("Language: " + language, "Build: Maven"))
                .qualityRequirements(List.of("A note title is required and at most 200 characters"))
                .outputExpectations(List.of("A README that explains how to run the application"))
                .build();
        CoreDriver.Build build = CoreDriver.build(spec);

        assertThat(build.claims()).filteredOn(c -> c.status() != RequirementStatus.NOT_IMPLEMENTED)
                .isNotEmpty()
                .allSatisfy(c -> {
                    assertThat(c.files()).as(c.requirementId()).isNotEmpty();
                    assertThat(c.tests()).as(c.requirementId()).isNotEmpty();
                });
        assertThat(build.claim("tech-stack-2").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        RequirementClaim readme = build.claim("output-1");
        assertThat(readme.status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        String test = readme.tests().get(0);
        String file = language.startsWith("Python") ? "tests/test_readme.py"
                : language.startsWith("JavaScript") ? "test/readme.test.js" : "readme_test.go";
        assertThat(test).startsWith(language.startsWith("Python") ? "tests.test_readme.ReadmeTest#test_output"
                : language.startsWith("JavaScript") ? "test/readme.test.js#output1_" : "example.com/notes#TestOutput1_");
        assertThat(build.files().get(file)).contains(test.substring(test.indexOf('#') + 1))
                .contains("README.md").contains("## Run").as("skeleton features are not implemented")
                .doesNotContain("- Add notes with a title");
    }

    static ProjectInput withUnsupportedFeature(ProjectType type) {
        List<String> core = List.of("Add notes with a title", "Export monthly reports to PDF");
        ProjectSpec spec = ProjectSpec.builder("Notes", type).features(core, List.of("Sync notes with Dropbox"))
                .techStack(List.of("Language: Java 17", "Database: PostgreSQL", "Framework: Express"))
                .qualityRequirements(List.of("Unit tests for every feature", "Response times under 100 ms"))
                .outputExpectations(List.of("A README that explains how to run the application", "A Docker image"))
                .build();
        Entity note = new Entity("Note", "notes", List.of(new Field("title", FieldType.STRING, true)),
                Set.of(Operation.CREATE, Operation.LIST, Operation.GET), List.of(), List.of(), List.of(), List.of(),
                Set.of(), List.of());
        Domain domain = new Domain(List.of(note), List.of(
                new FeatureMapping("core", 0, core.get(0), "Note", List.of(Operation.CREATE), "create notes"),
                new FeatureMapping("core", 1, core.get(1), null, List.of(), "not understood: no PDF output"),
                new FeatureMapping("extended", 0, "Sync notes with Dropbox", "Note", List.of(Operation.LIST),
                        "list notes", List.of("with Dropbox"))), List.of());
        return new ProjectInput(spec, domain, Architecture.design(spec, domain), Map.of());
    }

    @Test
    void anUnimplementableFeatureIsClaimedNotImplementedWithItsReasonAndTheDocsSaySo() {
        ProjectInput in = withUnsupportedFeature(ProjectType.API_SERVICE);
        ProjectLayout layout = JavaLayout.of(in);
        List<RequirementClaim> claims = Ledger.claims(in, layout);
        assertThat(claims).extracting(RequirementClaim::requirementId).containsExactly("core-1", "core-2",
                "extended-1", "tech-stack-1", "tech-stack-2", "tech-stack-3", "quality-1", "quality-2", "output-1",
                "output-2");
        Map<String, RequirementClaim> byId = new java.util.HashMap<>();
        claims.forEach(c -> byId.put(c.requirementId(), c));
        assertThat(byId.get("core-1").status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        assertThat(byId.get("core-2").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(byId.get("core-2").reason()).contains("not understood: no PDF output");
        assertThat(byId.get("extended-1").status()).isEqualTo(RequirementStatus.PARTIAL);
        assertThat(byId.get("extended-1").gaps()).containsExactly("with Dropbox");
        assertThat(byId.get("extended-1").reason()).as("the reason says why in words, not the gaps again")
                .doesNotContain("Dropbox").contains("no generated code enforces");
        assertThat(byId.get("extended-1").tests()).containsExactly("com.example.notes.RequirementsTest#extended1_syncNotesWithDropbox");
        assertThat(byId.get("tech-stack-1").status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        assertThat(byId.get("tech-stack-2").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(byId.get("tech-stack-2").reason()).contains("PostgreSQL");
        assertThat(byId.get("tech-stack-3").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(byId.get("quality-1").status()).isEqualTo(RequirementStatus.PARTIAL);
        assertThat(byId.get("quality-1").gaps()).containsExactly("tests of core-2",
                "tests of what extended-1 leaves out");
        assertThat(byId.get("quality-1").reason()).isEqualTo("feature core-2 is not implemented, so it has no test; "
                + "feature extended-1 is partial: its passing test covers only what is built");
        assertThat(byId.get("quality-2").reason()).isEqualTo(Ledger.NOT_ACTED_ON);
        assertThat(byId.get("output-1").files()).containsExactly("README.md");
        assertThat(byId.get("output-2").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);

        Map<String, String> files = SecretFieldTest.render(layout);
        String readme = files.get("README.md");
        String features = readme.substring(readme.indexOf("## Features"), readme.indexOf("## Not implemented"));
        assertThat(features).contains("- Add notes with a title").doesNotContain("PDF").doesNotContain("Dropbox");
        String missing = readme.substring(readme.indexOf("## Not implemented"));
        assertThat(missing).contains("`core-2` \"Export monthly reports to PDF\": the simple backend did not generate"
                + " it: not understood: no PDF output")
                .contains("`extended-1` \"Sync notes with Dropbox\": partly:")
                .contains("with Dropbox").contains("`tech-stack-2` \"Database: PostgreSQL\"")
                .contains("`output-2` \"A Docker image\": the simple backend does not act on this");
        String usage = files.get("docs/usage.md");
        assertThat(usage).contains("| Add notes with a title |").doesNotContain("| Export monthly reports to PDF |")
                .contains("## Not implemented");
    }
}

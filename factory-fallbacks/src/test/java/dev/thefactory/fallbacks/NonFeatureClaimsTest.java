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
 * Requirements other than features that the Java output honours are claimed with a generated test of their own that
 * proves them (and fails on a project that does not honour them); the others are claimed not implemented.
 */
class NonFeatureClaimsTest {

    private static final String TESTS = "com.example.gymbooking.RequirementsTest#";

    @TempDir
    Path dir;

    private static ProjectSpec gym(ProjectType type, String language) {
        return ProjectSpec.builder("Gym Booking", type)
                .features(List.of("Add classes with a name, an instructor and a capacity", "List all classes"),
                        List.of())
                .techStack(List.of("Language: " + language))
                .qualityRequirements(List.of(
                        "Every command prints a clear error and exits with a non-zero code on bad input"))
                .architectureHints(List.of("No dependencies besides the JDK"))
                .outputExpectations(List.of("A single runnable jar"))
                .build();
    }

    @Test
    void badInputJarAndNoDependenciesAreClaimedWithTestsThatPass() throws Exception {
        CoreDriver.Build build = CoreDriver.build(gym(ProjectType.CLI_TOOL, "Java 17"));
        RequirementClaim errors = build.claim("quality-1");
        assertThat(errors.status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        assertThat(errors.tests()).containsExactly(TESTS + "quality1_everyCommandPrintsAClear");
        assertThat(build.claim("architecture-1").tests()).containsExactly(TESTS + "architecture1_noDependenciesBesidesTheJdk");
        assertThat(build.claim("output-1").tests()).containsExactly(TESTS + "output1_aSingleRunnableJar");
        assertThat(build.claim("output-1").files()).contains("pom.xml");
        Path classes = GeneratedJava.compile(build.files(), dir.resolve("ok"));
        GeneratedJava.TestRun run = GeneratedJava.runTests(build.files(), dir.resolve("ok"), classes);
        assertThat(run.failed()).as(run.failures()).isZero();
        for (String id : List.of("quality-1", "architecture-1", "output-1")) {
            assertThat(build.claim(id).status()).as(id).isEqualTo(RequirementStatus.IMPLEMENTED);
            assertThat(run.passed()).as(id).containsAll(build.claim(id).tests());
        }
    }

    @Test
    void theGeneratedTestsFailOnAProjectThatDoesNotHonourThem() throws Exception {
        CoreDriver.Build build = CoreDriver.build(gym(ProjectType.CLI_TOOL, "Java 17"));
        Map<String, String> broken = new TreeMap<>(build.files());
        String main = "src/main/java/com/example/gymbooking/Main.java";
        broken.put(main, broken.get(main).replace("System.exit(2);", "return;"));
        broken.put("pom.xml", broken.get("pom.xml").replace("<scope>test</scope>", "")
                .replace("<mainClass>com.example.gymbooking.Main</mainClass>", "<mainClass>Other</mainClass>"));
        Path classes = GeneratedJava.compile(broken, dir.resolve("broken"));
        GeneratedJava.TestRun run = GeneratedJava.runTests(broken, dir.resolve("broken"), classes);
        assertThat(run.passed()).doesNotContain(TESTS + "quality1_everyCommandPrintsAClear",
                TESTS + "architecture1_noDependenciesBesidesTheJdk", TESTS + "output1_aSingleRunnableJar");
    }

    @Test
    void theErrorTestFailsWhenAnActionIgnoresArgumentsItDoesNotTake() throws Exception {
        CoreDriver.Build build = CoreDriver.build(gym(ProjectType.CLI_TOOL, "Java 17"));
        String test = build.files().get("src/test/java/com/example/gymbooking/RequirementsTest.java");
        assertThat(test).contains("java.util.List.of(\"class-item\", \"list\", \"extra\", \"words\")",
                "java.util.List.of(\"class-item\", \"list\", \"--nonsense\", \"yes\")",
                "java.util.List.of(\"class-item\", \"get\", \"1\", \"extra\")");
        Map<String, String> lax = new TreeMap<>(build.files());
        String arguments = "src/main/java/com/example/gymbooking/cli/Arguments.java";
        String expect = "public void expect(String action, int positional, boolean withOptions) {";
        assertThat(lax.get(arguments)).contains(expect);
        lax.put(arguments, lax.get(arguments).replace(expect, expect + "\n        if (action != null) {\n"
                + "            return;\n        }"));
        Path classes = GeneratedJava.compile(lax, dir.resolve("lax"));
        GeneratedJava.TestRun run = GeneratedJava.runTests(lax, dir.resolve("lax"), classes);
        assertThat(run.passed()).doesNotContain(TESTS + "quality1_everyCommandPrintsAClear")
                .contains(build.claim("core-2").tests().get(0));
    }

    @Test
    void aStorageEntryIsJudgedByTheProductItNamesAndByTheFileStore() throws Exception {
        ProjectSpec spec = ProjectSpec.builder("Time Log", ProjectType.CLI_TOOL)
                .features(List.of("Add entries with a note and a duration in minutes", "List entries"), List.of())
                .techStack(List.of("Language: Java 17", "Storage: flat files", "storage: a JSON file in the user's "
                        + "home directory", "Database: PostgreSQL", "Storage: SQLite (sqlite3 from the standard "
                        + "library)", "Storage: in memory"))
                .technicalPreferences(List.of("Store data in a single file under ~/.tt"))
                .build();
        CoreDriver.Build java = CoreDriver.build(spec);
        String storageTest = "com.example.timelog.repository.StorageTest#";
        RequirementClaim flat = java.claim("tech-stack-2");
        assertThat(flat.status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        assertThat(flat.tests()).containsExactly(storageTest + "aFileStoreKeepsItemsForTheNextStart");
        assertThat(flat.files()).contains("src/main/java/com/example/timelog/repository/FileRepository.java");
        RequirementClaim json = java.claim("tech-stack-3");
        assertThat(json.status()).isEqualTo(RequirementStatus.PARTIAL);
        assertThat(json.gaps()).containsExactly("a single file (the store writes one file per kind of item)",
                "a JSON document (each file holds one JSON object per line)",
                "the location named (the data directory is ./data unless storage.directory says otherwise)");
        assertThat(java.claim("tech-stack-4").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(java.claim("tech-stack-4").reason()).startsWith("the generated project uses no PostgreSQL database");
        assertThat(java.claim("tech-stack-5").reason()).startsWith("the generated project uses no SQLite database");
        assertThat(java.claim("tech-stack-6").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(java.claim("tech-stack-6").reason()).contains("keeps its items in files by default");
        RequirementClaim single = java.claim("technical-1");
        assertThat(single.status()).isEqualTo(RequirementStatus.PARTIAL);
        assertThat(single.gaps()).hasSize(2).first().asString().startsWith("a single file");
        Path classes = GeneratedJava.compile(java.files(), dir.resolve("store"));
        GeneratedJava.TestRun run = GeneratedJava.runTests(java.files(), dir.resolve("store"), classes);
        assertThat(run.passed()).containsAll(flat.tests());

        CoreDriver.Build python = CoreDriver.build(spec.toBuilder().techStack(List.of("Language: Python 3",
                "Storage: SQLite (sqlite3 from the standard library)")).build());
        RequirementClaim sqlite = python.claim("tech-stack-2");
        assertThat(sqlite.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(sqlite.reason()).contains("keeps its items in memory only", "it uses no SQLite database")
                .doesNotContain("standard library");
    }

    @Test
    void stackReasonsNameOnlyWhatTheProjectHasAndSkeletonReasonsNameTheCommandsItHas() throws Exception {
        ProjectSpec spec = ProjectSpec.builder("Plant Water", ProjectType.CLI_TOOL)
                .features(List.of("Add plants with a name and a location", "Remove plants",
                        "Filter plants by location", "Send a desktop notification every morning at 8am"), List.of())
                .techStack(List.of("Language: Java 17", "Scheduler: cron",
                        "Port: configurable via the PORT environment variable"))
                .build();
        CoreDriver.Build java = CoreDriver.build(spec);
        assertThat(java.claim("tech-stack-2").reason()).isEqualTo("the simple backend does not use cron: it "
                + "generates Java 17 with its standard library only (JSON-lines files), Maven and JUnit 5");
        assertThat(java.claim("tech-stack-3").reason()).startsWith("the simple backend does not act on this entry: ")
                .doesNotContain("does not use configurable").doesNotContain("HTTP server");
        CoreDriver.Build api = CoreDriver.build(ProjectSpec.builder("Plant Water", ProjectType.API_SERVICE)
                .features(spec.features().core(), List.of()).techStack(spec.techStack()).build());
        assertThat(api.claim("tech-stack-2").reason()).contains("(the JDK HTTP server, ");

        CoreDriver.Build python = CoreDriver.build(spec.toBuilder().techStack(List.of("Language: Python 3")).build());
        assertThat(python.claim("core-1").reason()).contains("it has `plant add --name ...` for this, but no test of "
                + "this feature, so it is not claimed");
        assertThat(python.claim("core-2").reason()).contains("it has `plant delete <id>` for this");
        assertThat(python.claim("core-3").reason()).contains("its generic commands do not find");
        assertThat(python.claim("core-4").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(python.files()).containsKeys("README.md", "docs/usage.md");
    }

    @Test
    void aServiceHasNoCommandsToExitWithACodeAndALibraryNoRunnableJar() throws Exception {
        CoreDriver.Build api = CoreDriver.build(gym(ProjectType.API_SERVICE, "Java 17"));
        assertThat(api.claim("quality-1").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(api.claim("quality-1").reason()).contains("not a command line");
        assertThat(api.claim("output-1").status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        CoreDriver.Build library = CoreDriver.build(gym(ProjectType.LIBRARY, "Java 17"));
        assertThat(library.claim("output-1").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(library.claim("output-1").reason()).contains("no main class");
        CoreDriver.Build python = CoreDriver.build(gym(ProjectType.CLI_TOOL, "Python 3"));
        assertThat(python.claim("output-1").reason()).contains("only Java projects are packaged as a runnable jar");
        assertThat(python.claim("quality-1").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
    }

    @Test
    void aPythonProjectIsAPipInstallableSetuptoolsBuildAndStackReasonsDoNotContradictThemselves() throws Exception {
        ProjectSpec spec = ProjectSpec.builder("Invoice CLI", ProjectType.CLI_TOOL)
                .features(List.of("Add invoices with a customer and an amount"), List.of())
                .techStack(List.of("Language: Python 3", "CLI: argparse", "Storage: a JSON file in the home directory",
                        "Testing: pytest"))
                .outputExpectations(List.of("A pyproject.toml so it installs with pip"))
                .build();
        CoreDriver.Build build = CoreDriver.build(spec);
        assertThat(build.files().get("pyproject.toml")).contains("[build-system]", "build-backend = "
                + "\"setuptools.build_meta\"", "[project.scripts]", "\"invoice-cli\" = \"invoice_cli.__main__:cli\"");
        assertThat(build.claim("output-1").status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        assertThat(build.claim("output-1").tests())
                .containsExactly("tests.test_packaging.PackagingTest#test_pyproject_installs_with_pip");
        assertThat(build.files()).containsKey("tests/test_packaging.py");
        assertThat(build.claim("tech-stack-2").reason()).isEqualTo("the generated Python 3 code does not use "
                + "argparse, although it is part of the standard library: it reads its command-line arguments itself");
        assertThat(build.claim("tech-stack-3").reason()).startsWith("the generated Python 3 project keeps its items "
                + "in memory only").doesNotContain("standard library");
        assertThat(build.claim("tech-stack-4").reason()).contains("does not use pytest");
        CoreDriver.Build java = CoreDriver.build(spec.toBuilder().techStack(List.of("Language: Java 17")).build());
        assertThat(java.claim("output-1").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(java.claim("output-1").reason()).contains("only Python projects get a pyproject.toml");
    }

    @Test
    void aSkeletonForAnApiServiceSaysItsTypeIsNotHonoured() throws Exception {
        ProjectSpec spec = ProjectSpec.builder("Expenses", ProjectType.API_SERVICE)
                .features(List.of("Add expenses with a title and an amount"), List.of())
                .techStack(List.of("Language: JavaScript (Node.js 20)")).build();
        CoreDriver.Build build = CoreDriver.build(spec);
        RequirementClaim language = build.claim("tech-stack-1");
        assertThat(language.status()).isEqualTo(RequirementStatus.PARTIAL);
        assertThat(language.gaps()).containsExactly("an HTTP server (the spec's type is api_service)");
        assertThat(language.reason()).contains("starts no HTTP server", "Ask for Java");
        assertThat(build.files().get("README.md")).contains("A command-line program written in")
                .contains("The spec asks for an API service").doesNotContain("An API service written in");
    }

    @Test
    void aFrontendEntryCitesThePageTestWhichChecksEveryFieldOfThePrimaryItem() throws Exception {
        ProjectSpec spec = ProjectSpec.builder("Bug Tracker", ProjectType.WEB_APP)
                .features(List.of("Add bugs with a title, a description and an optional due date"), List.of())
                .techStack(List.of("Language: Java 17", "Frontend: plain HTML, no framework"))
                .outputExpectations(List.of("A README with an example session")).build();
        CoreDriver.Build build = CoreDriver.build(spec);
        RequirementClaim frontend = build.claim("tech-stack-2");
        assertThat(frontend.status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        assertThat(frontend.tests()).first().isEqualTo("com.example.bugtracker.RequirementsTest#"
                + "thePageFormHasEveryRequiredField");
        assertThat(frontend.files()).contains("src/main/resources/static/index.html");
        String test = build.files().get("src/test/java/com/example/bugtracker/RequirementsTest.java");
        assertThat(test).contains("page.contains(\"name=\\\"title\\\" required\")",
                "page.contains(\"name=\\\"description\\\" required\")", "page.contains(\"name=\\\"dueDate\\\"\")");
        RequirementClaim readme = build.claim("output-1");
        assertThat(readme.status()).isEqualTo(RequirementStatus.PARTIAL);
        assertThat(readme.gaps()).containsExactly("the output of an example session");
        // a page without the optional field fails the page test
        Map<String, String> broken = new TreeMap<>(build.files());
        String page = "src/main/resources/static/index.html";
        broken.put(page, broken.get(page).replace("name=\"dueDate\"", "name=\"other\""));
        Path classes = GeneratedJava.compile(broken, dir.resolve("page"));
        GeneratedJava.TestRun run = GeneratedJava.runTests(broken, dir.resolve("page"), classes);
        assertThat(run.passed()).doesNotContain(frontend.tests().get(0)).contains(readme.tests().get(0));
    }

    @Test
    void usageDocumentsPartialFeaturesWithWhatTheyLeaveOut() throws Exception {
        ProjectSpec spec = ProjectSpec.builder("Library", ProjectType.API_SERVICE)
                .features(List.of("Add books with a title", "Delete books (admins only)"), List.of()).build();
        CoreDriver.Build build = CoreDriver.build(spec);
        assertThat(build.claim("core-2").status()).isEqualTo(RequirementStatus.PARTIAL);
        assertThat(build.files().get("docs/usage.md")).contains("| Delete books (admins only) (*partly*: not "
                + "honoured: admins only) |");
    }
}

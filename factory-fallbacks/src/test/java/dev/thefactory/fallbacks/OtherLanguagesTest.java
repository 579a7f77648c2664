package dev.thefactory.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A tech stack in another language gives a modest project in that language, flagged as not compile-checked. */
class OtherLanguagesTest {

    private static ProjectSpec spec(String stack) {
        return Specs.todo(ProjectType.API_SERVICE).toBuilder().techStack(List.of(stack)).build();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Language: Python 3.12; python; src/todo_app/models.py; tests/test_store.py; pyproject.toml; "
                + "requires-python = \">=3.12\"",
        "Backend: Node.js with Express; javascript; src/models.js; test/store.test.js; package.json; "
                + "\"node\": \">=18\"",
        "Language: JavaScript (Node.js 22); javascript; src/models.js; test/store.test.js; package.json; "
                + "\"node\": \">=22\"",
        "Language: Go 1.22; go; models.go; store_test.go; go.mod; go 1.22",
        "Language: Go; go; models.go; store_test.go; go.mod; go 1.18",
        "Python; python; src/todo_app/models.py; pyproject.toml; pyproject.toml; requires-python = \">=3.9\""})
    void generatesTheLanguageAndSaysItIsUnchecked(String stack, String language, String code, String test,
            String buildFile, String declared) throws Exception {
        CoreDriver.Build build = CoreDriver.build(spec(stack));
        assertThat(build.facts()).containsEntry("simple.design.language", language);
        assertThat(build.files()).containsKeys(code, test, "README.md", "docs/usage.md", ".gitignore");
        assertThat(build.files().keySet()).noneMatch(p -> p.endsWith(".java"));
        assertThat(build.notes()).anyMatch(n -> n.contains("not compile-checked one by one")
                && n.contains("its own tests are run by the build"));
        assertThat(build.files().get("README.md")).contains("The Factory's build runs its tests with ")
                .doesNotContain("has not been compiled or tested");
        assertThat(build.files().get(code)).contains("\"task\"");
        assertThat(build.files().get(buildFile)).contains(declared);
    }

    @TempDir
    Path dir;

    /**
     * The skeletons are not checked by The Factory itself, but where the interpreter happens to be installed the
     * tests of the module run their generated tests, so that a broken template is noticed.
     */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Language: Python; python3; -m unittest discover -s tests -t .",
        "Language: Node.js; node; --test test/"})
    void theSkeletonsOwnTestsPassWhereTheInterpreterIsInstalled(String stack, String tool, String args)
            throws Exception {
        Assumptions.assumeTrue(installed(tool), tool + " is not installed");
        CoreDriver.Build build = CoreDriver.build(Specs.inventory(ProjectType.CLI_TOOL).toBuilder()
                .techStack(List.of(stack))
                .outputExpectations(List.of("A README that explains how to run the application")).build());
        assertThat(build.files()).containsKey(tool.equals("node") ? "test/readme.test.js" : "tests/test_readme.py");
        GeneratedJava.write(build.files(), dir);
        List<String> command = new java.util.ArrayList<>(List.of(tool));
        command.addAll(List.of(args.split(" ")));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("PYTHONPATH", "src", "PYTHONDONTWRITEBYTECODE", "1"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static boolean installed(String tool) {
        try {
            Process process = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @ParameterizedTest
    @CsvSource({"Language: Python 3.12", "Language: Go 1.22", "Language: Node.js 20"})
    void aSkeletonSaysItDoesNotEnforceTheListedLevelValues(String stack) throws Exception {
        CoreDriver.Build build = CoreDriver.build(spec(stack));
        assertThat(build.notes()).anyMatch(n -> n.contains("skeleton accepts only LOW, MEDIUM, HIGH for Task.priority")
                && n.contains("LOW, NORMAL, HIGH"));
    }

    @Test
    void anUnsupportedLanguageFallsBackToJavaAndSaysSo() throws Exception {
        CoreDriver.Build build = CoreDriver.build(spec("Language: Rust 1.80"));
        assertThat(build.facts()).containsEntry("simple.design.language", "java");
        assertThat(build.notes()).anyMatch(n -> n.contains("'Rust 1.80'") && n.contains("generated Java instead"));
        assertThat(build.files()).containsKey("pom.xml");
    }

    @Test
    void javaAndJvmStacksStayJava() throws Exception {
        assertThat(CoreDriver.build(spec("Language: Java 17")).facts()).containsEntry("simple.design.language", "java");
        assertThat(CoreDriver.build(spec("Framework: React")).facts()).containsEntry("simple.design.language", "java");
    }
}

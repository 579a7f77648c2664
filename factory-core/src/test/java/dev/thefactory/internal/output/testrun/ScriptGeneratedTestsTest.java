package dev.thefactory.internal.output.testrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.thefactory.api.GeneratedTestSettings;
import dev.thefactory.api.TestSummary;
import dev.thefactory.internal.output.TestOutcome;
import dev.thefactory.internal.output.TestOutcome.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs generated Python, Node.js and Go projects' tests with their own runners (laid out as the built-in backend
 * lays them out); each test needs its toolchain and is skipped without it, except the ones that check what happens
 * when a toolchain is missing.
 */
class ScriptGeneratedTestsTest {

    private static final GeneratedTestSettings SETTINGS = GeneratedTestSettings.defaults()
            .withTimeout(Duration.ofSeconds(60));
    private static final ChildEnvironment HERE = ChildEnvironment.of(System.getenv());

    @TempDir
    Path project;
    @TempDir
    Path work;

    private void write(String path, String content) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private GeneratedTestRun.Result run(Map<String, String> environment) {
        return new GeneratedTestRun(environment, work).run(project, SETTINGS);
    }

    private void pythonProject() throws IOException {
        write("pyproject.toml", "[project]\nname = \"demo\"\nversion = \"0.1.0\"\n");
        write("src/demo/__init__.py", "\"\"\"Demo.\"\"\"\n");
        write("src/demo/store.py", "def add(a, b):\n    return a + b\n");
    }

    @Test
    void pythonUnittestsRunWithNamesRelativeToTheProjectRoot() throws IOException {
        assumeTrue(HERE.find("python3").isPresent(), "python3 is not installed");
        pythonProject();
        write("tests/test_store.py", """
                import unittest

                from demo.store import add


                class StoreTest(unittest.TestCase):

                    def test_adds(self):
                        self.assertEqual(3, add(1, 2))

                    def test_fails_on_purpose(self):
                        self.assertEqual(4, add(1, 2))

                    @unittest.skip("not yet")
                    def test_later(self):
                        pass

                    def test_subtests(self):
                        for n in (1, 2):
                            with self.subTest(n=n):
                                self.assertEqual(n, 1)
                """);
        write("tests/test_broken.py", "import no_such_module\n");

        GeneratedTestRun.Result result = run(System.getenv());

        assertThat(result.tests()).extracting(TestOutcome::name, TestOutcome::status).containsExactly(
                tuple("tests.test_broken#<import>", Status.FAILED),
                tuple("tests.test_store.StoreTest#test_adds", Status.PASSED),
                tuple("tests.test_store.StoreTest#test_fails_on_purpose", Status.FAILED),
                tuple("tests.test_store.StoreTest#test_later", Status.SKIPPED),
                tuple("tests.test_store.StoreTest#test_subtests", Status.FAILED));
        assertThat(result.summary()).isEqualTo(new TestSummary(5, 1, 3, 1, null));
        assertThat(result.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("tests.test_store.StoreTest#test_fails_on_purpose: generated test failed: ")
                .contains("AssertionError: 4 != 3").contains("tests/test_store.py:12"));
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).startsWith("tests.test_broken#<import>")
                .contains("No module named 'no_such_module'"));
    }

    @Test
    void pythonProjectsThatUsePytestRunWithPytest() throws IOException {
        assumeTrue(HERE.find("python3").isPresent(), "python3 is not installed");
        pythonProject();
        write("tests/conftest.py", "");
        write("tests/test_functions.py", """
                import pytest

                from demo.store import add


                def test_adds():
                    assert add(1, 2) == 3


                @pytest.mark.skip(reason="not yet")
                def test_later():
                    pass


                class TestGroup:
                    def test_fails(self):
                        assert add(1, 2) == 4
                """);

        GeneratedTestRun.Result result = run(System.getenv());

        if (result.summary().unchecked() != null) {
            assertThat(result.summary().unchecked()).contains("install pytest");
            assertThat(result.summary().run()).isZero();
            return;
        }
        assertThat(result.tests()).extracting(TestOutcome::name, TestOutcome::status).containsExactly(
                tuple("tests.test_functions#test_adds", Status.PASSED),
                tuple("tests.test_functions#test_later", Status.SKIPPED),
                tuple("tests.test_functions.TestGroup#test_fails", Status.FAILED));
        assertThat(result.problems()).singleElement().asString()
                .startsWith("tests.test_functions.TestGroup#test_fails: generated test failed: ").contains("assert 3 == 4");
    }

    @Test
    void aPytestRunThatCannotStartFailsInsteadOfPassingEmpty() throws IOException {
        assumeTrue(HERE.find("python3").isPresent(), "python3 is not installed");
        pythonProject();
        write("pytest.ini", "[pytest]\naddopts = --no-such-option\n");
        write("tests/test_functions.py", "def test_adds():\n    assert True\n");

        GeneratedTestRun.Result result = run(System.getenv());

        assumeTrue(result.summary().unchecked() == null, "pytest is not installed");
        assertThat(result.summary().passed()).isZero();
        assertThat(result.problems()).singleElement().asString()
                .contains("the generated Python test process ended with exit code 4 before its tests finished")
                .contains("--no-such-option");
    }

    @Test
    void nodeTestsRunWithTheBuiltInRunner() throws IOException {
        assumeTrue(HERE.find("node").isPresent(), "node is not installed");
        write("package.json", "{\"name\": \"demo\", \"version\": \"0.1.0\", \"scripts\": {\"test\": \"node --test\"}}\n");
        write("src/store.js", "exports.add = (a, b) => a + b;\n");
        write("test/store.test.js", """
                const test = require('node:test');
                const { describe, it } = require('node:test');
                const assert = require('node:assert');
                const { add } = require('../src/store');

                test('adds', () => assert.strictEqual(add(1, 2), 3));
                test('fails on purpose', () => assert.strictEqual(add(1, 2), 4));
                test('later', { skip: 'not yet' }, () => {});
                describe('suite', () => {
                  it('nested', () => assert.ok(true));
                });
                """);

        GeneratedTestRun.Result result = run(System.getenv());

        assertThat(result.tests()).extracting(TestOutcome::name, TestOutcome::status).containsExactly(
                tuple("test/store.test.js#adds", Status.PASSED),
                tuple("test/store.test.js#fails on purpose", Status.FAILED),
                tuple("test/store.test.js#later", Status.SKIPPED),
                tuple("test/store.test.js#suite > nested", Status.PASSED));
        assertThat(result.summary()).isEqualTo(new TestSummary(4, 2, 1, 1, null));
        assertThat(result.problems()).singleElement().asString()
                .startsWith("test/store.test.js#fails on purpose: generated test failed: ").contains("3 !== 4");
    }

    @Test
    void goTestsRunWithGoTest() throws IOException {
        assumeTrue(HERE.find("go").isPresent(), "go is not installed");
        goProject();

        GeneratedTestRun.Result result = run(System.getenv());

        assertThat(result.tests()).extracting(TestOutcome::name, TestOutcome::status).containsExactly(
                tuple("example.com/demo#TestAdd", Status.PASSED),
                tuple("example.com/demo#TestFail", Status.FAILED),
                tuple("example.com/demo#TestSkip", Status.SKIPPED),
                tuple("example.com/demo#TestSub", Status.FAILED));
        assertThat(result.summary()).isEqualTo(new TestSummary(4, 1, 2, 1, null));
        assertThat(result.problems()).containsExactly(
                "example.com/demo#TestFail: generated test failed: store_test.go:6: expected 4, got 3",
                "example.com/demo#TestSub: generated test failed: store_test.go:8: inner broke");
    }

    @Test
    void goCodeThatDoesNotBuildFailsTheRun() throws IOException {
        assumeTrue(HERE.find("go").isPresent(), "go is not installed");
        write("go.mod", "module example.com/demo\n\ngo 1.19\n");
        write("main.go", "package main\n\nfunc main() { undefinedCall() }\n");
        write("main_test.go", "package main\n\nimport \"testing\"\n\nfunc TestNothing(t *testing.T) {}\n");

        GeneratedTestRun.Result result = run(System.getenv());

        assertThat(result.summary().run()).isZero();
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).startsWith("example.com/demo: go test failed")
                .contains("undefined: undefinedCall"));
    }

    @Test
    void aMissingToolchainLeavesTheTestsUncheckedNeverPassed() throws IOException {
        goProject();
        pythonProject();
        write("tests/test_store.py", "import unittest\n\nclass T(unittest.TestCase):\n    def test_x(self):\n"
                + "        pass\n");
        write("test/store.test.js", "require('node:test')('x', () => {});\n");
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("PATH", work.resolve("no-such-directory").toString());

        GeneratedTestRun.Result result = run(environment);

        assertThat(result.summary().run()).isZero();
        assertThat(result.summary().passed()).isZero();
        assertThat(result.summary().unchecked()).isEqualTo(String.join("; ", PythonTests.NO_PYTHON,
                NodeTests.NO_NODE, GoTests.NO_GO));
        assertThat(GoTests.NO_GO).startsWith("go was not found on the PATH; ");
        assertThat(result.problems()).isEmpty();
    }

    /** Writes an executable script that prints a version, standing in for a toolchain. */
    private Path fakeToolchain(String name, String prints) throws IOException {
        Path bin = Files.createDirectories(work.resolve("fake-bin"));
        Path script = bin.resolve(name);
        Files.writeString(script, "#!/bin/sh\necho '" + prints + "'\nexit 0\n");
        assertThat(script.toFile().setExecutable(true)).isTrue();
        return bin;
    }

    @Test
    void aToolchainOlderThanTheProjectRequiresLeavesTheTestsUncheckedNeverPassed() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh");
        write("pyproject.toml", "[project]\nname = \"demo\"\nrequires-python = \">=3.12\"\n");
        write("tests/test_store.py", "import unittest\n\nclass T(unittest.TestCase):\n    def test_x(self):\n"
                + "        pass\n");
        write("package.json", "{\"name\": \"demo\", \"engines\": {\"node\": \">=22\"}}\n");
        write("test/store.test.js", "require('node:test')('x', () => {});\n");
        write("go.mod", "module example.com/demo\n\ngo 1.22\n");
        write("store_test.go", "package main\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) {}\n");
        fakeToolchain("python3", "Python 3.11.7");
        fakeToolchain("node", "v20.20.2");
        Path bin = fakeToolchain("go", "go version go1.19.8 linux/amd64");
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("PATH", bin.toString());

        GeneratedTestRun.Result result = run(environment);

        assertThat(result.summary().run()).isZero();
        assertThat(result.summary().unchecked()).isEqualTo(String.join("; ",
                "Python 3.11.7 is installed; the project requires 3.12 or later, so its tests were not run (install "
                        + "Python 3.12 or later)",
                "Node.js 20.20.2 is installed; the project requires 22 or later, so its tests were not run (install "
                        + "Node.js 22 or later)",
                "Go 1.19.8 is installed; the project requires 1.22 or later, so its tests were not run (install Go "
                        + "1.22 or later)"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void aProjectThatRequiresAFarFuturePythonIsNotRunByTheInstalledOne() throws IOException {
        assumeTrue(HERE.find("python3").isPresent(), "python3 is not installed");
        write("pyproject.toml", "[project]\nname = \"demo\"\nrequires-python = \">=99\"\n");
        write("tests/test_store.py", "import unittest\n\nclass T(unittest.TestCase):\n    def test_x(self):\n"
                + "        pass\n");

        GeneratedTestRun.Result result = run(System.getenv());

        assertThat(result.summary().run()).isZero();
        assertThat(result.summary().unchecked()).matches("Python 3\\.[0-9.]+ is installed; the project requires 99 "
                + "or later, so its tests were not run \\(install Python 99 or later\\)");
    }

    @Test
    void aToolchainNewEnoughRunsTheTestsAndIsNamedInTheNotes() throws IOException {
        assumeTrue(HERE.find("python3").isPresent(), "python3 is not installed");
        write("pyproject.toml", "[project]\nname = \"demo\"\nrequires-python = \">=3.0\"\n");
        write("tests/test_store.py", "import unittest\n\nclass T(unittest.TestCase):\n    def test_x(self):\n"
                + "        pass\n");

        GeneratedTestRun.Result result = run(System.getenv());

        assertThat(result.summary()).isEqualTo(new TestSummary(1, 1, 0, 0, null));
        assertThat(result.notes()).singleElement().asString()
                .matches("the generated Python tests ran with Python 3\\.[0-9]+\\.[0-9]+");
    }

    @Test
    void aHangingScriptTestIsKilledAtTheTimeLimit() throws IOException {
        assumeTrue(HERE.find("node").isPresent(), "node is not installed");
        write("test/hang.test.js", "require('node:test')('hangs', () => new Promise(() => setInterval(() => {}, 1000)));\n");

        GeneratedTestRun.Result result = new GeneratedTestRun(System.getenv(), work).run(project,
                SETTINGS.withTimeout(Duration.ofSeconds(3)));

        assertThat(result.problems()).anySatisfy(p -> assertThat(p)
                .contains("generated JavaScript tests did not finish within the time limit of 3 s"));
        assertThat(result.summary().passed()).isZero();
        assertThat(work).isEmptyDirectory();
    }

    private void goProject() throws IOException {
        write("go.mod", "module example.com/demo\n\ngo 1.19\n");
        write("main.go", "package main\n\nfunc main() {}\n");
        write("store_test.go", """
                package main

                import "testing"

                func TestAdd(t *testing.T) { if 1+2 != 3 { t.Fatal("bad") } }
                func TestFail(t *testing.T) { t.Fatalf("expected %d, got %d", 4, 3) }
                func TestSkip(t *testing.T) { t.Skip("not yet") }
                func TestSub(t *testing.T) { t.Run("inner", func(t *testing.T) { t.Error("inner broke") }) }
                """);
    }

    @Test
    void secretsAreRemovedFromTheChildEnvironment() {
        ChildEnvironment environment = ChildEnvironment.of(Map.of("FACTORY_LLM_API_KEY", "k", "FACTORY_LLM_MODEL", "m",
                "GITHUB_TOKEN", "t", "Db_Password", "p", "CLIENT_SECRET", "s", "SSH_AUTH_SOCK", "/tmp/agent",
                "JAVA_TOOL_OPTIONS", "-javaagent:x.jar", "PATH", "/usr/bin", "HOME", "/root", "LANG", "C.UTF-8"));

        assertThat(environment.variables()).containsOnlyKeys("PATH", "HOME", "LANG");
        assertThat(List.of("KEY", "TOKEN", "SECRET", "PASSWORD")).allMatch(ChildEnvironment.SECRET_MARKERS::contains);
    }
}

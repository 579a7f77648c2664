package dev.thefactory.internal.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.GeneratedTestSettings;
import dev.thefactory.api.TestSummary;
import dev.thefactory.internal.output.testrun.GeneratedTestRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output validation runs the generated tests once the files passed, and fails on a failing one. */
class OutputValidationGeneratedTestsTest {

    private static final GeneratedTestSettings SETTINGS = GeneratedTestSettings.defaults()
            .withTimeout(Duration.ofSeconds(30));
    private static final List<String> PLANNED = List.of("src/main/java/demo/Calc.java",
            "src/test/java/demo/CalcTest.java");

    @TempDir
    Path project;
    @TempDir
    Path work;

    private OutputValidation validation() {
        return new OutputValidation(new JavaSourceValidator(), List.of(), List.of(),
                new GeneratedTestRun(System.getenv(), work));
    }

    private void write(String path, String content) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void calculator(String expected) throws IOException {
        write("src/main/java/demo/Calc.java", "package demo;\n\npublic final class Calc {\n"
                + "    public static int add(int a, int b) {\n        return a + b;\n    }\n}\n");
        write("src/test/java/demo/CalcTest.java", "package demo;\n\nimport org.junit.jupiter.api.Test;\n\n"
                + "class CalcTest {\n    @Test\n    void adds() {\n"
                + "        org.junit.jupiter.api.Assertions.assertEquals(" + expected + ", Calc.add(1, 2));\n"
                + "    }\n}\n");
    }

    @Test
    void passingGeneratedTestsAreInTheReport() throws IOException {
        calculator("3");

        ValidationReport report = validation().validate(project, PLANNED, SETTINGS);

        assertThat(report.passed()).isTrue();
        assertThat(report.summary().tests()).isEqualTo(new TestSummary(1, 1, 0, 0, null));
        assertThat(report.tests()).containsExactly(new TestOutcome("demo.CalcTest#adds", TestOutcome.Status.PASSED,
                ""));
        assertThat(report.summary().checked()).isEqualTo(2);
        assertThat(report.notes()).as("only which Java ran them").singleElement().asString()
                .startsWith("The generated Java tests ran with Java " + Runtime.version().feature());
    }

    @Test
    void aFailingGeneratedTestFailsValidationLikeACompileError() throws IOException {
        calculator("4");

        ValidationReport report = validation().validate(project, PLANNED, SETTINGS);

        assertThat(report.passed()).isFalse();
        assertThat(report.summary().tests()).isEqualTo(new TestSummary(1, 0, 1, 0, null));
        assertThat(report.problems()).singleElement().asString()
                .startsWith("demo.CalcTest#adds: generated test failed: ").contains("expected: <4> but was: <3>");
        assertThat(report.test("demo.CalcTest#adds")).map(TestOutcome::status).contains(TestOutcome.Status.FAILED);
    }

    @Test
    void turnedOffTheTestsAreUncheckedAndNothingRuns() throws IOException {
        calculator("4");

        ValidationReport report = validation().validate(project, PLANNED, SETTINGS.withEnabled(false));

        assertThat(report.passed()).isTrue();
        assertThat(report.summary().tests())
                .isEqualTo(TestSummary.unchecked("running the generated tests was turned off"));
        assertThat(report.tests()).isEmpty();
        assertThat(report.notes()).containsExactly("Generated tests not run: running the generated tests was turned off");
    }

    @Test
    void testsDoNotRunWhenTheProjectAlreadyFailed() throws IOException {
        calculator("3");
        write("src/main/java/demo/Broken.java", "package demo;\n\nclass Broken { int x = \"s\"; }\n");

        ValidationReport report = validation().validate(project, PLANNED, SETTINGS);

        assertThat(report.passed()).isFalse();
        assertThat(report.summary().tests()).isEqualTo(TestSummary.unchecked(OutputValidation.TESTS_NOT_REACHED));
        assertThat(report.tests()).isEmpty();
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void theFilesOnlyValidationRunsNoTests() throws IOException {
        calculator("4");

        ValidationReport report = validation().validate(project, PLANNED);

        assertThat(report.passed()).isTrue();
        assertThat(report.summary().tests()).isEqualTo(TestSummary.NONE);
    }
}

package dev.thefactory.internal.output.testrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs generated Java projects' JUnit Jupiter tests in a child JVM. */
class JavaGeneratedTestsTest {

    private static final GeneratedTestSettings SHORT = GeneratedTestSettings.defaults().withTimeout(Duration.ofSeconds(30))
            .withMaxHeapBytes(128L * 1024 * 1024);

    @TempDir
    Path project;
    @TempDir
    Path work;
    @TempDir
    Path side;

    private void write(String path, String content) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private GeneratedTestRun runner(Map<String, String> environment) {
        return new GeneratedTestRun(environment, work);
    }

    private GeneratedTestRun runner() {
        return runner(System.getenv());
    }

    private void calculator() throws IOException {
        write("pom.xml", "<project/>\n");
        write("src/main/java/demo/Calc.java", """
                package demo;

                public final class Calc {
                    public static int add(int a, int b) {
                        return a + b;
                    }
                }
                """);
        write("src/main/resources/app.properties", "name=demo\n");
        write("src/test/resources/data.txt", "fixture\n");
    }

    @Test
    void passingFailingAndSkippedTestsAreCountedAndNamed() throws IOException {
        calculator();
        write("src/test/java/demo/CalcTest.java", """
                package demo;

                import static org.junit.jupiter.api.Assertions.assertEquals;
                import static org.junit.jupiter.api.Assertions.assertNotNull;

                import org.junit.jupiter.api.Assumptions;
                import org.junit.jupiter.api.Disabled;
                import org.junit.jupiter.api.Nested;
                import org.junit.jupiter.api.Test;

                class CalcTest {
                    @Test
                    void adds() {
                        assertEquals(3, Calc.add(1, 2));
                    }

                    @Test
                    void failsOnPurpose() {
                        assertEquals(4, Calc.add(1, 2), "one plus two");
                    }

                    @Disabled("not yet")
                    @Test
                    void later() {
                    }

                    @Test
                    void aborted() {
                        Assumptions.assumeTrue(false, "no network");
                    }

                    @Test
                    void readsResources() {
                        assertNotNull(CalcTest.class.getResource("/data.txt"));
                        assertNotNull(CalcTest.class.getResource("/app.properties"));
                    }

                    @Nested
                    class Inner {
                        @Test
                        void throwsError() {
                            throw new IllegalStateException("broken");
                        }
                    }
                }
                """);

        GeneratedTestRun.Result result = runner().run(project, SHORT);

        assertThat(result.summary()).isEqualTo(new TestSummary(6, 2, 2, 2, null));
        assertThat(result.notes()).containsExactly("the generated Java tests ran with Java " + Runtime.version()
                + " (compiled with --release 17)");
        assertThat(result.tests()).extracting(TestOutcome::name, TestOutcome::status).containsExactly(
                tuple("demo.CalcTest#aborted", Status.SKIPPED),
                tuple("demo.CalcTest#adds", Status.PASSED),
                tuple("demo.CalcTest#failsOnPurpose", Status.FAILED),
                tuple("demo.CalcTest#later", Status.SKIPPED),
                tuple("demo.CalcTest#readsResources", Status.PASSED),
                tuple("demo.CalcTest$Inner#throwsError", Status.FAILED));
        assertThat(outcome(result, "demo.CalcTest#later").message()).isEqualTo("not yet");
        assertThat(outcome(result, "demo.CalcTest#failsOnPurpose").message())
                .contains("one plus two ==> expected: <4> but was: <3>").contains("CalcTest.java:19");
        assertThat(result.problems()).hasSize(2);
        assertThat(result.problems().get(0)).startsWith("demo.CalcTest#failsOnPurpose: generated test failed: ")
                .contains("expected: <4> but was: <3>");
        assertThat(result.problems().get(1)).startsWith("demo.CalcTest$Inner#throwsError: generated test failed: ")
                .contains("java.lang.IllegalStateException: broken");
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void aProjectWithoutTestsRunsNothing() throws IOException {
        calculator();

        GeneratedTestRun.Result result = runner().run(project, SHORT);

        assertThat(result.summary()).isEqualTo(TestSummary.NONE);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void turnedOffRunsNothingAndSaysSo() throws IOException {
        calculator();
        write("src/test/java/demo/CalcTest.java", "package demo;\nclass CalcTest {\n"
                + "    @org.junit.jupiter.api.Test void fails() { throw new AssertionError(); }\n}\n");

        GeneratedTestRun.Result result = runner().run(project, SHORT.withEnabled(false));

        assertThat(result.summary()).isEqualTo(TestSummary.unchecked("running the generated tests was turned off"));
        assertThat(result.tests()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aHangingTestIsKilledAtTheTimeLimitWithEveryProcessItStarted() throws Exception {
        calculator();
        Path pidFile = side.resolve("pids.txt");
        write("src/test/java/demo/HangTest.java", """
                package demo;

                import java.nio.file.Files;
                import java.nio.file.Path;
                import org.junit.jupiter.api.Test;

                class HangTest {
                    @Test
                    void hangs() throws Exception {
                        Process child = new ProcessBuilder("sleep", "600").start();
                        Files.writeString(Path.of("PIDS"), ProcessHandle.current().pid() + " " + child.pid() + " "
                                + System.getProperty("user.dir"));
                        Thread.sleep(600_000);
                    }
                }
                """.replace("PIDS", pidFile.toString()));

        long started = System.nanoTime();
        GeneratedTestRun.Result result = runner().run(project, SHORT.withTimeout(Duration.ofSeconds(4)));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(20));
        assertThat(result.summary()).isEqualTo(new TestSummary(1, 0, 1, 0, null));
        assertThat(outcome(result, "demo.HangTest#hangs").message()).isEqualTo("killed at the time limit of 4 s");
        assertThat(result.problems()).anySatisfy(p -> assertThat(p)
                .contains("did not finish within the time limit of 4 s").contains("demo.HangTest#hangs was running")
                .contains("killed"));
        String[] written = Files.readString(pidFile).split(" ", 3);
        for (String pid : List.of(written[0], written[1])) {
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(pid));
            assertThat(process.map(ProcessHandle::isAlive).orElse(false)).as("process " + pid + " alive").isFalse();
        }
        Path copy = Path.of(written[2]);
        assertThat(copy).doesNotExist();
        assertThat(copy.startsWith(work)).isTrue();
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void aTestThatAllocatesBeyondTheHeapCapFails() throws IOException {
        calculator();
        write("src/test/java/demo/GreedyTest.java", """
                package demo;

                import java.util.ArrayList;
                import java.util.List;
                import org.junit.jupiter.api.Test;

                class GreedyTest {
                    static final List<byte[]> KEPT = new ArrayList<>();

                    @Test
                    void allocatesOneGibibyte() {
                        for (int i = 0; i < 64; i++) {
                            KEPT.add(new byte[16 * 1024 * 1024]);
                        }
                    }
                }
                """);

        GeneratedTestRun.Result result = runner().run(project, SHORT.withMaxHeapBytes(48L * 1024 * 1024));

        assertThat(result.summary().failed()).isEqualTo(1);
        assertThat(outcome(result, "demo.GreedyTest#allocatesOneGibibyte").message())
                .isEqualTo("ran out of memory: the heap cap is 48 MiB");
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("ran out of memory")
                .contains("48 MiB"));
    }

    @Test
    void secretsInTheEnvironmentAreNotVisibleToTheTests() throws IOException {
        calculator();
        write("src/test/java/demo/EnvTest.java", """
                package demo;

                import static org.junit.jupiter.api.Assertions.assertEquals;
                import static org.junit.jupiter.api.Assertions.assertNull;

                import org.junit.jupiter.api.Test;

                class EnvTest {
                    @Test
                    void seesNoSecrets() {
                        assertNull(System.getenv("FACTORY_LLM_API_KEY"), "FACTORY_LLM_API_KEY");
                        assertNull(System.getenv("FACTORY_LLM_BASE_URL"), "FACTORY_LLM_BASE_URL");
                        assertNull(System.getenv("GITHUB_TOKEN"), "GITHUB_TOKEN");
                        assertNull(System.getenv("db_password"), "db_password");
                        assertNull(System.getenv("AWS_SECRET_ACCESS_KEY"), "AWS_SECRET_ACCESS_KEY");
                        assertNull(System.getenv("JAVA_TOOL_OPTIONS"), "JAVA_TOOL_OPTIONS");
                        assertEquals("visible", System.getenv("PLAIN_SETTING"));
                    }
                }
                """);
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("FACTORY_LLM_API_KEY", "sk-do-not-leak");
        environment.put("FACTORY_LLM_BASE_URL", "http://127.0.0.1:1");
        environment.put("GITHUB_TOKEN", "ghp-do-not-leak");
        environment.put("db_password", "hunter2");
        environment.put("AWS_SECRET_ACCESS_KEY", "do-not-leak");
        environment.put("JAVA_TOOL_OPTIONS", "-Dinjected=true");
        environment.put("PLAIN_SETTING", "visible");

        GeneratedTestRun.Result result = runner(environment).run(project, SHORT);

        assertThat(result.problems()).isEmpty();
        assertThat(result.summary()).isEqualTo(new TestSummary(1, 1, 0, 0, null));
    }

    @Test
    void testsThatNeedMoreThanJUnitJupiterAreUncheckedNeverPassed() throws IOException {
        calculator();
        write("src/test/java/demo/AssertjTest.java", """
                package demo;

                import org.assertj.core.api.Assertions;
                import org.junit.jupiter.api.Test;

                class AssertjTest {
                    @Test
                    void adds() {
                        Assertions.assertThat(Calc.add(1, 2)).isEqualTo(3);
                    }
                }
                """);

        GeneratedTestRun.Result result = runner().run(project, SHORT);

        assertThat(result.summary().run()).isZero();
        assertThat(result.summary().unchecked()).contains("do not compile against the main classes and JUnit Jupiter")
                .contains("org.assertj.core.api");
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void withoutTheJUnitPlatformTheTestsAreUncheckedWithWhatToAdd() throws IOException {
        calculator();
        write("src/test/java/demo/CalcTest.java", "package demo;\nclass CalcTest {\n"
                + "    @org.junit.jupiter.api.Test void adds() { }\n}\n");
        ClassLoader jdkOnly = ClassLoader.getPlatformClassLoader();
        GeneratedTestRun run = new GeneratedTestRun(System.getenv(), work,
                List.of(new JavaTests(jdkOnly, javax.tools.ToolProvider.getSystemJavaCompiler())));

        GeneratedTestRun.Result result = run.run(project, SHORT);

        assertThat(result.summary().run()).isZero();
        assertThat(result.summary().unchecked()).contains("org.junit.platform.launcher.core.LauncherFactory")
                .contains("org.junit.platform:junit-platform-launcher")
                .contains("org.junit.jupiter:junit-jupiter-engine");
    }

    @Test
    void aTestThatEndsTheJvmFailsTheRun() throws IOException {
        calculator();
        write("src/test/java/demo/ExitTest.java", """
                package demo;

                import org.junit.jupiter.api.Test;

                class ExitTest {
                    @Test
                    void exits() {
                        System.out.println("leaving early");
                        System.exit(0);
                    }
                }
                """);

        GeneratedTestRun.Result result = runner().run(project, SHORT);

        assertThat(result.summary().failed()).isEqualTo(1);
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("ended with exit code 0 before its "
                + "tests finished").contains("demo.ExitTest#exits was running").contains("leaving early"));
    }

    private static TestOutcome outcome(GeneratedTestRun.Result result, String name) {
        return result.tests().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + result.tests()));
    }
}

package dev.thefactory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.BuildResult;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.SpecFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Factory.builder()...build().run()} without try-with-resources, as existing users write it, leaves no thread
 * that keeps the JVM alive: a JVM whose {@code main} runs a build and starts another, and never closes its factory,
 * exits as soon as {@code main} returns and the started build ends (daemon threads: it does not wait for the idle
 * attempt threads' keep-alive either).
 */
class RunWithoutCloseTest {

    @TempDir
    Path dir;

    /** The child JVM: one run() and one start(), no close. */
    public static final class Main {
        private Main() {
        }

        /**
         * @param args the output directory
         */
        public static void main(String[] args) {
            Factory factory = Factory.builder().spec("""
                    # Word Counter

                    Counts the words of a file.

                    ## Type: cli_tool

                    ## FEATURES

                    - Count the words of a file
                    """, SpecFormat.MARKDOWN).mode(Mode.MINIMAL).requireFeatures(FeatureRequirement.NONE)
                    .runGeneratedTests(false).outputDirectory(Path.of(args[0])).build();
            BuildResult result = factory.run();
            System.out.println("ran " + result.status());
            factory.withSpec(factory.spec()).start().result()
                    .thenAccept(started -> System.out.println("started " + started.status() + " at "
                            + System.currentTimeMillis() + " ms"));
        }
    }

    @Test
    void aJvmThatNeverClosesItsFactoryExitsWhenItsBuildsAreDone() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), dir.resolve("out").toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        boolean exited = child.waitFor(120, TimeUnit.SECONDS);
        long exitedAt = System.currentTimeMillis();
        if (!exited) {
            child.destroyForcibly();
        }

        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(exited).as("the JVM exited without close(); its output:\n" + output).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("ran SUCCEEDED").contains("started SUCCEEDED");
        Matcher done = Pattern.compile("started SUCCEEDED at (\\d+) ms").matcher(output);
        assertThat(done.find()).isTrue();
        assertThat(exitedAt - Long.parseLong(done.group(1)))
                .as("the JVM exited right after its last build, not after the idle threads' keep-alive of 30 s")
                .isLessThan(20_000);
    }
}

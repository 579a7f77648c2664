package dev.thefactory.internal.output.testrun;

import dev.thefactory.api.GeneratedTestSettings;
import dev.thefactory.internal.output.TestOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs the tests of one language in a copy of a generated project. Implementations are thread-safe and stateless.
 */
interface LanguageRunner {

    /** @return the language, as a user reads it ("Java", "Python") */
    String language();

    /**
     * @param files every regular file of the project, relative and {@code /}-separated
     * @return true when the project has tests of this language
     */
    boolean appliesTo(Set<String> files);

    /**
     * Runs the tests. A missing toolchain is an unchecked result, never a failure or a pass.
     *
     * @param work where to run
     * @return what happened
     * @throws IOException          when the runner's own files cannot be written or read
     * @throws InterruptedException when this thread is interrupted (every started process is killed first)
     */
    Result run(Workspace work) throws IOException, InterruptedException;

    /**
     * Where one language's tests run.
     *
     * @param project     the throw-away copy of the project: the tests' working directory
     * @param scratch     a directory outside the copy for the runner's own files (results, classes, temp files)
     * @param files       the project's regular files, relative and {@code /}-separated
     * @param settings    the time limit and heap cap
     * @param environment the environment without secrets
     */
    record Workspace(Path project, Path scratch, Set<String> files, GeneratedTestSettings settings,
            ChildEnvironment environment) {
        public Workspace {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(scratch, "scratch");
            files = Set.copyOf(files);
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(environment, "environment");
        }
    }

    /**
     * What one language's tests did.
     *
     * @param outcomes  one per test that ran
     * @param problems  one line per failure (a failed test, a crash, the time limit)
     * @param unchecked why the tests could not be run; null when they were
     * @param ranWith   the toolchain that ran them, such as {@code Python 3.11.7}; null when unknown or not run
     */
    record Result(List<TestOutcome> outcomes, List<String> problems, String unchecked, String ranWith) {
        public Result {
            outcomes = List.copyOf(outcomes);
            problems = List.copyOf(problems);
        }

        /**
         * @param outcomes  one per test that ran
         * @param problems  one line per failure
         * @param unchecked why the tests could not be run; null when they were
         */
        Result(List<TestOutcome> outcomes, List<String> problems, String unchecked) {
            this(outcomes, problems, unchecked, null);
        }

        /**
         * @param toolchain the toolchain that ran the tests, such as {@code Python 3.11.7}
         * @return this result, naming it
         */
        Result withToolchain(String toolchain) {
            return new Result(outcomes, problems, unchecked, toolchain);
        }

        /**
         * @param why why the tests could not be run
         * @return a result of no tests run
         */
        static Result unchecked(String why) {
            return new Result(List.of(), List.of(), why);
        }
    }
}

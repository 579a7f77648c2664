package dev.thefactory.internal.output.testrun;

import dev.thefactory.api.GeneratedTestSettings;
import dev.thefactory.api.TestSummary;
import dev.thefactory.internal.output.TestOutcome;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a generated project's own tests: this executes generated code, so it happens only in separate processes
 * (a JVM on the JUnit Platform for Java, {@code python3}, {@code node --test}, {@code go test}), each with the time
 * limit and heap cap of the {@link GeneratedTestSettings}, an environment without secrets, and the project copied into
 * a throw-away directory that is deleted afterwards — the staged project itself is never touched. A language whose
 * toolchain is missing, or older than the version the project declares it needs, is unchecked (with the reason),
 * never passed; the toolchain version that ran a language's tests is in the result's notes; a failed test, a crash
 * or the time limit is a
 * problem that fails validation.
 *
 * <pre>{@code
 * GeneratedTestRun.Result tests = new GeneratedTestRun().run(stagedRoot, GeneratedTestSettings.defaults());
 * }</pre>
 *
 * <p>Thread-safe: each run has its own directories and processes.
 */
public final class GeneratedTestRun {

    /** Why no test ran when running them is turned off. */
    public static final String TURNED_OFF = "running the generated tests was turned off";

    private static final Logger LOG = LoggerFactory.getLogger(GeneratedTestRun.class);

    private final ChildEnvironment environment;
    private final Path workParent;
    private final List<LanguageRunner> runners;

    /** Runs with this process's environment (without secrets) in {@code java.io.tmpdir}. */
    public GeneratedTestRun() {
        this(System.getenv(), null);
    }

    /**
     * @param environment the environment to pass on, before secrets are removed
     * @param workParent  where throw-away copies are made (outside any project); null for {@code java.io.tmpdir}
     */
    public GeneratedTestRun(Map<String, String> environment, Path workParent) {
        this(environment, workParent, List.of(new JavaTests(), new PythonTests(), new NodeTests(), new GoTests()));
    }

    GeneratedTestRun(Map<String, String> environment, Path workParent, List<LanguageRunner> runners) {
        this.environment = ChildEnvironment.of(environment);
        this.workParent = workParent;
        this.runners = List.copyOf(runners);
    }

    /**
     * What the generated tests did.
     *
     * @param summary  the counts, and why tests were not run where they were not
     * @param tests    the outcome of every test that ran, sorted by name
     * @param problems one line per failure: each failed test with its message, a crash, the time limit
     * @param notes    what the reader should know about tests that ran, such as {@code ran with Python 3.11.7}
     */
    public record Result(TestSummary summary, List<TestOutcome> tests, List<String> problems, List<String> notes) {
        /** @throws NullPointerException if a component is null */
        public Result {
            Objects.requireNonNull(summary, "summary");
            tests = List.copyOf(tests);
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }

        /**
         * A result without notes.
         *
         * @param summary  the counts, and why tests were not run where they were not
         * @param tests    the outcome of every test that ran, sorted by name
         * @param problems one line per failure
         */
        public Result(TestSummary summary, List<TestOutcome> tests, List<String> problems) {
            this(summary, tests, problems, List.of());
        }

        /**
         * @param why why no test ran
         * @return a result of no tests run
         */
        public static Result unchecked(String why) {
            return new Result(TestSummary.unchecked(why), List.of(), List.of());
        }
    }

    /**
     * Runs the tests of every language the project has tests in.
     *
     * @param projectRoot the validated project (only read, through a copy)
     * @param settings    whether to run them, the time limit and the heap cap
     * @return what happened; {@link TestSummary#NONE} when the project has no tests
     */
    public Result run(Path projectRoot, GeneratedTestSettings settings) {
        return run(projectRoot, settings, null);
    }

    /**
     * Runs the tests as {@link #run(Path, GeneratedTestSettings)} does, with the throw-away copy in a work directory of
     * the caller's.
     *
     * @param projectRoot the validated project (only read, through a copy)
     * @param settings    whether to run them, the time limit and the heap cap
     * @param workIn      where the throw-away copy is made (a build's own work directory, which the build cleans even
     *                    after a crash); null for this run's own (by default {@code java.io.tmpdir})
     * @return what happened; {@link TestSummary#NONE} when the project has no tests
     */
    public Result run(Path projectRoot, GeneratedTestSettings settings, Path workIn) {
        Objects.requireNonNull(projectRoot, "projectRoot");
        Path workParent = workIn != null ? workIn : this.workParent;
        Objects.requireNonNull(settings, "settings");
        if (!settings.enabled()) {
            return Result.unchecked(TURNED_OFF);
        }
        Set<String> files;
        try {
            files = regularFiles(projectRoot);
        } catch (IOException e) {
            return new Result(TestSummary.NONE, List.of(), List.of(projectRoot + ": the project could not be listed to "
                    + "run its tests: " + e));
        }
        List<LanguageRunner> applicable = runners.stream().filter(r -> r.appliesTo(files)).toList();
        if (applicable.isEmpty()) {
            return new Result(TestSummary.NONE, List.of(), List.of());
        }
        Path work = null;
        Map<String, TestOutcome> outcomes = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            work = workParent == null ? Files.createTempDirectory("factory-tests-")
                    : Files.createTempDirectory(workParent, "factory-tests-");
            for (LanguageRunner runner : applicable) {
                Path scratch = Files.createDirectory(work.resolve(runner.language().toLowerCase(Locale.ROOT)));
                Path copy = scratch.resolve("project");
                copyTree(projectRoot, copy, files);
                long started = System.nanoTime();
                LanguageRunner.Result result = runner.run(new LanguageRunner.Workspace(copy, scratch, files, settings,
                        environment));
                LOG.info("ran the generated {} tests of {} in {} ms{}: {} test(s), {} problem(s){}",
                        runner.language(), projectRoot, (System.nanoTime() - started) / 1_000_000,
                        result.ranWith() == null ? "" : " with " + result.ranWith(), result.outcomes().size(),
                        result.problems().size(), result.unchecked() == null ? "" : "; not run: " + result.unchecked());
                result.outcomes().forEach(t -> outcomes.putIfAbsent(t.name(), t));
                problems.addAll(result.problems());
                if (result.unchecked() != null) {
                    unchecked.add(result.unchecked());
                } else if (result.ranWith() != null) {
                    notes.add("the generated " + runner.language() + " tests ran with " + result.ranWith());
                }
            }
        } catch (IOException e) {
            problems.add("the generated tests could not be run: " + e + "; check that the temporary directory "
                    + "(java.io.tmpdir) is writable");
        } catch (RuntimeException e) {
            LOG.warn("running the generated tests of {} failed", projectRoot, e);
            problems.add("the generated tests could not be run: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("running the generated tests was interrupted; the test processes were killed");
        } finally {
            delete(work);
        }
        return new Result(summary(outcomes.values(), unchecked), List.copyOf(outcomes.values()), problems, notes);
    }

    private static TestSummary summary(Iterable<TestOutcome> outcomes, List<String> unchecked) {
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        for (TestOutcome test : outcomes) {
            switch (test.status()) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case SKIPPED -> skipped++;
            }
        }
        return new TestSummary(passed + failed + skipped, passed, failed, skipped,
                unchecked.isEmpty() ? null : String.join("; ", unchecked));
    }

    private static Set<String> regularFiles(Path root) throws IOException {
        Set<String> files = new TreeSet<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    files.add(root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/"));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    /** Copies the regular files (never a link, which validation refuses anyway). */
    private static void copyTree(Path from, Path to, Set<String> files) throws IOException {
        Files.createDirectories(to);
        for (String file : files) {
            Path source = from.resolve(file);
            if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Path target = to.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** Deletes a throw-away directory, never following links the tests may have made; a failure is logged. */
    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    // A test may have left a directory read-only; its entries could not be removed otherwise.
                    d.toFile().setWritable(true, true);
                    d.toFile().setExecutable(true, true);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("could not delete the generated tests' throw-away directory {}; delete it by hand", dir, e);
        }
    }
}

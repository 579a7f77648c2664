package dev.thefactory.internal.output;

import dev.thefactory.spi.OutputValidator;
import dev.thefactory.spi.ValidationOutcome;
import dev.thefactory.spi.ValidationOutcome.Status;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles a generated project's Java sources in-process with {@code javax.tools}, never running them: annotation
 * processing is off ({@code -proc:none}), so no generated or third-party code executes.
 *
 * <p>Main sources (everything not under a {@code src/test/java} directory) are compiled together with
 * {@code --release 17} against the JDK alone, into a temporary directory outside the project that is deleted
 * afterwards. Each error becomes a problem {@code path:line: message}. Test sources ({@code src/test/java}) are then
 * compiled against the main classes plus this JVM's class path: if they compile they pass; if they fail only because
 * {@linkplain #testDependencyPackages() test-dependency packages} such as {@code org.junit} are not on that class path,
 * they are unchecked; any other error fails them. Without a system compiler (a JRE) every Java file is unchecked.
 * A file that compiled in a unit where other files had errors is unchecked (javac may have stopped before checking it
 * fully), never passed.
 *
 * <p>Thread-safe: every call compiles in its own temporary directories.
 */
final class JavaSourceValidator implements OutputValidator {

    /** Packages (and their sub-packages) a test may need that a generated project declares as test dependencies. */
    static final List<String> DEFAULT_TEST_DEPENDENCY_PACKAGES = List.of(
            "org.junit", "junit", "org.opentest4j", "org.apiguardian", "org.assertj", "org.mockito", "org.hamcrest",
            "net.jqwik", "org.testng", "com.tngtech.archunit", "io.restassured", "org.testcontainers",
            "org.springframework.test", "org.springframework.boot.test", "io.quarkus.test", "io.micronaut.test",
            "org.awaitility", "com.github.tomakehurst.wiremock", "org.wiremock", "org.skyscreamer.jsonassert",
            "com.google.common.truth", "org.easymock", "io.mockk", "org.xmlunit");
    /** Why test sources are unchecked when only test dependencies are missing. */
    static final String TEST_DEPENDENCIES_MISSING = "test dependencies not on the validator's class path";
    /** Why Java is unchecked on a JRE. */
    static final String NO_COMPILER = "no Java compiler in this runtime (a JRE); run on a JDK to compile-check Java";
    /** Why test sources are unchecked when the main sources failed. */
    static final String MAIN_FAILED = "not compiled because the main sources do not compile";
    /** Why a file without errors of its own is unchecked when its compilation unit failed. */
    static final String STOPPED = "not fully checked: its compilation stopped at errors in other files";

    private static final Logger LOG = LoggerFactory.getLogger(JavaSourceValidator.class);
    private static final Pattern MISSING_PACKAGE = Pattern.compile("package (\\S+) does not exist");
    private static final Pattern MISSING_CLASS_FILE = Pattern.compile("class file for (\\S+) not found");
    private static final Set<String> CONSEQUENCES_OF_MISSING_IMPORTS =
            Set.of("compiler.err.static.imp.only.classes.and.interfaces");
    private static final List<String> OPTIONS = List.of("--release", "17", "-proc:none", "-implicit:none",
            "-Xlint:none", "-nowarn", "-Xmaxerrs", "1000");

    private final JavaCompiler compiler;
    private final List<String> testDependencyPackages;
    private final List<Path> testClassPath;
    private final Path workParent;

    /**
     * A validator using the system compiler, {@link #DEFAULT_TEST_DEPENDENCY_PACKAGES}, this JVM's class path and the
     * default temporary directory.
     */
    JavaSourceValidator() {
        this(ToolProvider.getSystemJavaCompiler(), DEFAULT_TEST_DEPENDENCY_PACKAGES, currentClassPath(), null);
    }

    /**
     * @param compiler               the compiler; null when none is available (every Java file is then unchecked)
     * @param testDependencyPackages packages whose absence makes test sources unchecked rather than failed
     * @param testClassPath          what test sources compile against besides the main classes
     * @param workParent             where the temporary class directories are made (outside any project); null for
     *                               {@code java.io.tmpdir}
     */
    JavaSourceValidator(JavaCompiler compiler, List<String> testDependencyPackages, List<Path> testClassPath,
            Path workParent) {
        this.compiler = compiler;
        this.testDependencyPackages = List.copyOf(testDependencyPackages);
        this.testClassPath = List.copyOf(testClassPath);
        this.workParent = workParent;
    }

    /** @return this JVM's class path, entry by entry */
    static List<Path> currentClassPath() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry));
            }
        }
        return entries;
    }

    /** @return the packages whose absence makes test sources unchecked rather than failed */
    List<String> testDependencyPackages() {
        return testDependencyPackages;
    }

    /**
     * @param packageName a package that javac reported missing
     * @return true when it is one of {@link #testDependencyPackages()} or a sub-package of one
     */
    boolean isTestDependency(String packageName) {
        return testDependencyPackages.stream()
                .anyMatch(p -> packageName.equals(p) || packageName.startsWith(p + "."));
    }

    @Override
    public String id() {
        return "java";
    }

    @Override
    public boolean supports(String relativePath) {
        return ProjectFiles.extension(relativePath).equals("java");
    }

    /**
     * Compiles the whole project (a file cannot be compiled alone) and reports on one file. Prefer
     * {@link #validateAll}, which compiles once for all files.
     */
    @Override
    public ValidationOutcome validate(Path projectRoot, String relativePath) {
        Results results;
        try {
            results = validateAll(projectRoot, javaFilesUnder(projectRoot));
        } catch (IOException e) {
            return ValidationOutcome.failed(List.of(ProjectFiles.problem(relativePath, 0,
                    "could not list the project's Java files: " + e)));
        }
        Verdict verdict = results.files().get(relativePath);
        if (verdict == null) {
            return ValidationOutcome.failed(List.of(ProjectFiles.problem(relativePath, 0,
                    "is not a Java source file of the project")));
        }
        List<String> problems = new ArrayList<>(verdict.problems());
        problems.addAll(results.projectProblems());
        return new ValidationOutcome(problems.isEmpty() ? verdict.status() : Status.FAILED, problems);
    }

    /**
     * Compiles the given Java files of a project: main sources first, then test sources against them.
     *
     * @param projectRoot the project root (a real path)
     * @param javaFiles   normalized relative paths of the {@code .java} files to compile
     * @return a verdict per file, and problems javac reported without naming a file
     */
    Results validateAll(Path projectRoot, Collection<String> javaFiles) {
        return validateAll(projectRoot, javaFiles, null);
    }

    /**
     * Compiles the given Java files of a project as {@link #validateAll(Path, Collection)} does, with the class
     * directories in a work directory of the caller's.
     *
     * @param projectRoot the project root (a real path)
     * @param javaFiles   normalized relative paths of the {@code .java} files to compile
     * @param workIn      where the temporary class directory is made (a build's own work directory, which the build
     *                    cleans even after a crash); null for this validator's own (by default {@code java.io.tmpdir})
     * @return a verdict per file, and problems javac reported without naming a file
     */
    Results validateAll(Path projectRoot, Collection<String> javaFiles, Path workIn) {
        Objects.requireNonNull(projectRoot, "projectRoot");
        Path workParent = workIn != null ? workIn : this.workParent;
        Map<String, Verdict> verdicts = new TreeMap<>();
        if (javaFiles.isEmpty()) {
            return new Results(verdicts, List.of());
        }
        if (compiler == null) {
            javaFiles.forEach(f -> verdicts.put(f, Verdict.unchecked(NO_COMPILER)));
            return new Results(verdicts, List.of());
        }
        List<String> main = new ArrayList<>();
        List<String> test = new ArrayList<>();
        for (String file : new TreeSet<>(javaFiles)) {
            (isTestSource(file) ? test : main).add(file);
        }
        List<String> projectProblems = new ArrayList<>();
        Path work = null;
        try {
            work = workParent == null ? Files.createTempDirectory("factory-javac-")
                    : Files.createTempDirectory(workParent, "factory-javac-");
            Path mainClasses = Files.createDirectory(work.resolve("main"));
            boolean mainCompiled = true;
            if (!main.isEmpty()) {
                Compilation compilation = compile(projectRoot, main, List.of(), mainClasses);
                mainCompiled = compilation.succeeded();
                judgeMain(main, compilation, verdicts, projectProblems);
            }
            if (!test.isEmpty()) {
                if (!mainCompiled) {
                    test.forEach(f -> verdicts.put(f, Verdict.unchecked(MAIN_FAILED)));
                } else {
                    List<Path> classPath = new ArrayList<>();
                    classPath.add(mainClasses);
                    classPath.addAll(testClassPath);
                    Path testClasses = Files.createDirectory(work.resolve("test"));
                    judgeTests(test, compile(projectRoot, test, classPath, testClasses), verdicts, projectProblems);
                }
            }
        } catch (IOException e) {
            javaFiles.forEach(f -> verdicts.putIfAbsent(f, Verdict.unchecked("the compiler's temporary directory "
                    + "could not be used: " + e)));
            projectProblems.add("java: could not compile-check the Java sources: " + e
                    + "; check that the temporary directory (java.io.tmpdir) is writable");
        } finally {
            deleteQuietly(work);
        }
        return new Results(verdicts, projectProblems);
    }

    /**
     * @param relativePath a Java file's path
     * @return true when it lies under a {@code src/test/java} directory (of the project or of a module)
     */
    static boolean isTestSource(String relativePath) {
        return ("/" + relativePath).contains("/src/test/java/");
    }

    private void judgeMain(List<String> files, Compilation compilation, Map<String, Verdict> verdicts,
            List<String> projectProblems) {
        for (String file : files) {
            List<Diagnostic<? extends JavaFileObject>> errors = compilation.errorsByFile().getOrDefault(file, List.of());
            if (!errors.isEmpty()) {
                verdicts.put(file, Verdict.failed(describe(file, errors)));
            } else if (compilation.succeeded()) {
                verdicts.put(file, Verdict.passed());
            } else {
                verdicts.put(file, Verdict.unchecked(STOPPED));
            }
        }
        compilation.unattributed().forEach(d -> projectProblems.add("java (main sources): " + message(d)));
        compilation.crashes().forEach(c -> projectProblems.add("java (main sources): " + c));
    }

    private void judgeTests(List<String> files, Compilation compilation, Map<String, Verdict> verdicts,
            List<String> projectProblems) {
        boolean onlyDependenciesMissing = compilation.unattributed().isEmpty() && compilation.crashes().isEmpty()
                && compilation.errorsByFile().values().stream().allMatch(this::onlyMissingTestDependencies);
        for (String file : files) {
            List<Diagnostic<? extends JavaFileObject>> errors = compilation.errorsByFile().getOrDefault(file, List.of());
            if (compilation.succeeded()) {
                verdicts.put(file, Verdict.passed());
            } else if (errors.isEmpty()) {
                verdicts.put(file, Verdict.unchecked(onlyDependenciesMissing ? TEST_DEPENDENCIES_MISSING : STOPPED));
            } else if (onlyMissingTestDependencies(errors)) {
                verdicts.put(file, Verdict.unchecked(TEST_DEPENDENCIES_MISSING));
            } else {
                verdicts.put(file, Verdict.failed(describe(file, errors)));
            }
        }
        compilation.unattributed().forEach(d -> projectProblems.add("java (test sources): " + message(d)));
        compilation.crashes().forEach(c -> projectProblems.add("java (test sources): " + c));
    }

    /**
     * A file's errors are only missing test dependencies when at least one says a test-dependency package does not
     * exist (or a class file of one is missing) and every other is such an error or a consequence of the missing
     * imports: "cannot find symbol" (the symbols they would have provided) or "static import only from classes and
     * interfaces" (a static import from a missing class).
     */
    private boolean onlyMissingTestDependencies(List<Diagnostic<? extends JavaFileObject>> errors) {
        boolean sawMissingDependency = false;
        for (Diagnostic<? extends JavaFileObject> error : errors) {
            String code = String.valueOf(error.getCode());
            if (code.equals("compiler.err.doesnt.exist") || code.equals("compiler.err.cant.access")) {
                String missing = missingPackage(error.getMessage(Locale.ROOT));
                if (missing == null || !isTestDependency(missing)) {
                    return false;
                }
                sawMissingDependency = true;
            } else if (!CONSEQUENCES_OF_MISSING_IMPORTS.contains(code) && !code.startsWith("compiler.err.cant.resolve")) {
                return false;
            }
        }
        return sawMissingDependency;
    }

    /** @return the package named by "package X does not exist" or "class file for X.Y not found", else null */
    static String missingPackage(String message) {
        Matcher missingPackage = MISSING_PACKAGE.matcher(message);
        if (missingPackage.find()) {
            return missingPackage.group(1);
        }
        Matcher missingClass = MISSING_CLASS_FILE.matcher(message);
        if (missingClass.find()) {
            String className = missingClass.group(1);
            int dot = className.lastIndexOf('.');
            return dot < 0 ? "" : className.substring(0, dot);
        }
        return null;
    }

    private Compilation compile(Path projectRoot, List<String> files, List<Path> classPath, Path classOutput)
            throws IOException {
        Map<Path, String> relativeBySource = new HashMap<>();
        List<Path> sources = new ArrayList<>();
        for (String file : files) {
            Path source = SafePaths.resolve(projectRoot, file).toAbsolutePath().normalize();
            sources.add(source);
            relativeBySource.put(source, file);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter output = new StringWriter();
        boolean succeeded;
        try {
            // on a thread no interrupt reaches: an interrupted javac breaks every later compile of the JVM
            succeeded = CompilerThread.call(() -> {
                try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                        StandardCharsets.UTF_8)) {
                    fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
                    fileManager.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
                    fileManager.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classOutput));
                    Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(sources);
                    return Boolean.TRUE.equals(
                            compiler.getTask(output, fileManager, diagnostics, OPTIONS, null, units).call());
                }
            });
        } catch (RuntimeException e) {
            // javac reports compile errors as diagnostics; an exception here is a compiler crash, reported as such.
            LOG.warn("the Java compiler crashed while checking {} file(s) of {}", files.size(), projectRoot, e);
            return new Compilation(false, Map.of(), List.of(), List.of("the Java compiler crashed: " + e));
        }
        if (output.getBuffer().length() > 0) {
            LOG.debug("javac output for {}: {}", projectRoot, output);
        }
        Map<String, List<Diagnostic<? extends JavaFileObject>>> errorsByFile = new LinkedHashMap<>();
        List<Diagnostic<? extends JavaFileObject>> unattributed = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String file = diagnostic.getSource() == null ? null
                    : relativeBySource.get(Path.of(diagnostic.getSource().toUri()).toAbsolutePath().normalize());
            if (file == null) {
                unattributed.add(diagnostic);
            } else {
                errorsByFile.computeIfAbsent(file, f -> new ArrayList<>()).add(diagnostic);
            }
        }
        boolean clean = succeeded && errorsByFile.isEmpty() && unattributed.isEmpty();
        return new Compilation(clean, errorsByFile, unattributed, List.of());
    }

    private static List<String> describe(String file, List<Diagnostic<? extends JavaFileObject>> errors) {
        List<String> problems = new ArrayList<>(errors.size());
        for (Diagnostic<? extends JavaFileObject> error : errors) {
            problems.add(ProjectFiles.problem(file, error.getLineNumber(), error.getMessage(Locale.ROOT)));
        }
        return problems;
    }

    private static String message(Diagnostic<? extends JavaFileObject> diagnostic) {
        return String.join(" ", diagnostic.getMessage(Locale.ROOT).strip().split("\\s*\\R\\s*"));
    }

    private static List<String> javaFilesUnder(Path projectRoot) throws IOException {
        List<String> files = new ArrayList<>();
        Files.walkFileTree(projectRoot, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String relative = projectRoot.relativize(file).toString().replace(File.separatorChar, '/');
                if (attrs.isRegularFile() && relative.endsWith(".java")) {
                    files.add(relative);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            ProjectFiles.deleteTree(dir, true);
        } catch (IOException e) {
            LOG.warn("could not delete the compiler's temporary directory {}; delete it by hand", dir, e);
        }
    }

    /** The outcome of one javac run. */
    private record Compilation(boolean succeeded, Map<String, List<Diagnostic<? extends JavaFileObject>>> errorsByFile,
            List<Diagnostic<? extends JavaFileObject>> unattributed, List<String> crashes) {
    }

    /**
     * What compiling found.
     *
     * @param files           a verdict per Java file
     * @param projectProblems errors javac reported without naming a file
     */
    record Results(Map<String, Verdict> files, List<String> projectProblems) {
        Results {
            files = Map.copyOf(files);
            projectProblems = List.copyOf(projectProblems);
        }
    }
}

package dev.thefactory.internal.output.testrun;

import dev.thefactory.internal.output.CompilerThread;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
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
 * Runs a generated Java project's tests (Maven layout: sources under {@code src/main/java}, tests under
 * {@code src/test/java}, resources under {@code src/main/resources} and {@code src/test/resources}, in the project or
 * its modules): compiles main and test classes to disk with {@code javax.tools} (in one compilation), then runs them on the JUnit Platform
 * (JUnit Jupiter) in a child JVM with {@code -Xmx} set to the heap cap. The child's class path is the compiled classes,
 * the resources, a copy of {@link JUnitPlatformChild}, and the jars or directories the JUnit Platform classes are
 * loaded from in this JVM (found through each class's {@link CodeSource}). Tests are named
 * {@code fully.qualified.Class#method}.
 *
 * <p>Thread-safe and stateless.
 */
final class JavaTests implements LanguageRunner {

    /** Classes the child needs, one from each jar of the JUnit Platform with JUnit Jupiter. */
    static final List<String> PLATFORM_CLASSES = List.of(
            "org.junit.platform.launcher.core.LauncherFactory",
            "org.junit.platform.engine.TestEngine",
            "org.junit.platform.commons.JUnitException",
            "org.junit.jupiter.engine.JupiterTestEngine",
            "org.junit.jupiter.api.Test",
            "org.opentest4j.AssertionFailedError");
    /** Classes the child may use when present (annotations only). */
    static final List<String> OPTIONAL_CLASSES = List.of("org.apiguardian.api.API");
    /** Why the tests are unchecked without a compiler. */
    static final String NO_COMPILER = "no Java compiler in this runtime (a JRE); run on a JDK to run the generated "
            + "Java tests";

    private static final List<String> OPTIONS = List.of("--release", "17", "-proc:none", "-implicit:none",
            "-Xlint:none", "-nowarn");

    private static final Logger LOG = LoggerFactory.getLogger(JavaTests.class);

    private final ClassLoader platformLoader;
    private final JavaCompiler compiler;

    /** A runner that finds the JUnit Platform where this class was loaded from, using the system compiler. */
    JavaTests() {
        this(JavaTests.class.getClassLoader(), ToolProvider.getSystemJavaCompiler());
    }

    /**
     * @param platformLoader where the JUnit Platform classes are looked for
     * @param compiler       the compiler; null when there is none
     */
    JavaTests(ClassLoader platformLoader, JavaCompiler compiler) {
        this.platformLoader = platformLoader;
        this.compiler = compiler;
    }

    @Override
    public String language() {
        return "Java";
    }

    @Override
    public boolean appliesTo(Set<String> files) {
        return files.stream().anyMatch(f -> f.endsWith(".java") && isTestSource(f));
    }

    static boolean isTestSource(String path) {
        return ("/" + path).contains("/src/test/java/");
    }

    @Override
    public Result run(Workspace work) throws IOException, InterruptedException {
        List<Path> platform = new ArrayList<>();
        String missing = locate(platformLoader, platform);
        if (missing != null) {
            return Result.unchecked("the JUnit Platform is not on the factory's class path (" + missing + " was not "
                    + "found); add org.junit.platform:junit-platform-launcher and org.junit.jupiter:junit-jupiter-engine "
                    + "to it to run the generated Java tests");
        }
        if (compiler == null) {
            return Result.unchecked(NO_COMPILER);
        }
        List<Path> main = new ArrayList<>();
        List<Path> test = new ArrayList<>();
        Set<Path> resources = new LinkedHashSet<>();
        for (String file : new TreeSet<>(work.files())) {
            Path path = work.project().resolve(file);
            if (file.endsWith(".java")) {
                (isTestSource(file) ? test : main).add(path);
            }
            addResourceRoot(work.project(), file, "/src/test/resources/", resources);
        }
        for (String file : new TreeSet<>(work.files())) {
            addResourceRoot(work.project(), file, "/src/main/resources/", resources);
        }
        // Main and test sources in one compilation (javac's start-up is much of its cost): validation already
        // compiled the main sources against the JDK alone, so JUnit on this class path changes nothing for them.
        long started = System.nanoTime();
        Path classes = Files.createDirectories(work.scratch().resolve("classes"));
        List<Path> sources = new ArrayList<>(main);
        sources.addAll(test);
        String error = compile(sources, platform, classes);
        if (error != null) {
            return Result.unchecked("the generated Java tests do not compile against the main classes and JUnit "
                    + "Jupiter alone (" + error + "); only JUnit Jupiter tests can be run");
        }
        long compiled = System.nanoTime() - started;
        Path runner = work.scratch().resolve("runner");
        copyChild(runner);
        Path tmp = Files.createDirectories(work.scratch().resolve("tmp"));
        Path results = work.scratch().resolve("results.txt");
        List<Path> classPath = new ArrayList<>(List.of(runner, classes));
        classPath.addAll(resources);
        classPath.addAll(platform);
        List<String> command = List.of(javaExecutable(), "-Xmx" + work.settings().maxHeapBytes(),
                "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Djava.io.tmpdir=" + tmp, "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true",
                "-cp", join(classPath), JUnitPlatformChild.class.getName(), results.toString(), classes.toString());
        ChildProcess.Outcome process = ChildProcess.run(command, work.project(), work.environment().variables(),
                work.settings().timeout(), null);
        LOG.debug("compiled the generated Java classes in {} ms; the test JVM ran for {} ms", compiled / 1_000_000,
                process.elapsed().toMillis());
        ResultLines lines = ResultLines.read(results);
        return Judgement.of(language(), process, lines.outcomes(), lines.running(), lines.done(), work.settings(),
                List.of()).withToolchain("Java " + Runtime.version() + " (compiled with --release 17)");
    }

    private static void addResourceRoot(Path project, String file, String marker, Set<Path> roots) {
        int at = ("/" + file).indexOf(marker);
        if (at >= 0) {
            roots.add(project.resolve(file.substring(0, at + marker.length() - 2)));
        }
    }

    /**
     * Finds the class path entries of the JUnit Platform.
     *
     * @param loader  where to look
     * @param entries receives the jars and directories, without duplicates
     * @return the first required class that was not found, or null when all were
     */
    static String locate(ClassLoader loader, List<Path> entries) {
        Set<Path> found = new LinkedHashSet<>();
        for (String name : PLATFORM_CLASSES) {
            Path entry = codeSource(loader, name);
            if (entry == null) {
                return name;
            }
            found.add(entry);
        }
        for (String name : OPTIONAL_CLASSES) {
            Path entry = codeSource(loader, name);
            if (entry != null) {
                found.add(entry);
            }
        }
        entries.addAll(found);
        return null;
    }

    private static Path codeSource(ClassLoader loader, String className) {
        try {
            Class<?> type = Class.forName(className, false, loader);
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            return Path.of(source.getLocation().toURI());
        } catch (ClassNotFoundException | LinkageError | URISyntaxException | SecurityException
                | IllegalArgumentException e) {
            return null;
        }
    }

    /** Copies the child's class file (it has no nested classes) under {@code dir}. */
    private static void copyChild(Path dir) throws IOException {
        String resource = JUnitPlatformChild.class.getName().replace('.', '/') + ".class";
        Path target = dir.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = JUnitPlatformChild.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the factory's class path");
            }
            Files.copy(in, target);
        }
    }

    /** @return null when it compiled, else the first error */
    private String compile(List<Path> sources, List<Path> classPath, Path output) throws IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter log = new StringWriter();
        try {
            // on a thread no interrupt reaches: an interrupted javac breaks every later compile of the JVM
            boolean ok = CompilerThread.call(() -> {
                try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                        StandardCharsets.UTF_8)) {
                    files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
                    files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
                    files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
                    return Boolean.TRUE.equals(compiler.getTask(log, files, diagnostics, OPTIONS, null,
                            files.getJavaFileObjectsFromPaths(sources)).call());
                }
            });
            if (ok) {
                return null;
            }
        } catch (RuntimeException e) {
            return "the compiler crashed: " + e;
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).findFirst()
                .map(d -> (d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":"
                        + d.getLineNumber() + ": ") + Judgement.oneLine(d.getMessage(Locale.ROOT)))
                .orElse("javac failed: " + Judgement.oneLine(log.toString()));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String join(List<Path> entries) {
        List<String> parts = new ArrayList<>();
        entries.forEach(e -> parts.add(e.toString()));
        return String.join(File.pathSeparator, parts);
    }
}

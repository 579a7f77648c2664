package dev.thefactory.tests.e2e;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * A published Maven project, compiled and tested the way {@code mvn test} would, but in-process: its main and test
 * sources are compiled with {@code javax.tools} against this JVM's class path (which has JUnit 5), and its tests are
 * run with the JUnit Platform Launcher.
 */
final class GeneratedProject {

    private final Path root;

    GeneratedProject(Path root) {
        this.root = root;
    }

    /** Compiles {@code src/main/java} and {@code src/test/java} into {@code classes}; fails with every diagnostic. */
    Path compile(Path classes) throws IOException {
        List<Path> sources = new ArrayList<>(javaFiles(root.resolve("src/main/java")));
        sources.addAll(javaFiles(root.resolve("src/test/java")));
        if (sources.isEmpty()) {
            throw new AssertionError("no Java sources under " + root);
        }
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                java.nio.charset.StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-classpath", System.getProperty("java.class.path"),
                    "-d", classes.toString(), "-proc:none", "-Xlint:none");
            StringWriter out = new StringWriter();
            boolean ok = compiler.getTask(out, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                StringBuilder message = new StringBuilder("generated project does not compile:\n");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    message.append(d.getKind()).append(' ').append(d.getSource() == null ? "" : d.getSource().getName())
                            .append(':').append(d.getLineNumber()).append(": ").append(d.getMessage(Locale.ROOT))
                            .append('\n');
                }
                throw new AssertionError(message.append(out));
            }
        }
        copyResources(root.resolve("src/main/resources"), classes);
        copyResources(root.resolve("src/test/resources"), classes);
        return classes;
    }

    /**
     * Runs every test found in {@code classes} and returns the summary. The generated tests read the project's files
     * (pom.xml, README.md) from their working directory, which Maven and the factory's runner set to the project's
     * root; here they run in this JVM, so the {@code user.dir} they read is pointed at the root while they run.
     */
    static TestExecutionSummary runTests(Path classes, Path projectRoot) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        String workingDirectory = System.getProperty("user.dir");
        System.setProperty("user.dir", projectRoot.toAbsolutePath().toString());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                GeneratedProject.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClasspathRoots(Set.of(classes)))
                    .build();
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(request, listener);
            return listener.getSummary();
        } finally {
            thread.setContextClassLoader(previous);
            System.setProperty("user.dir", workingDirectory);
        }
    }

    /** Compiles, runs the tests, and asserts that there were some and all passed. */
    TestExecutionSummary compileAndTest(Path work) throws IOException {
        TestExecutionSummary summary = runTests(compile(work.resolve("classes")), root);
        if (summary.getTotalFailureCount() > 0 || summary.getTestsSucceededCount() == 0) {
            StringWriter failures = new StringWriter();
            summary.printFailuresTo(new java.io.PrintWriter(failures), 20);
            throw new AssertionError("generated tests of " + root + ": " + summary.getTestsSucceededCount()
                    + " passed, " + summary.getTotalFailureCount() + " failed\n" + failures);
        }
        return summary;
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static void copyResources(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                try {
                    Path target = to.resolve(from.relativize(file).toString().replace(File.separatorChar, '/'));
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

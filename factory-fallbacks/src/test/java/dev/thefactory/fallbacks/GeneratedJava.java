package dev.thefactory.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/** Writes a generated project to disk, compiles its Java with javac, and runs its JUnit 5 tests in-process. */
final class GeneratedJava {

    /** What the generated tests did. */
    record TestRun(long found, long succeeded, long failed, String failures, java.util.Set<String> passed) {
    }

    private GeneratedJava() {
    }

    static Path write(Map<String, String> files, Path root) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey()).normalize();
            assertThat(path.startsWith(root)).as("%s stays inside the project", file.getKey()).isTrue();
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
        return root;
    }

    /**
     * Compiles every {@code .java} file of the project (main and test) with all lint warnings as errors.
     *
     * @return the output directory
     */
    static Path compile(Map<String, String> files, Path root) throws IOException {
        write(files, root);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK with javac").isNotNull();
        Path classes = Files.createDirectories(root.resolve("target-classes"));
        List<File> sources = new ArrayList<>();
        for (String path : files.keySet()) {
            if (path.endsWith(".java")) {
                sources.add(root.resolve(path).toFile());
            }
        }
        assertThat(sources).as("Java sources").isNotEmpty();
        StringWriter output = new StringWriter();
        try (StandardJavaFileManager manager = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = manager.getJavaFileObjectsFromFiles(sources);
            List<String> options = List.of("--release", "17", "-proc:none", "-Xlint:all", "-Werror",
                    "-encoding", "UTF-8", "-classpath", System.getProperty("java.class.path"),
                    "-d", classes.toString());
            Boolean ok = compiler.getTask(output, manager, null, options, null, units).call();
            assertThat(ok).as("javac of the generated project:%n%s", output).isTrue();
        }
        return classes;
    }

    /**
     * Runs every generated test class and reports the counts. The generated tests read the project's files (pom.xml,
     * README.md) from their working directory, which Maven and the factory's runner set to the project's root; here
     * they run in this JVM, so the {@code user.dir} they read is pointed at the root while they run.
     */
    static TestRun runTests(Map<String, String> files, Path root, Path classes) throws Exception {
        List<String> testClasses = new ArrayList<>();
        for (String path : files.keySet()) {
            if (path.startsWith("src/test/java/") && path.endsWith("Test.java")) {
                testClasses.add(path.substring("src/test/java/".length(), path.length() - ".java".length())
                        .replace('/', '.'));
            }
        }
        URL[] urls = {classes.toUri().toURL(), root.resolve("src/main/resources").toUri().toURL()};
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        String workingDirectory = System.getProperty("user.dir");
        System.setProperty("user.dir", root.toString());
        try (URLClassLoader loader = new URLClassLoader(urls, GeneratedJava.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
            for (String name : testClasses) {
                request.selectors(DiscoverySelectors.selectClass(loader.loadClass(name)));
            }
            LauncherDiscoveryRequest discovery = request.build();
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            java.util.Set<String> passed = new java.util.TreeSet<>();
            TestExecutionListener names = new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                    if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                            && id.getSource().orElse(null) instanceof MethodSource method) {
                        passed.add(method.getClassName() + "#" + method.getMethodName());
                    }
                }
            };
            launcher.execute(discovery, listener, names);
            TestExecutionSummary summary = listener.getSummary();
            StringWriter failures = new StringWriter();
            summary.printFailuresTo(new java.io.PrintWriter(failures), 20);
            return new TestRun(summary.getTestsFoundCount(), summary.getTestsSucceededCount(),
                    summary.getTotalFailureCount(), failures.toString(), passed);
        } finally {
            thread.setContextClassLoader(previous);
            System.setProperty("user.dir", workingDirectory);
        }
    }
}

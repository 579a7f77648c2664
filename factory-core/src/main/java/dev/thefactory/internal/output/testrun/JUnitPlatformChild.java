package dev.thefactory.internal.output.testrun;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of the child JVM that runs a generated Java project's tests on the JUnit Platform. It is copied out
 * of the factory's jar into the child's class path on its own, so it may use only the JDK and the JUnit Platform
 * launcher API (no other class of the factory, no nested classes). It writes one line per event to the results file,
 * flushed at once so that the parent knows which test was running if the process dies:
 * {@code STARTED<tab>name}, {@code PASSED<tab>name}, {@code FAILED<tab>name<tab>message},
 * {@code SKIPPED<tab>name<tab>reason}, and {@code DONE} at the end. Tabs, line breaks and backslashes in a field are
 * escaped as {@code \t}, {@code \n}, {@code \r} and {@code \\}.
 *
 * <p>Not thread-safe; the launcher calls a listener from one thread at a time.
 */
public final class JUnitPlatformChild implements TestExecutionListener {

    /** The longest message written for one test, in characters. */
    static final int MAX_MESSAGE = 2_000;

    private final BufferedWriter out;
    private final Set<String> written = new HashSet<>();
    private TestPlan plan;

    private JUnitPlatformChild(BufferedWriter out) {
        this.out = out;
    }

    /**
     * Runs every test found in a class directory and exits with 0 once all results are written (whether or not tests
     * failed), or with 2 when the arguments are wrong.
     *
     * @param args the results file, then the directory of compiled test classes
     * @throws IOException when the results file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: JUnitPlatformChild <results file> <test classes directory>");
            System.exit(2);
        }
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
            JUnitPlatformChild listener = new JUnitPlatformChild(out);
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClasspathRoots(Set.of(Path.of(args[1]))))
                    .build();
            LauncherFactory.create().execute(request, listener);
            listener.line("DONE");
        }
        // Threads a test left running must not keep this process alive.
        System.exit(0);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.isTest()) {
            line("STARTED\t" + escape(name(id)));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        List<TestIdentifier> tests = new ArrayList<>();
        if (id.isTest()) {
            tests.add(id);
        } else if (plan != null) {
            plan.getDescendants(id).stream().filter(TestIdentifier::isTest).forEach(tests::add);
        }
        for (TestIdentifier test : tests) {
            record("SKIPPED", name(test), reason == null ? "" : reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        String message = result.getThrowable().map(JUnitPlatformChild::describe).orElse("");
        // An if chain, not a switch on the enum: that would compile to a nested class, which is not copied.
        TestExecutionResult.Status status = result.getStatus();
        if (status == TestExecutionResult.Status.SUCCESSFUL && id.isTest()) {
            record("PASSED", name(id), "");
        } else if (status == TestExecutionResult.Status.ABORTED && id.isTest()) {
            record("SKIPPED", name(id), message);
        } else if (status == TestExecutionResult.Status.FAILED) {
            // A container that fails (an engine that cannot discover, a failing @BeforeAll) is reported too: its
            // tests may never have started.
            record("FAILED", name(id), message);
        }
    }

    private void record(String status, String name, String message) {
        if (written.add(name)) {
            line(status + "\t" + escape(name) + "\t" + escape(message));
        }
    }

    private void line(String text) {
        try {
            out.write(text);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test results", e);
        }
    }

    /**
     * A test's name: {@code fully.qualified.Class#method}, with {@code [1]}-style suffixes for the invocations of a
     * parameterized, repeated or dynamic test; a container's: its class, or its engine.
     */
    static String name(TestIdentifier id) {
        Optional<TestSource> source = id.getSource();
        UniqueId uniqueId = id.getUniqueIdObject();
        if (source.isPresent() && source.get() instanceof MethodSource method) {
            return method.getClassName() + "#" + method.getMethodName() + invocationSuffix(uniqueId);
        }
        if (source.isPresent() && source.get() instanceof ClassSource type) {
            return type.getClassName();
        }
        List<UniqueId.Segment> segments = uniqueId.getSegments();
        if (segments.size() == 1) {
            return "[engine " + segments.get(0).getValue() + "]";
        }
        return id.getLegacyReportingName() + " (" + uniqueId + ")";
    }

    private static String invocationSuffix(UniqueId uniqueId) {
        StringBuilder suffix = new StringBuilder();
        boolean afterMethod = false;
        for (UniqueId.Segment segment : uniqueId.getSegments()) {
            if (afterMethod) {
                String value = segment.getValue();
                suffix.append(suffix.length() == 0 ? "[" : ".").append(value.startsWith("#") ? value.substring(1)
                        : value);
            } else {
                afterMethod = segment.getType().equals("method") || segment.getType().equals("test-template")
                        || segment.getType().equals("test-factory");
            }
        }
        return suffix.length() == 0 ? "" : suffix.append(']').toString();
    }

    /** The throwable and where it was thrown from, in the test's own code when that is on the stack. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure));
        StackTraceElement where = null;
        for (StackTraceElement frame : failure.getStackTrace()) {
            String type = frame.getClassName();
            boolean framework = type.startsWith("org.junit.") || type.startsWith("org.opentest4j.")
                    || type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.");
            if (!framework) {
                where = frame;
                break;
            }
        }
        if (where != null) {
            text.append(" (at ").append(where).append(')');
        }
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "..." : text.toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}

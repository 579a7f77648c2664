package dev.thefactory.internal.output.testrun;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a generated Node.js project's tests with {@code node --test} (the built-in runner's own file patterns) and a
 * reporter that writes one line per test (see {@code node_reporter.mjs} next to this class). The V8 heap is capped
 * with {@code --max-old-space-size} through {@code NODE_OPTIONS}, which the runner's per-file processes inherit.
 * Tests are named {@code path/to/file.test.js#<test name>}. When the installed Node.js is older than the oldest
 * version the project's {@code package.json} {@code engines.node} accepts, the tests are not run (unchecked, with the
 * reason); a newer one runs them (Node.js keeps running code written for older versions).
 *
 * <p>Thread-safe and stateless.
 */
final class NodeTests implements LanguageRunner {

    /** Why the tests are unchecked without Node.js. */
    static final String NO_NODE = "node was not found on the PATH; install Node.js 20 or later to run the generated "
            + "JavaScript tests";

    /** The oldest Node.js major version the test run supports. */
    static final int MIN_MAJOR = 20;

    private static final Pattern VERSION = Pattern.compile("v(\\d{1,4})\\.");

    /** The file names {@code node --test} runs by default (and any script under a {@code test} directory). */
    private static final Pattern TEST_FILE = Pattern.compile(
            "(^|.*/)(test|test-[^/]*|[^/]*[.\\-_]test)\\.[cm]?js$|(^|.*/)test/[^/]*\\.[cm]?js$");

    @Override
    public String language() {
        return "JavaScript";
    }

    @Override
    public boolean appliesTo(Set<String> files) {
        return files.stream().anyMatch(f -> TEST_FILE.matcher(f).matches() && Scripts.isProjectSource(f)
                && !JavaTests.isTestSource(f) && !f.contains("/resources/"));
    }

    @Override
    public Result run(Workspace work) throws IOException, InterruptedException {
        Optional<Path> node = work.environment().find("node");
        if (node.isEmpty()) {
            return Result.unchecked(NO_NODE);
        }
        String said = LanguageVersion.ask(List.of(node.get().toString(), "--version"), work);
        Matcher major = VERSION.matcher(said);
        if (!major.find() || Integer.parseInt(major.group(1)) < MIN_MAJOR) {
            return Result.unchecked("node " + said + " is older than Node.js "
                    + MIN_MAJOR + ", which the test run needs (node --test with a custom reporter); install Node.js "
                    + MIN_MAJOR + " or later to run the generated JavaScript tests");
        }
        Optional<LanguageVersion> installed = LanguageVersion.installedNode(said);
        Optional<String> tooOld = LanguageVersion.tooOld("Node.js", installed, LanguageVersion.read(work.project(),
                "package.json").flatMap(LanguageVersion::requiredNode), said);
        if (tooOld.isPresent()) {
            return Result.unchecked(tooOld.get());
        }
        Path reporter = Scripts.copy("node_reporter.mjs", work.scratch());
        Path results = work.scratch().resolve("results.txt");
        Path tmp = Scripts.tmp(work);
        long heapMib = Math.max(16, work.settings().maxHeapBytes() / (1024 * 1024));
        Map<String, String> environment = work.environment().with(Map.of("NODE_OPTIONS",
                "--max-old-space-size=" + heapMib, "TMPDIR", tmp.toString(), "NO_COLOR", "1"));
        ChildProcess.Outcome process = ChildProcess.run(List.of(node.get().toString(), "--test",
                "--test-reporter=" + reporter.toUri(), "--test-reporter-destination=" + results),
                work.project(), environment, work.settings().timeout(), null);
        ResultLines lines = ResultLines.read(results);
        return Judgement.of(language(), process, lines.outcomes(), lines.running(), lines.done(), work.settings(),
                List.of()).withToolchain(installed.map(v -> "Node.js " + v).orElse(null));
    }
}

package dev.thefactory.internal.output.testrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thefactory.internal.output.TestOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a generated Go module's tests with {@code go test -json ./...} at the project root (where its {@code go.mod}
 * must be), reading the JSON events as they come. Module downloads are off ({@code GOPROXY=off}), so is a toolchain
 * switch ({@code GOTOOLCHAIN=local}) and cgo; {@code GOMEMLIMIT} is set to the heap cap (a soft limit in Go). Top-level
 * tests are named {@code <package import path>#TestName}; a failed subtest fails its test. When the installed Go is
 * older than the {@code go} line of {@code go.mod}, the tests are not run (unchecked, with the reason): with
 * {@code GOTOOLCHAIN=local} go would not switch to a newer toolchain, and an older one must not stand in for it.
 *
 * <p>Thread-safe and stateless.
 */
final class GoTests implements LanguageRunner {

    /** Why the tests are unchecked without Go. */
    static final String NO_GO = "go was not found on the PATH; install Go (e.g. apt-get install golang-go) to run the "
            + "generated Go tests";
    /** Why the tests are unchecked without a module at the root. */
    static final String NO_MODULE = "the project has Go tests but no go.mod at its root, so go test cannot run them";
    /** Why the tests are unchecked when the module needs modules that are not in the local cache. */
    static final String NO_DOWNLOADS = "the Go module needs modules that are not in the local module cache, and the "
            + "test run does not download (GOPROXY=off); run 'go mod download' where the factory runs to test it";
    /** Lines of a test's own output kept for its failure message. */
    static final int MESSAGE_LINES = 12;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String language() {
        return "Go";
    }

    @Override
    public boolean appliesTo(Set<String> files) {
        return files.stream().anyMatch(f -> f.endsWith("_test.go") && Scripts.isProjectSource(f));
    }

    @Override
    public Result run(Workspace work) throws IOException, InterruptedException {
        Optional<Path> go = work.environment().find("go");
        if (go.isEmpty()) {
            return Result.unchecked(NO_GO);
        }
        if (!work.files().contains("go.mod")) {
            return Result.unchecked(NO_MODULE);
        }
        String said = LanguageVersion.ask(List.of(go.get().toString(), "version"), work);
        Optional<LanguageVersion> installed = LanguageVersion.installedGo(said);
        Optional<String> tooOld = LanguageVersion.tooOld(language(), installed, LanguageVersion.read(work.project(),
                "go.mod").flatMap(LanguageVersion::requiredGo), said);
        if (tooOld.isPresent()) {
            return Result.unchecked(tooOld.get());
        }
        Path tmp = Scripts.tmp(work);
        Map<String, String> extra = new HashMap<>(Map.of("GOPROXY", "off", "GOTOOLCHAIN", "local", "GOWORK", "off",
                "CGO_ENABLED", "0", "GOTELEMETRY", "off", "GOMEMLIMIT",
                Long.toString(work.settings().maxHeapBytes()), "TMPDIR", tmp.toString(), "GOTMPDIR", tmp.toString()));
        Map<String, String> inherited = work.environment().variables();
        if (!inherited.containsKey("GOCACHE") && !inherited.containsKey("HOME")
                && !inherited.containsKey("XDG_CACHE_HOME")) {
            extra.put("GOCACHE", Files.createDirectories(work.scratch().resolve("gocache")).toString());
        }
        if (!inherited.containsKey("GOPATH") && !inherited.containsKey("HOME")) {
            extra.put("GOPATH", Files.createDirectories(work.scratch().resolve("gopath")).toString());
        }
        Events events = new Events();
        ChildProcess.Outcome process = ChildProcess.run(List.of(go.get().toString(), "test", "-json", "-count=1",
                "./..."), work.project(), work.environment().with(extra), work.settings().timeout(), events::accept);
        if (process.output().toString().contains("GOPROXY=off")) {
            return Result.unchecked(NO_DOWNLOADS);
        }
        return Judgement.of(language(), process, events.outcomes(), events.running(), !process.timedOut(),
                work.settings(), events.packageProblems()).withToolchain(installed.map(v -> "Go " + v).orElse(null));
    }

    /** The state built from {@code go test -json} events; fed on the output reader's thread. Thread-safe. */
    static final class Events {
        private final Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
        private final Map<String, List<String>> testOutput = new HashMap<>();
        private final Map<String, List<String>> packageOutput = new HashMap<>();
        private final List<String> failedPackages = new ArrayList<>();
        private final List<String> otherOutput = new ArrayList<>();
        private String running;

        /** @return one outcome per top-level test, in the order they ended */
        synchronized List<TestOutcome> outcomes() {
            return List.copyOf(outcomes.values());
        }

        /** @return the top-level test that started and never ended; null when none */
        synchronized String running() {
            return running;
        }

        /** @return one problem per package that failed without a failing test of its own (a build failure) */
        synchronized List<String> packageProblems() {
            List<String> problems = new ArrayList<>();
            for (String failed : failedPackages) {
                boolean testFailed = outcomes.values().stream().anyMatch(t -> t.name().startsWith(failed + "#")
                        && t.status() == TestOutcome.Status.FAILED);
                if (!testFailed) {
                    List<String> lines = new ArrayList<>(otherOutput);
                    lines.addAll(packageOutput.getOrDefault(failed, List.of()));
                    String output = String.join(" | ", lines);
                    problems.add(failed + ": go test failed without a failing test (the package may not build)"
                            + (output.isEmpty() ? "" : ": " + output));
                }
            }
            return problems;
        }

        /** @param line one line of {@code go test -json} output (or of go's own messages) */
        synchronized void accept(String line) {
            if (!line.startsWith("{")) {
                // go's own messages on standard error, such as build errors ("FAIL\t<package> [build failed]")
                if (otherOutput.size() < MESSAGE_LINES && !line.isBlank()) {
                    otherOutput.add(line.strip());
                }
                String[] fields = line.split("\t");
                String pkg = fields.length >= 2 && fields[0].equals("FAIL") ? fields[1].split(" ")[0] : "";
                if (!pkg.isEmpty() && !failedPackages.contains(pkg)) {
                    failedPackages.add(pkg);
                }
                return;
            }
            JsonNode event;
            try {
                event = JSON.readTree(line);
            } catch (IOException e) {
                return;
            }
            String action = event.path("Action").asText("");
            if (action.equals("build-output")) {
                // Go 1.24 and later report build errors as events rather than on standard error
                String text = event.path("Output").asText("").strip();
                if (otherOutput.size() < MESSAGE_LINES && !text.isEmpty()) {
                    otherOutput.add(text);
                }
                return;
            }
            String pkg = event.path("Package").asText("");
            String test = event.path("Test").asText("");
            if (test.isEmpty()) {
                if (action.equals("output")) {
                    keep(packageOutput, pkg, event.path("Output").asText(""));
                } else if (action.equals("fail") && !failedPackages.contains(pkg)) {
                    failedPackages.add(pkg);
                }
                return;
            }
            String topLevel = test.contains("/") ? test.substring(0, test.indexOf('/')) : test;
            String name = pkg + "#" + topLevel;
            switch (action) {
                case "run" -> {
                    if (!test.contains("/")) {
                        running = name;
                    }
                }
                case "output" -> keep(testOutput, name, event.path("Output").asText(""));
                case "pass", "fail", "skip" -> {
                    if (test.contains("/")) {
                        return;
                    }
                    TestOutcome.Status status = action.equals("pass") ? TestOutcome.Status.PASSED
                            : action.equals("fail") ? TestOutcome.Status.FAILED : TestOutcome.Status.SKIPPED;
                    String message = status == TestOutcome.Status.PASSED ? ""
                            : ResultLines.abbreviate(String.join(" | ", testOutput.getOrDefault(name, List.of())));
                    outcomes.putIfAbsent(name, new TestOutcome(name, status, message));
                    testOutput.remove(name);
                    if (name.equals(running)) {
                        running = null;
                    }
                }
                default -> {
                    // pause, cont, bench: nothing to record
                }
            }
        }

        /** Keeps a test's or package's own lines (not the runner's === and --- lines), a few at most. */
        private static void keep(Map<String, List<String>> output, String key, String text) {
            String line = text.strip();
            if (line.isEmpty() || line.startsWith("=== ") || line.startsWith("--- ") || line.equals("PASS")
                    || line.equals("FAIL")) {
                return;
            }
            List<String> lines = output.computeIfAbsent(key, k -> new ArrayList<>());
            if (lines.size() < MESSAGE_LINES) {
                lines.add(line);
            }
        }
    }
}

package dev.thefactory.internal.output.testrun;

import dev.thefactory.api.GeneratedTestSettings;
import dev.thefactory.internal.output.TestOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a finished (or killed) test process and the outcomes it reported into a {@link LanguageRunner.Result}: a
 * problem line per failed test, and one for a process that hit the time limit, ran out of memory or ended before
 * its tests did — the test running at that moment is then failed with the reason.
 */
final class Judgement {

    /** Lines of output quoted in a problem about a process. */
    static final int QUOTED_LINES = 8;

    private Judgement() {
    }

    /**
     * @param language    the language, for messages
     * @param process     how the process ended
     * @param outcomes    the outcomes it reported
     * @param running     the test that started and never ended; null when unknown
     * @param finished    whether the runner reported that it got to its end (or, without such a report, whether
     *                    the process exited normally)
     * @param settings    the limits
     * @param extraChecks problems the runner found itself (a package that did not build, say)
     * @return the result
     */
    static LanguageRunner.Result of(String language, ChildProcess.Outcome process, List<TestOutcome> outcomes,
            String running, boolean finished, GeneratedTestSettings settings, List<String> extraChecks) {
        List<TestOutcome> all = new ArrayList<>(outcomes);
        List<String> problems = new ArrayList<>();
        String crash = null;
        String output = process.output().lastLines(QUOTED_LINES);
        if (process.timedOut()) {
            crash = "killed at the time limit of " + duration(settings.timeout());
            problems.add("the generated " + language + " tests did not finish within the time limit of "
                    + duration(settings.timeout()) + (running == null ? "" : " (" + running + " was running)")
                    + "; the test process and every process it started were killed. Make the tests finish sooner or "
                    + "raise the limit (--test-timeout, or GeneratedTestSettings.timeout in code)");
        } else if (!finished) {
            boolean outOfMemory = process.output().toString().contains("OutOfMemoryError")
                    || process.output().toString().contains("JavaScript heap out of memory")
                    || process.output().toString().contains("MemoryError");
            crash = outOfMemory ? "ran out of memory: the heap cap is " + bytes(settings.maxHeapBytes())
                    : "the test process ended with exit code " + process.exitCode() + " before this test finished";
            problems.add("the generated " + language + " test process ended with exit code " + process.exitCode()
                    + " before its tests finished" + (running == null ? "" : " (" + running + " was running)")
                    + (outOfMemory ? ": it ran out of memory (the heap cap is " + bytes(settings.maxHeapBytes())
                            + "; raise it with GeneratedTestSettings.maxHeapBytes if the tests need more)" : "")
                    + (output.isEmpty() ? "" : "; its last output: " + output));
        }
        if (crash != null && running != null && all.stream().noneMatch(t -> t.name().equals(running))) {
            all.add(new TestOutcome(running, TestOutcome.Status.FAILED, crash));
        }
        for (TestOutcome test : all) {
            if (test.status() == TestOutcome.Status.FAILED) {
                problems.add(test.name() + ": generated test failed" + (test.message().isEmpty() ? ""
                        : ": " + oneLine(test.message())));
            }
        }
        problems.addAll(extraChecks);
        boolean anyFailed = all.stream().anyMatch(t -> t.status() == TestOutcome.Status.FAILED);
        if (crash == null && !anyFailed && process.exitCode() != 0 && extraChecks.isEmpty()) {
            problems.add("the generated " + language + " tests ended with exit code " + process.exitCode()
                    + " without naming a failed test" + (output.isEmpty() ? "" : "; their last output: " + output));
        }
        return new LanguageRunner.Result(all, problems, null);
    }

    /** @return the text on one line */
    static String oneLine(String text) {
        return String.join(" | ", text.strip().split("\\s*\\R\\s*"));
    }

    /** @return a duration as a user reads it: {@code 120 s}, {@code 1500 ms} */
    static String duration(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** @return a size as a user reads it: {@code 512 MiB}, or bytes */
    static String bytes(long bytes) {
        long mib = 1024L * 1024;
        return bytes % mib == 0 ? bytes / mib + " MiB" : bytes + " bytes";
    }
}

package dev.thefactory.internal.output;

import dev.thefactory.api.ValidationSummary;
import dev.thefactory.spi.ValidationOutcome.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What output validation found for a whole project. Immutable and thread-safe.
 *
 * @param files    one report per file found under the project root, sorted by path; never null
 * @param summary  the counts of passed, unchecked and failed files; never null
 * @param problems every problem, one line each naming the file (and line where known): failed content, missing
 *                 or empty planned files, links and other confinement violations, failed generated tests; never
 *                 null
 * @param tests    the outcome of every generated test that was run, sorted by name; empty when none ran (the
 *                 summary's {@link ValidationSummary#tests()} says why)
 * @param testNotes what the reader should know about the tests that ran, such as the toolchain that ran them
 *                 ({@code the generated Python tests ran with Python 3.11.7}); never null
 */
public record ValidationReport(List<FileReport> files, ValidationSummary summary, List<String> problems,
        List<TestOutcome> tests, List<String> testNotes) {

    /** @throws NullPointerException if a component is null */
    public ValidationReport {
        files = List.copyOf(files);
        Objects.requireNonNull(summary, "summary");
        problems = List.copyOf(problems);
        tests = List.copyOf(tests);
        testNotes = List.copyOf(testNotes);
    }

    /**
     * A report without notes about the tests.
     *
     * @param files    one report per file
     * @param summary  the counts
     * @param problems every problem
     * @param tests    the outcome of every generated test that was run
     */
    public ValidationReport(List<FileReport> files, ValidationSummary summary, List<String> problems,
            List<TestOutcome> tests) {
        this(files, summary, problems, tests, List.of());
    }

    /**
     * A report of files only: no generated test was run.
     *
     * @param files    one report per file
     * @param summary  the counts
     * @param problems every problem
     */
    public ValidationReport(List<FileReport> files, ValidationSummary summary, List<String> problems) {
        this(files, summary, problems, List.of());
    }

    /**
     * @param name a test as {@code Class#method}
     * @return its outcome, if it was run
     */
    public java.util.Optional<TestOutcome> test(String name) {
        return tests.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** @return true when there is no problem, i.e. the project may be published */
    public boolean passed() {
        return problems.isEmpty();
    }

    /** @return the files whose content was not checked, sorted by path */
    public List<FileReport> uncheckedFiles() {
        return files.stream().filter(f -> f.status() == Status.UNCHECKED).collect(Collectors.toUnmodifiableList());
    }

    /**
     * Says, one line per reason, which files were not content-checked and why — for the build result's notes, so a
     * user never mistakes "unchecked" for "passed". For example {@code "2 files not content-checked (no validator for
     * this file type): .gitignore, README.md"}.
     *
     * When generated tests were not run, a line says why, e.g. {@code "Generated tests not run: go was not found
     * on the PATH; ..."}.
     *
     * @return one line per distinct reason, sorted, then the line about tests not run, then the notes about the tests
     *         that ran (which toolchain ran them); empty when every file was checked and nothing is to be said
     */
    public List<String> notes() {
        Map<String, List<String>> byReason = new TreeMap<>();
        for (FileReport file : uncheckedFiles()) {
            String reason = file.detail().isEmpty() ? "no reason given" : file.detail();
            byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(file.path());
        }
        List<String> notes = new ArrayList<>(byReason.entrySet().stream()
                .map(e -> e.getValue().size() + (e.getValue().size() == 1 ? " file" : " files")
                        + " not content-checked (" + e.getKey() + "): " + abbreviate(e.getValue()))
                .toList());
        if (summary.tests().unchecked() != null) {
            notes.add("Generated tests not run: " + summary.tests().unchecked());
        }
        testNotes.forEach(note -> notes.add(Character.toUpperCase(note.charAt(0)) + note.substring(1)));
        return List.copyOf(notes);
    }

    private static String abbreviate(List<String> paths) {
        int shown = Math.min(paths.size(), 10);
        String list = String.join(", ", paths.subList(0, shown));
        return paths.size() > shown ? list + ", and " + (paths.size() - shown) + " more" : list;
    }
}

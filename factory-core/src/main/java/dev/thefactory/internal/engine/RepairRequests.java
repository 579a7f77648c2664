package dev.thefactory.internal.engine;

import dev.thefactory.internal.output.FileReport;
import dev.thefactory.internal.output.SafePaths;
import dev.thefactory.internal.output.TestOutcome;
import dev.thefactory.internal.output.ValidationReport;
import dev.thefactory.spi.GeneratedFile;
import dev.thefactory.spi.RepairDiagnostic;
import dev.thefactory.spi.RepairRequest;
import dev.thefactory.spi.ValidationOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what output validation found into the {@link RepairRequest} of a repair round: one diagnostic per problem
 * (content checks with file and line, failed generated tests with their name and message, the rest as
 * {@link RepairDiagnostic.Kind#OTHER}), and the files to repair — the files whose content check failed, and for a
 * failed test its test source and the class it is named after ({@code FooTest} → {@code Foo}) — limited to the files
 * the backend generated, with their staged content. Sizes are bounded as {@link RepairRequest} says.
 *
 * <p>Stateless and thread-safe.
 */
final class RepairRequests {

    /** The largest file handed to a repair, in characters; larger files are left out of the request. */
    static final int MAX_FILE_CHARS = 200_000;
    private static final Pattern LINE = Pattern.compile("^(\\d+): (.*)$", Pattern.DOTALL);
    private static final String CONFINEMENT = "confinement";
    /** Where a test named {@code a.b.C} may live: {@code a/b/C} with one of these endings. */
    private static final List<String> SOURCE_EXTENSIONS = List.of(".java", ".kt", ".py", ".ts", ".js", ".mjs");

    private RepairRequests() {
    }

    /**
     * @param round       the round
     * @param maxRounds   the most rounds
     * @param report      what validation found
     * @param problems    every problem (the report's and the engine's own, such as unplanned files)
     * @param repairable  the staged files the backend generated, which a repair may replace
     * @param stagingRoot the staged project
     * @return the request, or null when nothing in it can be repaired: no content check failed and no test failed in
     *         files the backend generated
     */
    static Built build(int round, int maxRounds, ValidationReport report, List<String> problems,
            Set<String> repairable, Path stagingRoot) {
        List<RepairDiagnostic> diagnostics = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        Set<String> files = new TreeSet<>();
        for (FileReport file : report.files()) {
            if (file.status() != ValidationOutcome.Status.FAILED || file.validator().equals(CONFINEMENT)) {
                continue;
            }
            for (String problem : file.problems()) {
                covered.add(problem);
                diagnostics.add(content(file.path(), problem));
            }
            if (repairable.contains(file.path())) {
                files.add(file.path());
            }
        }
        for (TestOutcome test : report.tests()) {
            if (test.status() != TestOutcome.Status.FAILED) {
                continue;
            }
            String source = null;
            for (String path : testFiles(test.name(), repairable)) {
                files.add(path);
                if (source == null) {
                    source = path;
                }
            }
            diagnostics.add(new RepairDiagnostic(RepairDiagnostic.Kind.TEST, source, 0, test.name(),
                    bounded(test.message().isEmpty() ? "the test failed" : test.message())));
            String prefix = test.name() + ": ";
            problems.stream().filter(p -> p.startsWith(prefix)).forEach(covered::add);
        }
        boolean fixable = !files.isEmpty();
        for (String problem : new LinkedHashSet<>(problems)) {
            if (!covered.contains(problem)) {
                diagnostics.add(new RepairDiagnostic(RepairDiagnostic.Kind.OTHER, null, 0, null, bounded(problem)));
            }
        }
        if (!fixable) {
            return null;
        }
        List<GeneratedFile> contents = new ArrayList<>();
        for (String path : files) {
            if (contents.size() == RepairRequest.MAX_FILES) {
                break;
            }
            String text = read(stagingRoot, path);
            if (text != null) {
                contents.add(new GeneratedFile(path, text));
            }
        }
        if (contents.isEmpty()) {
            return null;
        }
        int total = diagnostics.size();
        List<RepairDiagnostic> kept = diagnostics.subList(0, Math.min(total, RepairRequest.MAX_DIAGNOSTICS));
        return new Built(new RepairRequest(round, maxRounds, contents, kept, total - kept.size()), total);
    }

    /**
     * A request and the number of diagnostics it stands for.
     *
     * @param request     the request
     * @param diagnostics every diagnostic found, including those left out of the request
     */
    record Built(RepairRequest request, int diagnostics) {
    }

    /** A content problem is {@code path:line: message} or {@code path: message}. */
    private static RepairDiagnostic content(String path, String problem) {
        String rest = problem.startsWith(path + ":") ? problem.substring(path.length() + 1) : problem;
        int line = 0;
        Matcher matcher = LINE.matcher(rest);
        if (matcher.matches()) {
            try {
                line = Integer.parseInt(matcher.group(1));
                rest = matcher.group(2);
            } catch (NumberFormatException e) {
                line = 0;
            }
        }
        return new RepairDiagnostic(RepairDiagnostic.Kind.CONTENT, path, line, null, bounded(rest.strip()));
    }

    /**
     * @param test       a test as {@code Class#method} (Java: the class fully qualified; others: a module or path)
     * @param repairable the files a repair may replace
     * @return the test's source file first, then (Java) the file of the class it is named after, as far as they are
     *         known
     */
    static List<String> testFiles(String test, Set<String> repairable) {
        int hash = test.indexOf('#');
        String owner = hash < 0 ? test : test.substring(0, hash);
        List<String> found = new ArrayList<>();
        if (repairable.contains(owner)) {
            found.add(owner);
            return found;
        }
        String asPath = owner.replace('.', '/');
        String source = null;
        for (String extension : SOURCE_EXTENSIONS) {
            String name = asPath + extension;
            source = repairable.stream().filter(p -> p.equals(name) || p.endsWith("/" + name)).sorted().findFirst()
                    .orElse(null);
            if (source != null) {
                break;
            }
        }
        if (source == null) {
            return found;
        }
        String testSource = source;
        found.add(testSource);
        if (!testSource.endsWith(".java")) {
            return found;
        }
        String simple = asPath.substring(asPath.lastIndexOf('/') + 1);
        String subject = simple.replaceFirst("(Tests?|IT)$", "");
        if (!subject.isEmpty() && !subject.equals(simple)) {
            String directory = asPath.contains("/") ? asPath.substring(0, asPath.lastIndexOf('/') + 1) : "";
            repairable.stream().filter(p -> !p.equals(testSource))
                    .filter(p -> p.endsWith("/" + directory + subject + ".java"))
                    .sorted().findFirst().ifPresent(found::add);
        }
        return found;
    }

    private static String bounded(String message) {
        String oneLine = message.strip();
        return oneLine.length() > RepairRequest.MAX_MESSAGE_CHARS
                ? oneLine.substring(0, RepairRequest.MAX_MESSAGE_CHARS - 1) + "…" : oneLine;
    }

    /** @return the staged file's text, or null when it is too large or cannot be read */
    private static String read(Path root, String path) {
        Path file = SafePaths.resolve(root, path);
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MAX_FILE_CHARS * 4 + 1);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return bytes.length > MAX_FILE_CHARS * 4 || text.length() > MAX_FILE_CHARS ? null : text;
        } catch (IOException e) {
            return null;
        }
    }
}

package dev.thefactory.internal.output.testrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A language version such as {@code 3.12} or {@code 1.19.8}: what a generated project declares it needs (its
 * {@code pyproject.toml}'s {@code requires-python}, its {@code go.mod}'s {@code go} line, its {@code package.json}'s
 * {@code engines.node}) and what the installed toolchain says it is ({@code python3 --version}, {@code go version},
 * {@code node --version}). Versions compare number by number, a missing number counting as 0. Immutable and
 * thread-safe.
 *
 * @param numbers the version's numbers, most significant first; never empty
 */
record LanguageVersion(List<Integer> numbers) implements Comparable<LanguageVersion> {

    private static final Pattern NUMBERS = Pattern.compile("(\\d{1,6})(?:\\.(\\d{1,6}))?(?:\\.(\\d{1,6}))?");
    private static final Pattern REQUIRES_PYTHON = Pattern.compile(
            "(?m)^\\s*requires-python\\s*=\\s*[\"']([^\"'\\n]*)[\"']");
    private static final Pattern PYTHON_LOWER_BOUND = Pattern.compile("(>=|~=|==|===|>)\\s*(\\d[\\d.]*)");
    private static final Pattern GO_LINE = Pattern.compile("(?m)^\\s*go\\s+(\\d[\\w.\\-]*)\\s*(?://.*)?$");
    private static final Pattern PYTHON_INSTALLED = Pattern.compile("Python\\s+(\\d[\\d.]*)");
    private static final Pattern GO_INSTALLED = Pattern.compile("go version go(\\d[\\d.]*)");
    private static final Pattern NODE_INSTALLED = Pattern.compile("v(\\d[\\d.]*)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The longest a toolchain may take to tell its version. */
    static final java.time.Duration ASK_LIMIT = java.time.Duration.ofSeconds(30);

    /** @throws IllegalArgumentException when there is no number */
    LanguageVersion {
        numbers = List.copyOf(numbers);
        if (numbers.isEmpty()) {
            throw new IllegalArgumentException("a version has at least one number");
        }
    }

    /**
     * @param text text that starts with a version, such as {@code 3.12}, {@code 1.22rc1} or {@code 20.11.0}
     * @return the version (up to three numbers), or empty when the text does not start with a number
     */
    static Optional<LanguageVersion> parse(String text) {
        Matcher m = NUMBERS.matcher(text.strip());
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i <= 3 && m.group(i) != null; i++) {
            numbers.add(Integer.parseInt(m.group(i)));
        }
        return Optional.of(new LanguageVersion(numbers));
    }

    @Override
    public int compareTo(LanguageVersion other) {
        int length = Math.max(numbers.size(), other.numbers.size());
        for (int i = 0; i < length; i++) {
            int a = i < numbers.size() ? numbers.get(i) : 0;
            int b = i < other.numbers.size() ? other.numbers.get(i) : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    /**
     * @param required the oldest version a project accepts
     * @return whether this version is that one or later
     */
    boolean atLeast(LanguageVersion required) {
        return compareTo(required) >= 0;
    }

    @Override
    public String toString() {
        return String.join(".", numbers.stream().map(String::valueOf).toList());
    }

    /**
     * @param pyproject the text of a {@code pyproject.toml}
     * @return the oldest Python its {@code requires-python} accepts ({@code >=3.12}, {@code ~=3.11}, {@code ==3.12.*}
     *         give 3.12, 3.11, 3.12), or empty when it declares none
     */
    static Optional<LanguageVersion> requiredPython(String pyproject) {
        Matcher entry = REQUIRES_PYTHON.matcher(pyproject);
        if (!entry.find()) {
            return Optional.empty();
        }
        Matcher bound = PYTHON_LOWER_BOUND.matcher(entry.group(1));
        return bound.find() ? parse(bound.group(2)) : Optional.empty();
    }

    /**
     * @param goMod the text of a {@code go.mod}
     * @return the Go version its {@code go} line asks for, or empty when it has none
     */
    static Optional<LanguageVersion> requiredGo(String goMod) {
        Matcher line = GO_LINE.matcher(goMod);
        return line.find() ? parse(line.group(1)) : Optional.empty();
    }

    /**
     * @param packageJson the text of a {@code package.json}
     * @return the oldest Node.js its {@code engines.node} range accepts ({@code >=18}, {@code ^18.2}, {@code 18.x}
     *         give 18, 18.2, 18; of alternatives joined by {@code ||} the oldest), or empty when it declares none, has
     *         no lower bound or is not JSON
     */
    static Optional<LanguageVersion> requiredNode(String packageJson) {
        JsonNode range;
        try {
            range = JSON.readTree(packageJson).path("engines").path("node");
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!range.isTextual()) {
            return Optional.empty();
        }
        LanguageVersion oldest = null;
        for (String alternative : range.asText().split("\\|\\|")) {
            String a = alternative.strip().replaceFirst("^v", "");
            Matcher m = Pattern.compile("^(>=|\\^|~|=|>)?\\s*v?(\\d[\\d.]*)").matcher(a);
            if (!m.find()) {
                return Optional.empty();
            }
            LanguageVersion lower = parse(m.group(2)).orElseThrow();
            oldest = oldest == null || lower.compareTo(oldest) < 0 ? lower : oldest;
        }
        return Optional.ofNullable(oldest);
    }

    /**
     * @param output what {@code python3 --version} printed
     * @return the installed version, or empty when the output does not name one
     */
    static Optional<LanguageVersion> installedPython(String output) {
        Matcher m = PYTHON_INSTALLED.matcher(output);
        return m.find() ? parse(m.group(1)) : Optional.empty();
    }

    /**
     * @param output what {@code go version} printed
     * @return the installed version, or empty when the output does not name one
     */
    static Optional<LanguageVersion> installedGo(String output) {
        Matcher m = GO_INSTALLED.matcher(output);
        return m.find() ? parse(m.group(1)) : Optional.empty();
    }

    /**
     * @param output what {@code node --version} printed
     * @return the installed version, or empty when the output does not name one
     */
    static Optional<LanguageVersion> installedNode(String output) {
        Matcher m = NODE_INSTALLED.matcher(output);
        return m.find() ? parse(m.group(1)) : Optional.empty();
    }

    /**
     * @param project the project copy
     * @param file    a file of it, relative
     * @return its text, or empty when it is missing or unreadable
     */
    static Optional<String> read(Path project, String file) {
        Path path = project.resolve(file);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Compares the installed toolchain with what the project requires.
     *
     * @param language  the language as a user reads it ({@code Python})
     * @param installed the installed version; empty when its output named none
     * @param required  what the project declares; empty when it declares nothing
     * @param raw       what the toolchain printed, for the reason when no version could be read
     * @return why the tests must not run (the installed toolchain is older than required), or empty when they may
     */
    static Optional<String> tooOld(String language, Optional<LanguageVersion> installed,
            Optional<LanguageVersion> required, String raw) {
        if (required.isEmpty()) {
            return Optional.empty();
        }
        if (installed.isEmpty()) {
            return Optional.of("the installed " + language + " did not tell its version (it printed \""
                    + shortened(Judgement.oneLine(raw)) + "\"), so its tests were not run; the project requires "
                    + language + " " + required.get() + " or later");
        }
        if (installed.get().atLeast(required.get())) {
            return Optional.empty();
        }
        return Optional.of(language + " " + installed.get() + " is installed; the project requires "
                + required.get() + " or later, so its tests were not run (install " + language + " "
                + required.get() + " or later)");
    }

    private static String shortened(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /**
     * Asks a toolchain for its version, bounded like every other child process (at most {@link #ASK_LIMIT} or the
     * tests' time limit, whichever is shorter).
     *
     * @param command the toolchain's version command ({@code python3 --version})
     * @param work    the workspace (its scratch directory is the working directory)
     * @return what it printed
     * @throws IOException          when it cannot be started
     * @throws InterruptedException when this thread is interrupted
     */
    static String ask(List<String> command, LanguageRunner.Workspace work) throws IOException, InterruptedException {
        java.time.Duration limit = work.settings().timeout().compareTo(ASK_LIMIT) < 0 ? work.settings().timeout()
                : ASK_LIMIT;
        ChildProcess.Outcome outcome = ChildProcess.run(command, work.scratch(), work.environment().variables(), limit,
                null);
        return outcome.output().toString().strip();
    }
}

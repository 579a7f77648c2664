package dev.thefactory.internal.output.testrun;

import dev.thefactory.internal.output.TestOutcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the results file a test child writes (the format is described on {@link JUnitPlatformChild}): one outcome per
 * test (the first wins), the test that started last and never ended, whether the run got to its end, and an
 * {@code UNCHECKED<tab>reason} line from a runner that could not run the tests. Reads at most {@link #MAX_BYTES}.
 *
 * @param outcomes  one per test, in the order they ended
 * @param running   the test that started and never ended; null when none
 * @param done      whether the {@code DONE} line was reached
 * @param unchecked why the runner could not run the tests; null when it could
 */
record ResultLines(List<TestOutcome> outcomes, String running, boolean done, String unchecked) {

    /** The most of a results file that is read. */
    static final int MAX_BYTES = 16 * 1024 * 1024;
    /** The longest message kept for one test, in characters. */
    static final int MAX_MESSAGE = 2_000;

    ResultLines {
        outcomes = List.copyOf(outcomes);
    }

    /**
     * @param file the results file; a missing file reads as empty
     * @return what it says
     * @throws IOException when it cannot be read
     */
    static ResultLines read(Path file) throws IOException {
        Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
        String running = null;
        boolean done = false;
        String unchecked = null;
        if (!Files.isRegularFile(file)) {
            return new ResultLines(List.of(), null, false, null);
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MAX_BYTES);
        }
        try (BufferedReader lines = new BufferedReader(new StringReader(new String(content, StandardCharsets.UTF_8)))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String[] fields = line.split("\t", -1);
                String kind = fields[0];
                String name = fields.length > 1 ? unescape(fields[1]) : "";
                String message = fields.length > 2 ? abbreviate(unescape(fields[2])) : "";
                switch (kind) {
                    case "STARTED" -> running = name;
                    case "PASSED", "FAILED", "SKIPPED" -> {
                        if (!name.isEmpty()) {
                            outcomes.putIfAbsent(name, new TestOutcome(name, TestOutcome.Status.valueOf(kind), message));
                        }
                        if (name.equals(running)) {
                            running = null;
                        }
                    }
                    case "UNCHECKED" -> unchecked = name;
                    case "DONE" -> done = true;
                    default -> {
                        // An unknown line (a test that wrote into the file, say) is ignored.
                    }
                }
            }
        }
        return new ResultLines(new ArrayList<>(outcomes.values()), running, done, unchecked);
    }

    static String abbreviate(String message) {
        String text = message.strip();
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "..." : text;
    }

    /** Undoes {@link JUnitPlatformChild#escape}. */
    static String unescape(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                plain.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }
}

package dev.thefactory.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends every request and answer body of the model endpoint to {@code <directory>/llm-session-<time>.jsonl}, one
 * JSON object per exchange ({@code at}, {@code method}, {@code url}, {@code status}, {@code millis},
 * {@code request}, {@code response}), for a bug report. Headers are never written, and the key is masked in every
 * body anyway. A recording that fails is logged once at WARN and never fails a call. Thread-safe.
 */
final class SessionRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRecorder.class);

    private final Path file;
    private final String apiKey;
    private boolean warned;

    SessionRecorder(Path directory, String apiKey, Clock clock) {
        Objects.requireNonNull(directory, "directory");
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(clock.getZone())
                .format(clock.instant());
        this.file = directory.resolve("llm-session-" + stamp + ".jsonl");
        this.apiKey = apiKey;
    }

    /** @return the file it writes */
    Path file() {
        return file;
    }

    synchronized void record(String method, String url, int status, long millis, String request, String response) {
        ObjectNode line = Answers.mapper().createObjectNode();
        line.put("at", java.time.Instant.now().toString()).put("method", method)
                .put("url", Secrets.redact(url, apiKey)).put("status", status).put("millis", millis);
        line.set("request", body(request));
        line.set("response", body(response));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Answers.toJson(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            if (!warned) {
                warned = true;
                LOG.warn("cannot record the llm session to {}: {}; the build goes on without a recording", file,
                        e.toString());
            }
        }
    }

    private JsonNode body(String text) {
        if (text == null) {
            return Answers.mapper().nullNode();
        }
        String masked = Secrets.redact(text, apiKey);
        try {
            return Answers.mapper().readTree(masked);
        } catch (IOException | RuntimeException e) {
            return Answers.mapper().getNodeFactory().textNode(masked);
        }
    }
}

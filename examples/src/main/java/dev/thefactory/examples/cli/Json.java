package dev.thefactory.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** The CLI's JSON output: one shared, thread-safe Jackson mapper and the one-object-per-run printing rule. */
final class Json {

    /** Writes compact JSON; thread-safe once configured. */
    static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /**
     * @param text JSON text produced by the library
     * @return its tree
     */
    static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read JSON produced by the library", e);
        }
    }

    /**
     * Prints one JSON object, pretty-printed, followed by a line break, and flushes.
     *
     * @param out  standard output
     * @param node the object
     */
    static void print(PrintWriter out, JsonNode node) {
        try {
            out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON output", e);
        }
        out.flush();
    }
}

package dev.thefactory.fallbacks.internal.java;

import dev.thefactory.fallbacks.internal.design.EntryPoint;
import dev.thefactory.fallbacks.internal.domain.AggregateKind;
import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.Field;
import dev.thefactory.fallbacks.internal.domain.Threshold;
import dev.thefactory.fallbacks.internal.text.Escape;
import dev.thefactory.fallbacks.internal.text.Naming;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reference section of a Java project's README, one Markdown list item per line: for an HTTP project one
 * {@code curl} request per endpoint (each of which the generated README test sends to the started server), for a
 * command line every command, for a pipeline the CSV input format (each column as the spec names it, with its type,
 * and an example that the README test feeds to the pipeline); a CSV import's columns are listed too. The README test
 * asserts every line. Stateless and thread-safe.
 */
final class ReadmeExamples {

    /** Where the README's requests are sent: the server's default port. */
    static final String ORIGIN = "http://localhost:8080";

    /**
     * One example request.
     *
     * @param endpoint the endpoint it calls, as listed ({@code GET /api/tasks/{id}})
     * @param method the HTTP method
     * @param path   the path, placeholders filled in
     * @param body   the body, empty for none
     * @param csv    true if the body is CSV rather than JSON
     */
    record Request(String endpoint, String method, String path, String body, boolean csv) {

        /** @return the request as a {@code curl} command line */
        String curl() {
            String line = "curl -s -X " + method + " '" + ORIGIN + path + "'";
            if (body.isEmpty()) {
                return line;
            }
            return line + " -H 'Content-Type: " + (csv ? "text/csv" : "application/json") + "' --data-binary "
                    + (csv ? "$'" + body.replace("\n", "\\n") + "'" : "'" + body + "'");
        }
    }

    private ReadmeExamples() {
    }

    /**
     * @param domain   the domain
     * @param pipeline true for a pipeline, which reads its primary item from CSV
     * @return the kinds of item the project reads from CSV: the pipeline's, or those with an import
     */
    static List<Entity> csvInputs(Domain domain, boolean pipeline) {
        if (pipeline) {
            return List.of(domain.primary());
        }
        return domain.entities().stream().filter(e -> e.has(AggregateKind.IMPORT)).toList();
    }

    /**
     * @param f a field
     * @return its CSV column as the README names it: the field's words in snake case ({@code lot_id}); the reader
     *         takes it in any case, with or without "_", "-" or spaces between the words
     */
    static String column(Field f) {
        return Naming.snake(f.name());
    }

    /**
     * @param e a kind of item read from CSV
     * @return a header line and one valid row
     */
    static String csvExample(Entity e) {
        List<String> header = new ArrayList<>();
        List<String> row = new ArrayList<>();
        for (Field f : e.fields()) {
            header.add(column(f));
            row.add(JavaTypes.sample(f, 0));
        }
        return String.join(",", header) + "\n" + String.join(",", row);
    }

    /**
     * The reference section's lines.
     *
     * @param domain the domain
     * @param entry  the entry point
     * @param jar    the packaged jar, as the README's commands name it
     * @return the lines, without the bullet; empty for a library, whose facade's Javadoc is the reference
     */
    static List<String> reference(Domain domain, EntryPoint entry, String jar) {
        List<String> lines = new ArrayList<>();
        switch (entry) {
            case HTTP, WEB -> {
                for (Request r : requests(domain)) {
                    lines.add("`" + r.endpoint() + "`: `" + r.curl() + "`");
                }
            }
            case CLI -> {
                for (Entity e : domain.entities()) {
                    for (CliTemplates.Action action : CliTemplates.actions(e)) {
                        lines.add("`java -jar " + jar + " " + CliTemplates.command(e) + " " + action.word()
                                + (action.usage().isEmpty() ? "" : " " + action.usage()) + "`");
                    }
                }
            }
            case PIPELINE, LIBRARY -> {
                // a pipeline's reference is its input format, below; a library's is its facade's Javadoc
            }
        }
        if (entry != EntryPoint.LIBRARY) {
            boolean pipeline = entry == EntryPoint.PIPELINE;
            for (Entity e : csvInputs(domain, pipeline)) {
                lines.addAll(inputFormat(e, pipeline));
            }
        }
        return lines;
    }

    /**
     * @param e        a kind of item read from CSV
     * @param pipeline true for a pipeline's input, false for a CSV import
     * @return the reference lines that explain its CSV input format: the header line, each column with its type, an
     *         example row
     */
    static List<String> inputFormat(Entity e, boolean pipeline) {
        String of = pipeline ? "" : " (" + String.join(" ", Naming.words(e.name())) + " CSV import)";
        String[] example = csvExample(e).split("\n");
        List<String> lines = new ArrayList<>();
        lines.add("header line" + of + ": `" + example[0] + "`");
        for (Field f : e.fields()) {
            lines.add("`" + column(f) + "`" + of + ": " + typeText(f) + (f.required() ? ", required" : ", optional"));
        }
        lines.add("example row" + of + ": `" + example[1] + "`");
        return lines;
    }

    private static String typeText(Field f) {
        if (f.secret()) {
            return "text, kept only as a salted hash";
        }
        return switch (f.type()) {
            case STRING -> "text";
            case DATE -> "date, such as `2030-01-15`";
            case DATE_TIME -> "date and time of day, such as `2030-01-15T09:30`";
            case INT, LONG -> "whole number, at least 0";
            case DECIMAL -> "decimal number, at least 0, such as `1.50`";
            case BOOLEAN -> "`true` or `false`";
            case LEVEL -> "one of " + String.join(", ", f.levels().stream().map(l -> "`" + l + "`").toList());
        };
    }

    /**
     * @param domain the domain of an HTTP project
     * @return one example request per endpoint of every kind of item, in the order the endpoints are listed; the
     *         first request of each kind creates an item, so that the requests about item 1 find it
     */
    static List<Request> requests(Domain domain) {
        List<Request> requests = new ArrayList<>();
        for (Entity e : domain.entities()) {
            String base = "/api/" + HttpTemplates.resource(e);
            List<Request> later = new ArrayList<>();
            for (String endpoint : HttpTemplates.endpoints(e)) {
                String method = endpoint.substring(0, endpoint.indexOf(' '));
                String path = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{id}", "1");
                String body = "";
                boolean csv = false;
                if (path.contains("{value}")) {
                    path = path.replace("{value}", encode(placeholder(e, path.substring(base.length() + 1,
                            path.lastIndexOf('/')))));
                }
                if (method.equals("POST") && path.equals(base)) {
                    body = jsonBody(e);
                    requests.add(new Request(endpoint, method, path, body, false));
                    continue;
                } else if (method.equals("PUT")) {
                    body = "{" + Escape.jsonString(e.label().name()) + ": "
                            + Escape.jsonString(JavaTypes.sample(e.label(), 1)) + "}";
                } else if (path.endsWith("/import")) {
                    body = csvExample(e);
                    csv = true;
                }
                later.add(new Request(endpoint, method, path, body, csv));
            }
            // the deletion comes last, so that the requests before it find the item
            later.sort((a, b) -> Boolean.compare(a.method().equals("DELETE"), b.method().equals("DELETE")));
            requests.addAll(later);
        }
        return requests;
    }

    private static String jsonBody(Entity e) {
        List<String> members = new ArrayList<>();
        for (Field f : JavaTypes.valued(e)) {
            members.add(Escape.jsonString(f.name()) + ": " + Escape.jsonString(JavaTypes.sample(f, 0)));
        }
        return "{" + String.join(", ", members) + "}";
    }

    /** @return a sample value for the field a find endpoint ({@code find-by-title}, {@code find-price-below}) takes */
    private static String placeholder(Entity e, String action) {
        Optional<Field> field = Optional.empty();
        if (action.startsWith("find-by-")) {
            field = e.field(Naming.camel(List.of(action.substring("find-by-".length()).split("-"))));
        } else {
            for (Threshold t : e.thresholds()) {
                if (action.equals("find-" + Naming.kebab(t.name()))) {
                    field = e.field(t.field());
                }
            }
        }
        return field.map(f -> JavaTypes.sample(f, 0)).orElse("1");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

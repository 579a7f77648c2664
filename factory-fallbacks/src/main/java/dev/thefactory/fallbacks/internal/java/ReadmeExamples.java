package dev.thefactory.fallbacks.internal.java;

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
 * The README sections of a Java project that show its input and its endpoints by example: the CSV input format (each
 * column with its type, and an example that the generated README test feeds to the project) and one {@code curl}
 * request per endpoint (each of which the README test sends to the started server). Stateless and thread-safe.
 */
final class ReadmeExamples {

    /** Where the README's requests are sent: the server's default port. */
    static final String ORIGIN = "http://localhost:8080";

    /**
     * One example request.
     *
     * @param method the HTTP method
     * @param path   the path, placeholders filled in
     * @param body   the body, empty for none
     * @param csv    true if the body is CSV rather than JSON
     */
    record Request(String method, String path, String body, boolean csv) {

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
     * @param e a kind of item read from CSV
     * @return the README section that explains the CSV input format of those items
     */
    static String inputFormat(Entity e, boolean pipeline) {
        StringBuilder out = new StringBuilder();
        String words = String.join(" ", Naming.words(e.name()));
        out.append("## Input format").append(pipeline ? "" : ": " + words + " (CSV import)").append("\n\n");
        out.append("The input is CSV in UTF-8: a header line naming the columns, then one ").append(words)
                .append(" per line; values that hold a comma or a double quote are written in double quotes. The ")
                .append("columns may come in any order, and a header is matched in any case, with or without `_`, ")
                .append("`-` or spaces between its words (`").append(column(e.fields().get(0))).append("` and `")
                .append(e.fields().get(0).name()).append("` are the same column). An unknown column refuses the file")
                .append(pipeline ? "; a row with a missing or invalid value is skipped and reported with its line "
                        + "number, and the run goes on with the next one.\n\n" : ".\n\n");
        out.append("| column | type | required |\n| --- | --- | --- |\n");
        for (Field f : e.fields()) {
            out.append("| `").append(column(f)).append("` | ").append(typeText(f)).append(" | ")
                    .append(f.required() ? "yes" : "no").append(" |\n");
        }
        out.append("\nExample:\n\n```csv\n").append(csvExample(e)).append("\n```\n");
        return out.toString();
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
                    requests.add(new Request(method, path, body, false));
                    continue;
                } else if (method.equals("PUT")) {
                    body = "{" + Escape.jsonString(e.label().name()) + ": "
                            + Escape.jsonString(JavaTypes.sample(e.label(), 1)) + "}";
                } else if (path.endsWith("/import")) {
                    body = csvExample(e);
                    csv = true;
                }
                later.add(new Request(method, path, body, csv));
            }
            // the deletion comes last, so that the requests before it find the item
            later.sort((a, b) -> Boolean.compare(a.method().equals("DELETE"), b.method().equals("DELETE")));
            requests.addAll(later);
        }
        return requests;
    }

    /**
     * @param domain the domain of an HTTP project
     * @return the README section with a {@code curl} request for every endpoint
     */
    static String curlSection(Domain domain) {
        StringBuilder out = new StringBuilder("## Example requests\n\n");
        out.append("One `curl` request for every endpoint, against a server started on its default port; run them in ")
                .append("this order on an empty store, so that item 1 exists when a request names it.\n\n```shell\n");
        for (Request r : requests(domain)) {
            out.append(r.curl()).append('\n');
        }
        return out.append("```\n").toString();
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

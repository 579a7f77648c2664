package dev.thefactory.fallbacks.internal.java;

import dev.thefactory.fallbacks.internal.domain.AggregateKind;
import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.Field;
import dev.thefactory.fallbacks.internal.domain.FieldType;
import dev.thefactory.fallbacks.internal.domain.Operation;
import dev.thefactory.fallbacks.internal.domain.StatusAction;
import dev.thefactory.fallbacks.internal.domain.Threshold;
import dev.thefactory.fallbacks.internal.text.CodeBuilder;
import dev.thefactory.fallbacks.internal.text.Escape;
import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.ArrayList;
import java.util.List;

/** Generates the HTTP entry point: the JSON codec, the router, the server and the main class. */
final class HttpTemplates {

    private HttpTemplates() {
    }

    /** @return the URL segment of an entity's collection, such as {@code shopping-items} */
    static String resource(Entity e) {
        return Naming.kebab(e.plural());
    }

    static String jsonCodec(String pkg) {
        return JavaShared.fill("""
                package ${pkg}.http;

                import java.math.BigDecimal;
                import java.util.ArrayList;
                import java.util.LinkedHashMap;
                import java.util.List;
                import java.util.Map;

                /**
                 * A small JSON writer and reader, enough for the service's requests and responses: objects, arrays,
                 * strings, numbers, booleans and null. The writer escapes everything that could end a string or inject
                 * markup; the reader limits nesting. Stateless and thread-safe.
                 */
                public final class JsonCodec {

                    /** The deepest nesting the reader accepts. */
                    public static final int MAX_DEPTH = 32;

                    private JsonCodec() {
                    }

                    /**
                     * @param value null, a string, a boolean, a number, a map with string keys, or an iterable of those
                     * @return its JSON text
                     * @throws IllegalArgumentException for a number that is not finite
                     */
                    public static String write(Object value) {
                        StringBuilder out = new StringBuilder();
                        write(out, value);
                        return out.toString();
                    }

                    private static void write(StringBuilder out, Object value) {
                        if (value == null) {
                            out.append("null");
                        } else if (value instanceof String text) {
                            string(out, text);
                        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
                            out.append(value);
                        } else if (value instanceof BigDecimal decimal) {
                            out.append(decimal.toPlainString());
                        } else if (value instanceof Number number) {
                            if (!Double.isFinite(number.doubleValue())) {
                                throw new IllegalArgumentException("JSON has no representation for " + number);
                            }
                            out.append(number);
                        } else if (value instanceof Map<?, ?> map) {
                            out.append('{');
                            boolean first = true;
                            for (Map.Entry<?, ?> entry : map.entrySet()) {
                                if (!first) {
                                    out.append(',');
                                }
                                first = false;
                                string(out, String.valueOf(entry.getKey()));
                                out.append(':');
                                write(out, entry.getValue());
                            }
                            out.append('}');
                        } else if (value instanceof Iterable<?> items) {
                            out.append('[');
                            boolean first = true;
                            for (Object item : items) {
                                if (!first) {
                                    out.append(',');
                                }
                                first = false;
                                write(out, item);
                            }
                            out.append(']');
                        } else {
                            string(out, value.toString());
                        }
                    }

                    private static void string(StringBuilder out, String text) {
                        out.append('"');
                        for (int i = 0; i < text.length(); i++) {
                            char c = text.charAt(i);
                            switch (c) {
                                case '"' -> out.append("\\\\\\"");
                                case '\\\\' -> out.append("\\\\\\\\");
                                case '\\n' -> out.append("\\\\n");
                                case '\\r' -> out.append("\\\\r");
                                case '\\t' -> out.append("\\\\t");
                                case '\\b' -> out.append("\\\\b");
                                case '\\f' -> out.append("\\\\f");
                                default -> {
                                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\\u2028' || c == '\\u2029') {
                                        out.append(String.format("\\\\u%04x", (int) c));
                                    } else {
                                        out.append(c);
                                    }
                                }
                            }
                        }
                        out.append('"');
                    }

                    /**
                     * @param json JSON text holding one object
                     * @return the object: strings, {@link BigDecimal} or {@link Long} numbers, booleans, null, lists and
                     *         maps, in document order
                     * @throws IllegalArgumentException naming the position when the text is not one JSON object
                     */
                    public static Map<String, Object> parseObject(String json) {
                        Reader reader = new Reader(json);
                        reader.skipBlanks();
                        reader.expect('{');
                        Map<String, Object> object = reader.object(1);
                        reader.skipBlanks();
                        if (reader.pos != json.length()) {
                            throw reader.error("unexpected text after the object");
                        }
                        return object;
                    }

                    private static final class Reader {
                        private final String text;
                        private int pos;

                        Reader(String text) {
                            this.text = text;
                        }

                        IllegalArgumentException error(String what) {
                            return new IllegalArgumentException("invalid JSON at position " + pos + ": " + what);
                        }

                        void skipBlanks() {
                            while (pos < text.length() && " \\t\\r\\n".indexOf(text.charAt(pos)) >= 0) {
                                pos++;
                            }
                        }

                        void expect(char c) {
                            if (pos >= text.length() || text.charAt(pos) != c) {
                                throw error("expected '" + c + "'");
                            }
                            pos++;
                        }

                        Object value(int depth) {
                            if (depth > MAX_DEPTH) {
                                throw error("nested deeper than " + MAX_DEPTH);
                            }
                            skipBlanks();
                            if (pos >= text.length()) {
                                throw error("unexpected end");
                            }
                            char c = text.charAt(pos);
                            if (c == '{') {
                                pos++;
                                return object(depth + 1);
                            }
                            if (c == '[') {
                                pos++;
                                return array(depth + 1);
                            }
                            if (c == '"') {
                                return string();
                            }
                            if (text.startsWith("true", pos)) {
                                pos += 4;
                                return Boolean.TRUE;
                            }
                            if (text.startsWith("false", pos)) {
                                pos += 5;
                                return Boolean.FALSE;
                            }
                            if (text.startsWith("null", pos)) {
                                pos += 4;
                                return null;
                            }
                            return number();
                        }

                        Map<String, Object> object(int depth) {
                            Map<String, Object> object = new LinkedHashMap<>();
                            skipBlanks();
                            if (pos < text.length() && text.charAt(pos) == '}') {
                                pos++;
                                return object;
                            }
                            while (true) {
                                skipBlanks();
                                if (pos >= text.length() || text.charAt(pos) != '"') {
                                    throw error("expected a field name");
                                }
                                String name = string();
                                skipBlanks();
                                expect(':');
                                object.put(name, value(depth));
                                skipBlanks();
                                if (pos < text.length() && text.charAt(pos) == ',') {
                                    pos++;
                                } else {
                                    expect('}');
                                    return object;
                                }
                            }
                        }

                        List<Object> array(int depth) {
                            List<Object> array = new ArrayList<>();
                            skipBlanks();
                            if (pos < text.length() && text.charAt(pos) == ']') {
                                pos++;
                                return array;
                            }
                            while (true) {
                                array.add(value(depth));
                                skipBlanks();
                                if (pos < text.length() && text.charAt(pos) == ',') {
                                    pos++;
                                } else {
                                    expect(']');
                                    return array;
                                }
                            }
                        }

                        String string() {
                            expect('"');
                            StringBuilder out = new StringBuilder();
                            while (true) {
                                if (pos >= text.length()) {
                                    throw error("a string is not closed");
                                }
                                char c = text.charAt(pos++);
                                if (c == '"') {
                                    return out.toString();
                                }
                                if (c < 0x20) {
                                    throw error("a control character must be escaped");
                                }
                                if (c != '\\\\') {
                                    out.append(c);
                                    continue;
                                }
                                if (pos >= text.length()) {
                                    throw error("an escape is not finished");
                                }
                                char e = text.charAt(pos++);
                                switch (e) {
                                    case '"', '\\\\', '/' -> out.append(e);
                                    case 'n' -> out.append('\\n');
                                    case 'r' -> out.append('\\r');
                                    case 't' -> out.append('\\t');
                                    case 'b' -> out.append('\\b');
                                    case 'f' -> out.append('\\f');
                                    case 'u' -> {
                                        if (pos + 4 > text.length()) {
                                            throw error("a \\\\u escape needs four hex digits");
                                        }
                                        try {
                                            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                                        } catch (NumberFormatException ex) {
                                            throw error("a \\\\u escape needs four hex digits");
                                        }
                                        pos += 4;
                                    }
                                    default -> throw error("unknown escape \\\\" + e);
                                }
                            }
                        }

                        Object number() {
                            int start = pos;
                            if (pos < text.length() && text.charAt(pos) == '-') {
                                pos++;
                            }
                            while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) {
                                pos++;
                            }
                            String number = text.substring(start, pos);
                            if (number.isEmpty() || number.equals("-")) {
                                throw error("unexpected character '" + text.charAt(start) + "'");
                            }
                            try {
                                if (number.matches("-?\\\\d{1,18}")) {
                                    return Long.valueOf(number);
                                }
                                return new BigDecimal(number);
                            } catch (NumberFormatException e) {
                                throw error("'" + number + "' is not a number");
                            }
                        }
                    }
                }
                """, pkg);
    }

    static String httpReply(String pkg) {
        return JavaShared.fill("""
                package ${pkg}.http;

                import java.util.Map;
                import java.util.Objects;

                /**
                 * An HTTP response: status, content type and body. Immutable and thread-safe.
                 *
                 * @param status      the status code
                 * @param contentType the content type
                 * @param body        the body
                 */
                public record HttpReply(int status, String contentType, String body) {

                    /** The content type of JSON replies. */
                    public static final String JSON = "application/json; charset=utf-8";

                    /** @throws NullPointerException if a component is null */
                    public HttpReply {
                        Objects.requireNonNull(contentType, "contentType");
                        Objects.requireNonNull(body, "body");
                    }

                    /**
                     * @param status the status
                     * @param value what to encode
                     * @return a JSON reply
                     */
                    public static HttpReply json(int status, Object value) {
                        return new HttpReply(status, JSON, JsonCodec.write(value));
                    }

                    /**
                     * @param status the status
                     * @param message what went wrong
                     * @return a JSON error reply
                     */
                    public static HttpReply error(int status, String message) {
                        return json(status, Map.of("error", String.valueOf(message)));
                    }
                }
                """, pkg);
    }

    static String router(String pkg, Domain domain, boolean web) {
        CodeBuilder c = CodeBuilder.fourSpaces();
        c.line("package " + pkg + ".http;").blank();
        List<String> imports = ServiceHolders.imports(pkg, domain);
        imports.add(pkg + ".model.FieldValues");
        if (web) {
            imports.addAll(List.of("java.io.IOException", "java.io.InputStream", "java.io.UncheckedIOException",
                    "java.nio.charset.StandardCharsets"));
        }
        imports.addAll(List.of("java.math.BigDecimal", "java.util.ArrayList", "java.util.LinkedHashMap",
                "java.util.List", "java.util.Map", "java.util.NoSuchElementException"));
        imports.stream().distinct().sorted().forEach(i -> c.line("import " + i + ";"));
        c.blank();
        c.line("/**");
        c.line(" * Maps HTTP requests to the services and answers in JSON, without any socket: the server hands it the");
        c.line(" * method, path and body. Thread-safe.");
        c.line(" *");
        c.line(" * <p>Resources:");
        c.line(" * <ul>");
        if (web) {
            c.line(" *   <li>{@code GET /}: the HTML page</li>");
        }
        for (Entity e : domain.entities()) {
            for (String line : endpoints(e)) {
                c.line(" *   <li>{@code " + line + "}</li>");
            }
        }
        c.line(" * </ul>");
        c.line(" */");
        c.open("public final class Router");
        c.blank();
        ServiceHolders.members(c, "Router", "A router", domain);
        c.blank();
        c.line("/**");
        c.line(" * @param method the HTTP method");
        c.line(" * @param path   the decoded path, without the query");
        c.line(" * @param body   the request body; may be empty");
        c.line(" * @return the reply: 200 or 201 with JSON, 400 for invalid input, 404 for an unknown resource or id,");
        c.line(" *         405 for a method a resource does not allow");
        c.line(" */");
        c.open("public HttpReply handle(String method, String path, String body)");
        c.open("try");
        c.line("List<String> segments = new ArrayList<>();");
        c.open("for (String segment : path.split(\"/\"))");
        c.open("if (!segment.isEmpty())");
        c.line("segments.add(segment);");
        c.close();
        c.close();
        if (web) {
            c.open("if (segments.isEmpty())");
            c.line("return method.equals(\"GET\") ? new HttpReply(200, \"text/html; charset=utf-8\", page())");
            c.line("        : HttpReply.error(405, \"method \" + method + \" is not allowed on /\");");
            c.close();
        }
        c.open("if (segments.size() < 2 || !segments.get(0).equals(\"api\"))");
        c.line("return HttpReply.error(404, \"no resource at \" + path);");
        c.close();
        c.line("List<String> rest = segments.subList(2, segments.size());");
        c.open("return switch (segments.get(1))");
        for (Entity e : domain.entities()) {
            c.line("case \"" + resource(e) + "\" -> " + e.plural() + "(method, rest, body);");
        }
        c.line("default -> HttpReply.error(404, \"no resource at \" + path);");
        c.close(";");
        c.dedent();
        c.line("} catch (IllegalArgumentException e) {");
        c.indent();
        c.line("return HttpReply.error(400, e.getMessage());");
        c.dedent();
        c.line("} catch (NoSuchElementException e) {");
        c.indent();
        c.line("return HttpReply.error(404, e.getMessage());");
        c.close();
        c.close();
        for (Entity e : domain.entities()) {
            entityRoutes(c, e);
        }
        c.blank();
        c.line("/**");
        c.line(" * @param body a JSON object of field values");
        c.line(" * @return the values as text");
        c.line(" * @throws IllegalArgumentException when the body is not a JSON object of plain values");
        c.line(" */");
        c.open("static FieldValues values(String body)");
        c.line("Map<String, Object> json = JsonCodec.parseObject(body == null || body.isBlank() ? \"{}\" : body);");
        c.line("Map<String, String> text = new LinkedHashMap<>();");
        c.open("for (Map.Entry<String, Object> entry : json.entrySet())");
        c.line("Object value = entry.getValue();");
        c.open("if (value instanceof Map || value instanceof List)");
        c.line("throw new IllegalArgumentException(\"field \" + entry.getKey() + \" must be text, a number or a boolean\");");
        c.close();
        c.open("if (value != null)");
        c.line("text.put(entry.getKey(), value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());");
        c.close();
        c.close();
        c.line("return new FieldValues(text);");
        c.close();
        c.blank();
        c.open("private static long id(String segment)");
        c.open("try");
        c.line("return Long.parseLong(segment);");
        c.dedent();
        c.line("} catch (NumberFormatException e) {");
        c.indent();
        c.line("throw new NoSuchElementException(\"no resource '\" + segment + \"'\");");
        c.close();
        c.close();
        c.blank();
        c.open("private static HttpReply notAllowed(String method)");
        c.line("return HttpReply.error(405, \"method \" + method + \" is not allowed here\");");
        c.close();
        if (web) {
            c.blank();
            c.open("private static String page()");
            c.open("try (InputStream in = Router.class.getResourceAsStream(\"/static/index.html\"))");
            c.open("if (in == null)");
            c.line("throw new IllegalStateException(\"static/index.html is missing from the class path\");");
            c.close();
            c.line("return new String(in.readAllBytes(), StandardCharsets.UTF_8);");
            c.dedent();
            c.line("} catch (IOException e) {");
            c.indent();
            c.line("throw new UncheckedIOException(e);");
            c.close();
            c.close();
        }
        c.close();
        return c.toString();
    }

    /** @return the entity's endpoints, such as {@code POST /api/tasks} */
    static List<String> endpoints(Entity e) {
        String base = "/api/" + resource(e);
        List<String> lines = new ArrayList<>();
        lines.add("GET " + base);
        lines.add("POST " + base);
        lines.add("GET " + base + "/{id}");
        if (e.has(Operation.UPDATE)) {
            lines.add("PUT " + base + "/{id}");
        }
        if (e.has(Operation.DELETE)) {
            lines.add("DELETE " + base + "/{id}");
        }
        for (StatusAction a : e.statusActions()) {
            lines.add("POST " + base + "/{id}/" + Naming.kebab(a.name()));
        }
        for (String f : e.filterFields()) {
            lines.add("GET " + base + "/find-by-" + Naming.kebab(f) + "/{value}");
        }
        for (Threshold t : e.thresholds()) {
            lines.add("GET " + base + "/find-" + Naming.kebab(t.name()) + "/{value}");
        }
        for (String f : e.sortFields()) {
            lines.add("GET " + base + "/sort-by-" + Naming.kebab(f));
        }
        if (e.has(AggregateKind.SUMMARY)) {
            lines.add("GET " + base + "/summary");
        }
        if (e.has(AggregateKind.EXPORT)) {
            lines.add("GET " + base + "/export");
        }
        if (e.has(AggregateKind.IMPORT)) {
            lines.add("POST " + base + "/import");
        }
        return lines;
    }

    private static void entityRoutes(CodeBuilder c, Entity e) {
        String s = "this." + e.plural();
        String rows = ".stream().map(" + e.name() + "::toFields).toList()";
        c.blank();
        c.open("private HttpReply " + e.plural() + "(String method, List<String> rest, String body)");
        c.open("if (rest.isEmpty())");
        c.open("return switch (method)");
        c.line("case \"GET\" -> HttpReply.json(200, " + s + ".list()" + rows + ");");
        c.line("case \"POST\" -> HttpReply.json(201, " + s + ".create(values(body)).toFields());");
        c.line("default -> notAllowed(method);");
        c.close(";");
        c.close();
        c.line("String first = rest.get(0);");
        List<String[]> named = new ArrayList<>();
        for (String f : e.sortFields()) {
            named.add(new String[] {"sort-by-" + Naming.kebab(f), "GET",
                "HttpReply.json(200, " + s + ".sortedBy" + JavaTypes.cap(f) + "()" + rows + ")"});
        }
        if (e.has(AggregateKind.SUMMARY)) {
            named.add(new String[] {"summary", "GET", "HttpReply.json(200, " + s + ".summary())"});
        }
        if (e.has(AggregateKind.EXPORT)) {
            named.add(new String[] {"export", "GET", "new HttpReply(200, \"text/csv; charset=utf-8\", " + s
                    + ".exportCsv())"});
        }
        if (e.has(AggregateKind.IMPORT)) {
            named.add(new String[] {"import", "POST", "HttpReply.json(200, Map.of(\"imported\", " + s
                    + ".importCsv(body)))"});
        }
        for (String[] n : named) {
            c.open("if (rest.size() == 1 && first.equals(\"" + n[0] + "\"))");
            c.line("return method.equals(\"" + n[1] + "\") ? " + n[2] + " : notAllowed(method);");
            c.close();
        }
        for (String f : e.filterFields()) {
            c.open("if (rest.size() == 2 && first.equals(\"find-by-" + Naming.kebab(f) + "\"))");
            c.line("return method.equals(\"GET\") ? HttpReply.json(200, " + s + ".findBy" + JavaTypes.cap(f)
                    + "(rest.get(1))" + rows + ") : notAllowed(method);");
            c.close();
        }
        for (Threshold t : e.thresholds()) {
            c.open("if (rest.size() == 2 && first.equals(\"find-" + Naming.kebab(t.name()) + "\"))");
            c.line("return method.equals(\"GET\") ? HttpReply.json(200, " + s + ".find" + JavaTypes.cap(t.name())
                    + "(rest.get(1))" + rows + ") : notAllowed(method);");
            c.close();
        }
        c.line("long id = id(first);");
        c.open("if (rest.size() == 1)");
        c.open("return switch (method)");
        c.line("case \"GET\" -> HttpReply.json(200, " + s + ".get(id).toFields());");
        if (e.has(Operation.UPDATE)) {
            c.line("case \"PUT\", \"PATCH\" -> HttpReply.json(200, " + s + ".update(id, values(body)).toFields());");
        }
        if (e.has(Operation.DELETE)) {
            c.open("case \"DELETE\" ->");
            c.line(s + ".delete(id);");
            c.line("yield HttpReply.json(200, Map.of(\"deleted\", id));");
            c.close();
        }
        c.line("default -> notAllowed(method);");
        c.close(";");
        c.close();
        if (!e.statusActions().isEmpty()) {
            c.open("if (rest.size() == 2)");
            c.open("if (!method.equals(\"POST\"))");
            c.line("return notAllowed(method);");
            c.close();
            c.open("return switch (rest.get(1))");
            for (StatusAction a : e.statusActions()) {
                c.line("case \"" + Naming.kebab(a.name()) + "\" -> HttpReply.json(200, " + s + "." + a.name()
                        + "(id).toFields());");
            }
            c.line("default -> HttpReply.error(404, \"no action '\" + rest.get(1) + \"'\");");
            c.close(";");
            c.close();
        }
        c.line("return HttpReply.error(404, \"no resource at \" + String.join(\"/\", rest));");
        c.close();
    }

    static String server(String pkg) {
        return JavaShared.fill("""
                package ${pkg}.http;

                import com.sun.net.httpserver.HttpExchange;
                import com.sun.net.httpserver.HttpServer;
                import java.io.IOException;
                import java.io.InputStream;
                import java.io.OutputStream;
                import java.net.InetSocketAddress;
                import java.nio.charset.StandardCharsets;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                /** Serves a {@link Router} over HTTP with the JDK's built-in server. Thread-safe. */
                public final class ApiServer implements AutoCloseable {

                    /** The largest request body read, in bytes. */
                    public static final int MAX_BODY = 1_000_000;

                    private final HttpServer server;
                    private final ExecutorService executor = Executors.newFixedThreadPool(4);

                    /**
                     * @param router answers the requests
                     * @param port   the port; 0 for any free port
                     * @throws IOException when the port cannot be bound
                     */
                    public ApiServer(Router router, int port) throws IOException {
                        this(router, new InetSocketAddress(port));
                    }

                    /**
                     * @param router  answers the requests
                     * @param address the address and port to serve on, such as the loopback address and port 0
                     * @throws IOException when the address cannot be bound
                     */
                    public ApiServer(Router router, InetSocketAddress address) throws IOException {
                        server = HttpServer.create(address, 0);
                        server.createContext("/", exchange -> handle(router, exchange));
                        server.setExecutor(executor);
                    }

                    /** Starts serving. */
                    public void start() {
                        server.start();
                    }

                    /** @return the port served */
                    public int port() {
                        return server.getAddress().getPort();
                    }

                    /** Stops serving at once. */
                    @Override
                    public void close() {
                        server.stop(0);
                        executor.shutdownNow();
                    }

                    private static void handle(Router router, HttpExchange exchange) throws IOException {
                        try {
                            byte[] request;
                            try (InputStream in = exchange.getRequestBody()) {
                                request = in.readNBytes(MAX_BODY + 1);
                            }
                            HttpReply reply = request.length > MAX_BODY
                                    ? HttpReply.error(413, "the body is larger than " + MAX_BODY + " bytes")
                                    : router.handle(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                                            new String(request, StandardCharsets.UTF_8));
                            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
                            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
                            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
                            if (body.length > 0) {
                                try (OutputStream out = exchange.getResponseBody()) {
                                    out.write(body);
                                }
                            }
                        } finally {
                            exchange.close();
                        }
                    }
                }
                """, pkg);
    }

    static String main(String pkg, String displayName) {
        return JavaShared.fill("""
                package ${pkg};

                import ${pkg}.http.ApiServer;
                import ${pkg}.http.Router;
                import java.io.IOException;
                import java.util.Properties;

                /**
                 * Starts ${name} as an HTTP service on the port of {@code server.port} (or the first argument), keeping
                 * the items in the store the settings choose (see {@link Settings#openOrExit}).
                 */
                public final class Main {

                    private Main() {
                    }

                    /**
                     * @param args optionally the port
                     * @throws IOException when the settings cannot be read or the port cannot be bound
                     */
                    public static void main(String[] args) throws IOException {
                        Properties settings = Settings.load();
                        int port = Integer.parseInt(args.length > 0 ? args[0] : settings.getProperty("server.port", "8080"));
                        ApiServer server = new ApiServer(Settings.openOrExit(settings, Router::new), port);
                        server.start();
                        System.out.println(settings.getProperty("app.name", "app") + " listening on http://localhost:"
                                + server.port() + "/");
                    }
                }
                """, pkg).replace("${name}", Escape.javadoc(displayName));
    }

    /** @return one labelled input per field of the entity that takes a value, required ones marked required */
    private static String inputs(Entity e) {
        StringBuilder out = new StringBuilder();
        for (Field f : e.fields()) {
            String words = Naming.capitalize(String.join(" ", Naming.words(f.name())));
            String required = f.required() ? " required" : "";
            String input;
            if (f.type() == FieldType.BOOLEAN && !f.secret()) {
                input = "<input type=\"checkbox\" name=\"" + f.name() + "\" value=\"true\">";
            } else if (f.type() == FieldType.LEVEL && !f.secret()) {
                StringBuilder options = new StringBuilder(f.required() ? "" : "<option value=\"\"></option>");
                for (String level : f.levels()) {
                    options.append("<option>").append(level).append("</option>");
                }
                input = "<select name=\"" + f.name() + "\"" + required + ">" + options + "</select>";
            } else {
                String type = f.secret() ? "password" : switch (f.type()) {
                    case DATE -> "date";
                    case DATE_TIME -> "datetime-local";
                    case INT, LONG -> "number\" min=\"0\" step=\"1";
                    case DECIMAL -> "number\" min=\"0\" step=\"0.01";
                    default -> "text";
                };
                input = "<input type=\"" + type + "\" name=\"" + f.name() + "\"" + required
                        + (f.type() == FieldType.STRING || f.secret() ? " maxlength=\"200\"" : "") + ">";
            }
            out.append("    <label>").append(words).append(' ').append(input)
                    .append("</label>\n");
        }
        return out.toString();
    }

    /**
     * @param e the primary entity of a web app
     * @return the JavaScript objects of the buttons each listed item gets on the page: one per status action, and
     *         Delete when the entity can be deleted; the page test looks for each
     */
    static List<String> pageItemActions(Entity e) {
        List<String> actions = new ArrayList<>();
        for (StatusAction a : e.statusActions()) {
            actions.add("{label: \"" + Naming.capitalize(String.join(" ", Naming.words(a.name()))) + "\", method: "
                    + "\"POST\", path: \"/" + Naming.kebab(a.name()) + "\"}");
        }
        if (e.has(Operation.DELETE)) {
            actions.add("{label: \"Delete\", method: \"DELETE\", path: \"\"}");
        }
        return actions;
    }

    /**
     * @param e the primary entity of a web app
     * @return the paths (after the collection) of the page's find forms, ending with {@code /} where a value follows,
     *         and of its sort buttons: one per filter, threshold and sort; the page test looks for each
     */
    static List<String> pageFinds(Entity e) {
        List<String> paths = new ArrayList<>();
        e.filterFields().forEach(f -> paths.add("/find-by-" + Naming.kebab(f) + "/"));
        e.thresholds().forEach(t -> paths.add("/find-" + Naming.kebab(t.name()) + "/"));
        e.sortFields().forEach(f -> paths.add("/sort-by-" + Naming.kebab(f)));
        return paths;
    }

    /** The prefix of the names of the edit form's inputs: {@code set.title} changes {@code title}. */
    static final String EDIT_PREFIX = "set.";

    /** @return the form that changes an item's fields by id (PUT), or nothing when the entity cannot be updated */
    private static String editForm(Entity e) {
        if (!e.has(Operation.UPDATE)) {
            return "";
        }
        StringBuilder out = new StringBuilder("  <form id=\"edit\">\n");
        out.append("    <label>Id <input type=\"number\" name=\"id\" min=\"1\" step=\"1\" required></label>\n");
        for (Field f : e.fields()) {
            String words = Naming.capitalize(String.join(" ", Naming.words(f.name())));
            String name = EDIT_PREFIX + f.name();
            String input;
            if (f.type() == FieldType.BOOLEAN && !f.secret()) {
                input = "<select name=\"" + name + "\"><option value=\"\"></option><option>true</option>"
                        + "<option>false</option></select>";
            } else if (f.type() == FieldType.LEVEL && !f.secret()) {
                StringBuilder options = new StringBuilder("<option value=\"\"></option>");
                f.levels().forEach(level -> options.append("<option>").append(level).append("</option>"));
                input = "<select name=\"" + name + "\">" + options + "</select>";
            } else {
                String type = f.secret() ? "password" : switch (f.type()) {
                    case DATE -> "date";
                    case INT, LONG -> "number\" min=\"0\" step=\"1";
                    case DECIMAL -> "number\" min=\"0\" step=\"0.01";
                    default -> "text";
                };
                input = "<input type=\"" + type + "\" name=\"" + name + "\">";
            }
            out.append("    <label>").append(words).append(' ').append(input).append("</label>\n");
        }
        out.append("    <button type=\"submit\">Save changes</button>\n  </form>\n");
        return out.toString();
    }

    /** @return the forms and buttons that find and sort the primary items, one per {@link #pageFinds} path */
    private static String findControls(Entity e) {
        StringBuilder out = new StringBuilder();
        for (String path : pageFinds(e)) {
            String words = String.join(" ", Naming.words(path.replace("/", " ").strip().replace('-', ' ')));
            String title = Naming.capitalize(words);
            if (path.endsWith("/")) {
                out.append("  <form class=\"find\" data-path=\"").append(path).append("\">")
                        .append("<input name=\"value\" required aria-label=\"").append(words).append("\"> ")
                        .append("<button type=\"submit\">").append(title).append("</button></form>\n");
            } else {
                out.append("  <button type=\"button\" class=\"sort\" data-path=\"").append(path).append("\">")
                        .append(title).append("</button>\n");
            }
        }
        if (out.length() > 0) {
            out.append("  <button type=\"button\" id=\"all\">Show all</button>\n");
        }
        return out.toString();
    }

    static String page(Domain domain, String displayName) {
        Entity e = domain.primary();
        String label = e.label().name();
        String base = "/api/" + resource(e);
        StringBuilder links = new StringBuilder();
        for (Entity entity : domain.entities()) {
            links.append("    <li><a href=\"/api/").append(resource(entity)).append("\">/api/")
                    .append(resource(entity)).append("</a></li>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>${title}</title>
                </head>
                <body>
                  <h1>${title}</h1>
                  <form id="add">
                ${inputs}    <button type="submit">Add</button>
                  </form>
                ${edit}${finds}  <p id="message"></p>
                  <ul id="items"></ul>
                  <h2>JSON resources</h2>
                  <ul>
                ${links}  </ul>
                  <script>
                    const base = "${base}";
                    const actions = [${actions}];
                    function show(items) {
                      const list = document.getElementById("items");
                      list.replaceChildren(...items.map(item => {
                        const li = document.createElement("li");
                        li.textContent = "#" + item.id + " " + item["${label}"] + " ";
                        for (const action of actions) {
                          const button = document.createElement("button");
                          button.textContent = action.label;
                          button.addEventListener("click", async () => {
                            const reply = await fetch(base + "/" + item.id + action.path, {method: action.method});
                            document.getElementById("message").textContent = reply.ok ? "" : (await reply.json()).error;
                            refresh();
                          });
                          li.append(button);
                        }
                        return li;
                      }));
                    }
                    async function load(path) {
                      const reply = await fetch(base + path);
                      if (reply.ok) {
                        document.getElementById("message").textContent = "";
                        show(await reply.json());
                      } else {
                        document.getElementById("message").textContent = (await reply.json()).error;
                      }
                    }
                    function refresh() {
                      return load("");
                    }
                    for (const form of document.querySelectorAll("form.find")) {
                      form.addEventListener("submit", event => {
                        event.preventDefault();
                        load(form.dataset.path + encodeURIComponent(new FormData(form).get("value")));
                      });
                    }
                    for (const button of document.querySelectorAll("button.sort")) {
                      button.addEventListener("click", () => load(button.dataset.path));
                    }
                    document.getElementById("all")?.addEventListener("click", refresh);
                    document.getElementById("edit")?.addEventListener("submit", async event => {
                      event.preventDefault();
                      const data = new FormData(event.target);
                      const changes = {};
                      for (const [name, value] of data) {
                        if (name.startsWith("set.") && value !== "") {
                          changes[name.substring(4)] = value;
                        }
                      }
                      const reply = await fetch(base + "/" + data.get("id"), {method: "PUT", body: JSON.stringify(changes)});
                      document.getElementById("message").textContent = reply.ok ? "" : (await reply.json()).error;
                      refresh();
                    });
                    document.getElementById("add").addEventListener("submit", async event => {
                      event.preventDefault();
                      const body = JSON.stringify(Object.fromEntries(new FormData(event.target)));
                      const reply = await fetch(base, {method: "POST", body});
                      document.getElementById("message").textContent = reply.ok ? "" : (await reply.json()).error;
                      event.target.reset();
                      refresh();
                    });
                    refresh();
                  </script>
                </body>
                </html>
                """.replace("${title}", Escape.xml(Escape.line(displayName)))
                .replace("${inputs}", inputs(e))
                .replace("${edit}", editForm(e))
                .replace("${finds}", findControls(e))
                .replace("${actions}", String.join(", ", pageItemActions(e)))
                .replace("${links}", links.toString())
                .replace("${label}", label)
                .replace("${base}", base);
    }
}

package dev.thefactory.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A loopback server that speaks the OpenAI chat-completions protocol ({@code POST /v1/chat/completions},
 * {@code GET /v1/models}) with scripted answers and faults. Every request is recorded with its arrival time, headers
 * and body. Thread-safe.
 */
public final class FakeOpenAi implements AutoCloseable {

    /** One scripted answer. */
    public record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
        /** @param content the assistant's text @return a 200 answer with usage 100 in, 50 out */
        public static Reply content(String content) {
            return completion(content, "stop", 100, 50);
        }

        /**
         * @param content the assistant's text
         * @param finish  the finish reason
         * @param in      prompt tokens
         * @param out     completion tokens
         * @return a 200 answer
         */
        public static Reply completion(String content, String finish, int in, int out) {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1).put("model", "test-model");
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", finish);
            choice.putObject("message").put("role", "assistant").put("content", content);
            root.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out)
                    .put("total_tokens", in + out);
            return new Reply(200, Map.of("Content-Type", "application/json"), root.toString(), 0);
        }

        /** @param status an HTTP status @param body its body @return an error answer */
        public static Reply error(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body, 0);
        }

        /** @param name a header @param value its value @return this answer with that header too */
        public Reply with(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Reply(status, Map.copyOf(more), body, delayMillis);
        }

        /** @param millis how long to wait before answering @return this answer, late */
        public Reply after(long millis) {
            return new Reply(status, headers, body, millis);
        }
    }

    /** One recorded request. */
    public record Request(long atNanos, String method, String path, Map<String, List<String>> headers, String body) {
        /** @return the request body as JSON */
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** @return the system message's text */
        public String system() {
            return json().path("messages").path(0).path("content").asText();
        }

        /** @return the user message's text */
        public String user() {
            return json().path("messages").path(1).path("content").asText();
        }
    }

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final Deque<Reply> queue = new ArrayDeque<>();
    private volatile Function<Request, Reply> fallback = r -> Reply.error(500, "{\"error\":\"nothing scripted\"}");
    private volatile Reply models = new Reply(200, Map.of("Content-Type", "application/json"),
            "{\"object\":\"list\",\"data\":[{\"id\":\"test-model\",\"object\":\"model\"}]}", 0);

    /** Starts the server on a free loopback port. */
    public FakeOpenAi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fake-openai");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:12345/v1} */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + "/v1";
    }

    /** @param replies answers for the next chat requests, in order @return this */
    public synchronized FakeOpenAi enqueue(Reply... replies) {
        queue.addAll(List.of(replies));
        return this;
    }

    /** @param script answers chat requests once the queue is empty @return this */
    public FakeOpenAi otherwise(Function<Request, Reply> script) {
        this.fallback = script;
        return this;
    }

    /** @param reply the answer to {@code GET /v1/models} @return this */
    public FakeOpenAi models(Reply reply) {
        this.models = reply;
        return this;
    }

    /** @return every request so far, in arrival order */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** @return the chat requests so far */
    public List<Request> chats() {
        return requests.stream().filter(r -> r.path().endsWith("/chat/completions")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(System.nanoTime(), exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(request);
        Reply reply;
        if (request.path().endsWith("/models")) {
            reply = models;
        } else {
            synchronized (this) {
                reply = queue.pollFirst();
            }
            if (reply == null) {
                reply = fallback.apply(request);
            }
        }
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (e.g. it timed out): nothing to answer
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    /** @return the most requests the server was answering at once */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** @return a copy of the requests' bodies, joined, for scans */
    public String everything() {
        List<String> all = new ArrayList<>();
        for (Request r : requests) {
            all.add(r.path() + " " + r.body());
        }
        return String.join("\n", all);
    }
}

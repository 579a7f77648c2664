package com.example.todoapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/** Serves the page: {@code GET /}, and the forms {@code POST /add}, {@code /complete} and {@code /delete}. */
public final class TodoServer implements AutoCloseable {

    private final HttpServer server;
    private final TodoService service;

    /**
     * Starts serving.
     *
     * @param port    the port; 0 for any free one
     * @param service the list
     * @throws IOException when the port cannot be bound
     */
    public TodoServer(int port, TodoService service) throws IOException {
        this.service = service;
        this.server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** @return the port served */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @param args the port, 8080 by default @throws IOException when it cannot be bound */
    public static void main(String[] args) throws IOException {
        TodoServer server = new TodoServer(args.length > 0 ? Integer.parseInt(args[0]) : 8080,
                new TodoService(new InMemoryTaskStore()));
        System.out.println("Todo App on http://localhost:" + server.port() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("GET") && path.equals("/")) {
                send(exchange, 200, TodoPage.render(service.list(), null));
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 404, "not found");
                return;
            }
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            try {
                switch (path) {
                    case "/add" -> service.add(form.get("title"), date(form.get("due")));
                    case "/complete" -> service.complete(Long.parseLong(form.getOrDefault("id", "")));
                    case "/delete" -> service.delete(Long.parseLong(form.getOrDefault("id", "")));
                    default -> {
                        send(exchange, 404, "not found");
                        return;
                    }
                }
            } catch (IllegalArgumentException | NoSuchElementException | DateTimeParseException e) {
                send(exchange, 400, TodoPage.render(service.list(), e.getMessage()));
                return;
            }
            exchange.getResponseHeaders().add("Location", "/");
            exchange.sendResponseHeaders(303, -1);
        } finally {
            exchange.close();
        }
    }

    private static LocalDate date(String value) {
        return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
    }

    static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

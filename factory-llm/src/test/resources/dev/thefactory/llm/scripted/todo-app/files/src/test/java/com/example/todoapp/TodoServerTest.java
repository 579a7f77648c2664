package com.example.todoapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TodoServerTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private TodoService service;
    private TodoServer server;

    @BeforeEach
    void start() throws IOException {
        service = new TodoService(new InMemoryTaskStore());
        server = new TodoServer(0, service);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String page() throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void theFormsAddCompleteAndDeleteTasksOnThePage() throws Exception {
        assertEquals(303, post("/add", "title=buy+milk&due=2030-01-02").statusCode());
        assertTrue(page().contains("<li class=\"open\">buy milk (due 2030-01-02)"), page());

        long id = service.list().get(0).id();
        assertEquals(303, post("/complete", "id=" + id).statusCode());
        assertTrue(page().contains("<li class=\"done\">buy milk"), page());

        assertEquals(303, post("/delete", "id=" + id).statusCode());
        assertFalse(page().contains("buy milk"), page());
    }

    @Test
    void anEmptyTitleIsRefusedWithAMessage() throws Exception {
        HttpResponse<String> response = post("/add", "title=");

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("a task needs a title"), response.body());
        assertTrue(service.list().isEmpty());
    }
}

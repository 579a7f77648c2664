package dev.thefactory.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thefactory.llm.LlmSettings;
import dev.thefactory.spi.HealthStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The health check of a configured endpoint: {@code GET <baseUrl>/models} with the JDK's HTTP client, bounded by
 * {@link #TIMEOUT}, its answer cached for {@link #CACHE_FOR}. Up when the endpoint answers 2xx (and, when it lists
 * models, lists the configured one) or 404 (an endpoint without a model list); down, with what to fix, on 401/403, an
 * unlisted model, another status, no answer in time, or no connection. The key is sent as a bearer token and never
 * appears in a detail. Thread-safe.
 */
public final class EndpointHealth {

    /** The longest the check waits for an answer. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** How long an answer is reused. */
    public static final Duration CACHE_FOR = Duration.ofSeconds(30);

    private final LlmSettings settings;
    private final Clock clock;
    private final HttpClient client;
    private HealthStatus cached;
    private long cachedAtMillis;

    /**
     * @param settings configured settings ({@link LlmSettings#missing()} empty)
     * @param clock    for the cache
     */
    public EndpointHealth(LlmSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** @return the endpoint's health, at most {@link #CACHE_FOR} old */
    public synchronized HealthStatus check() {
        long now = clock.millis();
        if (cached != null && now - cachedAtMillis < CACHE_FOR.toMillis()) {
            return cached;
        }
        cached = probe();
        cachedAtMillis = clock.millis();
        return cached;
    }

    private HealthStatus probe() {
        String base = settings.baseUrl();
        String model = settings.model();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/models")).timeout(TIMEOUT).GET();
        if (settings.hasApiKey()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return HealthStatus.down("model endpoint " + base + " did not answer GET /models within "
                    + TIMEOUT.toMillis() + " ms; check " + LlmSettings.ENV_BASE_URL);
        } catch (IOException e) {
            return HealthStatus.down("cannot reach model endpoint " + base + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + Secrets.redact(Secrets.snippet(e.getMessage(), 120),
                    settings.apiKey())) + "); check " + LlmSettings.ENV_BASE_URL + " and that the server runs");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthStatus.down("the health check of " + base + " was interrupted");
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            return HealthStatus.down("model endpoint " + base + " refused the "
                    + (settings.hasApiKey() ? "API key" : "request without an API key") + " (HTTP " + status
                    + "); set " + LlmSettings.ENV_API_KEY + " to a valid key");
        }
        if (status == 404) {
            return HealthStatus.up();
        }
        if (status < 200 || status >= 300) {
            return HealthStatus.down("model endpoint " + base + " answered GET /models with HTTP " + status);
        }
        List<String> offered = models(response.body());
        if (!offered.isEmpty() && !offered.contains(model)) {
            return HealthStatus.down("model endpoint " + base + " does not offer model '" + model + "'; set "
                    + LlmSettings.ENV_MODEL + " to one it offers, e.g. "
                    + String.join(", ", offered.subList(0, Math.min(10, offered.size())))
                    + (offered.size() > 10 ? " (" + offered.size() + " in all)" : ""));
        }
        return HealthStatus.up();
    }

    private static List<String> models(String body) {
        List<String> ids = new ArrayList<>();
        try {
            JsonNode data = Answers.mapper().readTree(body).path("data");
            for (JsonNode entry : data) {
                if (entry.path("id").isTextual()) {
                    ids.add(entry.path("id").asText());
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return ids;
    }
}

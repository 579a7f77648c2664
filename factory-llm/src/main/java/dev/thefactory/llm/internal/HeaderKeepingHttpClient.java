package dev.thefactory.llm.internal;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;


/**
 * A LangChain4j {@link HttpClient} on the JDK's {@link java.net.http.HttpClient} that throws
 * {@link HttpStatusException} (status, body and headers) for a non-2xx answer, so that {@code Retry-After} survives.
 * Streaming requests, which this backend does not make, go to LangChain4j's own {@link JdkHttpClient} built from the
 * same settings. A connection failure is an {@link UncheckedIOException}, a request past its read timeout a LangChain4j
 * {@link TimeoutException}, and an interrupted request an {@link UncheckedIOException} over an
 * {@link InterruptedIOException} with the thread's interrupt flag set again. Thread-safe.
 */
final class HeaderKeepingHttpClient implements HttpClient {

    private final java.net.http.HttpClient delegate;
    private final Duration readTimeout;
    private final JdkHttpClient streaming;
    private final SessionRecorder recorder;

    private HeaderKeepingHttpClient(Builder builder) {
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER);
        if (builder.connectTimeout != null) {
            jdk.connectTimeout(builder.connectTimeout);
        }
        this.delegate = jdk.build();
        this.readTimeout = builder.readTimeout;
        JdkHttpClientBuilder streamingBuilder = JdkHttpClient.builder();
        streamingBuilder.connectTimeout(builder.connectTimeout).readTimeout(builder.readTimeout);
        this.streaming = streamingBuilder.build();
        this.recorder = builder.recorder;
    }

    /** @return a builder for the client */
    static Builder builder() {
        return new Builder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder jdkRequest = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> jdkRequest.header(name, value));
            }
        });
        jdkRequest.method(request.method().name(), request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        if (readTimeout != null) {
            jdkRequest.timeout(readTimeout);
        }
        HttpResponse<byte[]> response;
        long start = System.nanoTime();
        try {
            response = delegate.send(jdkRequest.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            record(request, -1, start, "no answer within the read timeout");
            throw new TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("the model request was interrupted");
            interrupted.initCause(e);
            throw new UncheckedIOException(interrupted);
        } catch (IOException e) {
            record(request, -1, start, e.toString());
            throw new UncheckedIOException(e);
        }
        int status = response.statusCode();
        record(request, status, start, new String(response.body(), StandardCharsets.UTF_8));
        if (status < 200 || status >= 300) {
            throw new HttpStatusException(status, new String(response.body(), StandardCharsets.UTF_8),
                    response.headers().map());
        }
        return SuccessfulHttpResponse.builder().statusCode(status).headers(response.headers().map())
                .body(new String(response.body(), StandardCharsets.UTF_8)).build();
    }

    private void record(HttpRequest request, int status, long startNanos, String response) {
        if (recorder != null) {
            recorder.record(request.method().name(), request.url(), status, (System.nanoTime() - startNanos) / 1_000_000,
                    request.body(), response);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        streaming.execute(request, parser, listener);
    }

    /** Builds the client; LangChain4j's OpenAI client sets both timeouts. Not thread-safe. */
    static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout;
        private Duration readTimeout;
        private SessionRecorder recorder;

        /**
         * @param sessionRecorder where to record bodies; null for nowhere
         * @return this builder
         */
        Builder recorder(SessionRecorder sessionRecorder) {
            this.recorder = sessionRecorder;
            return this;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HeaderKeepingHttpClient build() {
            return new HeaderKeepingHttpClient(this);
        }
    }

}

package dev.thefactory.llm.internal;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.thefactory.api.AgentException;
import dev.thefactory.api.AgentRole;
import dev.thefactory.api.Phase;
import dev.thefactory.llm.LlmSettings;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every model call of a build goes through here. In order: the token budget admits the call (or refuses it with a
 * permanent failure that says what was spent); a permit of the concurrency bound is taken ({@link
 * LlmSettings#maxConcurrentCalls()}, whatever the engine's parallelism); the call waits until the backend-wide
 * slow-down a rate limit asked for has passed; then it calls the model, once: retries are the core's job, so
 * LangChain4j's own are off. Usage is counted from every answer.
 *
 * <p>Failures become {@link AgentException}s: connection errors, timeouts, 429 and 5xx are transient (a
 * {@code Retry-After} is carried as the failure's {@link AgentException#retryAfter()}, so the core's retry waits at
 * least that long, and makes every later call of the backend wait too: the whole backend slows down, not just the
 * task); 401/403, an unknown model, and a request longer than the context window are permanent, with a
 * message that says which setting to fix; an answer that stopped at the length limit, or is empty, is transient
 * ("model output rejected"). Messages never hold the API key and carry no cause (a cause could).
 *
 * <p>Thread-safe.
 */
final class ModelCallGate {

    /** How long every call waits after a 429 that named no {@code Retry-After}. */
    static final Duration DEFAULT_RATE_LIMIT_PAUSE = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(ModelCallGate.class);

    /** Waits; tests replace it to make time exact. */
    interface Sleeper {
        /**
         * @param duration how long
         * @throws InterruptedException when interrupted
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    private final ChatModel model;
    private final LlmSettings settings;
    private final UsageMeter meter;
    private final Semaphore permits;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String endpoint;
    private final Object pauseLock = new Object();
    private long notBeforeMillis;
    /** Set once an OpenAI model refused {@code max_tokens}: newer OpenAI models take only max_completion_tokens. */
    private volatile boolean completionTokens;
    private final ModelCalls calls;

    ModelCallGate(ChatModel model, LlmSettings settings, Clock clock, Sleeper sleeper) {
        this(model, settings, clock, sleeper, ModelCalls.NONE);
    }

    ModelCallGate(ChatModel model, LlmSettings settings, Clock clock, Sleeper sleeper, ModelCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.model = Objects.requireNonNull(model, "model");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.meter = new UsageMeter(settings.maxTokensPerBuild(), LlmSettings.ENV_MAX_TOKENS);
        this.permits = new Semaphore(settings.maxConcurrentCalls(), true);
        this.endpoint = settings.baseUrlIfSet().orElse("the model endpoint");
    }

    /** @return the meter of this build's calls */
    UsageMeter meter() {
        return meter;
    }

    /** @return the settings */
    LlmSettings settings() {
        return settings;
    }

    /**
     * Calls the model once.
     *
     * @param taskId the task that calls, for usage and messages
     * @param system the instructions
     * @param user   the data, delimited
     * @param json   whether to ask for a JSON object (the provider's JSON mode)
     * @return the answer's text, never blank
     * @throws AgentException       when the call failed or was refused, see the class comment
     * @throws InterruptedException when the thread was interrupted while waiting or calling
     */
    String call(String taskId, String system, String user, boolean json) throws InterruptedException {
        return call(taskId, null, null, system, user, json);
    }

    /**
     * As {@link #call(String, String, String, boolean)}, for a task whose phase and role are known (they tag the
     * call's observation).
     */
    String call(String taskId, Phase phase, AgentRole role, String system, String user, boolean json)
            throws InterruptedException {
        int maxOutput = settings.maxOutputTokens();
        long reservation = meter.reserve(taskId, UsageMeter.estimateTokens(system) + UsageMeter.estimateTokens(user),
                maxOutput);
        try {
            permits.acquire();
            try {
                awaitPause();
                return callOnce(taskId, calls.start(taskId, phase, role), system, user, json, maxOutput);
            } finally {
                permits.release();
            }
        } finally {
            meter.release(reservation);
        }
    }

    private String callOnce(String taskId, ModelCalls.Call call, String system, String user, boolean json,
            int maxOutput) throws InterruptedException {
        ChatRequest.Builder request = ChatRequest.builder()
                .messages(SystemMessage.from(system), UserMessage.from(user));
        if (completionTokens && model instanceof OpenAiChatModel) {
            request.parameters(OpenAiChatRequestParameters.builder().maxCompletionTokens(maxOutput)
                    .responseFormat(json ? ResponseFormat.JSON : null).build());
        } else {
            request.maxOutputTokens(maxOutput);
            if (json) {
                request.responseFormat(ResponseFormat.JSON);
            }
        }
        ChatResponse response;
        try {
            response = model.chat(request.build());
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || has(e, InterruptedIOException.class)
                    || has(e, InterruptedException.class)) {
                Thread.currentThread().interrupt();
                InterruptedException interrupted = new InterruptedException("the model call of task '" + taskId
                        + "' was interrupted");
                call.failed(interrupted);
                throw interrupted;
            }
            AgentException classified = classify(taskId, e);
            call.failed(classified);
            throw classified;
        }
        if (response == null) {
            AgentException none = AgentException.transientFailure("model output rejected: the model returned no "
                    + "answer for task '" + taskId + "'");
            call.failed(none);
            throw none;
        }
        TokenUsage tokens = response.tokenUsage();
        Usage usage = new Usage(tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount(),
                tokens == null || tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount(), 1);
        meter.record(taskId, usage);
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        call.answered(usage.inputTokens(), usage.outputTokens(), response.finishReason() != FinishReason.LENGTH
                && text != null && !text.isBlank());
        LOG.debug("model call of task {}: {} (build so far: {})", taskId, usage.describe(), meter.total().describe());
        if (response.finishReason() == FinishReason.LENGTH) {
            throw AgentException.transientFailure("model output rejected: the answer for task '" + taskId
                    + "' stopped at the length limit of " + maxOutput + " tokens (finish_reason length); a shorter "
                    + "answer may fit, or raise LlmSettings.maxOutputTokens");
        }
        if (text == null || text.isBlank()) {
            throw AgentException.transientFailure("model output rejected: the answer for task '" + taskId
                    + "' is empty");
        }
        return text;
    }

    private void awaitPause() throws InterruptedException {
        while (true) {
            long wait;
            synchronized (pauseLock) {
                wait = notBeforeMillis - clock.millis();
            }
            if (wait <= 0) {
                return;
            }
            sleeper.sleep(Duration.ofMillis(wait));
        }
    }

    /** Makes every call of the backend wait until {@code delay} from now has passed (never shortens a pause). */
    void pause(Duration delay) {
        synchronized (pauseLock) {
            notBeforeMillis = Math.max(notBeforeMillis, clock.millis() + delay.toMillis());
        }
    }

    AgentException classify(String taskId, RuntimeException failure) {
        String key = settings.apiKey();
        String model = settings.modelIfSet().orElse("(the ChatModel's default)");
        HttpException http = find(failure, HttpException.class);
        int status = http != null ? http.statusCode() : -1;
        String body = http != null ? Secrets.redact(Secrets.snippet(http.getMessage(), 300), key) : "";
        String where = "task '" + taskId + "': ";
        if (status == 429 || (status < 0 && failure instanceof RateLimitException)) {
            Duration delay = retryAfter(http).orElse(DEFAULT_RATE_LIMIT_PAUSE);
            pause(delay);
            LOG.warn("model endpoint {} is rate limiting (HTTP 429); every call of the backend waits {} ms", endpoint,
                    delay.toMillis());
            return AgentException.transientFailure(where + "the model endpoint " + endpoint + " is rate limiting "
                    + "(HTTP 429); the backend's next call waits at least " + delay.toMillis() + " ms"
                    + (http instanceof HttpStatusException s && s.header("Retry-After").isPresent()
                            ? " (Retry-After)" : ""), delay);
        }
        if (status >= 500 || (status < 0 && failure instanceof InternalServerException)) {
            Optional<Duration> wait = retryAfter(http);
            wait.ifPresent(this::pause);
            String message = where + "the model endpoint " + endpoint + " failed"
                    + (status > 0 ? " (HTTP " + status + ")" : "") + (body.isEmpty() ? "" : ": " + body);
            return wait.isPresent() ? AgentException.transientFailure(message, wait.get())
                    : AgentException.transientFailure(message);
        }
        if (status == 408) {
            return AgentException.transientFailure(where + "the model endpoint " + endpoint + " timed out (HTTP 408)");
        }
        if (status == 401 || status == 403 || (status < 0 && failure instanceof AuthenticationException)) {
            return AgentException.permanentFailure(where + "the model endpoint " + endpoint + " refused the "
                    + (settings.hasApiKey() ? "API key" : "request without an API key")
                    + (status > 0 ? " (HTTP " + status + ")" : "") + "; set " + LlmSettings.ENV_API_KEY
                    + " (LlmSettings.apiKey) to a valid key for this endpoint");
        }
        String lower = body.toLowerCase(Locale.ROOT);
        if (status == 404 || (status < 0 && failure instanceof ModelNotFoundException)
                || (status == 400 && lower.contains("model") && (lower.contains("not found")
                        || lower.contains("does not exist") || lower.contains("unknown")))) {
            return AgentException.permanentFailure(where + "the model endpoint " + endpoint + " does not know model '"
                    + model + "'" + (status > 0 ? " (HTTP " + status + ")" : "") + "; set " + LlmSettings.ENV_MODEL
                    + " to a model it offers (GET " + endpoint + "/models lists them) or fix "
                    + LlmSettings.ENV_BASE_URL);
        }
        if (status == 400 && lower.contains("max_completion_tokens") && !completionTokens
                && this.model instanceof OpenAiChatModel) {
            completionTokens = true;
            return AgentException.transientFailure(where + "model '" + model + "' takes max_completion_tokens "
                    + "instead of max_tokens (HTTP 400); the next attempt sends it");
        }
        if (status == 400 && (lower.contains("context_length") || lower.contains("context length")
                || lower.contains("maximum context") || lower.contains("too many tokens")
                || lower.contains("prompt is too long") || lower.contains("context window"))) {
            return AgentException.permanentFailure(where + "the request is longer than the context window of model '"
                    + model + "' (HTTP 400); set " + LlmSettings.ENV_MODEL + " to a model with a larger context, "
                    + "or shorten the spec");
        }
        if ((status >= 400 && status < 500) || (status < 0 && failure instanceof InvalidRequestException)) {
            return AgentException.permanentFailure(where + "the model endpoint " + endpoint + " rejected the request"
                    + (status > 0 ? " (HTTP " + status + ")" : "") + (body.isEmpty() ? "" : ": " + body)
                    + "; check " + LlmSettings.ENV_BASE_URL + " and " + LlmSettings.ENV_MODEL);
        }
        if (has(failure, HttpTimeoutException.class) || has(failure, java.net.SocketTimeoutException.class)
                || failure instanceof dev.langchain4j.exception.TimeoutException
                || find(failure, dev.langchain4j.exception.TimeoutException.class) != null) {
            return AgentException.transientFailure(where + "the model endpoint " + endpoint + " did not answer within "
                    + settings.timeout().toMillis() + " ms (" + LlmSettings.ENV_TIMEOUT + ")");
        }
        if (has(failure, com.fasterxml.jackson.core.JsonProcessingException.class)) {
            return AgentException.transientFailure("model output rejected: " + where + "the answer of " + endpoint
                    + " is not a valid chat completion: " + Secrets.redact(describe(root(failure)), key));
        }
        if (failure instanceof UnresolvedModelServerException || has(failure, IOException.class)) {
            return AgentException.transientFailure(where + "cannot reach the model endpoint " + endpoint + ": "
                    + Secrets.redact(describe(root(failure)), key));
        }
        return AgentException.permanentFailure(where + "calling the model failed unexpectedly: "
                + Secrets.redact(describe(failure), key));
    }

    private Optional<Duration> retryAfter(HttpException http) {
        if (http instanceof HttpStatusException withHeaders) {
            return withHeaders.header("Retry-After").flatMap(value -> RetryAfter.parse(value, clock));
        }
        return Optional.empty();
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + Secrets.snippet(message, 300));
    }

    private static Throwable root(Throwable failure) {
        Throwable current = failure;
        for (int i = 0; i < 20 && current.getCause() != null && current.getCause() != current; i++) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        return find(failure, type) != null;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Throwable current = failure;
        for (int i = 0; i < 20 && current != null; i++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
            current = current.getCause();
        }
        return null;
    }
}

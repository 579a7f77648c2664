package dev.thefactory.llm;

import dev.thefactory.api.Durations;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How the {@code llm} backend reaches its model and how much it may use. Read from the environment with
 * {@link #fromEnvironment(Map)} or assembled with {@link #builder()}:
 *
 * <pre>{@code
 * LlmSettings settings = LlmSettings.builder()
 *         .baseUrl("http://localhost:11434/v1")
 *         .model("qwen2.5-coder:14b")
 *         .maxTokensPerBuild(200_000)
 *         .build();
 * }</pre>
 *
 * <p>The backend is usable ({@link #missing()} is empty) once it has a base URL and a model; the API key is optional
 * (local servers such as Ollama need none). The key is never part of {@link #toString()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param baseUrl            the OpenAI-compatible endpoint, e.g. {@code https://api.openai.com/v1}; null when not set
 * @param model              the model name; null when not set
 * @param apiKey             the key sent as a bearer token; null for none
 * @param timeout            the longest one model request may take; default {@link #DEFAULT_TIMEOUT}
 * @param maxTokensPerBuild  the build's token budget (input and output tokens of every call); empty for none
 * @param maxConcurrentCalls the most model calls in flight at once, whatever the engine's parallelism; default
 *                           {@link #DEFAULT_MAX_CONCURRENT_CALLS}
 * @param maxOutputTokens    the most tokens one answer may have; default {@link #DEFAULT_MAX_OUTPUT_TOKENS}
 * @param recordTo           a directory where every request and answer body of the endpoint is appended to a JSON
 *                           Lines file, for a bug report (headers, and so the key, are never written); null for none
 */
public record LlmSettings(String baseUrl, String model, String apiKey, Duration timeout, OptionalLong maxTokensPerBuild,
        int maxConcurrentCalls, int maxOutputTokens, java.nio.file.Path recordTo) {

    /** Environment variable: the OpenAI-compatible endpoint. */
    public static final String ENV_BASE_URL = "FACTORY_LLM_BASE_URL";
    /** Environment variable: the API key. */
    public static final String ENV_API_KEY = "FACTORY_LLM_API_KEY";
    /** Environment variable: the model name. */
    public static final String ENV_MODEL = "FACTORY_LLM_MODEL";
    /** Environment variable: the per-request time limit, e.g. {@code 60s}. */
    public static final String ENV_TIMEOUT = "FACTORY_LLM_TIMEOUT";
    /** Environment variable: the build's token budget. */
    public static final String ENV_MAX_TOKENS = "FACTORY_LLM_MAX_TOKENS";
    /** Environment variable: the most tokens one answer may have. */
    public static final String ENV_MAX_OUTPUT_TOKENS = "FACTORY_LLM_MAX_OUTPUT_TOKENS";
    /** Environment variable: a directory to record the session's request and answer bodies in. */
    public static final String ENV_RECORD = "FACTORY_LLM_RECORD";

    /**
     * Default per-request time limit: 50 s, below the core's default limit of one task attempt (60 s,
     * {@code TimeoutSettings.taskAttempt}), so that a model that does not answer is reported as such (naming
     * {@link #ENV_TIMEOUT}) rather than as a task that ran out of time. Raise both for a slow model.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(50);
    /** Default bound on concurrent model calls: 4. */
    public static final int DEFAULT_MAX_CONCURRENT_CALLS = 4;
    /** Default bound on one answer's length: 8192 tokens. */
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 8192;


    /**
     * @throws NullPointerException     if {@code timeout} or {@code maxTokensPerBuild} is null
     * @throws IllegalArgumentException when a value is out of range or the base URL is not an http(s) URL
     */
    public LlmSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(maxTokensPerBuild, "maxTokensPerBuild");
        baseUrl = blankToNull(baseUrl);
        model = blankToNull(model);
        apiKey = blankToNull(apiKey);
        if (baseUrl != null) {
            baseUrl = checkUrl(baseUrl);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive but was " + timeout);
        }
        if (maxTokensPerBuild.isPresent() && maxTokensPerBuild.getAsLong() < 1) {
            throw new IllegalArgumentException("maxTokensPerBuild must be >= 1 but was "
                    + maxTokensPerBuild.getAsLong());
        }
        if (maxConcurrentCalls < 1 || maxConcurrentCalls > 256) {
            throw new IllegalArgumentException("maxConcurrentCalls must be between 1 and 256 but was "
                    + maxConcurrentCalls);
        }
        if (maxOutputTokens < 16 || maxOutputTokens > 1_000_000) {
            throw new IllegalArgumentException("maxOutputTokens must be between 16 and 1000000 but was "
                    + maxOutputTokens);
        }
    }

    /** @return settings with no endpoint, no model, no key, and the default limits */
    public static LlmSettings defaults() {
        return builder().build();
    }

    /** @return a builder starting from {@link #defaults()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from these settings */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.baseUrl = baseUrl;
        builder.model = model;
        builder.apiKey = apiKey;
        builder.timeout = timeout;
        builder.maxTokensPerBuild = maxTokensPerBuild;
        builder.maxConcurrentCalls = maxConcurrentCalls;
        builder.maxOutputTokens = maxOutputTokens;
        builder.recordTo = recordTo;
        return builder;
    }

    /**
     * Reads the settings from environment variables: {@value #ENV_BASE_URL}, {@value #ENV_API_KEY},
     * {@value #ENV_MODEL}, {@value #ENV_TIMEOUT} (a number of seconds, or with a unit: {@code 500ms}, {@code 60s},
     * {@code 2m}, {@code 1h}, or ISO-8601 such as {@code PT90S}) and {@value #ENV_MAX_TOKENS} (a positive integer;
     * {@code 200k} and {@code 2m} also work), {@value #ENV_MAX_OUTPUT_TOKENS} (16 to 1000000) and {@value #ENV_RECORD}
     * (a directory). Unset or blank variables keep their defaults.
     *
     * @param environment the variables, normally {@link System#getenv()}
     * @return the settings
     * @throws LlmConfigurationException when a variable holds a bad value: names the variable, the value (never the
     *                                   key's) and what would be valid
     */
    public static LlmSettings fromEnvironment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        Builder builder = builder();
        String baseUrl = blankToNull(environment.get(ENV_BASE_URL));
        if (baseUrl != null) {
            try {
                builder.baseUrl(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new LlmConfigurationException(ENV_BASE_URL, ENV_BASE_URL + " must be an http or https URL such "
                        + "as http://localhost:11434/v1 but was '" + baseUrl + "'",
                        List.of("set " + ENV_BASE_URL + " to the endpoint's base URL, ending before /chat/completions"));
            }
        }
        builder.model(blankToNull(environment.get(ENV_MODEL)));
        builder.apiKey(blankToNull(environment.get(ENV_API_KEY)));
        String timeout = blankToNull(environment.get(ENV_TIMEOUT));
        if (timeout != null) {
            builder.timeout(parseDuration(ENV_TIMEOUT, timeout));
        }
        String budget = blankToNull(environment.get(ENV_MAX_TOKENS));
        if (budget != null) {
            builder.maxTokensPerBuild(parseTokens(ENV_MAX_TOKENS, budget));
        }
        String output = blankToNull(environment.get(ENV_MAX_OUTPUT_TOKENS));
        if (output != null) {
            long tokens = parseTokens(ENV_MAX_OUTPUT_TOKENS, output);
            if (tokens < 16 || tokens > 1_000_000) {
                throw new LlmConfigurationException(ENV_MAX_OUTPUT_TOKENS, ENV_MAX_OUTPUT_TOKENS + " must be between "
                        + "16 and 1000000 but was '" + output + "'", List.of("set " + ENV_MAX_OUTPUT_TOKENS
                        + " to the model's largest answer, e.g. 4096, or unset it for " + DEFAULT_MAX_OUTPUT_TOKENS));
            }
            builder.maxOutputTokens((int) tokens);
        }
        String record = blankToNull(environment.get(ENV_RECORD));
        if (record != null) {
            try {
                builder.recordTo(java.nio.file.Path.of(record));
            } catch (java.nio.file.InvalidPathException e) {
                throw new LlmConfigurationException(ENV_RECORD, ENV_RECORD + " must be a directory path but was '"
                        + record + "'", List.of("set " + ENV_RECORD + " to a directory, or unset it"));
            }
        }
        return builder.build();
    }

    /**
     * @return the environment variables that must still be set before the backend can work: {@value #ENV_BASE_URL}
     *         and {@value #ENV_MODEL}, in that order; empty when both are set
     */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (baseUrl == null) {
            missing.add(ENV_BASE_URL);
        }
        if (model == null) {
            missing.add(ENV_MODEL);
        }
        return List.copyOf(missing);
    }

    /** @return the base URL, if set */
    public Optional<String> baseUrlIfSet() {
        return Optional.ofNullable(baseUrl);
    }

    /** @return the model, if set */
    public Optional<String> modelIfSet() {
        return Optional.ofNullable(model);
    }

    /** @return true when an API key is set */
    public boolean hasApiKey() {
        return apiKey != null;
    }

    /** @return the settings, with the API key shown only as {@code (set)} or {@code (none)} */
    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "(none)" : "(set)")
                + ", timeout=" + timeout + ", maxTokensPerBuild="
                + (maxTokensPerBuild.isPresent() ? String.valueOf(maxTokensPerBuild.getAsLong()) : "(none)")
                + ", maxConcurrentCalls=" + maxConcurrentCalls + ", maxOutputTokens=" + maxOutputTokens
                + (recordTo == null ? "" : ", recordTo=" + recordTo) + "]";
    }

    static Duration parseDuration(String variable, String text) {
        Optional<Duration> parsed = Durations.parse(text);
        if (parsed.isPresent()) {
            return parsed.get();
        }
        throw new LlmConfigurationException(variable, variable + " must be a positive duration such as 60s, 500ms, "
                + "2m or PT90S but was '" + text + "'", List.of("set " + variable + " to e.g. 120s, or unset it for "
                + "the default of " + DEFAULT_TIMEOUT.toSeconds() + "s"));
    }

    static long parseTokens(String variable, String text) {
        String value = text.strip().toLowerCase(Locale.ROOT).replace("_", "");
        long factor = 1;
        if (value.endsWith("k")) {
            factor = 1_000;
            value = value.substring(0, value.length() - 1);
        } else if (value.endsWith("m")) {
            factor = 1_000_000;
            value = value.substring(0, value.length() - 1);
        }
        try {
            long tokens = Math.multiplyExact(Long.parseLong(value), factor);
            if (tokens >= 1) {
                return tokens;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new LlmConfigurationException(variable, variable + " must be a positive number of tokens such as "
                + "200000 or 200k but was '" + text + "'", List.of("set " + variable + " to the build's token budget,"
                + " or unset it for no budget"));
    }

    private static String checkUrl(String url) {
        String trimmed = url.strip();
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("baseUrl must be an http or https URL but was '" + url + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("baseUrl must be an http or https URL with a host and no user info "
                    + "but was '" + url + "'");
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Builds {@link LlmSettings}. Setters check their argument at once; {@link #build()} returns a new immutable
     * value each time, so a builder can be reused. Not thread-safe.
     */
    public static final class Builder {

        private String baseUrl;
        private String model;
        private String apiKey;
        private Duration timeout = DEFAULT_TIMEOUT;
        private OptionalLong maxTokensPerBuild = OptionalLong.empty();
        private int maxConcurrentCalls = DEFAULT_MAX_CONCURRENT_CALLS;
        private int maxOutputTokens = DEFAULT_MAX_OUTPUT_TOKENS;
        private java.nio.file.Path recordTo;

        private Builder() {
        }

        /**
         * @param url the OpenAI-compatible endpoint, e.g. {@code http://localhost:11434/v1}; null or blank for none;
         *            default none
         * @return this builder
         * @throws IllegalArgumentException when it is not an http(s) URL with a host
         */
        public Builder baseUrl(String url) {
            this.baseUrl = url == null || url.isBlank() ? null : checkUrl(url);
            return this;
        }

        /**
         * @param name the model name; null or blank for none; default none
         * @return this builder
         */
        public Builder model(String name) {
            this.model = blankToNull(name);
            return this;
        }

        /**
         * @param key the API key; null or blank for none; default none
         * @return this builder
         */
        public Builder apiKey(String key) {
            this.apiKey = blankToNull(key);
            return this;
        }

        /**
         * @param limit the longest one model request may take; default {@link LlmSettings#DEFAULT_TIMEOUT}
         * @return this builder
         * @throws IllegalArgumentException when it is not positive
         */
        public Builder timeout(Duration limit) {
            Objects.requireNonNull(limit, "timeout");
            if (limit.isZero() || limit.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive but was " + limit);
            }
            this.timeout = limit;
            return this;
        }

        /**
         * @param tokens the build's token budget; default none
         * @return this builder
         * @throws IllegalArgumentException when {@code tokens < 1}
         */
        public Builder maxTokensPerBuild(long tokens) {
            if (tokens < 1) {
                throw new IllegalArgumentException("maxTokensPerBuild must be >= 1 but was " + tokens);
            }
            this.maxTokensPerBuild = OptionalLong.of(tokens);
            return this;
        }

        /**
         * @param calls the most model calls in flight at once, 1..256; default
         *              {@link LlmSettings#DEFAULT_MAX_CONCURRENT_CALLS}
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder maxConcurrentCalls(int calls) {
            if (calls < 1 || calls > 256) {
                throw new IllegalArgumentException("maxConcurrentCalls must be between 1 and 256 but was " + calls);
            }
            this.maxConcurrentCalls = calls;
            return this;
        }

        /**
         * @param tokens the most tokens one answer may have, 16..1000000; default
         *               {@link LlmSettings#DEFAULT_MAX_OUTPUT_TOKENS}
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder maxOutputTokens(int tokens) {
            if (tokens < 16 || tokens > 1_000_000) {
                throw new IllegalArgumentException("maxOutputTokens must be between 16 and 1000000 but was " + tokens);
            }
            this.maxOutputTokens = tokens;
            return this;
        }

        /**
         * @param directory where to record the endpoint's request and answer bodies (never headers, so never the
         *                  key), one JSON Lines file per provider; null for none; default none
         * @return this builder
         */
        public Builder recordTo(java.nio.file.Path directory) {
            this.recordTo = directory;
            return this;
        }

        /** @return the settings */
        public LlmSettings build() {
            return new LlmSettings(baseUrl, model, apiKey, timeout, maxTokensPerBuild, maxConcurrentCalls,
                    maxOutputTokens, recordTo);
        }
    }
}

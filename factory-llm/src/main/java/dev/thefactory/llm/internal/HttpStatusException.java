package dev.thefactory.llm.internal;

import dev.langchain4j.exception.HttpException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP error answer of the model endpoint that, unlike LangChain4j's {@link HttpException}, keeps the response
 * headers, so that a {@code Retry-After} can be honoured. LangChain4j's exception mapper finds it as the root cause and
 * wraps it (e.g. in a {@code RateLimitException}); {@link ModelCallGate} looks for it in the cause chain.
 */
final class HttpStatusException extends HttpException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, List<String>> headers;

    HttpStatusException(int statusCode, String body, Map<String, List<String>> headers) {
        super(statusCode, body);
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null) {
                copy.put(name, List.copyOf(values));
            }
        });
        this.headers = copy;
    }

    /**
     * @param name a header's name, any case
     * @return its first value, if the answer had it
     */
    Optional<String> header(String name) {
        List<String> values = headers == null ? null : headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}

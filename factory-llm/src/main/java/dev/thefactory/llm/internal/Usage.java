package dev.thefactory.llm.internal;

/**
 * Token usage of one or more model calls. Immutable and thread-safe.
 *
 * @param inputTokens  prompt tokens, as the endpoint reported them
 * @param outputTokens answer tokens, as the endpoint reported them
 * @param calls        how many calls were answered
 */
public record Usage(long inputTokens, long outputTokens, long calls) {

    /** No usage. */
    public static final Usage NONE = new Usage(0, 0, 0);

    /** @return input plus output tokens */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    /**
     * @param other more usage
     * @return the sum
     */
    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens, calls + other.calls);
    }

    /** @return {@code {"inputTokens":..,"outputTokens":..,"calls":..}}, the form stored in facts */
    public String toJson() {
        return "{\"inputTokens\":" + inputTokens + ",\"outputTokens\":" + outputTokens + ",\"calls\":" + calls + "}";
    }

    /** @return e.g. {@code 3 calls, 1200 input + 800 output tokens} */
    public String describe() {
        return calls + (calls == 1 ? " call, " : " calls, ") + inputTokens + " input + " + outputTokens
                + " output tokens";
    }
}

package dev.thefactory.api;

/**
 * Model usage: tokens sent and received and model calls made. Immutable and thread-safe.
 *
 * @param inputTokens  tokens sent to a model
 * @param outputTokens tokens a model returned
 * @param calls        model calls made
 */
public record Usage(long inputTokens, long outputTokens, int calls) {

    /** Nothing used: what a backend that calls no model reports. */
    public static final Usage NONE = new Usage(0, 0, 0);

    /** @throws IllegalArgumentException if a count is negative */
    public Usage {
        if (inputTokens < 0 || outputTokens < 0 || calls < 0) {
            throw new IllegalArgumentException("Usage counts must not be negative, got inputTokens=" + inputTokens
                    + ", outputTokens=" + outputTokens + ", calls=" + calls);
        }
    }

    /**
     * @param other the usage to add; null counts as {@link #NONE}
     * @return the sum of both
     */
    public Usage plus(Usage other) {
        if (other == null) {
            return this;
        }
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens, calls + other.calls);
    }
}

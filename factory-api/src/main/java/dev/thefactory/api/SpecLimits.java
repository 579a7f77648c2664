package dev.thefactory.api;

/**
 * Limits that protect the spec parsers from hostile input. Exceeding one yields a
 * {@link SpecValidationException} naming the limit, the value found, and how to raise it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxBytes        largest spec accepted, in bytes; default 1 MiB
 * @param maxNestingDepth deepest nesting of YAML/JSON containers or Markdown blocks; default 64
 * @param maxStringLength longest single string or Markdown line; default 100 000 characters
 * @param maxAliases      most YAML aliases in one document; default 50 (stops "billion laughs")
 */
public record SpecLimits(long maxBytes, int maxNestingDepth, int maxStringLength, int maxAliases) {

    private static final SpecLimits DEFAULTS = new SpecLimits(1L << 20, 64, 100_000, 50);

    /**
     * @throws IllegalArgumentException when a limit is not positive ({@code maxAliases} may be 0)
     */
    public SpecLimits {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1 but was " + maxBytes);
        }
        if (maxNestingDepth < 1) {
            throw new IllegalArgumentException("maxNestingDepth must be >= 1 but was " + maxNestingDepth);
        }
        if (maxStringLength < 1) {
            throw new IllegalArgumentException("maxStringLength must be >= 1 but was " + maxStringLength);
        }
        if (maxAliases < 0) {
            throw new IllegalArgumentException("maxAliases must be >= 0 but was " + maxAliases);
        }
    }

    /** @return 1 MiB, depth 64, strings of 100 000 characters, 50 YAML aliases */
    public static SpecLimits defaults() {
        return DEFAULTS;
    }

    /**
     * @param bytes the new size cap
     * @return a copy with that cap
     */
    public SpecLimits withMaxBytes(long bytes) {
        return new SpecLimits(bytes, maxNestingDepth, maxStringLength, maxAliases);
    }
}

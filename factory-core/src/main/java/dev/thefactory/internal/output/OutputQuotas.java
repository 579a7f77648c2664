package dev.thefactory.internal.output;

/**
 * Limits on what one build may stage, so a runaway or hostile agent cannot fill the disk. Immutable and
 * thread-safe; no component is nullable.
 *
 * @param maxFiles      the most files a staging area may hold; at least 1
 * @param maxTotalBytes the most bytes all staged files may hold together; at least 1
 * @param maxFileBytes  the most bytes one staged file may hold; at least 1 and at most {@code maxTotalBytes}
 * @param maxDepth      the most path segments of a staged file ({@code a/b/c.txt} has 3); at least 1
 */
public record OutputQuotas(int maxFiles, long maxTotalBytes, long maxFileBytes, int maxDepth) {

    private static final OutputQuotas DEFAULTS = new OutputQuotas(5_000, 64L * 1024 * 1024, 4L * 1024 * 1024, 20);

    /** @throws IllegalArgumentException when a limit is below 1 or maxFileBytes exceeds maxTotalBytes */
    public OutputQuotas {
        if (maxFiles < 1) {
            throw new IllegalArgumentException("maxFiles must be >= 1 but was " + maxFiles);
        }
        if (maxTotalBytes < 1) {
            throw new IllegalArgumentException("maxTotalBytes must be >= 1 but was " + maxTotalBytes);
        }
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("maxFileBytes must be >= 1 but was " + maxFileBytes);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be >= 1 but was " + maxDepth);
        }
        if (maxFileBytes > maxTotalBytes) {
            throw new IllegalArgumentException("maxFileBytes (" + maxFileBytes + ") must be <= maxTotalBytes ("
                    + maxTotalBytes + "); raise maxTotalBytes or lower maxFileBytes");
        }
    }

    /** @return 5,000 files, 64 MiB in all, 4 MiB per file, 20 path segments deep */
    public static OutputQuotas defaults() {
        return DEFAULTS;
    }
}

package dev.thefactory.internal.engine;

/**
 * Reads how much heap the JVM may use and uses now; the engine stops spawning children when the difference falls
 * below the configured headroom. Implementations must be thread-safe.
 */
public interface HeapProbe {

    /** The running JVM's heap, from {@link Runtime}. */
    HeapProbe RUNTIME = new HeapProbe() {
        @Override
        public long max() {
            return Runtime.getRuntime().maxMemory();
        }

        @Override
        public long used() {
            Runtime runtime = Runtime.getRuntime();
            return runtime.totalMemory() - runtime.freeMemory();
        }
    };

    /** @return the most heap the JVM will use, in bytes ({@code -Xmx}) */
    long max();

    /** @return the heap in use now, in bytes */
    long used();
}

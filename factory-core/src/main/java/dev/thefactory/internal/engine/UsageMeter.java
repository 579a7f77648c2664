package dev.thefactory.internal.engine;

import dev.thefactory.api.Usage;
import java.util.concurrent.atomic.AtomicReference;

/** Sums model usage across threads. Thread-safe. */
final class UsageMeter {

    private final AtomicReference<Usage> total = new AtomicReference<>(Usage.NONE);

    /**
     * @param usage what to add; null counts as nothing
     */
    void add(Usage usage) {
        if (usage != null && !usage.equals(Usage.NONE)) {
            total.accumulateAndGet(usage, Usage::plus);
        }
    }

    /** @return the sum so far */
    Usage total() {
        return total.get();
    }
}

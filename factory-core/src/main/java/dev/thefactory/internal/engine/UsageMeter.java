package dev.thefactory.internal.engine;

import dev.thefactory.api.Phase;
import dev.thefactory.api.Usage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** Sums model usage across threads, for the build and per phase. Thread-safe. */
final class UsageMeter {

    private final AtomicReference<Usage> total = new AtomicReference<>(Usage.NONE);
    private final Map<Phase, Usage> byPhase = new ConcurrentHashMap<>();

    /**
     * @param phase the phase the usage was spent in
     * @param usage what to add; null counts as nothing
     */
    void add(Phase phase, Usage usage) {
        if (usage != null && !usage.equals(Usage.NONE)) {
            addToBuild(usage);
            byPhase.merge(phase, usage, Usage::plus);
        }
    }

    /**
     * @param usage what to add to the build's total only (calls no phase can be named for); null counts as nothing
     */
    void addToBuild(Usage usage) {
        if (usage != null && !usage.equals(Usage.NONE)) {
            total.accumulateAndGet(usage, Usage::plus);
        }
    }

    /**
     * @param phase a phase
     * @return what was spent in it so far
     */
    Usage phase(Phase phase) {
        return byPhase.getOrDefault(phase, Usage.NONE);
    }

    /** @return the sum so far */
    Usage total() {
        return total.get();
    }
}

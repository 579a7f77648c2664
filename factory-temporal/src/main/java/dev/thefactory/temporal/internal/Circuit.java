package dev.thefactory.temporal.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One backend's circuit breaker inside the build workflow, with the build's {@code CircuitBreakerSettings} and the
 * local engine's default counting ({@code FINISHED_TASKS}): a task that succeeded counts as one success, a task that
 * failed for good counts each of its attempts as a failure when its last failure counts against the backend. The
 * circuit opens when {@code threshold} of the last {@code window} counted outcomes are failures; after {@code delay}
 * (workflow time) it goes half-open, where {@code successes} successes close it and one counted failure opens it
 * again.
 *
 * <p>Deterministic (workflow time only); not thread-safe (workflow code runs one thread at a time).
 */
final class Circuit {

    private final int threshold;
    private final int window;
    private final long delayMillis;
    private final int successes;
    private final Deque<Boolean> outcomes = new ArrayDeque<>();
    private String state = "CLOSED";
    private long openedAt;
    private int trialSuccesses;

    /**
     * @param request the build, with its circuit breaker settings
     */
    Circuit(BuildRequest request) {
        this.threshold = Math.max(1, request.circuitThreshold());
        this.window = Math.max(threshold, request.circuitWindow());
        this.delayMillis = Math.max(0, request.circuitDelayMillis());
        this.successes = Math.max(1, request.circuitSuccesses());
    }

    /**
     * Whether the circuit is open at a workflow time; an open circuit whose delay has passed goes half-open.
     *
     * @param now the workflow time, in milliseconds
     * @return true when no task may start on the backend
     */
    boolean isOpen(long now) {
        if (state.equals("OPEN") && now - openedAt >= delayMillis) {
            state = "HALF_OPEN";
            trialSuccesses = 0;
        }
        return state.equals("OPEN");
    }

    /**
     * Counts a task that succeeded.
     *
     * @param now the workflow time, in milliseconds
     */
    void succeeded(long now) {
        if (isOpen(now)) {
            return;
        }
        if (state.equals("HALF_OPEN")) {
            if (++trialSuccesses >= successes) {
                state = "CLOSED";
                outcomes.clear();
            }
            return;
        }
        record(false);
    }

    /**
     * Counts a task that failed for good.
     *
     * @param attempts its attempts
     * @param now      the workflow time, in milliseconds
     * @return true when the circuit is open now
     */
    boolean failed(int attempts, long now) {
        if (isOpen(now)) {
            return true;
        }
        if (state.equals("HALF_OPEN")) {
            open(now);
            return true;
        }
        for (int i = 0; i < Math.max(1, attempts); i++) {
            record(true);
        }
        if (outcomes.stream().filter(Boolean::booleanValue).count() >= threshold) {
            open(now);
            return true;
        }
        return false;
    }

    private void record(boolean failure) {
        outcomes.addLast(failure);
        while (outcomes.size() > window) {
            outcomes.removeFirst();
        }
    }

    private void open(long now) {
        state = "OPEN";
        openedAt = now;
        outcomes.clear();
    }
}

package dev.thefactory.api;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The circuit breaker kept per backend during a build. It <em>opens</em> when {@code failureThreshold} of the
 * last {@code failureWindow} counted outcomes on that backend were failures; while open, tasks on the backend fail at
 * once (and the build falls back to the next backend). After {@code delay} it goes <em>half-open</em> and lets trial
 * attempts through again: {@code successThreshold} successes close it, one counted failure opens it again.
 *
 * <p><b>What counts as a failure</b> is decided by {@code countsAsFailure}, a predicate over an attempt's failure
 * (as Failsafe's {@code handleIf}); a failure it does not accept counts as a success of the backend. The default,
 * {@link #BACKEND_FAILURES}, accepts what says the <em>backend</em> is unwell: an I/O error (such as a refused
 * connection), an attempt that ran out of time, or an unexpected exception. An {@link AgentException} does not count:
 * it is the agent's considered answer about its task (retried when transient), and the backend that gave it is
 * working.
 *
 * <p><b>When it counts</b> is decided by {@code counting}:
 * <ul>
 *   <li>{@link Counting#FINISHED_TASKS} (the default): the circuit judges a task once its retries are over. A task
 *       that succeeded counts as one success, and the failed attempts it recovered from are forgotten; a task that
 *       failed for good counts each of its failed attempts. So a backend whose tasks fail now and then but recover
 *       when retried is never abandoned, whereas an unreachable backend opens the circuit as soon as its first task
 *       has used up its attempts (with the default settings, its 5 failed attempts against a threshold of 3).</li>
 *   <li>{@link Counting#EVERY_ATTEMPT}: every attempt counts as soon as it ends. The circuit then opens within one
 *       task's retries when a backend is unreachable, but it also opens on failures that a retry would have
 *       recovered from (for instance one refused connection on the first attempt of each of several tasks running
 *       at once).</li>
 * </ul>
 * While the circuit is half-open, each trial attempt counts at once, whatever {@code counting} says.
 *
 * <p>Example: count only refused connections, every attempt at once, opening at 5 of the last 20:
 * <pre>{@code
 * CircuitBreakerSettings settings = CircuitBreakerSettings.defaults()
 *         .withThresholds(5, 20)
 *         .withCounting(CircuitBreakerSettings.Counting.EVERY_ATTEMPT)
 *         .withCountsAsFailure(failure -> failure instanceof java.net.ConnectException);
 * }</pre>
 *
 * <p>Immutable and thread-safe if the predicate is. No component may be null.
 *
 * @param failureThreshold how many counted failures within the window open the circuit; {@code >= 1}; default 3
 * @param failureWindow    how many of the most recent counted outcomes are considered; {@code >= failureThreshold};
 *                         default 10
 * @param delay            how long the circuit stays open before going half-open; {@code >= 0} and at most
 *                         {@link #MAX_DELAY}; default 30 s
 * @param successThreshold how many successes close a half-open circuit; {@code >= 1}; default 2
 * @param counting         when outcomes are counted; default {@link Counting#FINISHED_TASKS}
 * @param countsAsFailure  which failures of an attempt count against the backend; it must not throw (a predicate that
 *                         throws counts the failure, and is logged); default {@link #BACKEND_FAILURES}
 */
public record CircuitBreakerSettings(int failureThreshold, int failureWindow, Duration delay, int successThreshold,
                                     Counting counting, Predicate<Throwable> countsAsFailure) {

    /** The longest {@code delay} accepted: 365 days. */
    public static final Duration MAX_DELAY = Duration.ofDays(365);

    /**
     * The default {@code countsAsFailure}: every failure but an {@link AgentException} (an agent's declared answer
     * about its task, from a backend that is working).
     */
    public static final Predicate<Throwable> BACKEND_FAILURES = new Predicate<>() {
        @Override
        public boolean test(Throwable failure) {
            return !(failure instanceof AgentException);
        }

        @Override
        public String toString() {
            return "BACKEND_FAILURES";
        }
    };

    private static final CircuitBreakerSettings DEFAULTS =
            new CircuitBreakerSettings(3, 10, Duration.ofSeconds(30), 2);

    /** When the circuit breaker counts the outcome of an attempt. */
    public enum Counting {
        /**
         * When the attempt's task is over: a task that succeeded counts as one success (the failed attempts it
         * recovered from are forgotten); a task that failed for good counts each of its failed attempts.
         */
        FINISHED_TASKS,
        /** As soon as the attempt ends, whether or not its task is retried and recovers later. */
        EVERY_ATTEMPT
    }

    /**
     * @throws NullPointerException     when {@code delay}, {@code counting} or {@code countsAsFailure} is null
     * @throws IllegalArgumentException when a value is out of range, or {@code failureThreshold > failureWindow}
     */
    public CircuitBreakerSettings {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(counting, "counting");
        Objects.requireNonNull(countsAsFailure, "countsAsFailure");
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be >= 1 but was " + failureThreshold);
        }
        if (failureWindow < 1) {
            throw new IllegalArgumentException("failureWindow must be >= 1 but was " + failureWindow);
        }
        if (failureThreshold > failureWindow) {
            throw new IllegalArgumentException("failureThreshold must be <= failureWindow but failureThreshold was "
                    + failureThreshold + " and failureWindow was " + failureWindow
                    + "; raise failureWindow or lower failureThreshold");
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must be >= 0 but was " + delay);
        }
        if (delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("delay must be at most " + MAX_DELAY.toDays() + " days (" + MAX_DELAY
                    + ", CircuitBreakerSettings.MAX_DELAY) but was " + delay);
        }
        if (successThreshold < 1) {
            throw new IllegalArgumentException("successThreshold must be >= 1 but was " + successThreshold);
        }
    }

    /**
     * Settings that count {@link Counting#FINISHED_TASKS} and {@link #BACKEND_FAILURES}.
     *
     * @param failureThreshold how many counted failures within the window open the circuit; {@code >= 1}
     * @param failureWindow    how many of the most recent counted outcomes are considered; {@code >= failureThreshold}
     * @param delay            how long the circuit stays open before going half-open; {@code 0..MAX_DELAY}
     * @param successThreshold how many successes close a half-open circuit; {@code >= 1}
     * @throws NullPointerException     when {@code delay} is null
     * @throws IllegalArgumentException when a value is out of range, or {@code failureThreshold > failureWindow}
     */
    public CircuitBreakerSettings(int failureThreshold, int failureWindow, Duration delay, int successThreshold) {
        this(failureThreshold, failureWindow, delay, successThreshold, Counting.FINISHED_TASKS, BACKEND_FAILURES);
    }

    /**
     * @return opens at 3 counted failures of the last 10 counted outcomes, counting {@link Counting#FINISHED_TASKS}
     *         and {@link #BACKEND_FAILURES}; half-open after 30 s; closes after 2 successes
     */
    public static CircuitBreakerSettings defaults() {
        return DEFAULTS;
    }

    /**
     * @param openDelay how long the circuit stays open before going half-open
     * @return a copy with that delay
     * @throws NullPointerException     when {@code openDelay} is null
     * @throws IllegalArgumentException when {@code openDelay} is negative or longer than {@link #MAX_DELAY}
     */
    public CircuitBreakerSettings withDelay(Duration openDelay) {
        return new CircuitBreakerSettings(failureThreshold, failureWindow, openDelay, successThreshold, counting,
                countsAsFailure);
    }

    /**
     * @param threshold how many counted failures within the window open the circuit
     * @param window    how many of the most recent counted outcomes are considered
     * @return a copy with those thresholds
     * @throws IllegalArgumentException when {@code threshold < 1}, {@code window < 1} or {@code threshold > window}
     */
    public CircuitBreakerSettings withThresholds(int threshold, int window) {
        return new CircuitBreakerSettings(threshold, window, delay, successThreshold, counting, countsAsFailure);
    }

    /**
     * @param successes how many successes close a half-open circuit
     * @return a copy with that threshold
     * @throws IllegalArgumentException when {@code successes < 1}
     */
    public CircuitBreakerSettings withSuccessThreshold(int successes) {
        return new CircuitBreakerSettings(failureThreshold, failureWindow, delay, successes, counting,
                countsAsFailure);
    }

    /**
     * @param when when outcomes are counted
     * @return a copy that counts then
     * @throws NullPointerException when {@code when} is null
     */
    public CircuitBreakerSettings withCounting(Counting when) {
        return new CircuitBreakerSettings(failureThreshold, failureWindow, delay, successThreshold, when,
                countsAsFailure);
    }

    /**
     * Chooses which failures count against the backend, as Failsafe's {@code handleIf}. The predicate sees the
     * failure an attempt ended with (an attempt that ran out of time ends with a {@link
     * java.util.concurrent.TimeoutException}); a failure it does not accept counts as a success of the backend.
     *
     * @param predicate true for a failure that says the backend is unwell; must not throw
     * @return a copy that counts those failures
     * @throws NullPointerException when {@code predicate} is null
     */
    public CircuitBreakerSettings withCountsAsFailure(Predicate<Throwable> predicate) {
        return new CircuitBreakerSettings(failureThreshold, failureWindow, delay, successThreshold, counting,
                predicate);
    }
}

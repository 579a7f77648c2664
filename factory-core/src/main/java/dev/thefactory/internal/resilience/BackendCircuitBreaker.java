package dev.thefactory.internal.resilience;

import dev.thefactory.api.CircuitBreakerSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The circuit breaker of one backend: a count-based state machine CLOSED → OPEN → HALF_OPEN → CLOSED (or back to OPEN)
 * that reads time only from the injected monotonic ticker (never the build's clock, which may be fixed), so tests
 * drive its transitions exactly.
 *
 * <ul>
 *   <li>CLOSED: every attempt may run. The last {@code failureWindow} counted outcomes are kept; when
 *       {@code failureThreshold} of them are failures, the circuit opens. A failure is counted at once ({@link
 *       #recordFailure}) or, to be judged when its task is over, put off ({@link #deferFailure}) and counted later
 *       ({@link #recordFailures}) or never (when the task recovered).</li>
 *   <li>OPEN: attempts are refused. Once {@code delay} has passed since it opened, the next query moves it to
 *       HALF_OPEN.</li>
 *   <li>HALF_OPEN: at most {@code successThreshold} trial attempts run at a time; {@code successThreshold} successes
 *       close the circuit, one failure opens it again.</li>
 * </ul>
 *
 * <p>{@link #tryAcquire()} hands out a permit that is the state's generation; an outcome reported with a permit from an
 * earlier generation (an attempt that started before the last transition) changes nothing, as in Failsafe's breaker.
 *
 * <p>Thread-safe: all state sits behind this object's monitor; the transition listener is called after the monitor is
 * released, in the order the transitions happened on each thread.
 */
final class BackendCircuitBreaker {

    /** The breaker's states; their names are the strings of {@code CircuitStateChanged}. */
    enum State { CLOSED, OPEN, HALF_OPEN }

    /** A state change of the breaker of {@code backendId}. */
    record Transition(String backendId, State from, State to) {
    }

    /** Returned by {@link #tryAcquire()} when the attempt must not run. */
    static final long REFUSED = -1L;

    private final String backendId;
    private final CircuitBreakerSettings settings;
    private final LongSupplier ticker;
    private final Consumer<Transition> listener;

    private State state = State.CLOSED;
    private long generation;
    private final boolean[] window;
    private int windowCount;
    private int windowNext;
    private int windowFailures;
    private long openedAt;
    private int halfOpenInFlight;
    private int halfOpenSuccesses;

    /**
     * @param backendId the backend this breaker guards
     * @param settings  thresholds and delay
     * @param ticker    monotonic time in nanoseconds, as {@link System#nanoTime()}; only differences are used
     * @param listener  told of every transition, outside the monitor
     */
    BackendCircuitBreaker(String backendId, CircuitBreakerSettings settings, LongSupplier ticker,
                          Consumer<Transition> listener) {
        this.backendId = Objects.requireNonNull(backendId, "backendId");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.window = new boolean[settings.failureWindow()];
    }

    /**
     * Asks to run one attempt.
     *
     * @return a permit (to pass to {@link #recordSuccess}, {@link #recordFailure} or {@link #release}), or
     *         {@link #REFUSED} when the circuit is open or half-open with all trial attempts in flight
     */
    long tryAcquire() {
        List<Transition> transitions = new ArrayList<>(1);
        long permit;
        synchronized (this) {
            refresh(transitions);
            permit = switch (state) {
                case CLOSED -> generation;
                case OPEN -> REFUSED;
                case HALF_OPEN -> {
                    if (halfOpenInFlight < settings.successThreshold()) {
                        halfOpenInFlight++;
                        yield generation;
                    }
                    yield REFUSED;
                }
            };
        }
        publish(transitions);
        return permit;
    }

    /** @param permit from {@link #tryAcquire()}: the attempt succeeded */
    void recordSuccess(long permit) {
        record(permit, true);
    }

    /** @param permit from {@link #tryAcquire()}: the attempt failed (including a timeout) */
    void recordFailure(long permit) {
        record(permit, false);
    }

    /**
     * Puts off counting a failed attempt until its task is over. A trial attempt of a HALF_OPEN circuit is not put
     * off: its failure counts at once (the circuit opens again).
     *
     * @param permit from {@link #tryAcquire()}: the attempt failed
     * @return true when the failure was put off: pass the permit to {@link #recordFailures} if the task fails for
     *         good; false when it was counted at once, or changes nothing (a permit from an earlier generation)
     */
    boolean deferFailure(long permit) {
        synchronized (this) {
            if (permit != generation || permit == REFUSED) {
                return false;
            }
            if (state == State.CLOSED) {
                return true;
            }
        }
        record(permit, false);
        return false;
    }

    /**
     * Counts failures put off by {@link #deferFailure}, in order; those from an earlier generation change nothing.
     *
     * @param permits the permits of the failed attempts of a task that failed for good
     */
    void recordFailures(List<Long> permits) {
        for (long permit : permits) {
            record(permit, false);
        }
    }

    /** @param permit from {@link #tryAcquire()}: the attempt was cancelled and says nothing about the backend */
    void release(long permit) {
        synchronized (this) {
            if (permit == generation && state == State.HALF_OPEN && halfOpenInFlight > 0) {
                halfOpenInFlight--;
            }
        }
    }

    /** @return the current state, after moving OPEN to HALF_OPEN if the delay has passed */
    State state() {
        List<Transition> transitions = new ArrayList<>(1);
        State current;
        synchronized (this) {
            refresh(transitions);
            current = state;
        }
        publish(transitions);
        return current;
    }

    /** @return the state as last recorded, without moving OPEN to HALF_OPEN (so without publishing a transition) */
    synchronized State recordedState() {
        return state;
    }

    /** @return how long an open circuit stays open from now; zero unless OPEN */
    synchronized Duration remainingDelay() {
        if (state != State.OPEN) {
            return Duration.ZERO;
        }
        Duration left = settings.delay().minusNanos(ticker.getAsLong() - openedAt);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void record(long permit, boolean success) {
        List<Transition> transitions = new ArrayList<>(1);
        synchronized (this) {
            if (permit != generation || permit == REFUSED) {
                return;
            }
            switch (state) {
                case CLOSED -> {
                    addToWindow(success);
                    if (windowFailures >= settings.failureThreshold()) {
                        moveTo(State.OPEN, transitions);
                    }
                }
                case HALF_OPEN -> {
                    if (halfOpenInFlight > 0) {
                        halfOpenInFlight--;
                    }
                    if (!success) {
                        moveTo(State.OPEN, transitions);
                    } else if (++halfOpenSuccesses >= settings.successThreshold()) {
                        moveTo(State.CLOSED, transitions);
                    }
                }
                case OPEN -> {
                    // an attempt of this generation cannot finish while OPEN: OPEN starts a new generation
                }
            }
        }
        publish(transitions);
    }

    private void addToWindow(boolean success) {
        if (windowCount == window.length) {
            if (window[windowNext]) {
                windowFailures--;
            }
        } else {
            windowCount++;
        }
        window[windowNext] = !success;
        if (!success) {
            windowFailures++;
        }
        windowNext = (windowNext + 1) % window.length;
    }

    /** Moves OPEN to HALF_OPEN once the delay has passed. Caller holds the monitor. */
    private void refresh(List<Transition> transitions) {
        if (state == State.OPEN && ticker.getAsLong() - openedAt >= settings.delay().toNanos()) {
            moveTo(State.HALF_OPEN, transitions);
        }
    }

    /** Caller holds the monitor. */
    private void moveTo(State next, List<Transition> transitions) {
        transitions.add(new Transition(backendId, state, next));
        state = next;
        generation++;
        switch (next) {
            case OPEN -> openedAt = ticker.getAsLong();
            case HALF_OPEN -> {
                halfOpenInFlight = 0;
                halfOpenSuccesses = 0;
            }
            case CLOSED -> {
                windowCount = 0;
                windowNext = 0;
                windowFailures = 0;
                Arrays.fill(window, false);
            }
        }
    }

    private void publish(List<Transition> transitions) {
        for (Transition transition : transitions) {
            listener.accept(transition);
        }
    }
}

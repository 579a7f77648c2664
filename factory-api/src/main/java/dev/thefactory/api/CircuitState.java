package dev.thefactory.api;

/**
 * The state of a backend's circuit breaker ({@link CircuitBreakerSettings}).
 */
public enum CircuitState {
    /** Every attempt may run; failures are counted. */
    CLOSED,
    /** Too many failures: the backend's task attempts fail at once until the open delay has passed. */
    OPEN,
    /** The open delay has passed: a limited number of trial attempts decide whether it closes or opens again. */
    HALF_OPEN
}

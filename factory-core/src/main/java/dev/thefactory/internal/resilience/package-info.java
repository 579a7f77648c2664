/**
 * The resilience policies of a build: every task attempt runs through {@link
 * dev.thefactory.internal.resilience.ResiliencePolicies}, which applies deterministic fault injection, a per-attempt
 * timeout that interrupts and then abandons a stuck attempt, retry of transient failures with exponential backoff and
 * jitter (Failsafe's {@code RetryPolicy}, its delays run on the build's injected scheduler), and a circuit breaker per
 * backend driven by the build's injected clock. Failsafe types never leave this package; the public settings are the
 * records {@code RetrySettings}, {@code CircuitBreakerSettings}, {@code TimeoutSettings} and {@code FaultInjection} of
 * {@code dev.thefactory.api}.
 */
package dev.thefactory.internal.resilience;

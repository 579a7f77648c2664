package dev.thefactory.api.event;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.CircuitState;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import java.time.Instant;

/**
 * A backend's circuit breaker changed state.
 *
 * @param buildId the build
 * @param time    when it happened
 * @param backend the backend id
 * @param from    the previous state
 * @param to      the new state
 */
public record CircuitStateChanged(String buildId, Instant time, String backend, CircuitState from, CircuitState to) implements BuildEvent {
}

package dev.thefactory.api.event;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import java.time.Instant;

/**
 * A backend's circuit breaker changed state: {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}.
 *
 * @param buildId the build
 * @param time    when it happened
 * @param backend the backend id
 * @param from    the previous state
 * @param to      the new state
 */
public record CircuitStateChanged(String buildId, Instant time, String backend, String from, String to) implements BuildEvent {
}

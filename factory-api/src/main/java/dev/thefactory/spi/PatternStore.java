package dev.thefactory.spi;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.Phase;
import java.time.Duration;
import java.util.Optional;

/**
 * Remembers how long tasks take, per phase and role, so that the progress estimate (ETA) of a build starts from
 * experience instead of from nothing, and improves with every build. The core records the duration of every
 * finished task and asks for estimates of the tasks still to do.
 *
 * <p>Found with {@link java.util.ServiceLoader} (register an implementation in
 * {@code META-INF/services/dev.thefactory.spi.PatternStore}) or set on the builder; without one, the ETA comes from
 * the durations measured in the running build alone. Implementations must be thread-safe and fast (they are called
 * once per task), must not throw, and must not block.
 */
public interface PatternStore {

    /**
     * Records one finished task.
     *
     * @param phase    its phase
     * @param role     its agent's role
     * @param duration how long its successful attempt took, {@code >= 0}
     */
    void record(Phase phase, AgentRole role, Duration duration);

    /**
     * @param phase a phase
     * @param role  a role
     * @return the expected duration of one task of this role in this phase, when the store has seen such tasks
     */
    Optional<Duration> estimate(Phase phase, AgentRole role);
}

package dev.thefactory.spi;

import java.util.Objects;

/**
 * The result of a provider's health check. Immutable and thread-safe.
 *
 * @param healthy whether the backend can take work now
 * @param detail  a short explanation, shown to users when the backend is skipped
 */
public record HealthStatus(boolean healthy, String detail) {

    /** @throws NullPointerException if {@code detail} is null */
    public HealthStatus {
        Objects.requireNonNull(detail, "detail");
    }

    /** @return a healthy status with detail {@code "ok"} */
    public static HealthStatus up() {
        return new HealthStatus(true, "ok");
    }

    /**
     * @param reason why the backend cannot take work
     * @return an unhealthy status
     */
    public static HealthStatus down(String reason) {
        return new HealthStatus(false, reason);
    }
}

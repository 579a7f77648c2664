package dev.thefactory.internal.resilience;

import dev.thefactory.api.AgentException;
import dev.thefactory.api.FaultInjection;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Decides, from {@link FaultInjection} settings, which task attempts fail and how. Every decision is a pure function
 * of (seed, task id, attempt number) — or of (seed, task id) for permanent faults, which are per task — mixed by a
 * 64-bit hash, so the same settings give the same faults whatever the thread scheduling or the order tasks run in.
 *
 * <p>Immutable and thread-safe.
 */
final class FaultInjector {

    private static final long TRANSIENT_SALT = 0x7472616E7369656EL;
    private static final long PERMANENT_SALT = 0x7065726D616E656EL;

    private final FaultInjection settings;

    /** @param settings what to inject */
    FaultInjector(FaultInjection settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** @return the injection settings */
    FaultInjection settings() {
        return settings;
    }

    /**
     * @param backendId the backend the attempt runs on
     * @param taskId    the task
     * @param attempt   the attempt number, from 1
     * @return the failure the attempt must end with, or null when it runs normally
     */
    Exception faultFor(String backendId, String taskId, int attempt) {
        if (settings.isNone()) {
            return null;
        }
        if (settings.failBackends().contains(backendId)) {
            return new ConnectException("Connection refused: backend '" + backendId + "' is unreachable (fault "
                    + "injection fail-backend=" + backendId + ", task '" + taskId + "', attempt " + attempt + ")");
        }
        if (settings.permanentRate() > 0.0 && permanentDraw(taskId) < settings.permanentRate()) {
            return AgentException.permanentFailure("Injected permanent fault in task '" + taskId + "' (fault injection "
                    + "permanent-rate=" + settings.permanentRate() + ", seed=" + settings.seed() + ")");
        }
        if (settings.transientRate() > 0.0 && transientDraw(taskId, attempt) < settings.transientRate()) {
            return AgentException.transientFailure("Injected transient fault in task '" + taskId + "', attempt "
                    + attempt + " (fault injection transient-rate=" + settings.transientRate() + ", seed="
                    + settings.seed() + ")");
        }
        return null;
    }

    /** @return the uniform draw in [0, 1) that decides whether this attempt fails transiently */
    double transientDraw(String taskId, int attempt) {
        return unit(mix(mix(settings.seed() ^ TRANSIENT_SALT) ^ stableHash(taskId)) + attempt);
    }

    /** @return the uniform draw in [0, 1) that decides whether this task fails permanently */
    double permanentDraw(String taskId) {
        return unit(mix(settings.seed() ^ PERMANENT_SALT) ^ stableHash(taskId));
    }

    /** FNV-1a over the UTF-8 bytes: stable across JVMs, unlike String.hashCode's 32 bits it fills 64. */
    static long stableHash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** The SplitMix64 finaliser: a bijective mix whose output bits each depend on every input bit. */
    static long mix(long value) {
        long z = value + 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** @return {@code mix(value)} as a double uniform in [0, 1), from its top 53 bits */
    private static double unit(long value) {
        return (mix(value) >>> 11) * 0x1.0p-53;
    }
}

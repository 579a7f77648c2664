package dev.thefactory.spi;

import dev.thefactory.api.Phase;
import java.time.Instant;
import java.util.Objects;

/**
 * One durable record of a build's progress. The core writes one after every phase ({@code taskId == null}) and
 * one after every finished task of {@code GENERATE}; the payload is the core's own versioned JSON, opaque to a
 * repository. Repositories store checkpoints as given and return them unchanged, in order. Immutable and
 * thread-safe.
 *
 * @param formatVersion the payload's format version
 * @param buildId       the build
 * @param sequence      1 for the first checkpoint of a build, then +1 each
 * @param phase         the phase it belongs to
 * @param taskId        the task it records, or null for a phase checkpoint
 * @param createdAt     when it was made
 * @param payload       the state, as the core serialized it
 */
public record Checkpoint(int formatVersion, String buildId, long sequence, Phase phase, String taskId,
        Instant createdAt, String payload) {

    /**
     * @throws NullPointerException if a required component is null
     * @throws IllegalArgumentException on bad numbers
     */
    public Checkpoint {
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(payload, "payload");
        if (formatVersion < 1) {
            throw new IllegalArgumentException("formatVersion must be >= 1 but was " + formatVersion);
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1 but was " + sequence);
        }
    }
}

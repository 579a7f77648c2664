package dev.thefactory.internal.state;

import dev.thefactory.api.Phase;
import dev.thefactory.spi.Checkpoint;
import java.time.Instant;

/** Checkpoints for tests: deterministic, small, and different from each other in every field. */
final class TestCheckpoints {

    static final Instant EPOCH = Instant.parse("2026-01-01T10:00:00.123456789Z");

    private TestCheckpoints() {
    }

    /** @return a phase checkpoint ({@code taskId == null}) */
    static Checkpoint phase(String buildId, long sequence, Phase phase) {
        return new Checkpoint(1, buildId, sequence, phase, null, EPOCH.plusMillis(sequence),
                "{\"phase\":\"" + phase + "\",\"seq\":" + sequence + "}");
    }

    /** @return a task checkpoint of GENERATE */
    static Checkpoint task(String buildId, long sequence) {
        return new Checkpoint(1, buildId, sequence, Phase.GENERATE, "generate/feature-" + sequence,
                EPOCH.plusMillis(sequence), "{\"task\":\"feature-" + sequence + "\",\"files\":[\"src/F" + sequence
                        + ".java\"],\"note\":\"caf\u00e9 \u2603\"}");
    }
}

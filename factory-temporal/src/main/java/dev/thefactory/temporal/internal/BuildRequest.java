package dev.thefactory.temporal.internal;

import java.util.Objects;

/**
 * The input of a build workflow: everything a worker needs to rebuild the caller's configuration (the spec as
 * normalized JSON, the options that change the output or the rules) and the settings the workflow maps onto its
 * activities. Durations are in milliseconds, so the history holds plain numbers.
 *
 * @param buildId             the build, also the workflow id
 * @param specJson            the validated spec as normalized JSON
 * @param specHash            SHA-256 of the caller's spec (recorded in the manifest)
 * @param mode                the mode's name
 * @param explicitBackend     the backend chosen explicitly, or null
 * @param outputDirectory     the output directory, as the workers see it
 * @param overwrite           whether a directory holding files no earlier build published may be replaced
 * @param requireFeatures     the feature requirement's name
 * @param runGeneratedTests   whether the generated tests run in {@code VALIDATE_OUTPUT}
 * @param parallelism         the most tasks that run at once
 * @param retry               the retry settings
 * @param taskAttemptMillis   the time limit of one task attempt
 * @param phaseMillis         the time limit of a phase
 * @param buildMillis         the time limit of the build
 * @param circuitThreshold    counted failures within the window that open a backend's circuit
 * @param circuitWindow       how many of a backend's most recent counted outcomes the circuit considers
 * @param circuitDelayMillis  how long an open circuit stays open before it lets trial tasks through again
 * @param circuitSuccesses    successful trial tasks that close a half-open circuit
 * @param projectName         the spec's project name, for the progress log
 * @param repairRounds        the repair rounds a backend that supports repair gets in {@code VALIDATE_OUTPUT} (0 in
 *                            the histories of builds started before repair rounds ran on Temporal: none)
 */
public record BuildRequest(String buildId, String specJson, String specHash, String mode, String explicitBackend,
        String outputDirectory, boolean overwrite, String requireFeatures, boolean runGeneratedTests,
        int parallelism, Retry retry, long taskAttemptMillis, long phaseMillis, long buildMillis,
        int circuitThreshold, int circuitWindow, long circuitDelayMillis, int circuitSuccesses, String projectName,
        int repairRounds) {

    /** Checks the ids. */
    public BuildRequest {
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(specJson, "specJson");
        Objects.requireNonNull(retry, "retry");
    }

    /**
     * The build's retry settings.
     *
     * @param maxAttempts        attempts of a task, the first included
     * @param initialDelayMillis the first backoff
     * @param maxDelayMillis     the longest backoff
     * @param multiplier         the backoff's growth
     */
    public record Retry(int maxAttempts, long initialDelayMillis, long maxDelayMillis, double multiplier) {
    }
}

package dev.thefactory.api;

import java.util.List;
import java.util.Objects;

/**
 * A resume was refused because the spec differs from the one the build was checkpointed with: resuming would mix work
 * done for the old spec with work for the new one. A {@link SpecValidationException}, so the command line exits with
 * code 2; {@link #recoveryOptions()} says how to go on. Immutable and thread-safe.
 */
public final class SpecChangedException extends SpecValidationException {

    private static final long serialVersionUID = 1L;

    private final String buildId;
    private final String checkpointedHash;
    private final String currentHash;
    private final List<String> recovery;

    /**
     * @param source           where the spec was read from (a file, or a description)
     * @param buildId          the build that was to be resumed
     * @param checkpointedHash the spec hash in its checkpoint
     * @param currentHash      the hash of the spec given now
     * @throws NullPointerException if an argument is null
     */
    public SpecChangedException(String source, String buildId, String checkpointedHash, String currentHash) {
        super(source, List.of(Violation.of("(document)", "the spec changed since build " + buildId
                + " was checkpointed (its SHA-256 was " + shortHash(checkpointedHash) + "…, now "
                + shortHash(currentHash) + "…); resuming would mix work for two different specs. Restore the spec, "
                + "resume with --force (Factory.resume(buildId, true)) to keep the finished work anyway, or start a "
                + "new build")));
        this.buildId = Objects.requireNonNull(buildId, "buildId");
        this.checkpointedHash = checkpointedHash;
        this.currentHash = currentHash;
        this.recovery = List.of("restore the spec as it was when build " + buildId + " started, then resume it",
                "resume anyway with factory resume --build " + buildId + " --force (Factory.resume(\"" + buildId
                        + "\", true)): finished work is kept although the spec changed",
                "start a new build with the changed spec (factory build)");
    }

    private static String shortHash(String hash) {
        Objects.requireNonNull(hash, "hash");
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    /** @return the build that was to be resumed */
    public String resumedBuildId() {
        return buildId;
    }

    /** @return the spec hash recorded in the checkpoint */
    public String checkpointedHash() {
        return checkpointedHash;
    }

    /** @return the hash of the spec given now */
    public String currentHash() {
        return currentHash;
    }

    @Override
    public List<String> recoveryOptions() {
        return recovery;
    }
}

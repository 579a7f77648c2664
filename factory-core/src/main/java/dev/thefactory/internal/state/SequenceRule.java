package dev.thefactory.internal.state;

/** The rule every repository enforces: a build's checkpoint sequence strictly increases. */
final class SequenceRule {

    private SequenceRule() {
    }

    /**
     * @param buildId  the build
     * @param rejected the sequence that was offered
     * @param latest   the build's latest stored sequence
     * @return the exception naming both numbers and the fix
     */
    static IllegalArgumentException notIncreasing(String buildId, long rejected, long latest) {
        return new IllegalArgumentException("sequence must be greater than " + latest + ", the latest checkpoint of"
                + " build " + buildId + ", but was " + rejected + ": checkpoints are append-only, so save the next one"
                + " with sequence " + (latest + 1) + " or more");
    }
}

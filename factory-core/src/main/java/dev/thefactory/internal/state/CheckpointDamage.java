package dev.thefactory.internal.state;

import java.nio.file.Path;

/**
 * A damaged place in a build's checkpoint log: the record at {@code offset} of {@code segment} and everything after
 * it in that segment were ignored.
 *
 * @param segment          the segment file
 * @param offset           the byte offset of the damaged record
 * @param ignoredBytes     bytes ignored from {@code offset} to the end of the segment
 * @param reason           what is wrong with the record
 * @param lastGoodSequence the newest good checkpoint before the damage, or 0 when there is none
 */
record CheckpointDamage(Path segment, long offset, long ignoredBytes, String reason, long lastGoodSequence) {

    /** @return a sentence for logs, events and results */
    String describe() {
        return "Damaged checkpoint log " + segment + " at byte " + offset + ": " + reason + ". That record and the "
                + ignoredBytes + " bytes from it to the end of the segment are ignored; "
                + (lastGoodSequence > 0
                        ? "the newest good checkpoint before it is sequence " + lastGoodSequence + "."
                        : "no good checkpoint precedes it.");
    }
}

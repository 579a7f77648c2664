package dev.thefactory.internal.state;

import java.io.IOException;
import java.nio.channels.FileChannel;

/** Makes a segment's appended bytes durable. Tests replace it to observe or delay group commits. */
@FunctionalInterface
interface Syncer {

    /** The real one: {@code FileChannel.force(false)}, i.e. {@code fdatasync}. */
    Syncer FORCE = channel -> channel.force(false);

    /**
     * @param channel the segment's channel
     * @throws IOException when the data could not be made durable
     */
    void force(FileChannel channel) throws IOException;
}

package dev.thefactory.internal.state;

import dev.thefactory.internal.util.DurableFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Makes a segment's appended bytes durable. Tests replace it to count or fail forces. */
@FunctionalInterface
interface Syncer {

    /**
     * @param channel the segment's channel
     * @throws IOException when the data could not be made durable
     */
    void force(FileChannel channel) throws IOException;

    /** @return a disk that forces files with this syncer and does everything else as the real disk */
    default DurableFiles.Disk onSystemDisk() {
        Syncer syncer = this;
        return new DurableFiles.Disk() {
            @Override
            public void force(FileChannel channel, boolean metadata) throws IOException {
                syncer.force(channel);
            }

            @Override
            public void forceDirectory(Path directory) throws IOException {
                DurableFiles.Disk.SYSTEM.forceDirectory(directory);
            }

            @Override
            public void move(Path from, Path to) throws IOException {
                DurableFiles.Disk.SYSTEM.move(from, to);
            }
        };
    }
}

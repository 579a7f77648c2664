package dev.thefactory.tests.kit;

import dev.thefactory.CheckpointRepositories;
import dev.thefactory.spi.CheckpointRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file-system repository keeps the contract: what it saved survives a new instance over the directory, its lock
 * keeps other processes out and ends with a killed holder, and a flipped bit is reported as damage.
 */
class FileSystemCheckpointRepositoryContractTest extends CheckpointRepositoryContract {

    @TempDir
    Path directory;

    @Override
    protected CheckpointRepository newRepository() {
        return CheckpointRepositories.fileSystem(directory);
    }

    @Override
    protected CheckpointRepository reopen(CheckpointRepository repository) {
        return CheckpointRepositories.fileSystem(directory);
    }

    @Override
    protected Optional<OtherProcess> inAnotherProcess(CheckpointRepository repository) {
        return Optional.of(new OtherProcess(FileSystemOpener.class, directory.toString(), true));
    }

    /** Flips a bit in the last byte of the build's newest segment: the payload of its newest checkpoint. */
    @Override
    protected boolean damageNewest(CheckpointRepository repository, String buildId) throws IOException {
        repository.close(); // releases the open segment file
        List<Path> segments;
        try (Stream<Path> files = Files.list(directory.resolve(buildId))) {
            segments = files.filter(f -> f.getFileName().toString().startsWith("segment-")).sorted().toList();
        }
        Path newest = segments.get(segments.size() - 1);
        byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(newest, bytes);
        return true;
    }

    /** Opens the file-system repository in the kit's child JVM. */
    public static final class FileSystemOpener implements Opener {

        /** For the child JVM. */
        public FileSystemOpener() {
        }

        @Override
        public CheckpointRepository open(String storage) {
            return CheckpointRepositories.fileSystem(Path.of(storage));
        }
    }
}

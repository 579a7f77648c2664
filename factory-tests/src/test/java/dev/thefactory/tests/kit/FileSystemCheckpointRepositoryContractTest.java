package dev.thefactory.tests.kit;

import dev.thefactory.CheckpointRepositories;
import dev.thefactory.spi.CheckpointRepository;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The file-system repository keeps the contract, and what it saved survives a new instance over the directory. */
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
}

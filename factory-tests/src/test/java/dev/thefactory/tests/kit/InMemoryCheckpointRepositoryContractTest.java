package dev.thefactory.tests.kit;

import dev.thefactory.CheckpointRepositories;
import dev.thefactory.spi.CheckpointRepository;

/** The in-memory repository keeps the contract (except durability, which it does not promise). */
class InMemoryCheckpointRepositoryContractTest extends CheckpointRepositoryContract {

    @Override
    protected CheckpointRepository newRepository() {
        return CheckpointRepositories.inMemory();
    }
}

package dev.thefactory.tests.kit;

import dev.thefactory.internal.minimal.MinimalBackendProvider;
import dev.thefactory.spi.OrchestratorBackendProvider;

/** The built-in minimal backend keeps the backend contract. */
class MinimalBackendContractTest extends BackendContract {

    @Override
    protected OrchestratorBackendProvider provider() {
        return new MinimalBackendProvider();
    }
}

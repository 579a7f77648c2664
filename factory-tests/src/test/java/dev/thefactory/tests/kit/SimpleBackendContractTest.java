package dev.thefactory.tests.kit;

import dev.thefactory.spi.OrchestratorBackendProvider;
import java.util.ServiceLoader;

/** The built-in simple backend keeps the backend contract; found as a third party's would be. */
class SimpleBackendContractTest extends BackendContract {

    @Override
    protected OrchestratorBackendProvider provider() {
        return ServiceLoader.load(OrchestratorBackendProvider.class).stream()
                .filter(p -> p.type().getName().equals("dev.thefactory.fallbacks.SimpleBackendProvider"))
                .map(ServiceLoader.Provider::get).findFirst()
                .orElseThrow(() -> new AssertionError("the simple backend is not registered"));
    }
}

package dev.thefactory.examples.custom;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.spi.OrchestratorBackendProvider;
import dev.thefactory.tests.kit.BackendContract;
import java.util.List;

/** The example backend keeps the contract every backend must keep, checked by the kit from factory-tests. */
class ExampleBackendContractTest extends BackendContract {

    @Override
    protected OrchestratorBackendProvider provider() {
        return new ExampleIntegratedBackendProvider();
    }

    @Override
    protected List<ProjectSpec> specs() {
        return List.of(ProjectSpec.builder("Money Utils", ProjectType.LIBRARY)
                .description("Exact money arithmetic.")
                .features(List.of("Add amounts of one currency", "Split an amount into equal parts"), List.of())
                .build());
    }
}

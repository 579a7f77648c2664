package dev.thefactory.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.spi.OrchestratorBackendProvider;
import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The llm jar is a module that exports only {@code dev.thefactory.llm}, provides its backend as a service, and
 * resolves on a module path with its dependencies (LangChain4j's jars are automatic modules named after their
 * files: {@code langchain4j.core} and so on).
 */
class ModuleDescriptorTest {

    @Test
    void exportsOnlyThePublicPackageAndProvidesTheBackend() throws Exception {
        ModuleDescriptor llm = descriptor();

        assertThat(llm.name()).isEqualTo("dev.thefactory.llm");
        assertThat(llm.isAutomatic()).isFalse();
        assertThat(llm.exports()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("dev.thefactory.llm");
            assertThat(e.isQualified()).isFalse();
        });
        assertThat(llm.packages()).contains("dev.thefactory.llm.internal");
        assertThat(llm.opens()).singleElement().satisfies(o -> {
            assertThat(o.source()).isEqualTo("dev.thefactory.llm.internal");
            assertThat(o.targets())
                    .containsExactlyInAnyOrder("com.fasterxml.jackson.databind", "org.hibernate.validator");
        });
        assertThat(llm.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(OrchestratorBackendProvider.class.getName());
            assertThat(p.providers()).containsExactly(LlmBackendProvider.class.getName());
        });
        // Micrometer is optional: an application without it still resolves the module
        assertThat(llm.requires()).filteredOn(r -> r.name().equals("micrometer.observation")).singleElement()
                .satisfies(r -> assertThat(r.modifiers()).contains(ModuleDescriptor.Requires.Modifier.STATIC));
    }

    @Test
    void resolvesOnAModulePathWithItsDependencies() {
        List<Path> candidates = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.isBlank() || !Files.exists(path)) {
                continue;
            }
            try {
                if (ModuleFinder.of(path).findAll().size() == 1) {
                    candidates.add(path);
                }
            } catch (FindException e) {
                // the test classes: no module-info
            }
        }
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(ModuleFinder.of(candidates.toArray(Path[]::new)), ModuleFinder.of(),
                        Set.of("dev.thefactory.llm"));

        Set<String> resolved = configuration.modules().stream().map(ResolvedModule::name).collect(Collectors.toSet());
        assertThat(resolved).contains("dev.thefactory.llm", "dev.thefactory.api", "langchain4j.core",
                "langchain4j.open.ai", "langchain4j.http.client.jdk", "com.fasterxml.jackson.databind");
    }

    private static ModuleDescriptor descriptor() throws Exception {
        Path location = Path.of(LlmBackend.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<ModuleReference> found = ModuleFinder.of(location).findAll();
        assertThat(found).as("modules in %s", location).hasSize(1);
        return found.iterator().next().descriptor();
    }
}

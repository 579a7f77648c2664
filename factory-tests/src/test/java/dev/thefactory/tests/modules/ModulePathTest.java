package dev.thefactory.tests.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.Factory;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.fallbacks.SimpleBackendProvider;
import dev.thefactory.spi.OrchestratorBackendProvider;
import dev.thefactory.spi.PatternStore;
import java.io.File;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library jars are modules that export only their public packages, and they work on the module path: a small
 * program in a module of its own, run by {@code java -p ... -m ...} in a child JVM, builds a spec with the simple
 * backend (found as a service of {@code dev.thefactory.fallbacks}), which needs the {@code opens} for Jackson and
 * Hibernate Validator. Under {@code mvn verify} the modules are the built jars; under {@code mvn test} they are the
 * class directories (the same {@code module-info.class}).
 */
class ModulePathTest {

    private static final Path SPECS = Path.of("..", "examples", "specs").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void theApiJarExportsOnlyThePublicPackages() {
        ModuleDescriptor api = descriptorOf(ProjectSpec.class, "dev.thefactory.api");

        assertThat(unqualifiedExports(api))
                .containsExactlyInAnyOrder("dev.thefactory.api", "dev.thefactory.api.event", "dev.thefactory.spi");
        assertThat(api.exports()).allMatch(e -> !e.isQualified());
        assertThat(api.packages()).allMatch(p -> !p.contains(".internal"));
        assertThat(api.isOpen()).isFalse();
        // deep reflection only for the two libraries that need it, and only on the model package
        assertThat(api.opens()).singleElement().satisfies(opens -> {
            assertThat(opens.source()).isEqualTo("dev.thefactory.api");
            assertThat(opens.targets())
                    .containsExactlyInAnyOrder("org.hibernate.validator", "com.fasterxml.jackson.databind");
        });
    }

    @Test
    void theCoreJarExportsOnlyDevTheFactoryAndProvidesTheMinimalBackend() {
        ModuleDescriptor core = descriptorOf(Factory.class, "dev.thefactory.core");

        assertThat(unqualifiedExports(core)).containsExactly("dev.thefactory");
        assertThat(core.packages()).contains("dev.thefactory.internal.engine", "dev.thefactory.internal.state");
        // a qualified export hands an internal package to one named module of ours only
        assertThat(core.exports()).filteredOn(ModuleDescriptor.Exports::isQualified)
                .allSatisfy(e -> assertThat(e.targets()).allMatch(t -> t.startsWith("dev.thefactory.")));
        assertThat(core.opens()).allSatisfy(opens -> {
            assertThat(opens.source()).startsWith("dev.thefactory.internal.");
            assertThat(opens.targets()).containsExactly("com.fasterxml.jackson.databind");
        });
        assertThat(core.uses()).contains(OrchestratorBackendProvider.class.getName(), PatternStore.class.getName());
        assertThat(providers(core)).containsEntry(OrchestratorBackendProvider.class.getName(),
                List.of("dev.thefactory.internal.minimal.MinimalBackendProvider"));
        // optional at run time: a module-path application without Micrometer still starts
        assertThat(core.requires()).filteredOn(r -> r.name().equals("micrometer.observation"))
                .singleElement().satisfies(r -> assertThat(r.modifiers()).contains(ModuleDescriptor.Requires.Modifier.STATIC));
    }

    @Test
    void theFallbacksJarExportsItsTwoPublicPackagesAndProvidesItsServices() {
        ModuleDescriptor fallbacks = descriptorOf(SimpleBackendProvider.class, "dev.thefactory.fallbacks");

        assertThat(unqualifiedExports(fallbacks))
                .containsExactlyInAnyOrder("dev.thefactory.fallbacks", "dev.thefactory.fallbacks.patterns");
        assertThat(fallbacks.exports()).allMatch(e -> !e.isQualified());
        assertThat(fallbacks.opens()).isEmpty();
        assertThat(providers(fallbacks))
                .containsEntry(OrchestratorBackendProvider.class.getName(), List.of(SimpleBackendProvider.class.getName()))
                .containsEntry(PatternStore.class.getName(),
                        List.of("dev.thefactory.fallbacks.patterns.InMemoryPatternStore"));
    }

    @Test
    void aProgramOnTheModulePathBuildsWithTheSimpleBackend() throws Exception {
        List<Path> modulePath = runtimeModulePath();
        Path probe = compileProbe(modulePath);
        Path out = tmp.resolve("out");
        Path state = tmp.resolve("state");
        Path log = tmp.resolve("child.log");

        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-p", join(modulePath) + File.pathSeparator + probe,
                "-m", "probe/probe.Main", SPECS.resolve("example_simple.md").toString(), out.toString(),
                state.toString());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = child.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            child.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(ended).as("the child JVM ended").isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("FACTORY_MODULE dev.thefactory.core")
                .contains("INTERNAL_EXPORTED false")
                .contains("PROVIDER simple dev.thefactory.fallbacks")
                .contains("STATUS SUCCEEDED")
                .contains("PHASE GENERATE simple");
        assertThat(out).isDirectory();
    }

    /** The modules the core and the simple backend need, from this JVM's class path, resolved as {@code java} would. */
    private static List<Path> runtimeModulePath() {
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
                // a class directory without module-info (this module's own classes): not a module
            }
        }
        ModuleFinder finder = ModuleFinder.of(candidates.toArray(Path[]::new));
        // the JUnit Jupiter engine is what the core's test runner child needs; the others are what the probe reads
        Configuration configuration = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(),
                Set.of("dev.thefactory.core", "dev.thefactory.fallbacks", "org.junit.jupiter.engine"));
        List<Path> modulePath = new ArrayList<>();
        for (ResolvedModule module : configuration.modules()) {
            module.reference().location().map(Path::of).ifPresent(modulePath::add);
        }
        return modulePath;
    }

    private Path compileProbe(List<Path> modulePath) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("probe-src/probe"));
        Files.writeString(src.getParent().resolve("module-info.java"), """
                module probe {
                    requires dev.thefactory.core;
                }
                """);
        Files.writeString(src.resolve("Main.java"), """
                package probe;

                import dev.thefactory.Backends;
                import dev.thefactory.CheckpointRepositories;
                import dev.thefactory.Factory;
                import dev.thefactory.api.BuildResult;
                import dev.thefactory.api.FeatureRequirement;
                import dev.thefactory.api.Mode;
                import java.nio.file.Path;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        Module core = Factory.class.getModule();
                        System.out.println("FACTORY_MODULE " + core.getName());
                        System.out.println("INTERNAL_EXPORTED " + core.isExported("dev.thefactory.internal.engine"));
                        for (Backends.Backend backend : Backends.discover(Main.class.getClassLoader()).backends()) {
                            System.out.println("PROVIDER " + backend.id() + " "
                                    + Class.forName(backend.className(), false, Main.class.getClassLoader())
                                            .getModule().getName());
                        }
                        BuildResult result = Factory.builder()
                                .spec(Path.of(args[0]))
                                .mode(Mode.STANDALONE)
                                .requireFeatures(FeatureRequirement.NONE)
                                .outputDirectory(Path.of(args[1]))
                                .checkpoints(CheckpointRepositories.fileSystem(Path.of(args[2])))
                                .build().run();
                        System.out.println("STATUS " + result.status());
                        result.phases().stream().map(p -> p.phase() + " " + p.backend())
                                .forEach(p -> System.out.println("PHASE " + p));
                    }
                }
                """);
        Path classes = tmp.resolve("probe-classes/probe");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "--module-path", join(modulePath),
                "-d", classes.toString()));
        arguments.add(src.getParent().resolve("module-info.java").toString());
        arguments.add(src.resolve("Main.java").toString());
        int status = javac.run(null, null, null, arguments.toArray(String[]::new));
        assertThat(status).as("the probe compiles against the modules").isZero();
        return classes.getParent();
    }

    private static ModuleDescriptor descriptorOf(Class<?> type, String expectedName) {
        Path location;
        try {
            location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Set<ModuleReference> found = ModuleFinder.of(location).findAll();
        assertThat(found).as("modules in %s", location).hasSize(1);
        ModuleDescriptor descriptor = found.iterator().next().descriptor();
        assertThat(descriptor.name()).isEqualTo(expectedName);
        assertThat(descriptor.isAutomatic()).as("%s has a module-info", location).isFalse();
        return descriptor;
    }

    private static Set<String> unqualifiedExports(ModuleDescriptor descriptor) {
        return descriptor.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, List<String>> providers(ModuleDescriptor descriptor) {
        return descriptor.provides().stream()
                .collect(Collectors.toMap(ModuleDescriptor.Provides::service, ModuleDescriptor.Provides::providers));
    }

    private static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}

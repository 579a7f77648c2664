package dev.thefactory.tests.e2e;

import dev.thefactory.CheckpointRepositories;
import dev.thefactory.Factory;
import dev.thefactory.api.Mode;
import dev.thefactory.api.event.BuildEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Shared pieces of the end-to-end tests: example specs, builders, path listings, provider class loaders. */
final class Builds {

    /** The example specs of the repository. */
    static final Path SPECS = Path.of("..", "examples", "specs").toAbsolutePath().normalize();

    private Builds() {
    }

    static Path spec(String fileName) {
        Path spec = SPECS.resolve(fileName);
        if (!Files.isRegularFile(spec)) {
            throw new IllegalStateException("example spec not found: " + spec);
        }
        return spec;
    }

    /** A builder publishing under {@code out}, with in-memory checkpoints and events collected into {@code events}. */
    static Factory.Builder builder(Path spec, Mode mode, Path out, List<BuildEvent> events) {
        return Factory.builder().spec(spec).mode(mode).outputDirectory(out)
                .checkpoints(CheckpointRepositories.inMemory()).listener(events::add);
    }

    static List<BuildEvent> events() {
        return new CopyOnWriteArrayList<>();
    }

    /** @return every path under {@code root}, directories included, relative and sorted */
    static List<String> allPaths(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A class loader that lists the given provider classes (which must be on the test class path) in its own
     * {@code META-INF/services/dev.thefactory.spi.OrchestratorBackendProvider}, besides the ones of the class path.
     */
    static URLClassLoader providers(Path dir, String... classNames) throws IOException {
        Path services = dir.resolve("META-INF/services/dev.thefactory.spi.OrchestratorBackendProvider");
        Files.createDirectories(services.getParent());
        Files.writeString(services, String.join("\n", classNames) + "\n", StandardCharsets.UTF_8);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, Builds.class.getClassLoader());
    }
}

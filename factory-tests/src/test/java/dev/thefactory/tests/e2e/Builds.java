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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Shared pieces of the end-to-end tests: example specs, builders, tree snapshots, provider class loaders. */
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

    /** @return path → SHA-256 of every regular file under {@code root}, except the {@code .factory} directory */
    static SortedMap<String, String> snapshot(Path root) {
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (!relative.startsWith(".factory/")) {
                    files.put(relative, sha256(Files.readAllBytes(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** @return every path under {@code root}, directories included, relative and sorted */
    static List<String> allPaths(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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

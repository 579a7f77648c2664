package dev.thefactory.tests.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The bytes of a published project, for comparing two builds: path → SHA-256 of every regular file, without the
 * build's own records in {@code .factory/} (which hold build ids and timings). Two builds of the same spec and mode must
 * have equal snapshots.
 */
public final class ProjectSnapshot {

    private ProjectSnapshot() {
    }

    /**
     * @param root a published project's directory
     * @return relative path ({@code /}-separated) → lower-case hex SHA-256, sorted by path
     * @throws UncheckedIOException when the tree cannot be read
     */
    public static SortedMap<String, String> of(Path root) {
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (!relative.startsWith(".factory/")) {
                    files.put(relative, HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
        return files;
    }
}

package dev.thefactory.internal.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.FactoryException.ErrorContext;
import dev.thefactory.internal.util.Sha256;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a project's output directory, {@code <outputRoot>/<slug>/}, holds now, compared with what the build that
 * published it there wrote: its {@value #METADATA} lists every file with its size and SHA-256. The directory is
 * {@link Kind#PUBLISHED} only when every listed file is there unchanged and nothing else is (the manifest itself
 * aside); anything else — a file added, changed or removed, an added directory, a link, no readable manifest, not a
 * directory — is {@link Kind#CHANGED}, with the differences named. Links are never followed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param directory   the project's output directory
 * @param kind        what it holds
 * @param publishedBy the build id its manifest names, or null when there is no readable manifest
 * @param differences what differs from what that build published, sorted; empty unless {@link Kind#CHANGED}
 */
public record PublishedOutput(Path directory, Kind kind, String publishedBy, List<String> differences) {

    /** Where a published project's manifest lives inside it. */
    public static final String METADATA = ".factory/metadata.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an output directory holds. */
    public enum Kind {
        /** Nothing is there: publishing creates it. */
        ABSENT,
        /** Exactly what an earlier build published: publishing may replace it. */
        PUBLISHED,
        /** Anything else: never replaced without the user's say. */
        CHANGED
    }

    /** @throws NullPointerException if a component other than publishedBy is null */
    public PublishedOutput {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(kind, "kind");
        differences = List.copyOf(differences);
    }

    /**
     * Reads an output directory.
     *
     * @param directory the project's output directory
     * @return what it holds
     * @throws FactoryException when it exists but cannot be read
     */
    public static PublishedOutput inspect(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return new PublishedOutput(directory, Kind.ABSENT, null, List.of());
        }
        if (Files.isSymbolicLink(directory)) {
            return changed(directory, null, List.of("it is a symbolic link, not a directory"));
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return changed(directory, null, List.of("it is a file, not a directory"));
        }
        try {
            return compare(directory);
        } catch (IOException e) {
            throw new FactoryException("Could not read the output directory '" + directory + "' to check what it "
                    + "holds before replacing it: " + e + "; nothing in it was touched", e, ErrorContext.NONE,
                    List.of("fix the permissions of '" + directory + "'", "choose another output directory"));
        }
    }

    /**
     * @param other what the same directory held earlier
     * @return whether it holds the same: both absent, or both the unchanged output of the same build
     */
    public boolean sameAs(PublishedOutput other) {
        return kind == other.kind && kind != Kind.CHANGED && Objects.equals(publishedBy, other.publishedBy);
    }

    private static PublishedOutput compare(Path directory) throws IOException {
        Map<String, BasicFileAttributes> present = new TreeMap<>();
        Set<String> directories = new TreeSet<>();
        List<String> differences = new ArrayList<>();
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(directory)) {
                    directories.add(relative(directory, dir));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String path = relative(directory, file);
                if (attrs.isRegularFile()) {
                    present.put(path, attrs);
                } else {
                    differences.add("not a regular file: " + path);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        BasicFileAttributes manifest = present.remove(METADATA);
        if (manifest == null) {
            differences.add("no " + METADATA + ": not published by The Factory");
            present.keySet().stream().limit(20).forEach(p -> differences.add("not published: " + p));
            return changed(directory, null, differences);
        }
        JsonNode root;
        try {
            root = JSON.readTree(ProjectFiles.read(directory.resolve(METADATA)));
        } catch (IOException e) {
            differences.add(METADATA + " cannot be read (" + e.getMessage() + ")");
            return changed(directory, null, differences);
        }
        String buildId = root.path("buildId").isTextual() ? root.path("buildId").asText() : null;
        JsonNode files = root.path("files");
        if (buildId == null || !files.isArray()) {
            differences.add(METADATA + " names no build or lists no files");
            return changed(directory, buildId, differences);
        }
        Set<String> listedDirectories = new TreeSet<>(List.of(".factory"));
        for (JsonNode entry : files) {
            String path = entry.path("path").asText("");
            BasicFileAttributes attrs = present.remove(path);
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                listedDirectories.add(path.substring(0, slash));
            }
            if (attrs == null) {
                differences.add("removed: " + path);
            } else if (attrs.size() != entry.path("size").asLong(-1)
                    || !Sha256.hex(directory.resolve(path)).equals(entry.path("sha256").asText())) {
                differences.add("changed: " + path);
            }
        }
        present.keySet().forEach(path -> differences.add("added: " + path));
        for (String dir : directories) {
            boolean named = present.keySet().stream().anyMatch(path -> path.startsWith(dir + "/"));
            if (!listedDirectories.contains(dir) && !named) {
                differences.add("added: " + dir + "/"); // an empty directory, or one holding only directories
            }
        }
        if (differences.isEmpty()) {
            return new PublishedOutput(directory, Kind.PUBLISHED, buildId, List.of());
        }
        return changed(directory, buildId, differences);
    }

    private static PublishedOutput changed(Path directory, String buildId, List<String> differences) {
        List<String> sorted = new ArrayList<>(differences);
        sorted.sort(null);
        return new PublishedOutput(directory, Kind.CHANGED, buildId, sorted);
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    }
}

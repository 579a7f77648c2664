package dev.thefactory.internal.output.testrun;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Files the script-language runners share: their runner scripts, their temporary directory, what counts as source. */
final class Scripts {

    /** Directories whose files are never the project's own tests. */
    static final Set<String> SKIPPED_DIRECTORIES = Set.of("node_modules", "__pycache__", "venv", "vendor",
            "site-packages", "testdata", "target", "build", "dist");

    private Scripts() {
    }

    /**
     * @param path a project file, relative and {@code /}-separated
     * @return false when it lies under a hidden or {@linkplain #SKIPPED_DIRECTORIES skipped} directory
     */
    static boolean isProjectSource(String path) {
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].startsWith(".") || SKIPPED_DIRECTORIES.contains(parts[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Copies a script shipped next to this class into a directory.
     *
     * @param name the script's file name
     * @param dir  where to put it
     * @return the copy
     * @throws IOException when it is missing or cannot be written
     */
    static Path copy(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = Scripts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is missing from the factory's class path next to "
                        + Scripts.class.getName());
            }
            Files.copy(in, target);
        }
        return target;
    }

    /**
     * @param work a workspace
     * @return a temporary directory for the tests, inside the scratch directory
     * @throws IOException when it cannot be made
     */
    static Path tmp(LanguageRunner.Workspace work) throws IOException {
        return Files.createDirectories(work.scratch().resolve("tmp"));
    }
}

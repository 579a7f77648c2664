package dev.thefactory.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that the directories a command writes to can be written, by writing: a permission bit can say yes on a
 * read-only file system, and a process running as root passes every permission check. Stateless.
 */
final class Directories {

    private Directories() {
    }

    /**
     * What a check found. Immutable.
     *
     * @param path     the directory, absolute and normalized
     * @param exists   whether it exists now
     * @param writable whether a file could be written in it (or, when it does not exist, in the ancestor it would
     *                 be created in)
     * @param detail   a sentence for people
     */
    record Check(Path path, boolean exists, boolean writable, String detail) {
    }

    /**
     * Checks a directory without creating it: when it is missing, checks that its nearest existing ancestor is a
     * writable directory, so that it could be created.
     *
     * @param directory the directory
     * @return what was found
     */
    static Check check(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        if (Files.isDirectory(dir)) {
            String problem = probe(dir);
            return new Check(dir, true, problem == null, problem == null ? "writable" : problem);
        }
        if (Files.exists(dir)) {
            return new Check(dir, true, false, "exists but is not a directory");
        }
        Path ancestor = dir.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null) {
            return new Check(dir, false, false, "does not exist and has no existing ancestor");
        }
        if (!Files.isDirectory(ancestor)) {
            return new Check(dir, false, false, "cannot be created: " + ancestor + " is not a directory");
        }
        String problem = probe(ancestor);
        return problem == null
                ? new Check(dir, false, true, "does not exist yet; will be created in " + ancestor)
                : new Check(dir, false, false, "cannot be created in " + ancestor + ": " + problem);
    }

    /**
     * Creates a directory (with its parents) when missing and checks that it can be written.
     *
     * @param option    the option that named it, for the message
     * @param directory the directory
     * @return the directory, absolute and normalized
     * @throws UnusableDirectoryException when it cannot be created or written
     */
    static Path requireWritable(String option, Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UnusableDirectoryException(option, dir, "it cannot be created (" + describe(e) + ")", e);
        }
        String problem = probe(dir);
        if (problem != null) {
            throw new UnusableDirectoryException(option, dir, problem, null);
        }
        return dir;
    }

    /**
     * Checks an output directory as {@link #requireWritable} does, but leaves a missing one for the build to create:
     * the build removes it again when it publishes nothing, so a failed build leaves no empty directory behind.
     *
     * @param option    the option that named it, for the message
     * @param directory the directory
     * @return the directory, absolute and normalized
     * @throws UnusableDirectoryException when it exists and cannot be written, or cannot be created
     */
    static Path requireUsable(String option, Path directory) {
        Check found = check(directory);
        if (!found.exists() && found.writable()) {
            return found.path();
        }
        return requireWritable(option, directory);
    }

    /** @return null when a file can be created and deleted in {@code dir}, else the reason it cannot */
    private static String probe(Path dir) {
        Path probe;
        try {
            probe = Files.createTempFile(dir, ".factory-write-check-", ".tmp");
        } catch (IOException e) {
            return "not writable (" + describe(e) + ")";
        }
        try {
            Files.delete(probe);
            return null;
        } catch (IOException e) {
            return "a file written there cannot be deleted (" + describe(e) + "): remove " + probe + " by hand";
        }
    }

    static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}

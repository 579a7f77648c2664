package dev.thefactory.examples.cli;

import dev.thefactory.api.FactoryException;
import java.nio.file.Path;
import java.util.List;

/**
 * A directory the CLI must write to (the state or the output directory) cannot be created or written. Exit code 3.
 * Immutable and thread-safe.
 */
final class UnusableDirectoryException extends FactoryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param option    the option that names the directory, e.g. {@code --state}
     * @param directory the directory
     * @param reason    why it cannot be used
     * @param cause     the I/O failure; may be null
     */
    UnusableDirectoryException(String option, Path directory, String reason, Throwable cause) {
        super(option + " directory " + directory + " cannot be used: " + reason, cause, ErrorContext.NONE,
                List.of("make " + directory + " a writable directory (check its permissions, free space and that no"
                        + " file is in the way)", "or pass another directory with " + option + " DIR"));
    }
}

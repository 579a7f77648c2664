package dev.thefactory.api;

import java.util.List;

/**
 * A generated path would leave the output root or is otherwise unsafe ({@code ..}, an absolute path, a drive
 * letter, NUL, a reserved device name, or a symbolic link on the way). Nothing is written for it.
 *
 * <p>Immutable and thread-safe.
 */
public class UnsafePathException extends FactoryException {

    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * @param path   the offending path as given (control characters are escaped in the message)
     * @param reason why it is refused
     */
    public UnsafePathException(String path, String reason) {
        super("Refused generated path '" + path.replace("\0", "\\0") + "': " + reason,
                List.of("generated paths must be relative, normalized and stay inside the output directory"));
        this.path = path;
    }

    /** @return the path as given */
    public String path() {
        return path;
    }
}

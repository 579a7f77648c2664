package dev.thefactory.temporal;

import dev.thefactory.api.FactoryException;
import java.util.List;

/**
 * The Temporal service could not be reached, or could not be started in process. An environment problem: nothing was
 * built.
 *
 * <p>Immutable and thread-safe.
 */
public class TemporalUnavailableException extends FactoryException {

    private static final long serialVersionUID = 1L;

    private final String target;

    /**
     * @param message what happened and the fix
     * @param cause   the underlying failure; may be null
     * @param target  the target that was tried ({@code HOST:PORT} or {@code in-process})
     */
    public TemporalUnavailableException(String message, Throwable cause, String target) {
        super(message, cause, ErrorContext.NONE, List.of("start a Temporal service at " + target
                + " (for example `temporal server start-dev`), or try a build without a server: "
                + "TemporalTarget.inProcess() (on the command line: factory build --engine temporal "
                + "--temporal-target in-process)"));
        this.target = target;
    }

    /** @return the target that was tried */
    public String target() {
        return target;
    }
}

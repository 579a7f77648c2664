package dev.thefactory.api;

import java.util.List;

/**
 * No orchestrator backend can serve the requested mode, e.g. {@link Mode#INTEGRATED} with no integrated backend
 * on the class path, or an explicitly requested backend id that is unknown or unhealthy. CLI exit code 3.
 *
 * <p>When a build throws it: once the build has started (it has a build id, and listeners saw its {@code BuildStarted}
 * and {@code BuildFinished} events) and the providers' health checks have run, but before any task: nothing was
 * generated, staged or published. {@link #lookedFor()} says what was considered.
 *
 * <p>Immutable and thread-safe.
 */
public class BackendUnavailableException extends FactoryException {

    private static final long serialVersionUID = 1L;

    private final List<String> lookedFor;

    /**
     * @param message         what was asked for and why it cannot be served
     * @param lookedFor       what was looked for and what was found, one entry each (e.g. a provider and why it
     *                        was skipped)
     * @param recoveryOptions what to do, e.g. add a backend jar or choose another mode
     */
    public BackendUnavailableException(String message, List<String> lookedFor, List<String> recoveryOptions) {
        super(message, null, ErrorContext.NONE, recoveryOptions);
        this.lookedFor = List.copyOf(lookedFor);
    }

    /** @return what was looked for and found, one entry each */
    public List<String> lookedFor() {
        return lookedFor;
    }
}

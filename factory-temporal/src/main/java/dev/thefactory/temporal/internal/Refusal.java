package dev.thefactory.temporal.internal;

import dev.thefactory.api.BackendUnavailableException;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.OutputConflictException;
import java.nio.file.Path;
import java.util.List;

/**
 * A build refused by the core on a worker (an output conflict, no usable backend), as the details of the workflow's
 * failure: enough to make the same typed exception again on the client, so callers (and the command line's exit
 * codes) see what a local build throws.
 *
 * @param type        the exception's class name
 * @param message     its message
 * @param buildId     the build
 * @param recovery    its recovery options
 * @param directory   the conflicting output directory, or null
 * @param differences the conflict's differences, or null
 * @param staged      where the validated project is kept after a conflict at publish time, or null
 * @param lookedFor   the backends looked for, or null
 */
public record Refusal(String type, String message, String buildId, List<String> recovery, String directory,
        List<String> differences, String staged, List<String> lookedFor) {

    /**
     * @param refusal what the core threw
     * @param buildId the build
     * @param staged  where the validated project is kept (at publish time), or null
     * @return its description
     */
    public static Refusal of(FactoryException refusal, String buildId, Path staged) {
        if (refusal instanceof OutputConflictException conflict) {
            return new Refusal(conflict.getClass().getName(), conflict.getMessage(), buildId,
                    conflict.recoveryOptions(), conflict.directory().toString(), conflict.differences(),
                    staged == null ? null : staged.toString(), null);
        }
        if (refusal instanceof BackendUnavailableException unavailable) {
            return new Refusal(unavailable.getClass().getName(), unavailable.getMessage(), buildId,
                    unavailable.recoveryOptions(), null, null, null, unavailable.lookedFor());
        }
        return new Refusal(refusal.getClass().getName(), refusal.getMessage(), buildId, refusal.recoveryOptions(),
                null, null, null, null);
    }

    /**
     * @return the exception the core threw, made again: an {@link OutputConflictException}, a
     *         {@link BackendUnavailableException}, or a {@link FactoryException} with the same message
     */
    public FactoryException exception() {
        if (OutputConflictException.class.getName().equals(type) && directory != null && differences != null
                && !differences.isEmpty()) {
            return new OutputConflictException(Path.of(directory), buildId, differences,
                    staged == null ? null : Path.of(staged));
        }
        if (BackendUnavailableException.class.getName().equals(type)) {
            return new BackendUnavailableException(message, lookedFor == null ? List.of() : lookedFor,
                    recovery == null ? List.of() : recovery);
        }
        return new FactoryException(message, null, FactoryException.ErrorContext.ofBuild(buildId),
                recovery == null ? List.of() : recovery);
    }
}

package dev.thefactory.internal.engine;

import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Phase;
import java.util.List;
import java.util.Objects;

/**
 * The build must stop now, without trying another backend: the watchdog saw no progress, the build deadline passed, a
 * checkpoint could not be saved, publishing failed, or the build was interrupted. Internal; never leaves the engine.
 */
final class BuildAbort extends Exception {

    private static final long serialVersionUID = 1L;

    private final BuildStatus status;
    private final Phase phase;
    private final String backend;
    private final transient List<String> recoveryOptions;
    private final boolean keepStaging;

    /**
     * @param status          {@link BuildStatus#FAILED} or {@link BuildStatus#INTERRUPTED}
     * @param phase           the phase it happened in
     * @param backend         the backend running then, or {@code core}
     * @param message         what happened
     * @param cause           the underlying failure, or null
     * @param recoveryOptions what to do next
     */
    BuildAbort(BuildStatus status, Phase phase, String backend, String message, Throwable cause,
            List<String> recoveryOptions) {
        this(status, phase, backend, message, cause, recoveryOptions, status == BuildStatus.INTERRUPTED);
    }

    /**
     * @param status          {@link BuildStatus#FAILED} or {@link BuildStatus#INTERRUPTED}
     * @param phase           the phase it happened in
     * @param backend         the backend running then, or {@code core}
     * @param message         what happened
     * @param cause           the underlying failure, or null
     * @param recoveryOptions what to do next
     * @param keepStaging     whether the staging area must be kept (it holds work a person may still need)
     */
    BuildAbort(BuildStatus status, Phase phase, String backend, String message, Throwable cause,
            List<String> recoveryOptions, boolean keepStaging) {
        super(message, cause);
        this.keepStaging = keepStaging;
        this.status = Objects.requireNonNull(status, "status");
        this.phase = Objects.requireNonNull(phase, "phase");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.recoveryOptions = List.copyOf(recoveryOptions);
    }

    BuildStatus status() {
        return status;
    }

    Phase phase() {
        return phase;
    }

    String backend() {
        return backend;
    }

    List<String> recoveryOptions() {
        return recoveryOptions;
    }

    boolean keepStaging() {
        return keepStaging;
    }

    /**
     * @param buildId the build
     * @return the recovery option that resumes the build
     */
    static String resumeHint(String buildId) {
        return "resume it with Factory.resume(repository, \"" + buildId + "\")";
    }

    /**
     * Stops the build before a phase when the calling thread was interrupted.
     *
     * @param buildId the build
     * @param phase   the phase about to start
     * @param backend the backend it would run on
     * @throws BuildAbort when the thread's interrupt flag is set
     */
    static void ifInterrupted(String buildId, Phase phase, String backend) throws BuildAbort {
        if (Thread.currentThread().isInterrupted()) {
            throw new BuildAbort(BuildStatus.INTERRUPTED, phase, backend, "Build " + buildId + " was interrupted "
                    + "before phase " + phase, null, List.of(resumeHint(buildId) + "; finished work was checkpointed"));
        }
    }
}

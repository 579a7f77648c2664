package dev.thefactory.internal.engine;

import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.FactoryException.ErrorContext;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.RequirementOutcome;
import dev.thefactory.api.RequirementsNotMetException;
import dev.thefactory.internal.coverage.UnmetRequirements;
import dev.thefactory.internal.coverage.VerifiedLedger;
import dev.thefactory.internal.output.StagingArea;
import dev.thefactory.internal.resilience.TaskFailureException;
import dev.thefactory.internal.util.PublicCauses;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a build that did not publish: turns how it ended — every backend of the cascade failed, none met the feature
 * requirement, or it was stopped (interrupted, cancelled, past its deadline, a checkpoint or the publishing failed) —
 * into the exception its caller gets, with the result from the run's ledger, the recovery options and the staging
 * area's fate (deleted after a failure; kept after an interruption or when it holds work a person may still need).
 * A build that stopped before its first checkpoint says to start it again, since there is nothing to resume.
 *
 * <p>Used by the build thread only.
 */
final class BuildFailures {

    private static final Logger LOG = LoggerFactory.getLogger(BuildFailures.class);

    private final BuildRecord record;
    private final EngineConfig config;
    private final boolean resumed;
    private final String buildId;

    /**
     * @param record  the run's ledger
     * @param config  the build's configuration
     * @param resumed whether the run resumes the build from a checkpoint
     */
    BuildFailures(BuildRecord record, EngineConfig config, boolean resumed) {
        this.record = Objects.requireNonNull(record, "record");
        this.config = Objects.requireNonNull(config, "config");
        this.resumed = resumed;
        this.buildId = record.buildId();
    }

    /**
     * @param last    the last backend's failure
     * @param staging the staging area, deleted; null when it was never opened
     * @return the failure of a build whose every backend failed
     */
    BuildFailedException exhausted(PhaseFailure last, StagingArea staging) {
        if (!record.refusedLedgers.isEmpty()) {
            return requirementsNotMet(staging);
        }
        int staged = stagedFiles(staging);
        List<Throwable> cleanupFailures = new ArrayList<>();
        deleteStaging(staging, cleanupFailures);
        BuildResult result = record.result(BuildStatus.FAILED, null, staged);
        List<String> recovery = new ArrayList<>();
        recovery.add("read the failure of each backend above and fix what it names (the backend, or the spec feature "
                + "it could not handle)");
        if (last.getCause() instanceof TaskFailureException taskFailure && taskFailure.isTransient()) {
            recovery.add("run the build again: the last failure was transient (I/O or a timeout) and may not recur");
        }
        if (config.mode() != Mode.MINIMAL) {
            recovery.add("use --mode minimal (Mode.MINIMAL) for a small but valid project"
                    + (config.requireFeatures() == FeatureRequirement.NONE ? ""
                            : ", with FeatureRequirement.NONE: the minimal backend implements no feature of the spec"));
        }
        if (!config.faults().isNone()) {
            recovery.add("the build ran with fault injection (" + config.faults().toSpec() + "); run it without "
                    + "--faults");
        }
        recovery.add("after fixing the cause, " + BuildAbort.resumeHint(buildId) + ": it continues from the last "
                + "checkpoint");
        String message = "Build " + buildId + " failed: every backend of the cascade failed (tried "
                + String.join(", ", record.backendsTried) + "); nothing was published.\n  "
                + String.join("\n  ", record.backendFailures);
        Throwable cause = PublicCauses.of(last.getCause());
        BuildFailedException failure = new BuildFailedException(message, cause,
                new ErrorContext(buildId, last.phase(), last.taskId(), last.backend()), result, record.attemptsPerTask,
                record.backendsTried, recovery);
        cleanupFailures.forEach(failure::addSuppressed);
        LOG.warn("[build {}] {}", buildId, message);
        record.finish(BuildStatus.FAILED, null);
        return failure;
    }

    /** The cascade is exhausted and at least one backend's output was refused by the feature requirement. */
    private RequirementsNotMetException requirementsNotMet(StagingArea staging) {
        int staged = stagedFiles(staging);
        List<Throwable> cleanupFailures = new ArrayList<>();
        deleteStaging(staging, cleanupFailures);
        BuildResult result = record.result(BuildStatus.FAILED, null, staged);
        VerifiedLedger best = UnmetRequirements.best(record.refusedLedgers);
        List<RequirementOutcome> unmet = best.coverage().unmet(config.requireFeatures());
        String message = "Build " + buildId + " failed: no backend of the cascade (tried "
                + String.join(", ", record.backendsTried) + ") implemented every requirement the feature requirement "
                + config.requireFeatures() + " needs; nothing was published. Backend '" + best.backend()
                + "' implemented most (" + best.coverage().implemented() + " of "
                + best.coverage().requirements().size() + " requirements); not implemented:\n  "
                + UnmetRequirements.lines(unmet)
                + "\nPer backend:\n  " + String.join("\n  ", record.backendFailures.stream()
                        .map(FailureHeadline::of).toList());
        RequirementsNotMetException failure = new RequirementsNotMetException(message,
                new ErrorContext(buildId, Phase.VALIDATE_OUTPUT, null, best.backend()), result,
                config.requireFeatures(), unmet, record.backendsTried,
                UnmetRequirements.recoveryOptions(config.generatedTests().enabled(), unmet));
        cleanupFailures.forEach(failure::addSuppressed);
        LOG.warn("[build {}] {}", buildId, message);
        record.finish(BuildStatus.FAILED, null);
        return failure;
    }

    /**
     * @param abort      why the build stopped
     * @param staging    the staging area, or null when it was never opened
     * @param stopReason why the build was stopped through its handle (cancel, deadline), or null
     * @return the failure of a build that stopped without trying another backend; an interrupted one leaves the
     *         thread's interrupt flag set
     */
    BuildFailedException aborted(BuildAbort abort, StagingArea staging, String stopReason) {
        BuildStatus status = abort.status() == BuildStatus.FAILED && interruption(abort)
                ? BuildStatus.INTERRUPTED : abort.status();
        String phaseBackend = record.phaseBackend(abort.phase());
        if (phaseBackend != null && status == BuildStatus.INTERRUPTED) {
            // stopped, not failed: no PhaseFailed; the phase's observation ends cancelled with the build
            record.interruptPhase(abort.phase(), phaseBackend);
        } else if (phaseBackend != null) {
            record.failPhase(abort.phase(), phaseBackend);
            record.events().phaseFailed(abort.phase(), phaseBackend, abort.getMessage());
        }
        int staged = stagedFiles(staging);
        List<Throwable> cleanupFailures = new ArrayList<>();
        if (!abort.keepStaging() && status != BuildStatus.INTERRUPTED) {
            deleteStaging(staging, cleanupFailures);
        }
        List<String> recovery = new ArrayList<>(abort.recoveryOptions());
        if (!resumed && record.nothingCheckpointed()) {
            // stopped before its first checkpoint: the repository holds nothing of it, so there is nothing to resume
            recovery.removeIf(o -> o.contains("Factory.resume("));
            recovery.add(0, "start the build again: it stopped before its first checkpoint, so there is nothing to "
                    + "resume");
        } else if (recovery.stream().noneMatch(o -> o.contains("Factory.resume("))) {
            if (status == BuildStatus.INTERRUPTED) {
                recovery.add(0, BuildAbort.resumeHint(buildId) + "; finished work was checkpointed");
            } else {
                recovery.add("after fixing the cause, " + BuildAbort.resumeHint(buildId) + ": it continues from the "
                        + "last checkpoint");
            }
        }
        BuildResult result = record.result(status, null, staged);
        String message = status == BuildStatus.INTERRUPTED
                ? abort.getMessage() + (stopReason == null ? "" : " because " + stopReason) + "; nothing was published"
                        + (staging == null ? "" : " and the staged files were kept at '" + staging.root() + "'")
                : "Build " + buildId + " failed: " + abort.getMessage() + "; nothing was published";
        BuildFailedException failure = new BuildFailedException(message, PublicCauses.of(abort.getCause()),
                new ErrorContext(buildId, abort.phase(), null, abort.backend()), result, record.attemptsPerTask,
                record.backendsTried, recovery);
        cleanupFailures.forEach(failure::addSuppressed);
        LOG.warn("[build {}] {}", buildId, message);
        record.finish(status, null);
        if (status == BuildStatus.INTERRUPTED) {
            Thread.currentThread().interrupt();
        }
        return failure;
    }

    /** @return whether the abort was caused by an interrupt (e.g. a checkpoint write cut short by Ctrl-C) */
    private static boolean interruption(BuildAbort abort) {
        return Thread.currentThread().isInterrupted() || ChainReactor.interruption(abort.getCause());
    }

    private int stagedFiles(StagingArea staging) {
        if (staging == null) {
            return 0;
        }
        try {
            return staging.files().size();
        } catch (RuntimeException e) {
            LOG.warn("[build {}] could not count the staged files", buildId, e);
            return 0;
        }
    }

    /**
     * Deletes the staging area after an unexpected failure, attaching what went wrong to it.
     *
     * @param staging the staging area, or null when it was never opened
     * @param failure the unexpected failure
     */
    void deleteStaging(StagingArea staging, Throwable failure) {
        List<Throwable> problems = new ArrayList<>();
        deleteStaging(staging, problems);
        problems.forEach(failure::addSuppressed);
    }

    private void deleteStaging(StagingArea staging, List<Throwable> problems) {
        if (staging == null) {
            return;
        }
        try {
            staging.delete();
        } catch (RuntimeException e) {
            LOG.warn("[build {}] could not delete the staging area {}", buildId, staging.root(), e);
            problems.add(e);
        }
    }
}

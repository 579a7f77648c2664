package dev.thefactory.internal.engine;

import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Coverage;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.FactoryException.ErrorContext;
import dev.thefactory.api.FallbackRecord;
import dev.thefactory.api.OutputValidationException;
import dev.thefactory.api.Phase;
import dev.thefactory.api.RequirementOutcome;
import dev.thefactory.internal.backend.BackendCandidate;
import dev.thefactory.internal.backend.BackendCascade;
import dev.thefactory.internal.coverage.UnmetRequirements;
import dev.thefactory.internal.coverage.VerifiedLedger;
import dev.thefactory.internal.engine.BuildState.TaskRecord;
import dev.thefactory.internal.output.OutputValidation;
import dev.thefactory.internal.output.StagingArea;
import dev.thefactory.internal.output.ValidationReport;
import dev.thefactory.internal.plan.BuildPlan;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.OrchestratorBackend;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries the backends of the cascade in order until one's output passes validation and meets the feature requirement:
 * each backend runs {@code ANALYZE} to {@code GENERATE} with the {@link ChainReactor} (phases the resume verifier says
 * its checkpoints cover are skipped), then the core validates the staged output with the repair rounds the backend
 * supports and verifies the requirement claims of its tasks. A backend that fails a phase — its tasks failed after
 * their retries, its circuit is open, its output failed validation or did not meet the feature requirement — is
 * recorded (the attempts per task, the failed phase, why) and the cascade falls back to the next one: the staging
 * area is cleared and the run starts again at {@code ANALYZE}, so one backend's facts and files are never mixed with
 * another's. An interruption is never a reason to fall back: it stops the build with what is finished kept.
 *
 * <p>Used once, by the build thread.
 */
final class CascadeDriver {

    private static final Logger LOG = LoggerFactory.getLogger(CascadeDriver.class);
    private static final List<Phase> BACKEND_PHASES = List.of(Phase.ANALYZE, Phase.DESIGN, Phase.STRUCTURE,
            Phase.GENERATE);
    private static final int MAX_REASON_LENGTH = 500;

    private final ReactorServices services;
    private final BuildRecord record;
    private final ResumeVerifier resume;
    private final EngineConfig config;
    private final EngineHooks hooks;
    private final OutputValidation validation;
    private final String buildId;

    /**
     * @param services   what the chain reactor of the build uses
     * @param record     the run's ledger
     * @param resume     what the build takes over from its checkpoints
     * @param config     the build's configuration
     * @param hooks      the engine's hooks (validation reports)
     * @param validation the output validation of {@code VALIDATE_OUTPUT}
     */
    CascadeDriver(ReactorServices services, BuildRecord record, ResumeVerifier resume, EngineConfig config,
            EngineHooks hooks, OutputValidation validation) {
        this.services = Objects.requireNonNull(services, "services");
        this.record = Objects.requireNonNull(record, "record");
        this.resume = Objects.requireNonNull(resume, "resume");
        this.config = Objects.requireNonNull(config, "config");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.validation = Objects.requireNonNull(validation, "validation");
        this.buildId = services.buildId();
    }

    /**
     * Runs the cascade from the backend the resume verifier picks (the first for a fresh build).
     *
     * @param cascade the backends to try, in order
     * @return null when a backend succeeded, else the last backend's failure
     * @throws BuildAbort when the build must stop without trying another backend
     */
    PhaseFailure run(BackendCascade cascade) throws BuildAbort {
        List<BackendCandidate> backends = cascade.backends();
        for (int i = resume.start(cascade, services.staging()); i < backends.size(); i++) {
            BackendCandidate candidate = backends.get(i);
            record.onBackend(candidate.id());
            try {
                runBackend(candidate);
                return null;
            } catch (PhaseFailure failure) {
                if (Thread.currentThread().isInterrupted() || ChainReactor.interruption(failure.getCause())) {
                    // Not the backend's fault: stop with what is finished kept, never fall back. The cause is the
                    // interruption itself, not what it cut short (e.g. a validation that could not finish).
                    String where = failure.phase() == Phase.VALIDATE_OUTPUT
                            ? " (run by the core on the output of backend '" + failure.backend() + "')"
                            : " on backend '" + failure.backend() + "'";
                    throw new BuildAbort(BuildStatus.INTERRUPTED, failure.phase(), failure.backend(), "Build "
                            + buildId + " was interrupted in phase " + failure.phase() + where,
                            interruptionIn(failure), List.of());
                }
                failure.attempts().forEach((task, attempts) -> record.attemptsPerTask
                        .computeIfAbsent(task, t -> new TreeMap<>()).put(failure.backend(), attempts));
                String phaseBackend = failure.phase() == Phase.VALIDATE_OUTPUT ? BuildRecord.CORE : failure.backend();
                record.failPhase(failure.phase(), phaseBackend);
                services.events().phaseFailed(failure.phase(), phaseBackend, failure.getMessage());
                record.backendFailures.add("backend '" + failure.backend() + "' failed in phase " + failure.phase()
                        + ": " + failure.getMessage());
                if (i + 1 == backends.size()) {
                    return failure;
                }
                fallBack(failure, backends.get(i + 1));
            }
        }
        throw new IllegalStateException("the cascade is never empty");
    }

    /**
     * @param failure a phase failure caused by a stop
     * @return the interruption in its causes, or a new {@link InterruptedException} (with the failure suppressed)
     *         when only the thread's flag tells of it
     */
    static Throwable interruptionIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.nio.channels.ClosedByInterruptException
                    || t instanceof java.io.InterruptedIOException) {
                return t;
            }
        }
        InterruptedException interrupted = new InterruptedException("the build's thread was interrupted");
        interrupted.addSuppressed(failure);
        return interrupted;
    }

    private void fallBack(PhaseFailure failure, BackendCandidate next) throws BuildAbort {
        String reason = (failure.circuitOpen() ? "the circuit of backend '" + failure.backend() + "' is open: " : "")
                + sentence(failure.getMessage());
        record.fallbacks.add(new FallbackRecord(failure.phase(), failure.backend(), next.id(), reason));
        LOG.warn("[build {}] falling back from backend {} to {} after phase {} failed: {}", buildId,
                failure.backend(), next.id(), failure.phase(), reason);
        services.events().fallbackTriggered(failure.phase(), failure.backend(), next.id(), reason);
        clearStaging(services.staging(), failure.phase(), next.id());
        record.restartBackendPhases();
        resume.discard();
        // The state is back to "spec validated", now on the next backend: a resume after a crash continues there.
        record.saveState(Phase.VALIDATE_SPEC, next.id(), failure.phase());
    }

    private void runBackend(BackendCandidate candidate) throws PhaseFailure, BuildAbort {
        String id = candidate.id();
        OrchestratorBackend backend = create(candidate);
        BuildPlan plan = record.plan();
        try {
            ChainReactor reactor = new ChainReactor(services, backend, id, record::taskFinished);
            for (Phase phase : BACKEND_PHASES) {
                BuildAbort.ifInterrupted(buildId, phase, id);
                boolean skip = resume.covers(phase, plan);
                if (!skip) {
                    record.startPhase(phase, id);
                }
                PhaseOutput output = reactor.runPhase(phase, plan.tasks(phase), record.facts, resume.reusable(phase));
                record.facts.putAll(output.facts());
                record.planned.addAll(output.plannedFiles());
                record.taskNotes.addAll(output.notes());
                record.notes.addAll(output.resumeNotes());
                record.tasksTakenOver(output.reusedTasks());
                if (skip && output.ranTasks() == 0) {
                    record.skipPhase(phase, id, 0, output.reusedTasks() + " task(s) finished before the resume were "
                            + "taken over after their staged files matched their checkpoints");
                } else {
                    if (skip) {
                        record.startPhase(phase, id);
                    }
                    record.completePhase(phase, id, 0);
                }
            }
            resume.discard();
            BuildAbort.ifInterrupted(buildId, Phase.VALIDATE_OUTPUT, BuildRecord.CORE);
            validateOutput(id, reactor.fileOwners(), new RepairRounds(services, backend, id, config.repairRounds(),
                    record.facts, reactor.fileOwners(), record.tasks,
                    () -> record.saveState(Phase.GENERATE, record.backend(), Phase.VALIDATE_OUTPUT),
                    record.repairRecords));
        } finally {
            try {
                // calls of tasks that returned no result: the backend cannot say in which phase, so they count in the
                // build's usage only
                record.usage.addToBuild(backend.usage());
            } catch (RuntimeException e) {
                LOG.warn("[build {}] backend {} threw from usage()", buildId, id, e);
            }
            try {
                backend.close();
            } catch (RuntimeException e) {
                LOG.warn("[build {}] backend {} threw from close(), which must not throw", buildId, id, e);
            }
        }
    }

    private OrchestratorBackend create(BackendCandidate candidate) throws PhaseFailure {
        String id = candidate.id();
        OrchestratorBackend backend;
        try {
            backend = candidate.provider().provider().create(new BackendContext(buildId, services.spec()));
        } catch (RuntimeException | LinkageError e) {
            throw new PhaseFailure(Phase.ANALYZE, id, null, "Backend '" + id + "' could not be created: "
                    + ChainReactor.describe(e), e, Map.of(), false);
        }
        if (backend == null) {
            throw new PhaseFailure(Phase.ANALYZE, id, null, "Backend provider '" + id + "' ("
                    + candidate.provider().className() + ") returned null from create(); it must return a backend",
                    null, Map.of(), false);
        }
        LOG.debug("[build {}] created backend {} ({})", buildId, id, backend.getClass().getName());
        return backend;
    }

    /**
     * Validates the backend's output, with the repair rounds the backend supports and the build allows between
     * validations (see {@link RepairRounds}).
     */
    private void validateOutput(String backendId, Map<String, String> owners, RepairRounds repairs)
            throws PhaseFailure, BuildAbort {
        record.startPhase(Phase.VALIDATE_OUTPUT, BuildRecord.CORE);
        OutputCheck.Checked checked;
        try {
            checked = repairs.validate(() -> validateOnce(backendId, owners));
        } finally {
            record.taskNotes.addAll(repairs.notes());
        }
        ValidationReport found = checked.report();
        record.report(found);
        List<String> problems = checked.problems();
        if (!problems.isEmpty()) {
            OutputValidationException invalid = new OutputValidationException(problems,
                    new ErrorContext(buildId, Phase.VALIDATE_OUTPUT, null, backendId));
            String after = repairs.rounds() == 0 ? "" : " after " + repairs.rounds() + " repair round"
                    + (repairs.rounds() == 1 ? "" : "s");
            throw new PhaseFailure(Phase.VALIDATE_OUTPUT, backendId, null, "The output of backend '" + backendId
                    + "' failed validation" + after + ": " + invalid.getMessage(), invalid, Map.of(), false);
        }
        LOG.info("[build {}] output of backend {} passed validation: {} checked, {} unchecked, {} failed", buildId,
                backendId, found.summary().checked(), found.summary().unchecked(), found.summary().failed());
        verifyClaims(backendId, found);
        record.completePhase(Phase.VALIDATE_OUTPUT, BuildRecord.CORE, BuildPlan.VALIDATE_OUTPUT_WEIGHT);
    }

    /** Validates the staged output once: the validators' problems, then the engine's own (unplanned files). */
    private OutputCheck.Checked validateOnce(String backendId, Map<String, String> owners) throws PhaseFailure {
        OutputCheck.Checked checked;
        try {
            checked = OutputCheck.validate(validation, hooks.reports(), services.staging(), record.planned,
                    config.generatedTests(), backendId, owners);
        } catch (FactoryException | java.io.UncheckedIOException e) {
            throw new PhaseFailure(Phase.VALIDATE_OUTPUT, backendId, null, "The output of backend '" + backendId
                    + "' could not be validated: " + e.getMessage(), e, Map.of(), false);
        }
        record.report(checked.report());
        if (Thread.currentThread().isInterrupted()) {
            // stopped while it validated: what the validation says of the output is not to be trusted or acted on
            throw new PhaseFailure(Phase.VALIDATE_OUTPUT, backendId, null, "The validation of the output of backend '"
                    + backendId + "' was interrupted", new InterruptedException("the build was stopped while it "
                    + "validated the output"), Map.of(), false);
        }
        return checked;
    }

    /**
     * Verifies the requirement claims of the backend's tasks against its validated output and applies the feature
     * requirement: a backend whose ledger does not meet it fails {@code VALIDATE_OUTPUT} (not transient, and not
     * the backend's circuit's business), so the cascade falls back.
     */
    private void verifyClaims(String backendId, ValidationReport found) throws PhaseFailure {
        VerifiedLedger verified = OutputCheck.verifyClaims(services.spec(), backendId, record.tasks.values(), found);
        for (String note : verified.notes()) {
            record.notes.add(note);
            LOG.warn("[build {}] {}", buildId, note);
            services.events().notice(Phase.VALIDATE_OUTPUT, note);
        }
        Coverage coverage = verified.coverage();
        LOG.info("[build {}] requirement ledger of backend {}: {} implemented, {} partial, {} not implemented",
                buildId, backendId, coverage.implemented(), coverage.partial(), coverage.notImplemented());
        List<RequirementOutcome> unmet = coverage.unmet(config.requireFeatures());
        if (!unmet.isEmpty()) {
            record.refusedLedgers.add(verified);
            throw new PhaseFailure(Phase.VALIDATE_OUTPUT, backendId, null,
                    UnmetRequirements.refusal(backendId, config.requireFeatures(), unmet), null, Map.of(), false);
        }
        record.accepted(verified);
    }

    /**
     * Empties the staging area before a backend runs from {@code ANALYZE}.
     *
     * @param staging the build's staging area
     * @param phase   the phase to name when it fails
     * @param backend the backend about to run
     * @throws BuildAbort when the staging area could not be cleared
     */
    static void clearStaging(StagingArea staging, Phase phase, String backend) throws BuildAbort {
        try {
            staging.clear();
        } catch (FactoryException e) {
            throw new BuildAbort(BuildStatus.FAILED, phase, BuildRecord.CORE, "Could not clear the staging area '"
                    + staging.root() + "' before running backend '" + backend + "': " + e.getMessage(), e,
                    List.of("check the permissions of the output directory, delete '" + staging.root()
                            + "' and run again"));
        }
    }

    private static String sentence(String message) {
        String first = FailureHeadline.of(message);
        return first.length() > MAX_REASON_LENGTH ? first.substring(0, MAX_REASON_LENGTH - 1) + "…" : first;
    }
}

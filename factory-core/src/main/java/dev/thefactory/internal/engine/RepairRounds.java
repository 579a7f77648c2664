package dev.thefactory.internal.engine;

import dev.thefactory.api.AgentException;
import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.Phase;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.RepairRecord;
import dev.thefactory.internal.engine.BuildState.FileRef;
import dev.thefactory.internal.engine.BuildState.TaskRecord;
import dev.thefactory.internal.output.SafePaths;
import dev.thefactory.internal.output.ValidationReport;
import dev.thefactory.internal.resilience.ResiliencePolicies;
import dev.thefactory.internal.resilience.TaskFailureException;
import dev.thefactory.spi.Agent;
import dev.thefactory.spi.AgentContext;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.GeneratedFile;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.RepairRequest;
import dev.thefactory.spi.RequirementClaim;
import dev.thefactory.spi.StandardTasks;
import dev.thefactory.spi.TaskResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The repair loop of {@code VALIDATE_OUTPUT} for one backend: validate; when the output failed, the backend
 * {@linkplain OrchestratorBackend#supportsRepair() supports repair}, rounds are left and something in the backend's
 * own files can be repaired (a failed content check, a failed generated test), hand the backend a
 * {@linkplain StandardTasks#REPAIR repair task} with the files and the diagnostics (through the same retry, circuit
 * breaker and timeout policies as every task), write the files it returns into the staging area (confined as for
 * {@code GENERATE}, and only over files the backend's tasks generated), update the owning tasks' checkpoint records
 * and save a checkpoint, and validate again. Every round is recorded ({@link RepairRecord}), announced
 * ({@code RepairRoundFinished}) and logged; its usage and its agent are counted like any task's.
 *
 * <p>Used by the build's thread only, once per backend run.
 */
final class RepairRounds {

    private static final Logger LOG = LoggerFactory.getLogger(RepairRounds.class);

    /** Validates the staged output once. */
    @FunctionalInterface
    interface Check {
        /**
         * @return the report and every problem (the report's and the engine's own)
         * @throws PhaseFailure when the output could not be validated at all
         */
        OutputCheck.Checked run() throws PhaseFailure;
    }

    /** Saves the build's state after a round replaced files. */
    @FunctionalInterface
    interface Saver {
        /** @throws BuildAbort when the checkpoint cannot be saved */
        void save() throws BuildAbort;
    }

    private final ReactorServices services;
    private final OrchestratorBackend backend;
    private final String backendId;
    private final int maxRounds;
    private final Map<String, String> facts;
    private final Map<String, String> owners;
    private final SortedMap<String, TaskRecord> tasks;
    private final Saver saver;
    private final List<RepairRecord> records;
    private final List<String> notes = new ArrayList<>();
    private int rounds;

    /**
     * @param services  the build's services (policies, staging area, events, counters)
     * @param backend   the backend whose output is validated
     * @param backendId its id
     * @param maxRounds the most rounds, 0 for none
     * @param facts     the facts the backend's tasks published, which a repair agent sees
     * @param owners    which task wrote each staged path
     * @param tasks     the build's task records, updated when a round replaces files of a task
     * @param saver     saves a checkpoint after a round replaced files
     * @param records   receives every round, in order
     */
    RepairRounds(ReactorServices services, OrchestratorBackend backend, String backendId, int maxRounds,
            Map<String, String> facts, Map<String, String> owners, SortedMap<String, TaskRecord> tasks, Saver saver,
            List<RepairRecord> records) {
        this.services = Objects.requireNonNull(services, "services");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.backendId = Objects.requireNonNull(backendId, "backendId");
        this.maxRounds = maxRounds;
        this.facts = Map.copyOf(facts);
        this.owners = Objects.requireNonNull(owners, "owners");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.saver = Objects.requireNonNull(saver, "saver");
        this.records = Objects.requireNonNull(records, "records");
    }

    /** @return the rounds this backend was given */
    int rounds() {
        return rounds;
    }

    /** @return what the repair tasks said the user should know */
    List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    /**
     * Validates, repairing between validations while rounds are left.
     *
     * @param check one validation
     * @return the last validation: passed, or failed with nothing (more) to repair or no rounds left
     * @throws PhaseFailure when validation could not run or a repair task failed (the round is recorded)
     * @throws BuildAbort   when a checkpoint could not be saved
     */
    OutputCheck.Checked validate(Check check) throws PhaseFailure, BuildAbort {
        OutputCheck.Checked checked = check.run();
        boolean repairs = maxRounds > 0 && supportsRepair();
        while (!checked.problems().isEmpty() && repairs && rounds < maxRounds) {
            RepairRequests.Built built = RepairRequests.build(rounds + 1, maxRounds, checked.report(),
                    checked.problems(), repairable(), services.staging().root());
            if (built == null) {
                LOG.info("[build {}] output of backend {} failed validation with nothing a repair could fix (no file "
                        + "of the backend failed a content check or a test)", services.buildId(), backendId);
                break;
            }
            rounds++;
            int replaced = repair(built);
            checked = check.run();
            RepairRecord record = new RepairRecord(rounds, backendId, built.diagnostics(), replaced,
                    checked.problems().size(), checked.problems().isEmpty()
                            ? RepairRecord.Outcome.REPAIRED : RepairRecord.Outcome.STILL_FAILING, "");
            finish(record);
        }
        return checked;
    }

    private boolean supportsRepair() {
        try {
            return backend.supportsRepair();
        } catch (RuntimeException e) {
            LOG.warn("[build {}] backend {} threw from supportsRepair(); it is not asked to repair", services.buildId(),
                    backendId, e);
            return false;
        }
    }

    /** @return the staged files the backend's own tasks generated */
    private Set<String> repairable() {
        Set<String> paths = new HashSet<>();
        owners.forEach((path, task) -> {
            TaskRecord record = tasks.get(task);
            if (record != null && record.backend().equals(backendId)) {
                paths.add(path);
            }
        });
        return paths;
    }

    /**
     * Runs one repair task and applies its files.
     *
     * @return how many files it replaced
     */
    private int repair(RepairRequests.Built built) throws PhaseFailure, BuildAbort {
        RepairRequest request = built.request();
        int round = request.round();
        AgentTask task = new AgentTask(StandardTasks.REPAIR + "/" + round, Phase.VALIDATE_OUTPUT, AgentRole.DEVELOPER,
                "Repair round " + round + " of " + maxRounds + ": " + built.diagnostics() + " diagnostic(s) in "
                        + request.files().size() + " file(s)", null, 0,
                Map.of(StandardTasks.PARAM_ROUND, Integer.toString(round)));
        LOG.info("[build {}] repair round {} of {} on backend {}: {} diagnostic(s), {} file(s): {}", services.buildId(),
                round, maxRounds, backendId, built.diagnostics(), request.files().size(),
                request.files().stream().map(GeneratedFile::path).toList());
        services.agentsSpawned().incrementAndGet();
        services.events().agentSpawned(Phase.VALIDATE_OUTPUT, task.id(), task.role(), null);
        services.watchdog().touch();
        long start = services.ticker().getAsLong();
        Applied applied;
        try {
            Applicable answer = services.policies().executeTask(backendId, Phase.VALIDATE_OUTPUT, task.id(),
                    () -> attempt(task, request));
            applied = apply(task, answer);
        } catch (TaskFailureException e) {
            Throwable last = e.getCause() == null ? e : e.getCause();
            String why = ChainReactor.describe(last);
            finish(new RepairRecord(round, backendId, built.diagnostics(), 0, -1, RepairRecord.Outcome.TASK_FAILED,
                    why));
            throw new PhaseFailure(Phase.VALIDATE_OUTPUT, backendId, task.id(), "The output of backend '" + backendId
                    + "' failed validation and its repair task '" + task.id() + "' failed: " + e.getMessage(), e,
                    Map.of(task.id(), e.attempts()), e.isCircuitOpen());
        }
        long millis = Math.max(0, TimeUnit.NANOSECONDS.toMillis(services.ticker().getAsLong() - start));
        services.events().taskCompleted(Phase.VALIDATE_OUTPUT, task.id(), millis, applied.files(), applied.usage());
        if (applied.files() > 0) {
            saver.save();
        }
        return applied.files();
    }

    private void finish(RepairRecord record) {
        records.add(record);
        services.events().repairRound(record, maxRounds);
        LOG.info("[build {}] repair round {} of {} on backend {} ended {}: {} diagnostic(s) before, {} file(s) "
                + "replaced, {} problem(s) after{}", services.buildId(), record.round(), maxRounds, backendId,
                record.outcome(), record.diagnostics(), record.files(), record.remaining(),
                record.detail().isEmpty() ? "" : " (" + record.detail() + ")");
    }

    /**
     * A repair answer that passed the checks of an attempt.
     *
     * @param result the agent's result
     * @param paths  the normalized path of each file, in the same order
     */
    private record Applicable(TaskResult result, List<String> paths) {
    }

    /** @param files how many files were written */
    private record Applied(int files, dev.thefactory.api.Usage usage) {
    }

    /** One attempt, on an attempt thread of the policies. */
    private Applicable attempt(AgentTask task, RepairRequest request) throws Exception {
        try {
            Agent agent = backend.agent(task);
            if (agent == null) {
                throw AgentException.permanentFailure("Backend '" + backendId + "' returned no agent for the repair "
                        + "task '" + task.id() + "'; a backend whose supportsRepair() is true must give one");
            }
            TaskResult result = agent.execute(task, new RepairContext(services.buildId(), services.spec(), facts,
                    request));
            if (result == null) {
                throw AgentException.permanentFailure("The agent of backend '" + backendId + "' returned no result "
                        + "for the repair task '" + task.id() + "'; an agent must return a TaskResult");
            }
            return check(task, result);
        } catch (Exception e) {
            services.events().taskFailed(Phase.VALIDATE_OUTPUT, task.id(), ChainReactor.describe(e),
                    ResiliencePolicies.willRetry(e));
            throw e;
        }
    }

    private Applicable check(AgentTask task, TaskResult result) {
        if (!result.children().isEmpty()) {
            throw AgentException.permanentFailure("The repair task '" + task.id() + "' asked to spawn "
                    + result.children().size() + " children; a repair task may not spawn any");
        }
        Set<String> allowed = repairable();
        Set<String> seen = new HashSet<>();
        List<String> paths = new ArrayList<>();
        for (GeneratedFile file : result.files()) {
            String path = SafePaths.normalize(file.path());
            if (!seen.add(path)) {
                throw AgentException.permanentFailure("The repair task '" + task.id() + "' returned the file '" + path
                        + "' twice; each file must appear once in a result");
            }
            if (!allowed.contains(path)) {
                throw AgentException.permanentFailure("The repair task '" + task.id() + "' returned '" + path
                        + "', which is not a file backend '" + backendId + "' generated; a repair may only replace "
                        + "the project's generated files");
            }
            paths.add(path);
        }
        return new Applicable(result, paths);
    }

    /** Writes the files (on the build's thread), updates the owning task records and the claims. */
    private Applied apply(AgentTask task, Applicable answer) throws PhaseFailure, BuildAbort {
        TaskResult result = answer.result();
        services.usage().add(Phase.VALIDATE_OUTPUT, result.usage());
        Map<String, List<FileRef>> changed = new LinkedHashMap<>();
        List<GeneratedFile> files = result.files();
        for (int i = 0; i < files.size(); i++) {
            String path = answer.paths().get(i);
            byte[] content = files.get(i).bytes();
            String sha256;
            try {
                sha256 = services.staging().write(path, content);
            } catch (FactoryException e) {
                if (Thread.currentThread().isInterrupted() || ChainReactor.interruption(e)) {
                    throw new BuildAbort(BuildStatus.INTERRUPTED, Phase.VALIDATE_OUTPUT, backendId, "Build "
                            + services.buildId() + " was interrupted while it staged '" + path + "' of the repair "
                            + "task '" + task.id() + "'", e, List.of());
                }
                throw new PhaseFailure(Phase.VALIDATE_OUTPUT, backendId, task.id(), "The repair task '" + task.id()
                        + "' on backend '" + backendId + "' produced '" + path + "', which could not be staged: "
                        + e.getMessage(), e, Map.of(task.id(), 1), false);
            }
            changed.computeIfAbsent(owners.get(path), t -> new ArrayList<>())
                    .add(new FileRef(path, content.length, sha256));
        }
        for (Map.Entry<String, List<FileRef>> entry : changed.entrySet()) {
            TaskRecord old = tasks.get(entry.getKey());
            Map<String, FileRef> byPath = new TreeMap<>();
            old.files().forEach(f -> byPath.put(f.path(), f));
            entry.getValue().forEach(f -> byPath.put(f.path(), f));
            tasks.put(old.id(), withFiles(old, new ArrayList<>(byPath.values()), old.claims()));
        }
        claim(result.claims(), answer.paths());
        for (String note : result.notes()) {
            notes.add(note);
            services.events().notice(Phase.VALIDATE_OUTPUT, note);
        }
        return new Applied(files.size(), result.usage());
    }

    /**
     * A repair's claims replace the backend's earlier claims of the same requirements; they are kept with the task
     * that owns the first file they name (else the first file the repair replaced), so the checkpoint keeps them.
     */
    private void claim(List<RequirementClaim> claims, List<String> replaced) {
        if (claims.isEmpty()) {
            return;
        }
        Set<String> ids = new HashSet<>();
        claims.forEach(c -> ids.add(c.requirementId()));
        for (TaskRecord record : new ArrayList<>(tasks.values())) {
            if (record.backend().equals(backendId)
                    && record.claims().stream().anyMatch(c -> ids.contains(c.requirementId()))) {
                tasks.put(record.id(), withFiles(record, record.files(), record.claims().stream()
                        .filter(c -> !ids.contains(c.requirementId())).toList()));
            }
        }
        for (RequirementClaim claim : claims) {
            String owner = claim.files().stream().map(owners::get).filter(Objects::nonNull).findFirst()
                    .orElseGet(() -> replaced.isEmpty() ? null : owners.get(replaced.get(0)));
            if (owner == null) {
                owner = tasks.values().stream().filter(r -> r.backend().equals(backendId))
                        .max(Comparator.comparing(TaskRecord::id)).map(TaskRecord::id).orElse(null);
            }
            if (owner == null) {
                continue;
            }
            TaskRecord record = tasks.get(owner);
            List<RequirementClaim> all = new ArrayList<>(record.claims());
            all.add(claim);
            tasks.put(owner, withFiles(record, record.files(), all));
        }
    }

    private static TaskRecord withFiles(TaskRecord record, List<FileRef> files, List<RequirementClaim> claims) {
        return new TaskRecord(record.id(), record.phase(), record.backend(), record.parentId(), record.depth(), files,
                record.facts(), record.plannedFiles(), record.children(), record.notes(), claims);
    }

    /**
     * What a repair agent sees: the build, the spec, the facts of the backend's phases and the repair request.
     *
     * @param buildId the build
     * @param spec    the spec
     * @param facts   the facts, sorted by key
     * @param request the repair request
     */
    private record RepairContext(String buildId, ProjectSpec spec, Map<String, String> facts, RepairRequest request)
            implements AgentContext {

        RepairContext {
            facts = Collections.unmodifiableMap(new TreeMap<>(facts));
        }

        @Override
        public int maxChildren() {
            return 0;
        }

        @Override
        public Optional<RepairRequest> repair() {
            return Optional.of(request);
        }
    }
}

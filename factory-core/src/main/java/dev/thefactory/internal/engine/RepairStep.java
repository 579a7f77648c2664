package dev.thefactory.internal.engine;

import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.Phase;
import dev.thefactory.api.RepairRecord;
import dev.thefactory.api.Usage;
import dev.thefactory.api.event.BuildListener;
import dev.thefactory.internal.engine.BuildState.TaskRecord;
import dev.thefactory.internal.events.BuildEvents;
import dev.thefactory.internal.output.StagingArea;
import dev.thefactory.internal.resilience.ResiliencePolicies;
import dev.thefactory.spi.OrchestratorBackend;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The repair loop of {@code VALIDATE_OUTPUT} for an engine that validates a backend's output outside a local build
 * run (the Temporal worker's validating activity): the local engine's own repair rounds, with the build's repair
 * rounds, retry, circuit breaker and timeout settings, run on the caller's thread. The caller gets the last
 * validation, the rounds, the task records as the rounds left them (files and claims), and what the rounds added to
 * the build's counters.
 *
 * <p>Stateless and thread-safe; each call has its own policies, whose circuit starts closed.
 */
public final class RepairStep {

    private RepairStep() {
    }

    /** Validates the staged output once. */
    @FunctionalInterface
    public interface Validation {
        /**
         * Validates once.
         *
         * @return the report and every problem
         * @throws FactoryException             when the output could not be validated at all
         * @throws java.io.UncheckedIOException when the staged files could not be read
         */
        OutputCheck.Checked run();
    }

    /**
     * What the loop did.
     *
     * @param checked     the last validation, or null when validation could not run or a repair task failed
     * @param failure     why the phase failed without a last validation (validation could not run, a repair task
     *                    failed, or staging was interrupted), or null
     * @param interrupted whether the loop stopped because the thread was interrupted while it staged a file
     * @param circuitOpen whether a repair task was refused by the backend's open circuit
     * @param rounds      the rounds the backend was given
     * @param records     every round, in order
     * @param notes       what the repair tasks said the user should know
     * @param tasks       the task records, updated where a round replaced files or claims, sorted by id
     * @param agents      the repair agents spawned
     * @param retries     the retry attempts of the repair tasks
     * @param usage       the model usage of the repair tasks
     */
    public record Outcome(OutputCheck.Checked checked, String failure, boolean interrupted, boolean circuitOpen,
            int rounds, List<RepairRecord> records, List<String> notes, List<TaskRecord> tasks, int agents,
            int retries, Usage usage) {

        /** Copies the lists. */
        public Outcome {
            records = List.copyOf(records);
            notes = List.copyOf(notes);
            tasks = List.copyOf(tasks);
        }
    }

    /**
     * Validates, repairing between validations while the build's repair rounds last, as the local engine does.
     *
     * @param engine     the engine of the build (its configuration, spec, hooks)
     * @param buildId    the build
     * @param staging    the build's staging area
     * @param backend    the backend whose output is validated
     * @param backendId  its id
     * @param facts      the facts its tasks published
     * @param owners     which task wrote each staged path
     * @param tasks      the build's finished task records
     * @param listener   receives the rounds' events ({@code AgentSpawned}, {@code TaskCompleted}, {@code TaskFailed},
     *                   {@code RetryScheduled}, {@code RepairRoundFinished}, notices)
     * @param afterRound runs after each round that replaced files (a heartbeat)
     * @param validation one validation
     * @return what the loop did
     */
    public static Outcome run(BuildEngine engine, String buildId, StagingArea staging, OrchestratorBackend backend,
            String backendId, Map<String, String> facts, Map<String, String> owners, Collection<TaskRecord> tasks,
            BuildListener listener, Runnable afterRound, Validation validation) {
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(afterRound, "afterRound");
        EngineConfig config = engine.config();
        EngineHooks hooks = engine.hooks();
        BuildEvents events = new BuildEvents(buildId, config.clock(), listener);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "factory-" + buildId + "-repair-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        // never given a task: the repair loop runs on the caller's thread
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Watchdog watchdog = new Watchdog(buildId, hooks.ticker(), config.watchdog(), scheduler,
                Watchdog.defaultPeriod(config.watchdog()));
        try {
            ResiliencePolicies policies = new ResiliencePolicies(config.retry(), config.circuitBreaker(),
                    config.timeouts(), config.faults(), config.clock(), scheduler, events.sink(), buildId,
                    hooks.attempts());
            AtomicInteger agents = new AtomicInteger();
            UsageMeter usage = new UsageMeter();
            ReactorServices services = new ReactorServices(buildId, engine.spec(), config.clock(), events, policies,
                    pool, watchdog, new ProgressTracker(hooks.ticker(), 1.0), staging, hooks.heap(),
                    config.minHeapHeadroom(), config.timeouts(), hooks.ticker(), agents, usage);
            SortedMap<String, TaskRecord> records = new TreeMap<>();
            tasks.forEach(task -> records.put(task.id(), task));
            List<RepairRecord> rounds = new ArrayList<>();
            RepairRounds repairs = new RepairRounds(services, backend, backendId, config.repairRounds(), facts, owners,
                    records, afterRound::run, rounds);
            OutputCheck.Checked checked = null;
            String failure = null;
            boolean interrupted = false;
            boolean circuitOpen = false;
            try {
                checked = repairs.validate(() -> {
                    try {
                        return validation.run();
                    } catch (FactoryException | java.io.UncheckedIOException e) {
                        throw new PhaseFailure(Phase.VALIDATE_OUTPUT, backendId, null, "The output of backend '"
                                + backendId + "' could not be validated: " + e.getMessage(), e, Map.of(), false);
                    }
                });
            } catch (PhaseFailure e) {
                failure = e.getMessage();
                circuitOpen = e.circuitOpen();
            } catch (BuildAbort e) {
                failure = e.getMessage();
                interrupted = e.status() == BuildStatus.INTERRUPTED;
            }
            return new Outcome(checked, failure, interrupted, circuitOpen, repairs.rounds(), rounds, repairs.notes(),
                    new ArrayList<>(records.values()), agents.get(), policies.retries(), usage.total());
        } finally {
            watchdog.close();
            pool.shutdownNow();
            scheduler.shutdownNow();
        }
    }
}

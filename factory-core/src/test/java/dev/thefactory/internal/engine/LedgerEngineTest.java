package dev.thefactory.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Coverage;
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.PhaseStatus;
import dev.thefactory.api.RequirementOutcome;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.api.RequirementsNotMetException;
import dev.thefactory.api.TestSummary;
import dev.thefactory.api.event.CheckpointSaved;
import dev.thefactory.fixtures.TestBackendProvider;
import dev.thefactory.fixtures.TreeBackendProvider;
import dev.thefactory.fixtures.Trees;
import dev.thefactory.internal.output.StagingArea;
import dev.thefactory.internal.output.TestOutcome;
import dev.thefactory.internal.output.ValidationReport;
import dev.thefactory.internal.state.FileSystemCheckpointRepository;
import dev.thefactory.internal.state.InMemoryCheckpointRepository;
import dev.thefactory.spi.Agent;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.OrchestratorBackendProvider;
import dev.thefactory.spi.RequirementClaim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The requirement ledger in whole builds: claims made by tasks are verified against the validated output and the
 * generated tests (stood in for by a report hook), the feature requirement falls back and fails the build with
 * nothing published, and a resumed build keeps the claims of the tasks it took over.
 */
class LedgerEngineTest {

    private static final String LEAVES_TEST = "tree.LeavesTest#core1CountsLeaves";
    private static final String PRINT_TEST = "tree.PrintTest#core2PrintsTheTree";

    /** Every claim a fully honest tree backend makes: both features, with files and passing tests. */
    private static final Map<String, List<RequirementClaim>> ALL_CLAIMS = Map.of(
            "structure", List.of(RequirementClaim.implemented("core-2", List.of("src/b.txt"), List.of())),
            "generate/code/a", List.of(RequirementClaim.implemented("core-1", List.of("src/a.txt"), List.of())),
            "generate/tests", List.of(
                    RequirementClaim.implemented("core-1", List.of("tests/plan.md"), List.of(LEAVES_TEST)),
                    RequirementClaim.implemented("core-2", List.of("tests/plan.md"), List.of(PRINT_TEST))));

    /** Claims only the first feature. */
    private static final Map<String, List<RequirementClaim>> FIRST_ONLY = Map.of(
            "generate/code/a", List.of(RequirementClaim.implemented("core-1", List.of("src/a.txt"),
                    List.of(LEAVES_TEST))));

    @TempDir
    Path dir;

    /** Stands in for the generated tests' run: both tests passed. */
    private static ValidationReport testsPassed(ValidationReport report) {
        return new ValidationReport(report.files(), report.summary().withTests(new TestSummary(2, 2, 0, 0, null)),
                report.problems(), List.of(new TestOutcome(LEAVES_TEST, TestOutcome.Status.PASSED, ""),
                        new TestOutcome(PRINT_TEST, TestOutcome.Status.PASSED, "")));
    }

    private static EngineConfig policy(EngineConfig c, FeatureRequirement policy, FaultInjection faults) {
        return new EngineConfig(c.mode(), c.outputDirectory(), c.listeners(), c.explicitBackend(), c.checkpoints(),
                c.parallelism(), c.watchdog(), c.minHeapHeadroom(), c.retry(), c.circuitBreaker(), c.timeouts(),
                faults, c.clock(), c.quotas(), c.patterns(), policy, c.generatedTests(), c.overwrite());
    }

    private BuildEngine engine(FeatureRequirement policy, OrchestratorBackendProvider... backends) {
        EngineConfig config = policy(EngineFixture.config(dir.resolve("out"), new InMemoryCheckpointRepository()),
                policy, FaultInjection.none());
        return EngineFixture.engine(config, EngineHooks.defaults().withReports(LedgerEngineTest::testsPassed),
                EngineFixture.SPEC, null, backends);
    }

    @Test
    void aBackendWhoseClaimsHoldPublishesUnderCoreWithTheVerifiedLedgerInResultAndMetadata() throws IOException {
        BuildResult result = engine(FeatureRequirement.CORE, new ClaimingBackend("alpha", ALL_CLAIMS)).run();

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.fallbacks()).isEmpty();
        Coverage coverage = result.coverage();
        assertThat(coverage.implemented()).isEqualTo(2);
        assertThat(coverage.requirements()).extracting(RequirementOutcome::id).containsExactly("core-1", "core-2");
        RequirementOutcome core1 = coverage.requirement("core-1").orElseThrow();
        assertThat(core1.backend()).isEqualTo("alpha");
        assertThat(core1.evidence().files()).as("pooled from two tasks").containsExactly("src/a.txt",
                "tests/plan.md");
        assertThat(core1.evidence().tests()).containsExactly(LEAVES_TEST);
        assertThat(result.validation().tests().run()).isEqualTo(2);

        JsonNode metadata = new ObjectMapper().readTree(result.outputDirectory().resolve(BuildMetadata.PATH)
                .toFile());
        assertThat(metadata.at("/coverage/implemented").asInt()).isEqualTo(2);
        assertThat(metadata.at("/coverage/notImplemented").asInt()).isZero();
        JsonNode first = metadata.at("/coverage/requirements/0");
        assertThat(first.get("id").asText()).isEqualTo("core-1");
        assertThat(first.get("section").asText()).isEqualTo("core");
        assertThat(first.get("text").asText()).isEqualTo("Count the leaves of a tree");
        assertThat(first.get("status").asText()).isEqualTo("IMPLEMENTED");
        assertThat(first.get("backend").asText()).isEqualTo("alpha");
        assertThat(first.at("/evidence/tests/0").asText()).isEqualTo(LEAVES_TEST);
        assertThat(first.get("reason").isNull()).isTrue();
        assertThat(metadata.at("/validation/tests/run").asInt()).isEqualTo(2);
        assertThat(metadata.at("/validation/tests/passed").asInt()).isEqualTo(2);
        assertThat(metadata.at("/validation/tests/outcomes/0/name").asText()).isEqualTo(LEAVES_TEST);
        assertThat(metadata.at("/validation/tests/outcomes/0/status").asText()).isEqualTo("PASSED");
        assertThat(metadata.at("/files/0").fieldNames()).toIterable().contains("path", "size", "sha256");
    }

    @Test
    void underCoreBackendsThatLeaveACoreFeatureUnimplementedFallBackAndTheBuildFailsWithNothingPublished() {
        Map<String, List<RequirementClaim>> invented = Map.of("generate/code/a", List.of(
                RequirementClaim.implemented("core-1", List.of("src/a.txt"), List.of("tree.Invented#test"))));

        RequirementsNotMetException failure = catchThrowableOfType(RequirementsNotMetException.class,
                () -> engine(FeatureRequirement.CORE, new ClaimingBackend("alpha", FIRST_ONLY),
                        new ClaimingBackend("beta", invented)).run());

        assertThat(failure).as("the cascade alpha, beta was exhausted by the policy").isNotNull();
        assertThat(failure).isInstanceOf(BuildFailedException.class);
        assertThat(failure.policy()).isEqualTo(FeatureRequirement.CORE);
        assertThat(failure.unmet()).extracting(RequirementOutcome::id).containsExactly("core-2");
        assertThat(failure.phase()).contains(Phase.VALIDATE_OUTPUT);
        assertThat(failure.backendsTried()).as("minimal implements no feature, so it cannot meet CORE")
                .containsExactly("alpha", "beta");
        assertThat(failure.result().notes()).anySatisfy(n -> assertThat(n).startsWith("Backend 'minimal' was not "
                + "tried: it implements no feature of a spec, so it cannot meet FeatureRequirement.CORE"));
        assertThat(failure.getMessage()).contains("nothing was published",
                "Backend 'alpha' implemented most (1 of 2 requirements)",
                "core-2 \"Print the tree\": NOT_IMPLEMENTED — no backend claimed it");
        assertThat(failure.recoveryOptions()).anySatisfy(o -> assertThat(o).contains("integrated backend"))
                .anySatisfy(o -> assertThat(o).contains("FeatureRequirement.NONE"))
                .anySatisfy(o -> assertThat(o).contains("docs/spec-format.md#what-the-built-in-backend-understands"))
                .anySatisfy(o -> assertThat(o).contains("runGeneratedTests(true)"))
                .noneSatisfy(o -> assertThat(o).contains("--require-features"))
                .noneSatisfy(o -> assertThat(o).contains("run the build again"));

        BuildResult result = failure.result();
        assertThat(result.status()).isEqualTo(BuildStatus.FAILED);
        assertThat(result.outputDirectory()).isNull();
        assertThat(result.coverage().requirement("core-1").orElseThrow()).satisfies(core1 -> {
            assertThat(core1.status()).isEqualTo(RequirementStatus.IMPLEMENTED);
            assertThat(core1.backend()).as("the ledger of the backend that implemented most").isEqualTo("alpha");
        });
        assertThat(result.coverage().requirement("core-2").orElseThrow().status())
                .isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(result.fallbacks()).as("alpha to beta; beta to minimal is not tried").hasSize(1);
        assertThat(result.fallbacks().get(0).from()).isEqualTo("alpha");
        assertThat(result.fallbacks().get(0).phase()).isEqualTo(Phase.VALIDATE_OUTPUT);
        assertThat(result.fallbacks().get(0).reason()).contains("CORE", "not implemented: core-2")
                .doesNotContain("core-1");
        assertThat(failure.getMessage()).contains("backend 'beta' failed in phase VALIDATE_OUTPUT",
                "not implemented: core-1, core-2");
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("tree.Invented#test was not among the "
                + "generated tests that ran"));
        assertThat(result.phases()).filteredOn(p -> p.phase() == Phase.VALIDATE_OUTPUT)
                .extracting(PhaseResult::status).containsExactly(PhaseStatus.FAILED);
        assertThat(result.phases()).filteredOn(p -> p.phase() == Phase.GENERATE).extracting(PhaseResult::backend)
                .as("the phases end on the last backend tried").containsExactly("beta");
        assertThat(result.notes()).as("so the result says whose output the ledger describes").anySatisfy(n ->
                assertThat(n).contains("The requirement ledger is that of backend 'alpha'",
                        "the phases show the last backend tried, 'beta'"));
        assertThat(dir.resolve("out").resolve("tree-demo")).doesNotExist();
        assertThat(dir.resolve("out").resolve(StagingArea.STAGING_DIRECTORY).resolve(result.buildId()))
                .doesNotExist();
    }

    @Test
    void underNoneTheSameBackendPublishesAndItsLedgerSaysWhatWasNotImplementedAndWhichClaimDidNotHold() {
        Map<String, List<RequirementClaim>> claims = Map.of(
                "generate/code/a", FIRST_ONLY.get("generate/code/a"),
                "generate/code/b", List.of(RequirementClaim.implemented("core-2", List.of("src/b.txt"),
                        List.of("tree.Invented#test"))));

        BuildResult result = engine(FeatureRequirement.NONE, new ClaimingBackend("alpha", claims)).run();

        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.fallbacks()).isEmpty();
        assertThat(result.coverage().implemented()).isEqualTo(1);
        RequirementOutcome core2 = result.coverage().requirement("core-2").orElseThrow();
        assertThat(core2.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(core2.reason()).isEqualTo("claimed by backend 'alpha', but its evidence did not hold: test "
                + "tree.Invented#test was not among the generated tests that ran");
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("core-2", "generate/code/b",
                "counts as NOT_IMPLEMENTED"));
    }

    @Test
    void aBuildThatFailsForAnotherReasonAfterPlanningStillCarriesALedger() {
        TreeBackendProvider tree = new TreeBackendProvider(task -> {
            if (task.id().equals("generate/docs")) {
                throw dev.thefactory.api.AgentException.permanentFailure("docs cannot be written");
            }
        });
        EngineConfig config = policy(EngineFixture.config(dir.resolve("out"), new InMemoryCheckpointRepository()),
                FeatureRequirement.CORE, FaultInjection.parse("fail-backend=minimal"));

        BuildFailedException failure = catchThrowableOfType(BuildFailedException.class,
                () -> EngineFixture.engine(config, EngineFixture.SPEC, null, tree).run());

        assertThat(failure).isNotInstanceOf(RequirementsNotMetException.class);
        assertThat(failure.result().coverage().requirements()).hasSize(2).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
            assertThat(r.reason()).isEqualTo("the build failed before any backend's output passed validation");
        });
    }

    @Test
    void aBuildResumedAfterACrashInGenerateHasTheSameLedgerAsAnUninterruptedOne() {
        BuildResult uninterrupted = engine(FeatureRequirement.CORE, new ClaimingBackend("alpha", ALL_CLAIMS)).run();
        assertThat(uninterrupted.coverage().implemented()).isEqualTo(2);

        Path state = dir.resolve("state");
        Path out = dir.resolve("crash-out");
        Path crashedState = dir.resolve("crashed-state");
        Path crashedOut = dir.resolve("crashed-out");
        Set<String> checkpointed = ConcurrentHashMap.newKeySet();
        AtomicInteger atCrash = new AtomicInteger();
        AtomicReference<String> buildId = new AtomicReference<>();
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(state)) {
            EngineConfig config = policy(EngineFixture.config(out, repository, 1, event -> {
                if (event instanceof CheckpointSaved c && c.phase() == Phase.GENERATE && c.task() != null
                        && checkpointed.add(c.task()) && atCrash.get() == 0
                        && checkpointed.containsAll(List.of("generate/code/a", "generate/tests"))) {
                    // both GENERATE tasks that claim are checkpointed: the process dies here
                    atCrash.set(checkpointed.size());
                    Trees.copy(state, crashedState);
                    Trees.copy(out, crashedOut);
                }
            }), FeatureRequirement.CORE, FaultInjection.none());
            BuildResult full = EngineFixture.engine(config, EngineHooks.defaults()
                    .withReports(LedgerEngineTest::testsPassed), EngineFixture.SPEC, null,
                    new ClaimingBackend("alpha", ALL_CLAIMS)).run();
            buildId.set(full.buildId());
        }
        assertThat(checkpointed).hasSize(7);
        assertThat(atCrash.get()).as("some GENERATE work is left for the resume").isBetween(2, 6);

        ClaimingBackend resumedBackend = new ClaimingBackend("alpha", ALL_CLAIMS);
        BuildResult resumed;
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(crashedState)) {
            EngineConfig config = policy(EngineFixture.config(crashedOut, repository, 1), FeatureRequirement.CORE,
                    FaultInjection.none());
            resumed = EngineFixture.engine(config, EngineHooks.defaults().withReports(LedgerEngineTest::testsPassed),
                    EngineFixture.SPEC, null, resumedBackend).resume(buildId.get(), false);
        }

        assertThat(resumed.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(resumed.tasksSkipped()).as("the claiming tasks were taken over, not run again")
                .isEqualTo(5 + atCrash.get());
        assertThat(resumedBackend.ran()).doesNotContain("structure", "generate/code/a", "generate/tests");
        assertThat(resumed.coverage()).isEqualTo(uninterrupted.coverage());
    }

    @Test
    void aBuildResumedAfterAFallbackRemembersTheLedgerOfTheBackendThePolicyRefused() {
        Path state = dir.resolve("state");
        Path out = dir.resolve("crash-out");
        Path crashedState = dir.resolve("crashed-state");
        Path crashedOut = dir.resolve("crashed-out");
        AtomicReference<String> buildId = new AtomicReference<>();
        AtomicInteger copies = new AtomicInteger();
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(state)) {
            EngineConfig config = policy(EngineFixture.config(out, repository, 1, event -> {
                if (event instanceof CheckpointSaved c && c.phase() == Phase.GENERATE && c.task() != null
                        && c.task().equals("generate/build") && copies.incrementAndGet() == 2) {
                    // the second backend, beta, is generating: the process dies here
                    Trees.copy(state, crashedState);
                    Trees.copy(out, crashedOut);
                }
            }), FeatureRequirement.CORE, FaultInjection.none());
            RequirementsNotMetException uninterrupted = catchThrowableOfType(RequirementsNotMetException.class,
                    () -> EngineFixture.engine(config, EngineHooks.defaults()
                            .withReports(LedgerEngineTest::testsPassed), EngineFixture.SPEC, null,
                            new ClaimingBackend("alpha", FIRST_ONLY), new ClaimingBackend("beta", Map.of())).run());
            buildId.set(uninterrupted.result().buildId());
            assertThat(uninterrupted.result().coverage().implemented()).isEqualTo(1);
        }
        assertThat(copies.get()).isGreaterThanOrEqualTo(2);

        RequirementsNotMetException resumed;
        try (FileSystemCheckpointRepository repository = new FileSystemCheckpointRepository(crashedState)) {
            EngineConfig config = policy(EngineFixture.config(crashedOut, repository, 1), FeatureRequirement.CORE,
                    FaultInjection.none());
            resumed = catchThrowableOfType(RequirementsNotMetException.class, () -> EngineFixture.engine(config,
                    EngineHooks.defaults().withReports(LedgerEngineTest::testsPassed), EngineFixture.SPEC, null,
                    new ClaimingBackend("alpha", FIRST_ONLY), new ClaimingBackend("beta", Map.of()))
                    .resume(buildId.get(), false));
        }

        assertThat(resumed).isNotNull();
        assertThat(resumed.result().resumedFrom()).isNotNull();
        assertThat(resumed.result().coverage().requirement("core-1").orElseThrow().backend()).as("alpha's ledger, "
                + "checkpointed when the policy refused it, is still the best").isEqualTo("alpha");
        assertThat(resumed.unmet()).extracting(RequirementOutcome::id).containsExactly("core-2");
    }

    @Test
    void claimsAreCheckpointedWithTheirTaskRecords() throws IOException {
        InMemoryCheckpointRepository repository = new InMemoryCheckpointRepository();
        EngineConfig config = policy(EngineFixture.config(dir.resolve("out"), repository), FeatureRequirement.NONE,
                FaultInjection.none());
        BuildResult result = EngineFixture.engine(config, EngineHooks.defaults().withReports(
                LedgerEngineTest::testsPassed), EngineFixture.SPEC, null, new ClaimingBackend("alpha", ALL_CLAIMS))
                .run();

        BuildState.TaskCheckpoint tests = repository.history(result.buildId()).stream()
                .filter(c -> "generate/tests".equals(c.taskId()))
                .map(c -> BuildState.readTask(c.payload())).findFirst().orElseThrow();
        assertThat(tests.task().claims()).isEqualTo(ALL_CLAIMS.get("generate/tests"));
        assertThat(Files.exists(result.outputDirectory())).isTrue();
    }

    /** The tree backend under another id, adding claims to the results of chosen tasks. */
    private static final class ClaimingBackend extends TestBackendProvider {
        private final Map<String, List<RequirementClaim>> claims;
        private final TreeBackendProvider tree = new TreeBackendProvider();

        ClaimingBackend(String id, Map<String, List<RequirementClaim>> claims) {
            super(id, BackendTier.STANDALONE);
            this.claims = claims;
        }

        List<String> ran() {
            return tree.executed();
        }

        @Override
        public OrchestratorBackend create(BackendContext context) {
            OrchestratorBackend inner = tree.create(context);
            String id = id();
            return new OrchestratorBackend() {
                @Override
                public String id() {
                    return id;
                }

                @Override
                public Agent agent(AgentTask task) {
                    Agent agent = inner.agent(task);
                    return (t, c) -> agent.execute(t, c).withClaims(claims.getOrDefault(t.id(), List.of()));
                }

                @Override
                public void close() {
                    inner.close();
                }
            };
        }
    }
}

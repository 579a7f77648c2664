package dev.thefactory.tests.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.CheckpointRepositories;
import dev.thefactory.Factory;
import dev.thefactory.api.AgentException;
import dev.thefactory.api.AgentRole;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Complexity;
import dev.thefactory.api.Coverage;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.api.Requirement;
import dev.thefactory.api.RequirementOutcome;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.spi.AgentContext;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.HealthStatus;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.OrchestratorBackendProvider;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link OrchestratorBackendProvider} and its backend must keep, as JUnit 5 tests that run real
 * builds through {@link Factory} with your backend chosen explicitly. Extend it and implement {@link #provider()}:
 *
 * <pre>{@code
 * class MyBackendContractTest extends BackendContract {
 *     @Override
 *     protected OrchestratorBackendProvider provider() {
 *         return new MyBackendProvider();
 *     }
 * }
 * }</pre>
 *
 * <p>The provider must also be registered in {@code META-INF/services/dev.thefactory.spi.OrchestratorBackendProvider}
 * on the test class path, and be healthy while the tests run. Override {@link #specs()} to build your own specs.
 *
 * <p>Every build's requirement ledger is checked: it lists each requirement of the spec exactly once, and no
 * requirement is {@code IMPLEMENTED} without evidence files of the output and (for a feature) generated tests named
 * {@code Class#method} whose methods the output declares, with generated tests run and none failed. The
 * builds run under {@link #requireFeatures()}, {@link FeatureRequirement#NONE} by default so that a backend that
 * implements no feature (a skeleton generator) can keep the rest of the contract; a backend that implements the
 * default specs' features should override it to return {@link FeatureRequirement#CORE}.
 */
public abstract class BackendContract {

    /** Where the builds of a test publish; fresh for every test. */
    @TempDir
    protected Path workDirectory;

    /** For subclasses. */
    protected BackendContract() {
    }

    /**
     * @return the feature requirement the contract's builds run under; default {@link FeatureRequirement#NONE}.
     *         Override with {@link FeatureRequirement#CORE} when your backend implements the specs' core features
     */
    protected FeatureRequirement requireFeatures() {
        return FeatureRequirement.NONE;
    }

    /** @return a new provider of the backend under test */
    protected abstract OrchestratorBackendProvider provider();

    /**
     * @return the specs every test builds; by default a CLI tool and a web application of simple complexity, and a
     *         library of moderate complexity
     */
    protected List<ProjectSpec> specs() {
        return List.of(
                ProjectSpec.builder("Word Counter", ProjectType.CLI_TOOL)
                        .description("Counts the words, lines and characters of files.")
                        .features(List.of("Count words of a file", "Count lines of a file"),
                                List.of("Print a total for several files"))
                        .build(),
                ProjectSpec.builder("Todo App", ProjectType.WEB_APP)
                        .description("A personal task list.")
                        .objectives(List.of("Manage tasks from a browser"))
                        .features(List.of("Add tasks with a title", "List all tasks", "Mark tasks complete",
                                "Delete tasks"), List.of("Filter tasks by status"))
                        .build(),
                ProjectSpec.builder("Money Utils", ProjectType.LIBRARY).complexity(Complexity.MODERATE)
                        .description("Exact money arithmetic.")
                        .features(List.of("Add amounts of one currency", "Split an amount into equal parts"),
                                List.of())
                        .build());
    }

    /** @return the mode that lets the backend's tier run when chosen explicitly */
    protected Mode modeFor(BackendTier tier) {
        return switch (tier) {
            case INTEGRATED -> Mode.INTEGRATED;
            case STANDALONE -> Mode.STANDALONE;
            case MINIMAL -> Mode.MINIMAL;
        };
    }

    @Test
    void itHasAStableLowerCaseIdATierAndAHealthCheckThatAnswers() {
        OrchestratorBackendProvider provider = provider();
        assertThat(provider.id()).matches("[a-z0-9][a-z0-9._-]{0,63}").isEqualTo(provider().id());
        assertThat(provider.tier()).isNotNull();
        HealthStatus health = provider.health();
        assertThat(health).isNotNull();
        assertThat(health.healthy()).as("the backend must be healthy while its contract tests run: %s",
                health.detail()).isTrue();
    }

    @Test
    void itIsRegisteredForTheServiceLoader() {
        Class<?> type = provider().getClass();
        List<String> registered = ServiceLoader.load(OrchestratorBackendProvider.class).stream()
                .map(ServiceLoader.Provider::type).map(Class::getName).toList();
        assertThat(registered).as("META-INF/services/dev.thefactory.spi.OrchestratorBackendProvider")
                .contains(type.getName());
    }

    @Test
    void everySpecBuildsOnThisBackendAloneAndPassesValidation() {
        OrchestratorBackendProvider provider = provider();
        for (ProjectSpec spec : specs()) {
            BuildResult result = build(spec, provider, workDirectory.resolve("out"));

            assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
            assertThat(result.fallbacks()).isEmpty();
            assertThat(result.validation().failed()).isZero();
            assertThat(result.filesGenerated()).isPositive();
            assertHonestLedger(spec, result);
            EnumSet<Phase> backendPhases = EnumSet.of(Phase.ANALYZE, Phase.DESIGN, Phase.STRUCTURE, Phase.GENERATE);
            for (PhaseResult phase : result.phases()) {
                if (backendPhases.contains(phase.phase())) {
                    assertThat(phase.backend()).as(phase.phase().name()).isEqualTo(provider.id());
                }
            }
        }
    }

    @Test
    void buildsAreDeterministic() {
        OrchestratorBackendProvider provider = provider();
        for (ProjectSpec spec : specs()) {
            BuildResult first = build(spec, provider, workDirectory.resolve("first"));
            BuildResult second = build(spec, provider, workDirectory.resolve("second"));
            assertThat(ProjectSnapshot.of(second.outputDirectory())).as(spec.name())
                    .isEqualTo(ProjectSnapshot.of(first.outputDirectory()));
        }
    }

    @Test
    void aTaskItDoesNotKnowIsAPermanentAgentException() {
        OrchestratorBackendProvider provider = provider();
        AgentTask unknown = new AgentTask("no-such-task/" + provider.id(), Phase.GENERATE, AgentRole.DEVELOPER,
                "a task no backend knows", null, 0, Map.of());
        ProjectSpec spec = specs().get(0);
        AgentContext context = new AgentContext() {
            @Override
            public String buildId() {
                return "b-contract";
            }

            @Override
            public ProjectSpec spec() {
                return spec;
            }

            @Override
            public Map<String, String> facts() {
                return Map.of();
            }

            @Override
            public int maxChildren() {
                return 0;
            }
        };
        try (OrchestratorBackend backend = provider.create(new BackendContext("b-contract", spec))) {
            assertThat(backend.id()).isEqualTo(provider.id());
            assertThatThrownBy(() -> backend.agent(unknown).execute(unknown, context))
                    .isInstanceOf(AgentException.class)
                    .satisfies(e -> assertThat(((AgentException) e).isTransient()).isFalse());
        }
    }

    private BuildResult build(ProjectSpec spec, OrchestratorBackendProvider provider, Path out) {
        return Factory.builder().spec(spec).mode(modeFor(provider.tier())).backend(provider.id())
                .requireFeatures(requireFeatures())
                .outputDirectory(out).checkpoints(CheckpointRepositories.inMemory()).build().run();
    }

    private static void assertHonestLedger(ProjectSpec spec, BuildResult result) {
        Coverage coverage = result.coverage();
        assertThat(coverage.requirements()).extracting(RequirementOutcome::id).as("%s: one ledger entry per "
                + "requirement", spec.name()).containsExactlyElementsOf(Requirement.of(spec).stream()
                .map(Requirement::id).toList());
        for (RequirementOutcome outcome : coverage.requirements()) {
            if (outcome.status() == RequirementStatus.IMPLEMENTED) {
                assertThat(outcome.evidence().files()).as("%s %s: evidence files", spec.name(), outcome.id())
                        .isNotEmpty();
                for (String file : outcome.evidence().files()) {
                    assertThat(result.outputDirectory().resolve(file)).as("%s %s", spec.name(), outcome.id())
                            .isRegularFile();
                }
                if (outcome.requirement().isFeature()) {
                    assertThat(outcome.evidence().tests()).as("%s %s: evidence tests", spec.name(), outcome.id())
                            .isNotEmpty();
                    assertThat(result.validation().tests().passed()).isPositive();
                    assertThat(result.validation().tests().failed()).as("%s %s: generated tests failed", spec.name(),
                            outcome.id()).isZero();
                    for (String test : outcome.evidence().tests()) {
                        assertThat(test).as("%s %s: evidence test as Class#method", spec.name(), outcome.id())
                                .matches("[^#\\s]+#[^#\\s]+");
                        String method = test.substring(test.indexOf('#') + 1);
                        assertThat(outputContains(result.outputDirectory(), method))
                                .as("%s %s: the output declares test method %s", spec.name(), outcome.id(), test)
                                .isTrue();
                    }
                }
            }
        }
    }

    private static boolean outputContains(java.nio.file.Path root, String text) {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(root)) {
            return files.filter(java.nio.file.Files::isRegularFile).anyMatch(file -> {
                try {
                    return java.nio.file.Files.readString(file).contains(text);
                } catch (java.io.IOException | java.io.UncheckedIOException e) {
                    return false;
                }
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package dev.thefactory.internal.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.thefactory.Factory;
import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.PhaseStatus;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.SpecFormat;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds of the minimal backend record the observations docs/observability.md lists, with its tags. */
class BuildObservationsTest {

    static final String SPEC = """
            # Tree Demo

            A small project for observation tests.

            ## Type: cli_tool

            ## Complexity: simple

            ## FEATURES

            - Count the leaves of a tree
            - Print the tree
            """;

    @TempDir
    Path tmp;

    private final TestObservationRegistry registry = TestObservationRegistry.create();
    /** Every observation the registry handled, in the order they stopped. */
    private final List<Observation.Context> stopped = Collections.synchronizedList(new ArrayList<>());
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    BuildObservationsTest() {
        registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }

            @Override
            public void onEvent(Observation.Event event, Observation.Context context) {
                events.add(context.getName() + ":" + event.getName());
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
    }

    private Factory.Builder builder() {
        return Factory.builder().spec(SPEC, SpecFormat.MARKDOWN).mode(Mode.STANDALONE)
                .outputDirectory(tmp.resolve("out")).requireFeatures(FeatureRequirement.NONE)
                .runGeneratedTests(false).parallelism(2).observationRegistry(registry);
    }

    private List<Observation.Context> named(String name) {
        synchronized (stopped) {
            return stopped.stream().filter(c -> c.getName().equals(name)).toList();
        }
    }

    private static String low(Observation.Context context, String key) {
        KeyValue value = context.getLowCardinalityKeyValue(key);
        return value == null ? null : value.getValue();
    }

    private static String high(Observation.Context context, String key) {
        KeyValue value = context.getHighCardinalityKeyValue(key);
        return value == null ? null : value.getValue();
    }

    @Test
    void aBuildYieldsOneBuildObservationAPhaseObservationPerPhaseAndTaskObservationsUnderThem() {
        BuildResult result = builder().build().run();

        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo(BuildObservations.BUILD, 1)
                .hasObservationWithNameEqualTo(BuildObservations.BUILD).that()
                .hasBeenStarted().hasBeenStopped()
                .hasLowCardinalityKeyValue("outcome", "success")
                .hasLowCardinalityKeyValue("mode", "standalone")
                .hasLowCardinalityKeyValue("resumed", "false")
                .hasHighCardinalityKeyValue("build.id", result.buildId())
                .doesNotHaveParentObservation();

        Observation.Context build = named(BuildObservations.BUILD).get(0);
        List<PhaseResult> ran = result.phases().stream().filter(p -> p.status() == PhaseStatus.COMPLETED).toList();
        List<Observation.Context> phases = named(BuildObservations.PHASE);
        assertThat(phases).extracting(c -> low(c, "phase"))
                .containsExactlyInAnyOrderElementsOf(ran.stream().map(p -> p.phase().id()).toList());
        Map<String, String> backendOf = ran.stream().collect(Collectors.toMap(p -> p.phase().id(), PhaseResult::backend));
        assertThat(phases).allSatisfy(phase -> {
            assertThat(low(phase, "backend")).isEqualTo(backendOf.get(low(phase, "phase")));
            assertThat(low(phase, "outcome")).isEqualTo("success");
            assertThat(phase.getParentObservation().getContextView()).isSameAs(build);
        });

        List<Observation.Context> tasks = named(BuildObservations.TASK);
        assertThat(tasks).hasSize(result.agentsSpawned());
        Map<Object, Observation.Context> phaseByView = phases.stream()
                .collect(Collectors.toMap(Function.identity(), Function.identity()));
        assertThat(tasks).allSatisfy(task -> {
            assertThat(low(task, "outcome")).isEqualTo("success");
            assertThat(low(task, "retried")).isEqualTo("false");
            assertThat(low(task, "role")).isNotBlank();
            assertThat(high(task, "task")).isNotBlank();
            Object parent = task.getParentObservation().getContextView();
            assertThat(phaseByView).containsKey(parent);
            Observation.Context phase = phaseByView.get(parent);
            assertThat(low(task, "phase")).isEqualTo(low(phase, "phase"));
            assertThat(low(task, "backend")).isEqualTo(low(phase, "backend"));
        });
        assertThat(named(BuildObservations.ATTEMPT)).hasSize(tasks.size())
                .allSatisfy(a -> assertThat(low(a, "outcome")).isEqualTo("success"));
        assertThat(named(BuildObservations.CHECKPOINT)).isNotEmpty()
                .allSatisfy(c -> assertThat(low(c, "kind")).isIn("phase", "task"));
        assertThat(named(BuildObservations.RETRY)).isEmpty();

        // tags stay low-cardinality: never the build id, a task id or spec text
        assertThat(stopped).allSatisfy(context -> context.getLowCardinalityKeyValues().forEach(kv -> {
            assertThat(kv.getValue()).doesNotContain(result.buildId()).doesNotContain("Tree Demo")
                    .doesNotContain("/");
            assertThat(kv.getKey()).isIn("mode", "resumed", "outcome", "phase", "backend", "role", "retried", "kind");
        }));
    }

    @Test
    void retriedAttemptsAreTaggedAndNestedUnderTheirTask() {
        Factory factory = builder().faults(FaultInjection.parse("transient-rate=0.5,seed=7"))
                .retry(RetrySettings.defaults().withMaxAttempts(6).withDelays(Duration.ofMillis(1),
                        Duration.ofMillis(1)))
                .build();
        try {
            factory.run();
        } catch (BuildFailedException ignored) {
            // the assertions below hold either way
        }

        List<Observation.Context> retried = named(BuildObservations.TASK).stream()
                .filter(t -> "true".equals(low(t, "retried"))).toList();
        assertThat(retried).isNotEmpty().allSatisfy(t ->
                assertThat(Integer.parseInt(high(t, "attempts"))).isGreaterThan(1));
        Observation.Context task = retried.get(0);
        List<Observation.Context> attempts = named(BuildObservations.ATTEMPT).stream()
                .filter(a -> a.getParentObservation().getContextView() == task).toList();
        assertThat(attempts).hasSize(Integer.parseInt(high(task, "attempts")));
        assertThat(attempts).filteredOn(a -> "failure".equals(low(a, "outcome"))).isNotEmpty()
                .allSatisfy(a -> assertThat(a.getError()).isNotNull());
        assertThat(attempts).allSatisfy(a -> {
            assertThat(low(a, "role")).isEqualTo(low(task, "role"));
            assertThat(low(a, "backend")).isEqualTo(low(task, "backend"));
        });
        assertThat(named(BuildObservations.RETRY)).isNotEmpty()
                .anySatisfy(r -> assertThat(r.getParentObservation().getContextView()).isSameAs(task));
        assertThat(events).contains(BuildObservations.TASK + ":factory.retry");
        // every observation that was started was stopped, also those of a build that failed
        TestObservationRegistryAssert.assertThat(registry).hasNumberOfObservationsEqualTo(stopped.size());
    }

    @Test
    void aFailedBuildTagsItsFailingPhaseAndTheBuildAsFailures() {
        BuildFailedException failure = catchThrowableOfType(BuildFailedException.class,
                () -> builder().faults(FaultInjection.parse("fail-backend=minimal"))
                        .retry(RetrySettings.defaults().withDelays(Duration.ofMillis(1), Duration.ofMillis(1)))
                        .build().run());

        assertThat(failure).isNotNull();
        List<Observation.Context> builds = named(BuildObservations.BUILD);
        assertThat(builds).singleElement().satisfies(b -> {
            assertThat(low(b, "outcome")).isEqualTo("failure");
            assertThat(b.getError()).isNotNull();
            assertThat(high(b, "build.id")).isEqualTo(failure.result().buildId());
        });
        assertThat(named(BuildObservations.PHASE)).anySatisfy(p -> {
            assertThat(low(p, "outcome")).isEqualTo("failure");
            assertThat(low(p, "backend")).isEqualTo("minimal");
            assertThat(p.getError()).isNotNull();
        });
        assertThat(named(BuildObservations.TASK)).anySatisfy(t -> assertThat(low(t, "outcome")).isEqualTo("failure"));
        assertThat(named(BuildObservations.CIRCUIT)).anySatisfy(c -> {
            assertThat(low(c, "backend")).isEqualTo("minimal");
            assertThat(low(c, "to")).isEqualTo("open");
            assertThat(c.getParentObservation().getContextView()).isSameAs(builds.get(0));
        });
        TestObservationRegistryAssert.assertThat(registry).hasNumberOfObservationsEqualTo(stopped.size());
    }

    @Test
    void aBuildIsNestedUnderTheCallersCurrentObservationAndASecondRegistryReplacesTheFirst() {
        TestObservationRegistry ignored = TestObservationRegistry.create();
        Factory factory = Factory.builder().spec(SPEC, SpecFormat.MARKDOWN).mode(Mode.STANDALONE)
                .outputDirectory(tmp.resolve("out")).requireFeatures(FeatureRequirement.NONE)
                .runGeneratedTests(false).observationRegistry(ignored).observationRegistry(registry).build();
        Observation caller = Observation.createNotStarted("caller", registry);
        caller.observe(() -> {
            factory.run();
        });

        TestObservationRegistryAssert.assertThat(ignored).doesNotHaveAnyObservation();
        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo(BuildObservations.BUILD, 1)
                .hasObservationWithNameEqualTo(BuildObservations.BUILD).that().hasParentObservationEqualTo(caller);
    }
}

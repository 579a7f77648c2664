package dev.thefactory.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.Factory;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.fixtures.TreeBackendProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the overhead per agent task of the Temporal engine on the in-process test server (real time) beside the
 * local engine, on the same small backend, and prints both. A harness, not a timed test: it asserts only that the
 * builds succeed. Excluded by default (tag {@code benchmark}); run it with
 * {@code mvn -pl factory-temporal -am verify -Dtest=TemporalOverheadBenchmark -Dfactory.excludedGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class TemporalOverheadBenchmark {

    private static final int WARMUP = 3;
    private static final int BUILDS = 10;

    @TempDir
    Path dir;

    @Test
    void printsTheOverheadPerTask() {
        TreeBackendProvider tree = new TreeBackendProvider(task -> { });
        try (TemporalTarget target = TemporalTarget.inProcess();
             FactoryWorker worker = FactoryWorker.builder().client(target.client()).taskQueue("bench")
                     .configure(builder -> builder.backend(tree)).build().start()) {
            assertThat(worker.taskQueue()).isEqualTo("bench");
            TemporalFactory temporal = TemporalFactory.builder().client(target.client()).taskQueue("bench").build();
            int agents = 0;
            for (int i = 0; i < WARMUP; i++) {
                local(tree, i);
                remote(temporal, tree, i);
            }
            long localNanos = 0;
            long remoteNanos = 0;
            for (int i = 0; i < BUILDS; i++) {
                long start = System.nanoTime();
                BuildResult local = local(tree, 100 + i);
                localNanos += System.nanoTime() - start;
                start = System.nanoTime();
                BuildResult remote = remote(temporal, tree, 100 + i);
                remoteNanos += System.nanoTime() - start;
                agents = remote.agentsSpawned();
                assertThat(local.agentsSpawned()).isEqualTo(agents);
            }
            double localMs = localNanos / 1e6 / BUILDS;
            double remoteMs = remoteNanos / 1e6 / BUILDS;
            System.out.printf("TEMPORAL-OVERHEAD builds=%d tasks/build=%d local=%.1f ms/build temporal=%.1f ms/build "
                    + "overhead=%.1f ms/build = %.1f ms/task%n", BUILDS, agents, localMs, remoteMs, remoteMs - localMs,
                    (remoteMs - localMs) / agents);
        }
    }

    private Factory factory(TreeBackendProvider tree, String engine, int i) {
        return Factory.builder().spec(TemporalWorkflowTest.SPEC, SpecFormat.MARKDOWN).mode(Mode.STANDALONE)
                .backend(tree).outputDirectory(dir.resolve(engine + i)).requireFeatures(FeatureRequirement.NONE)
                .runGeneratedTests(false).build();
    }

    private BuildResult local(TreeBackendProvider tree, int i) {
        BuildResult result = factory(tree, "local", i).run();
        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        return result;
    }

    private BuildResult remote(TemporalFactory temporal, TreeBackendProvider tree, int i) {
        BuildResult result = temporal.run(factory(tree, "temporal", i));
        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        return result;
    }
}

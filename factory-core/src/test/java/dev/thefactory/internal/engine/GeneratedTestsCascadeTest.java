package dev.thefactory.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.CircuitBreakerSettings;
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.GeneratedTestSettings;
import dev.thefactory.api.Mode;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.TestSummary;
import dev.thefactory.api.TimeoutSettings;
import dev.thefactory.fixtures.CalcBackend;
import dev.thefactory.internal.output.OutputQuotas;
import dev.thefactory.internal.state.InMemoryCheckpointRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backend whose generated test fails is caught in VALIDATE_OUTPUT, and the cascade falls back. */
class GeneratedTestsCascadeTest {

    @TempDir
    Path dir;

    private EngineConfig config(GeneratedTestSettings tests) {
        return new EngineConfig(Mode.STANDALONE, dir.resolve("out").toAbsolutePath().normalize(), List.of(), null,
                new InMemoryCheckpointRepository(), 2, Duration.ofMinutes(2), 0, RetrySettings.none(),
                CircuitBreakerSettings.defaults(), TimeoutSettings.defaults(), FaultInjection.none(), Clock.systemUTC(),
                OutputQuotas.defaults(), EngineConfig.NO_PATTERNS, FeatureRequirement.NONE, tests, false);
    }

    @Test
    void aFailingGeneratedTestMakesTheCascadeFallBack() {
        BuildResult result = EngineFixture.engine(config(GeneratedTestSettings.defaults()
                        .withTimeout(Duration.ofSeconds(60))), EngineFixture.SPEC, null,
                CalcBackend.standalone("3 + 1"))
                .run();

        assertThat(result.fallbacks()).singleElement().satisfies(fallback -> {
            assertThat(fallback.from()).isEqualTo(CalcBackend.CALC_ID);
            assertThat(fallback.to()).isEqualTo("minimal");
            // The record keeps the first line of the failure and, since that line only introduces the list of
            // problems, the first problem: the failed test.
            assertThat(fallback.reason()).contains("backend 'calc' failed validation").contains("(1 problem): ")
                    .contains("demo.CalcTest#adds");
        });
        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
    }

    @Test
    void passingGeneratedTestsArePublishedWithTheirCounts() {
        BuildResult result = EngineFixture.engine(config(GeneratedTestSettings.defaults()
                        .withTimeout(Duration.ofSeconds(60))), EngineFixture.SPEC, null,
                CalcBackend.standalone("a + b"))
                .run();

        assertThat(result.fallbacks()).isEmpty();
        assertThat(result.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(result.validation().tests()).isEqualTo(new TestSummary(1, 1, 0, 0, null));
        assertThat(Files.isRegularFile(result.outputDirectory().resolve("src/test/java/demo/CalcTest.java"))).isTrue();
    }

    @Test
    void turnedOffTheFailingTestIsNotRunAndTheSummarySaysSo() {
        BuildResult result = EngineFixture.engine(config(GeneratedTestSettings.disabled()), EngineFixture.SPEC, null,
                CalcBackend.standalone("3 + 1")).run();

        assertThat(result.fallbacks()).isEmpty();
        assertThat(result.validation().tests())
                .isEqualTo(TestSummary.unchecked("running the generated tests was turned off"));
    }
}

package dev.thefactory.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The flags of {@code --engine temporal} and {@code factory worker}: bad values exit 2 before any work. */
class TemporalArgumentsTest {

    private static void assertUsageError(Cli.Result result, String expectedMessage, String command) {
        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.out()).as("%s", result).isEmpty();
        assertThat(result.err()).as("%s", result)
                .startsWith("factory: ")
                .contains(expectedMessage, "Try '" + command + " --help' for usage.")
                .doesNotContain("\tat ", "Exception");
    }

    @Test
    void anUnknownEngineNamesTheValidOnes() {
        assertUsageError(Cli.run("build", "--spec", "x.md", "--engine", "cloud"),
                "Invalid value for option '--engine': 'cloud' (expected local or temporal)", "factory build");
    }

    @Test
    void theTemporalEngineNeedsATargetAndTheTargetNeedsTheTemporalEngine() {
        assertUsageError(Cli.run("build", "--spec", "x.md", "--engine", "temporal"),
                "--engine temporal needs --temporal-target HOST:PORT", "factory build");
        assertUsageError(Cli.run("build", "--spec", "x.md", "--temporal-target", "in-process"),
                "--temporal-target needs --engine temporal", "factory build");
        assertUsageError(Cli.run("build", "--spec", "x.md", "--task-queue", "q"),
                "--task-queue needs --engine temporal", "factory build");
    }

    @Test
    void aBadTargetNamesTheFormsAndTheValue() {
        assertUsageError(Cli.run("build", "--spec", "x.md", "--engine", "temporal", "--temporal-target", "nowhere"),
                "target must be HOST:PORT (such as localhost:7233) or in-process but was 'nowhere'", "factory build");
        assertUsageError(Cli.run("build", "--spec", "x.md", "--engine", "temporal", "--temporal-target",
                "localhost:70000"), "target's port must be 1-65535 but was 70000", "factory build");
        assertUsageError(Cli.run("worker", "--temporal-target", "in-process"),
                "a worker needs a Temporal service (HOST:PORT)", "factory worker");
        assertUsageError(Cli.run("worker", "--temporal-target", "localhost:7233", "--task-queue", " "),
                "Invalid value for option '--task-queue': it must not be blank", "factory worker");
    }
}

package dev.thefactory.examples.cli;

import org.junit.jupiter.api.Test;

/** The flags of {@code --engine temporal} and {@code factory worker}: bad values exit 2 before any work. */
class TemporalArgumentsTest {

    @Test
    void anUnknownEngineNamesTheValidOnes() {
        Cli.run("build", "--spec", "x.md", "--engine", "cloud").assertUsageError(
                "Invalid value for option '--engine': 'cloud' (expected local or temporal)", "factory build");
    }

    @Test
    void theTemporalEngineNeedsATargetAndTheTargetNeedsTheTemporalEngine() {
        Cli.run("build", "--spec", "x.md", "--engine", "temporal").assertUsageError(
                "--engine temporal needs --temporal-target HOST:PORT", "factory build");
        Cli.run("build", "--spec", "x.md", "--temporal-target", "in-process").assertUsageError(
                "--temporal-target needs --engine temporal", "factory build");
        Cli.run("build", "--spec", "x.md", "--task-queue", "q").assertUsageError(
                "--task-queue needs --engine temporal", "factory build");
    }

    @Test
    void aBadTargetNamesTheFormsAndTheValue() {
        Cli.run("build", "--spec", "x.md", "--engine", "temporal", "--temporal-target", "nowhere").assertUsageError(
                "target must be HOST:PORT (such as localhost:7233) or in-process but was 'nowhere'", "factory build");
        Cli.run("build", "--spec", "x.md", "--engine", "temporal", "--temporal-target",
                "localhost:70000").assertUsageError("target's port must be 1-65535 but was 70000", "factory build");
        Cli.run("worker", "--temporal-target", "in-process").assertUsageError(
                "a worker needs a Temporal service (HOST:PORT)", "factory worker");
        Cli.run("worker", "--temporal-target", "localhost:7233", "--task-queue", " ").assertUsageError(
                "Invalid value for option '--task-queue': it must not be blank", "factory worker");
    }
}

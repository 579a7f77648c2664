package dev.thefactory.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Bad arguments: exit 2, a one-line message and a usage hint on standard error, never a stack trace. */
class ArgumentsTest {

    @Test
    void anUnknownOptionIsAnInputError() {
        Cli.run("build", "--spec", "x.md", "--colour").assertUsageError("Unknown option: '--colour'",
                "factory build");
    }

    @Test
    void aMissingRequiredOptionIsAnInputError() {
        Cli.run("validate").assertUsageError("Missing required option: '--spec=FILE'", "factory validate");
    }

    @Test
    void anUnknownModeNamesTheValidModes() {
        Cli.run("build", "--spec", "x.md", "--mode", "turbo").assertUsageError(
                "mode must be one of auto, integrated, standalone, minimal but was 'turbo'", "factory build");
    }

    @Test
    void badFaultSettingsAreAnInputErrorWithTheParsersMessage() {
        Cli.run("build", "--spec", "x.md", "--faults", "transient-rate=2").assertUsageError(
                "fault injection key 'transient-rate' has invalid value '2'", "factory build");
        Cli.run("build", "--spec", "x.md", "--faults", "explode=1").assertUsageError(
                "fault injection key 'explode' (value '1') is unknown", "factory build");
    }

    @Test
    void aBadTestTimeoutNamesTheOptionTheValueAndTheForms() {
        Cli.run("build", "--spec", "x.md", "--test-timeout", "soon").assertUsageError(
                "--test-timeout must be a positive duration, a whole number with a unit such as 500ms, 90s, 2m or 1h",
                "factory build");
        Cli.run("build", "--spec", "x.md", "--test-timeout", "0s").assertUsageError("but was '0s'", "factory build");
        Cli.run("build", "--spec", "x.md", "--test-timeout", "25h").assertUsageError(
                "--test-timeout must be at most 24h but was '25h'", "factory build");
        Cli.run("build", "--spec", "x.md", "--repair-rounds", "11").assertUsageError(
                "--repair-rounds must be a whole number from 0 to 10 (0 turns repair off) but was '11'",
                "factory build");
        Cli.run("build", "--spec", "x.md", "--repair-rounds", "two").assertUsageError("but was 'two'",
                "factory build");
        Cli.run("build", "--spec", "x.md", "--task-timeout", "-1s").assertUsageError(
                "--task-timeout must be a positive duration", "factory build");
        Cli.run("build", "--spec", "x.md", "--task-timeout", "9000h").assertUsageError(
                "--task-timeout must be at most 8760h but was '9000h'", "factory build");
    }

    @Test
    void anUnknownCommandSuggestsTheNearestOne() {
        Cli.Result result = Cli.run("biuld");

        result.assertUsageError("Unmatched argument at index 0: 'biuld'", "factory");
        assertThat(result.err()).contains("build");
    }

    @Test
    void noCommandAtAllIsAnInputError() {
        Cli.run().assertUsageError("a command is required: validate, build, resume or doctor", "factory");
    }

    @Test
    void withJsonABadArgumentStillPrintsExactlyOneJsonObject() {
        Cli.Result result = Cli.run("validate", "--json", "--spec", "x.md", "--nope");

        assertThat(result.exitCode()).isEqualTo(2);
        JsonNode error = result.json().get("error");
        assertThat(error.get("type").asText()).isEqualTo("InvalidArguments");
        assertThat(error.get("message").asText()).contains("Unknown option: '--nope'");
    }

    @Test
    void versionAndHelpSucceed() {
        Cli.Result version = Cli.run("--version");
        Cli.Result help = Cli.run("--help");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("factory 0.1.0-SNAPSHOT").contains("Java " + System.getProperty("java.version"));
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("validate", "build", "doctor", "Exit codes: 0 success");
    }
}

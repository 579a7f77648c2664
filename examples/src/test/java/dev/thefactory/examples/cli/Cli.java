package dev.thefactory.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** Runs the CLI in-process with captured standard output and error. */
final class Cli {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Cli() {
    }

    /**
     * What one execution printed and returned.
     *
     * @param exitCode the exit code
     * @param out      standard output
     * @param err      standard error
     */
    record Result(int exitCode, String out, String err) {

        /** @return standard output parsed as exactly one JSON object, failing when there is anything else */
        JsonNode json() {
            try (JsonParser parser = MAPPER.createParser(out)) {
                assertThat(parser.nextToken()).as("stdout starts a JSON object:%n%s", out)
                        .isEqualTo(JsonToken.START_OBJECT);
                JsonNode node = MAPPER.readTree(parser);
                assertThat(parser.nextToken()).as("nothing after the JSON object on stdout:%n%s", out).isNull();
                return node;
            } catch (IOException e) {
                throw new UncheckedIOException("stdout is not one JSON object:\n" + out, e);
            }
        }

        /**
         * Asserts a usage error: exit 2, nothing on standard output, and on standard error one message (no stack
         * trace) and the hint to the command's help.
         *
         * @param expectedMessage what the message says
         * @param command         the command whose help the hint names, such as {@code factory build}
         */
        void assertUsageError(String expectedMessage, String command) {
            assertThat(exitCode).as("%s", this).isEqualTo(2);
            assertThat(out).as("%s", this).isEmpty();
            assertThat(err).as("%s", this)
                    .startsWith("factory: ")
                    .contains(expectedMessage, "Try '" + command + " --help' for usage.")
                    .doesNotContain("\tat ", "Exception");
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = FactoryCli.newCommandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}

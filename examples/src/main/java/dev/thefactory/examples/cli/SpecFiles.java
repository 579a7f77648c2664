package dev.thefactory.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thefactory.api.SpecValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Checks on spec file arguments, and the JSON form of spec violations. Stateless. */
final class SpecFiles {

    private SpecFiles() {
    }

    /**
     * @param cmd    the command, for the error
     * @param option the option that named the file
     * @param file   the file
     * @return the file, absolute and normalized
     * @throws CommandLine.ParameterException (exit code 2) when it is not a readable regular file
     */
    static Path requireReadable(CommandLine cmd, String option, Path file) {
        Path path = file.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new CommandLine.ParameterException(cmd, option + ": spec file " + file + " does not exist (looked"
                    + " for " + path + ")");
        }
        if (!Files.isRegularFile(path)) {
            throw new CommandLine.ParameterException(cmd, option + ": " + file + " is not a regular file; pass a"
                    + " spec file (.md, .yaml, .yml or .json)");
        }
        if (!Files.isReadable(path)) {
            throw new CommandLine.ParameterException(cmd, option + ": spec file " + file + " cannot be read;"
                    + " check its permissions");
        }
        return path;
    }

    /**
     * @param e the violations
     * @return the error object of {@code validate --json}: {@code type}, {@code message}, {@code source},
     *         {@code violations[{field, message, line, value}]} and {@code recoveryOptions}
     */
    static ObjectNode violationsJson(SpecValidationException e) {
        ObjectNode error = BuildReport.errorJson(Json.MAPPER, e);
        error.put("source", e.source());
        ArrayNode violations = error.putArray("violations");
        for (SpecValidationException.Violation v : e.violations()) {
            ObjectNode item = violations.addObject().put("field", v.field()).put("message", v.message());
            if (v.line() > 0) {
                item.put("line", v.line());
            } else {
                item.putNull("line");
            }
            if (v.invalidValue() == null) {
                item.putNull("value");
            } else {
                item.put("value", v.invalidValue());
            }
            item.put("text", v.format());
        }
        return error;
    }
}

package dev.thefactory.examples.cli;

import dev.thefactory.Factory;
import dev.thefactory.Specs;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.SpecValidationException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code factory validate --spec FILE [--json]}: parses and validates a spec. On success prints a short summary,
 * or with {@code --json} the normalized spec as one JSON object; on failure prints one {@code field: message} line
 * per violation on standard error (and nothing else there) and exits with 2. Not thread-safe (one instance per execution).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Parses and validates a spec; prints the normalized spec with --json.")
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--spec", required = true, paramLabel = "FILE",
            description = "The spec: Markdown (.md), YAML (.yaml, .yml) or JSON (.json).")
    Path spec;

    @Option(names = "--json", description = "Print the normalized spec as one JSON object on standard output.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        Path file = SpecFiles.requireReadable(commandSpec.commandLine(), "--spec", spec);
        PrintWriter out = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        ProjectSpec parsed;
        try {
            // the builder reads the spec as a build would, including its FAULT INJECTION section
            parsed = Factory.builder().spec(file).build().spec();
        } catch (SpecValidationException e) {
            if (json) {
                Json.print(out, Json.MAPPER.createObjectNode().set("error", SpecFiles.violationsJson(e)));
            }
            // Exactly one line per violation, so that scripts can count and parse them.
            e.violations().forEach(v -> err.println(v.format()));
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        if (json) {
            Json.print(out, Json.read(Specs.toJson(parsed)));
        } else {
            out.printf("%s is valid: %s (%s, %s), %d core and %d extended features%n", file, parsed.name(),
                    parsed.type().id(), parsed.complexity().id(), parsed.features().core().size(),
                    parsed.features().extended().size());
            out.flush();
        }
        return ExitCodes.OK;
    }
}

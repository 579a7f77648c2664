package dev.thefactory.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thefactory.api.BackendUnavailableException;
import dev.thefactory.api.BuildNotFoundException;
import dev.thefactory.api.CheckpointException;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.NothingToResumeException;
import dev.thefactory.api.OutputConflictException;
import dev.thefactory.api.RequirementsNotMetException;
import dev.thefactory.api.SpecValidationException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns what a command threw into a message on standard error and an exit code (see {@link ExitCodes}), the same
 * way for every command:
 *
 * <ul>
 *   <li>bad arguments: one line naming the problem, then a hint to {@code --help}; exit 2;</li>
 *   <li>an invalid spec: one {@code field: message} line per violation; exit 2;</li>
 *   <li>any other deliberate failure ({@link FactoryException}): its message and its recovery options (a build
 *       refused by {@code --require-features} also gets the hint {@code --require-features none}); exit 1 or 3;
 *       a stack trace only with {@code --debug};</li>
 *   <li>anything else is an internal error: "this is a bug", the stack trace; exit 1.</li>
 * </ul>
 *
 * <p>With {@code --json}, standard output also gets exactly one object, {@code {"error": {type, message,
 * recoveryOptions, ...}}}, so that a program always has something to parse. Stateless and thread-safe.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler, IExitCodeExceptionMapper {

    /**
     * A feature requirement as the library names it; the command line names it by its flag. Not after "with", where
     * a whole recovery option is rewritten below.
     */
    private static final Pattern FEATURE_REQUIREMENT = Pattern.compile(
            "(?<!with )FeatureRequirement\\.(CORE|ALL|NONE)");

    /** How the library says to resume a build; the command line says it with its own command. */
    private static final Pattern LIBRARY_RESUME =
            Pattern.compile("resume it with Factory\\.resume\\(repository, \"([^\"]+)\"\\)");

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    @Override
    public int getExitCode(Throwable exception) {
        return ExitCodes.of(exception);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("factory: " + oneLine(ex.getMessage()));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        if (Arrays.asList(args).contains("--json")) {
            ObjectNode error = BuildReport.errorJson(Json.MAPPER, ex);
            error.put("type", "InvalidArguments");
            error.putArray("recoveryOptions").add("run '" + cmd.getCommandSpec().qualifiedName() + " --help'");
            Json.print(cmd.getOut(), Json.MAPPER.createObjectNode().set("error", error));
        }
        return ExitCodes.INVALID_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        report(ex, cmd.getErr(), hasOption(parseResult, "--debug"));
        if (hasOption(parseResult, "--json")) {
            Json.print(cmd.getOut(), Json.MAPPER.createObjectNode().set("error", BuildReport.errorJson(Json.MAPPER,
                    ex)));
        }
        return ExitCodes.of(ex);
    }

    /**
     * Prints a failure for people.
     *
     * @param error the failure
     * @param err   standard error
     * @param debug whether to add the stack trace of a deliberate failure
     */
    static void report(Throwable error, PrintWriter err, boolean debug) {
        if (ExitCodes.isInterruption(error)) {
            err.println("Interrupted: " + oneLine(String.valueOf(error.getMessage())));
        } else if (error instanceof SpecValidationException invalid) {
            err.println("Invalid spec " + invalid.source() + ":");
            invalid.violations().forEach(v -> err.println(v.format()));
        } else if (error instanceof FactoryException fe) {
            err.println("Error: " + fe.getMessage());
            if (fe instanceof BackendUnavailableException unavailable && !unavailable.lookedFor().isEmpty()
                    && !fe.getMessage().contains(unavailable.lookedFor().get(0))) {
                err.println("Looked for:");
                unavailable.lookedFor().forEach(item -> err.println("  - " + item));
            }
        } else {
            err.println("Internal error: " + error + ". This is a bug in The Factory; please report it with the"
                    + " stack trace below.");
            err.println(stackTrace(error));
            LOG.debug("internal error", error);
        }
        printRecoveryOptions(err, recoveryOptions(error));
        if (debug && ExitCodes.isExpected(error)) {
            err.println(stackTrace(error));
        }
        err.flush();
    }

    private static int indexOf(List<String> options, String text) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param failure how an interrupted build ended
     * @return whether the library offers to resume it: false for a build stopped before its first checkpoint, whose
     *         repository holds nothing to resume (its options say to start it again)
     */
    static boolean offersResume(FactoryException failure) {
        return failure.recoveryOptions().stream().anyMatch(o -> LIBRARY_RESUME.matcher(o).find());
    }

    /**
     * @param error a failure
     * @return its recovery options, with the command line's own where the library's are worded for a library caller
     *         (a build refused by {@code --require-features} gets {@code --require-features none}); empty for an
     *         error that is not a {@link FactoryException}
     */
    static List<String> recoveryOptions(Throwable error) {
        if (!(error instanceof FactoryException fe)) {
            return List.of();
        }
        List<String> options = new ArrayList<>(fe.recoveryOptions());
        if (fe instanceof RequirementsNotMetException) {
            // the library's option names FeatureRequirement.NONE; on the command line it is this flag
            int library = indexOf(options, "FeatureRequirement.NONE");
            String cli = "publish anyway: run the same command with --require-features none (the published project "
                    + "and its summary say what was not implemented)";
            if (library >= 0) {
                options.set(library, cli);
            } else {
                options.add(cli);
            }
        }
        if (fe instanceof NothingToResumeException || fe instanceof BuildNotFoundException
                || fe instanceof CheckpointException) {
            // the library's options name no command and no flag; on the command line they are these
            options.replaceAll(o -> switch (o) {
                case "start a new build" -> "start a new build (factory build)";
                case "start a new build to build the project again" ->
                        "start a new build (factory build) to build the project again";
                case "check that the checkpoint repository is the one the build was saved in" ->
                        "pass the state directory (--state DIR) the build was saved in";
                default -> o;
            });
        }
        // the library's options name its API; on the command line the same choices are flags and variables
        options.replaceAll(o -> LIBRARY_RESUME.matcher(o).replaceAll("resume it: factory resume --build $1"));
        options.replaceAll(ErrorHandler::forCommandLine);
        options.replaceAll(o -> o
                .replace("configure an integrated backend (Mode.AUTO or Mode.INTEGRATED with one on the class path, "
                        + "such as the LLM backend of factory-llm)", "configure an integrated backend (the llm backend: "
                        + "set FACTORY_LLM_BASE_URL and FACTORY_LLM_MODEL, see docs/llm-backend.md) and build with "
                        + "--mode auto or integrated")
                .replace("use --mode minimal (Mode.MINIMAL) for a small but valid project, with "
                        + "FeatureRequirement.NONE:", "use --mode minimal --require-features none for a small but "
                        + "valid project:")
                .replace("use --mode minimal (Mode.MINIMAL) for a small but valid project",
                        "use --mode minimal for a small but valid project")
                .replace("add an integrated backend jar to the class path (plugins/ for the CLI)",
                        "add an integrated backend: its jar in plugins/, or the llm backend configured through "
                        + "FACTORY_LLM_BASE_URL and FACTORY_LLM_MODEL"));
        if (fe instanceof OutputConflictException) {
            // the library's options name builder methods; on the command line they are flags
            options.replaceAll(o -> o.replace("build with Factory.Builder.overwrite(true)", "run again with --overwrite")
                    .replace("(Factory.Builder.outputDirectory)", "(--out DIR)"));
            if (options.stream().noneMatch(o -> o.contains("--overwrite"))) {
                options.add(0, "run again with --overwrite: the old tree is moved aside under .trash and kept");
            }
        }
        return options;
    }

    /**
     * @param text a library message, recovery option or note, which names the API
     * @return the same text naming the command line's flags instead
     */
    static String forCommandLine(String text) {
        return FEATURE_REQUIREMENT.matcher(text
                        .replace("use a checkpoint repository in another directory", "pass another state directory "
                                + "(--state DIR)")
                        .replace("build with FeatureRequirement.NONE", "run with --require-features none"))
                .replaceAll(m -> "--require-features " + m.group(1).toLowerCase(Locale.ROOT));
    }

    /**
     * @param err     standard error
     * @param options the recovery options; nothing is printed when empty
     */
    static void printRecoveryOptions(PrintWriter err, List<String> options) {
        if (!options.isEmpty()) {
            err.println("Recovery options:");
            options.forEach(option -> err.println("  - " + option));
        }
    }

    /** @return whether the option was given to the command or to any of its parents */
    static boolean hasOption(ParseResult parseResult, String option) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(option)) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String message) {
        String text = String.valueOf(message).strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }

    private static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString().stripTrailing();
    }
}

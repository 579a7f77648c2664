package dev.thefactory.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code factory} command: turns a project specification into a generated, validated project.
 *
 * <pre>
 * factory validate --spec FILE [--json]
 * factory build    --spec FILE [--out DIR] [--state DIR] [--mode auto|integrated|standalone|minimal]
 *                  [--faults SPEC] [--events FILE] [--json]
 * factory resume   [--build ID] [--state DIR] [--force] [--faults SPEC] [--events FILE] [--json]
 * factory doctor   [--json]
 * </pre>
 *
 * <p>Run it with {@link #main(String[])}, or in-process with {@link #newCommandLine()}{@code .execute(args)}, which
 * returns the exit code instead of exiting. Exit codes: 0 success, 1 build failed, 2 invalid input, 3 environment,
 * 130 interrupted. An instance is used for one execution; it is not thread-safe.
 */
@Command(name = "factory",
        mixinStandardHelpOptions = true,
        versionProvider = FactoryCli.Version.class,
        description = "Turns a project specification into a generated, validated project.",
        subcommands = {ValidateCommand.class, BuildCommand.class, ResumeCommand.class, DoctorCommand.class,
                WorkerCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 build failed, 2 invalid input, 3 environment, 130 interrupted.",
                "Environment: FACTORY_PLUGINS names the plugins directory (default <repo>/plugins)."})
public final class FactoryCli implements Runnable {

    /** System property with the plugins directory, set by the {@code factory} launcher. */
    static final String PLUGINS_PROPERTY = "factory.plugins";

    private static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Log what the build does (level INFO) on standard error.")
    boolean verbose;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Log everything (level DEBUG) and print stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Creates the top-level command; picocli fills its options. */
    public FactoryCli() {
        // Options are injected by picocli.
    }

    /**
     * Runs the command and exits the JVM with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        configureLogging(List.of(args));
        int exitCode;
        try {
            exitCode = newCommandLine().execute(args);
        } catch (RuntimeException | Error e) {
            // picocli hands errors thrown outside the commands (e.g. while printing help) to the caller.
            PrintWriter err = new PrintWriter(System.err, true);
            ErrorHandler.report(e, err, true);
            exitCode = ExitCodes.of(e);
        }
        System.exit(exitCode);
    }

    /**
     * A command line for this application with the CLI's error handling and exit codes; its output goes to
     * {@code System.out} and {@code System.err} unless changed with {@link CommandLine#setOut} and
     * {@link CommandLine#setErr}.
     *
     * @return a new command line
     */
    public static CommandLine newCommandLine() {
        ErrorHandler errors = new ErrorHandler();
        return new CommandLine(new FactoryCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors)
                .setExitCodeExceptionMapper(errors);
    }

    /**
     * Sets slf4j-simple's level from {@code --verbose} and {@code --debug}. It must run before the first logger is
     * created, hence before picocli parses; an explicit {@code -Dorg.slf4j.simpleLogger.defaultLogLevel} wins.
     */
    static void configureLogging(List<String> args) {
        // Hibernate Validator logs through JBoss Logging, which would pick java.util.logging and print INFO lines on
        // standard error; route it to SLF4J so the CLI's log level applies to it too.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        if (System.getProperty(LOG_LEVEL_PROPERTY) != null) {
            return;
        }
        int end = args.indexOf("--");
        List<String> options = end < 0 ? args : args.subList(0, end);
        if (options.contains("--debug")) {
            System.setProperty(LOG_LEVEL_PROPERTY, "debug");
        } else if (options.contains("--verbose")) {
            System.setProperty(LOG_LEVEL_PROPERTY, "info");
        }
    }

    /** Without a subcommand: the usage help, and exit code 2 (a command is required). */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is required: validate, build, resume or doctor");
    }

    /** Reads the version Maven wrote into {@code version.properties}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "factory " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
            };
        }

        static String version() {
            try (InputStream in = FactoryCli.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    return "unknown (version.properties is missing)";
                }
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read version.properties", e);
            }
        }
    }
}

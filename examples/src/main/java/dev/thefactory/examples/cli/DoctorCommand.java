package dev.thefactory.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thefactory.Backends;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.tools.ToolProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code factory doctor [--json]}: checks that this machine can run builds. Reports the Java runtime, whether the
 * in-process Java compiler is available (without it generated Java is reported as unchecked), every backend
 * provider found with its tier, health and jar, the providers that failed to load and why, the plugins directory and
 * its jars, and whether the state and output directories can be written. Exit code 0 when builds can run, 3 when
 * they cannot. Not thread-safe (one instance per execution).
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Checks Java, the compiler, the backends, the plugins directory and the directories.")
final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the report as one JSON object on standard output.")
    boolean json;

    @Option(names = "--state", paramLabel = "DIR", defaultValue = ".factory",
            description = "State directory to check (default: ${DEFAULT-VALUE}).")
    Path state;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "outputs",
            description = "Output directory to check (default: ${DEFAULT-VALUE}).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        boolean compiler = ToolProvider.getSystemJavaCompiler() != null;
        if (!compiler) {
            warnings.add("no Java compiler in this runtime (a JRE, not a JDK): generated Java will be reported as"
                    + " unchecked instead of compiled; run with a JDK to check it");
        }

        Backends.Report discovery = Backends.discover(Thread.currentThread().getContextClassLoader());
        List<Backends.Backend> backends = discovery.backends();
        for (Backends.Backend backend : backends) {
            if (!backend.health().healthy()) {
                warnings.add("backend " + backend.id() + " is down: " + backend.health().detail());
            }
        }
        if (backends.stream().noneMatch(b -> b.health().healthy())) {
            problems.add("no backend is healthy, so no build can run");
        }
        for (Backends.Skipped skipped : discovery.skipped()) {
            warnings.add("provider " + skipped.provider() + " was skipped: " + skipped.reason());
        }

        Path plugins = pluginsDirectory();
        List<Path> jars = jars(plugins, warnings);
        Set<Path> classPath = classPath();
        for (Path jar : jars) {
            if (!classPath.contains(real(jar))) {
                warnings.add("plugin " + jar.getFileName() + " is not on the class path: start the CLI with the"
                        + " factory launcher, which adds " + plugins + "/* to it");
            }
        }

        Directories.Check stateCheck = Directories.check(state);
        Directories.Check outCheck = Directories.check(out);
        if (!stateCheck.writable()) {
            problems.add("state directory " + stateCheck.path() + " " + stateCheck.detail() + "; pass another with"
                    + " --state DIR");
        }
        if (!outCheck.writable()) {
            problems.add("output directory " + outCheck.path() + " " + outCheck.detail() + "; pass another with"
                    + " --out DIR");
        }

        boolean usable = problems.isEmpty();
        if (json) {
            Json.print(commandSpec.commandLine().getOut(), toJson(usable, compiler, backends, discovery, plugins,
                    jars, stateCheck, outCheck, warnings, problems));
        } else {
            print(commandSpec.commandLine().getOut(), usable, compiler, backends, discovery, plugins, jars,
                    stateCheck, outCheck, warnings, problems);
        }
        return usable ? ExitCodes.OK : ExitCodes.ENVIRONMENT;
    }

    /** @return {@code -Dfactory.plugins} (set by the launcher), else {@code $FACTORY_PLUGINS}, else {@code plugins} */
    static Path pluginsDirectory() {
        String property = System.getProperty(FactoryCli.PLUGINS_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        String env = System.getenv("FACTORY_PLUGINS");
        return Path.of(env != null && !env.isBlank() ? env : "plugins").toAbsolutePath().normalize();
    }

    private static List<Path> jars(Path dir, List<String> warnings) {
        List<Path> jars = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return jars;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.jar")) {
            entries.forEach(jars::add);
        } catch (IOException e) {
            warnings.add("plugins directory " + dir + " cannot be listed: " + Directories.describe(e));
        }
        jars.sort(null);
        return jars;
    }

    private static Set<Path> classPath() {
        Set<Path> entries = new HashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(real(Path.of(entry)));
            }
        }
        return entries;
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static ObjectNode toJson(boolean usable, boolean compiler, List<Backends.Backend> backends,
            Backends.Report discovery, Path plugins, List<Path> jars, Directories.Check stateCheck,
            Directories.Check outCheck, List<String> warnings, List<String> problems) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("usable", usable);
        json.putObject("java")
                .put("version", System.getProperty("java.version"))
                .put("vendor", System.getProperty("java.vendor"))
                .put("home", System.getProperty("java.home"));
        json.putObject("compiler").put("available", compiler);
        ArrayNode list = json.putArray("backends");
        for (Backends.Backend b : backends) {
            list.addObject()
                    .put("id", b.id())
                    .put("tier", b.tier().name())
                    .put("healthy", b.health().healthy())
                    .put("health", b.health().detail())
                    .put("className", b.className())
                    .put("jar", b.location());
        }
        ArrayNode skipped = json.putArray("failedProviders");
        for (Backends.Skipped s : discovery.skipped()) {
            skipped.addObject().put("provider", s.provider()).put("reason", s.reason());
        }
        ObjectNode pluginsJson = json.putObject("plugins")
                .put("directory", plugins.toString())
                .put("exists", Files.isDirectory(plugins));
        ArrayNode jarList = pluginsJson.putArray("jars");
        jars.forEach(jar -> jarList.add(jar.getFileName().toString()));
        json.set("stateDirectory", directoryJson(stateCheck));
        json.set("outputDirectory", directoryJson(outCheck));
        ArrayNode warningList = json.putArray("warnings");
        warnings.forEach(warningList::add);
        ArrayNode problemList = json.putArray("problems");
        problems.forEach(problemList::add);
        return json;
    }

    private static ObjectNode directoryJson(Directories.Check check) {
        return Json.MAPPER.createObjectNode()
                .put("path", check.path().toString())
                .put("exists", check.exists())
                .put("writable", check.writable())
                .put("detail", check.detail());
    }

    private static void print(PrintWriter out, boolean usable, boolean compiler, List<Backends.Backend> backends,
            Backends.Report discovery, Path plugins, List<Path> jars, Directories.Check stateCheck,
            Directories.Check outCheck, List<String> warnings, List<String> problems) {
        out.printf("Java:       %s (%s) at %s%n", System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("java.home"));
        out.printf("Compiler:   %s%n", compiler ? "javac available in-process" : "NOT available (a JRE)");
        out.println("Backends:");
        int width = backends.stream().mapToInt(b -> b.id().length()).max().orElse(1);
        for (Backends.Backend b : backends) {
            out.printf("  %-" + width + "s  %-10s  %-4s  %s%n", b.id(), b.tier().name(),
                    b.health().healthy() ? "up" : "DOWN", b.location());
            if (!b.health().healthy() || !b.health().detail().equals("ok")) {
                // why it is down, or what it talks to (e.g. the llm backend's model and base URL; never a key)
                out.printf("  %-" + width + "s  %s%n", "", b.health().detail());
            }
        }
        if (!discovery.skipped().isEmpty()) {
            out.println("Failed to load:");
            discovery.skipped().forEach(s -> out.printf("  %s: %s%n", s.provider(), s.reason()));
        }
        if (!Files.isDirectory(plugins)) {
            out.printf("Plugins:    %s (does not exist; create it and drop backend jars into it)%n", plugins);
        } else if (jars.isEmpty()) {
            out.printf("Plugins:    %s (no jars)%n", plugins);
        } else {
            out.printf("Plugins:    %s%n", plugins);
            jars.forEach(jar -> out.printf("  %s%n", jar.getFileName()));
        }
        out.printf("State:      %s (%s)%n", stateCheck.path(), stateCheck.detail());
        out.printf("Output:     %s (%s)%n", outCheck.path(), outCheck.detail());
        warnings.forEach(w -> out.printf("Warning:    %s%n", w));
        problems.forEach(p -> out.printf("Problem:    %s%n", p));
        out.println(usable ? "Ready: builds can run." : "Not ready: fix the problems above.");
        out.flush();
    }
}

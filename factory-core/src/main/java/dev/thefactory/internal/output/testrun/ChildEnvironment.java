package dev.thefactory.internal.output.testrun;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The environment a generated project's tests run with: the factory's own, without anything that may hold a secret,
 * so that generated code can never read an API key. Removed are variables whose upper-cased name contains one of
 * {@link #SECRET_MARKERS} (which covers {@code FACTORY_LLM_API_KEY}), every {@code FACTORY_LLM_*} variable, and the
 * variables that would inject options or agents into a JVM ({@link #JVM_INJECTION}).
 *
 * <p>Immutable and thread-safe.
 */
final class ChildEnvironment {

    /** Parts of a variable name that mark it as a secret. */
    static final List<String> SECRET_MARKERS = List.of("KEY", "TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASSPHRASE",
            "CREDENTIAL", "PRIVATE", "AUTH", "COOKIE", "SESSION");
    /** Variables a JVM reads options from; dropped so that the child runs with exactly the options given. */
    static final List<String> JVM_INJECTION = List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS",
            "CLASSPATH");
    /** The prefix of the factory's LLM settings, none of which a generated project needs. */
    static final String FACTORY_LLM_PREFIX = "FACTORY_LLM_";

    private final Map<String, String> variables;

    private ChildEnvironment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /**
     * @param parent the environment to start from (usually {@link System#getenv()})
     * @return it without secrets
     */
    static ChildEnvironment of(Map<String, String> parent) {
        Objects.requireNonNull(parent, "parent");
        Map<String, String> kept = new TreeMap<>();
        parent.forEach((name, value) -> {
            if (name != null && value != null && !isRemoved(name)) {
                kept.put(name, value);
            }
        });
        return new ChildEnvironment(kept);
    }

    /**
     * @param name a variable's name
     * @return true when it is not passed to the child
     */
    static boolean isRemoved(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith(FACTORY_LLM_PREFIX) || JVM_INJECTION.contains(upper)
                || SECRET_MARKERS.stream().anyMatch(upper::contains);
    }

    /** @return the variables passed to the child, unmodifiable */
    Map<String, String> variables() {
        return variables;
    }

    /**
     * @param extra variables to add or replace
     * @return the variables with those added, unmodifiable
     */
    Map<String, String> with(Map<String, String> extra) {
        Map<String, String> all = new TreeMap<>(variables);
        all.putAll(extra);
        return Map.copyOf(all);
    }

    /**
     * @param command a program's name, such as {@code go}
     * @return the program found on this environment's {@code PATH}, if any
     */
    Optional<Path> find(String command) {
        String path = variables.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

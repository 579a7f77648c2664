package dev.thefactory.examples.custom;

import dev.thefactory.api.AgentException;
import dev.thefactory.api.ProjectSpec;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The Maven coordinates and Java names of a generated library, derived deterministically from the spec's name:
 * {@code "Text Stats!"} gives artifact {@code text-stats}, package {@code com.example.textstats} and class
 * {@code TextStats}. Names are restricted to ASCII letters and digits, so whatever the spec says, they are valid
 * identifiers and file names. Immutable and thread-safe.
 *
 * @param groupId     the Maven group id
 * @param artifactId  the Maven artifact id, lower-case with {@code -}
 * @param packageName the Java package
 * @param className   the simple name of the library's entry class
 */
record LibraryCoordinates(String groupId, String artifactId, String packageName, String className) {

    static final String GROUP_ID = "com.example";
    static final String FACT_GROUP_ID = "library.groupId";
    static final String FACT_ARTIFACT_ID = "library.artifactId";
    static final String FACT_PACKAGE = "library.package";
    static final String FACT_CLASS = "library.className";

    private static final int MAX_NAME_LENGTH = 60;
    /** Names the generated sources declare or import; the entry class must not take one. */
    private static final Set<String> RESERVED = Set.of("Feature", "Scope", "Arrays", "List", "Locale", "Objects",
            "Optional", "Test", "Assertions");

    LibraryCoordinates {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(className, "className");
        if (!SourceVersion.isName(packageName)) {
            throw new IllegalArgumentException("packageName must be a valid Java package name but was '"
                    + packageName + "'");
        }
        if (!SourceVersion.isIdentifier(className) || SourceVersion.isKeyword(className)) {
            throw new IllegalArgumentException("className must be a valid Java identifier but was '" + className
                    + "'");
        }
        if (!artifactId.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("artifactId must be lower-case letters and digits joined by '-' but"
                    + " was '" + artifactId + "'");
        }
    }

    /**
     * @param spec a validated spec
     * @return the coordinates for its name
     */
    static LibraryCoordinates of(ProjectSpec spec) {
        String[] words = spec.name().toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        StringBuilder artifact = new StringBuilder();
        StringBuilder type = new StringBuilder();
        for (String word : words) {
            if (word.isEmpty() || artifact.length() + word.length() > MAX_NAME_LENGTH) {
                continue;
            }
            artifact.append(artifact.length() == 0 ? "" : "-").append(word);
            type.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        String artifactId = artifact.length() == 0 ? "library" : artifact.toString();
        String segment = artifactId.replace("-", "");
        if (!Character.isLetter(segment.charAt(0)) || SourceVersion.isKeyword(segment)) {
            segment = "lib" + segment;
        }
        String className = type.length() == 0 ? "Library" : type.toString();
        if (!Character.isLetter(className.charAt(0)) || clashes(className)) {
            className = Character.isLetter(className.charAt(0)) ? className + "Library" : "Library" + className;
        }
        return new LibraryCoordinates(GROUP_ID, artifactId, GROUP_ID + "." + segment, className);
    }

    /**
     * @param facts the facts the {@code analyze} task published
     * @return the coordinates they describe
     * @throws AgentException (permanent) when a fact is missing, i.e. {@code analyze} did not run on this backend
     */
    static LibraryCoordinates fromFacts(Map<String, String> facts) {
        return new LibraryCoordinates(fact(facts, FACT_GROUP_ID), fact(facts, FACT_ARTIFACT_ID),
                fact(facts, FACT_PACKAGE), fact(facts, FACT_CLASS));
    }

    /** @return the facts {@link #fromFacts(Map)} reads */
    Map<String, String> toFacts() {
        return Map.of(FACT_GROUP_ID, groupId, FACT_ARTIFACT_ID, artifactId, FACT_PACKAGE, packageName,
                FACT_CLASS, className);
    }

    /** @return the package as a path, e.g. {@code com/example/textstats} */
    String packagePath() {
        return packageName.replace('.', '/');
    }

    static String fact(Map<String, String> facts, String key) {
        String value = facts.get(key);
        if (value == null) {
            throw AgentException.permanentFailure("fact '" + key + "' is missing: the ANALYZE and DESIGN phases must"
                    + " run on " + ExampleIntegratedBackendProvider.ID + " before this task; facts present: "
                    + facts.keySet());
        }
        return value;
    }

    /**
     * A class named like one of {@code java.lang} (e.g. {@code String}) would shadow it in the generated code, and
     * one named like its own nested types or an imported type would not compile.
     */
    private static boolean clashes(String className) {
        if (RESERVED.contains(className)) {
            return true;
        }
        try {
            Class.forName("java.lang." + className, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}

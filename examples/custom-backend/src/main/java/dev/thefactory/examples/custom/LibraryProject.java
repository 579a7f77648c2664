package dev.thefactory.examples.custom;

import dev.thefactory.examples.custom.FeatureTable.Entry;
import dev.thefactory.examples.custom.FeatureTable.Scope;
import dev.thefactory.spi.GeneratedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Renders the files of a generated library from its coordinates, its feature table and the spec's name and
 * description. Pure: the same inputs always give the same bytes (no dates, no randomness, fixed order).
 * Immutable and thread-safe.
 */
final class LibraryProject {

    /** Versions the generated build pins; the same as The Factory's own build uses. */
    static final String JUNIT_VERSION = "5.14.1";
    static final String SUREFIRE_VERSION = "3.5.4";
    static final String COMPILER_VERSION = "3.14.0";

    private static final String LICENSE_RESOURCE = "apache-2.0.txt";

    private final LibraryCoordinates coordinates;
    private final FeatureTable features;
    private final String name;
    private final String description;

    /**
     * @param coordinates the names
     * @param features    the features
     * @param name        the spec's project name (untrusted)
     * @param description the spec's description (untrusted, may be empty)
     */
    LibraryProject(LibraryCoordinates coordinates, FeatureTable features, String name, String description) {
        this.coordinates = Objects.requireNonNull(coordinates, "coordinates");
        this.features = Objects.requireNonNull(features, "features");
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
    }

    /** @return every path the project will contain, in a fixed order */
    List<String> plannedPaths() {
        return Stream.of(build(), code(), tests(), docs()).flatMap(List::stream).map(GeneratedFile::path).toList();
    }

    /** @return {@code pom.xml} and {@code .gitignore} */
    List<GeneratedFile> build() {
        return List.of(new GeneratedFile("pom.xml", pom()), new GeneratedFile(".gitignore", "target/\n"));
    }

    /** @return the entry class and its {@code package-info.java} */
    List<GeneratedFile> code() {
        String dir = "src/main/java/" + coordinates.packagePath() + "/";
        return List.of(new GeneratedFile(dir + coordinates.className() + ".java", mainClass()),
                new GeneratedFile(dir + "package-info.java", packageInfo()));
    }

    /** @return the JUnit test of the entry class */
    List<GeneratedFile> tests() {
        return List.of(new GeneratedFile("src/test/java/" + coordinates.packagePath() + "/" + coordinates.className()
                + "Test.java", testClass()));
    }

    /**
     * @return the generated tests of the entry class, as {@code Class#method}: they compile and pass only as Java
     *         code, so they are the evidence of the language
     */
    List<String> testNames() {
        String cls = coordinates.packageName() + "." + coordinates.className() + "Test#";
        return List.of(cls + "everyFeatureIsFoundByItsTextWithSurroundingSpace",
                cls + "scopesHoldTheSpecifiedNumberOfFeatures", cls + "blankTextMatchesNoFeature",
                cls + "nullArgumentsAreRejected", cls + "nameIsTheProjectName");
    }

    /** @return {@code README.md}, {@code LICENSE} and {@code CONTRIBUTING.md} */
    List<GeneratedFile> docs() {
        return List.of(new GeneratedFile("README.md", readme()), new GeneratedFile("LICENSE", license()),
                new GeneratedFile("CONTRIBUTING.md", contributing()));
    }

    private String summary() {
        return description.isBlank() ? name : description;
    }

    private String pom() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>0.1.0-SNAPSHOT</version>
                  <name>%s</name>
                  <description>%s</description>

                  <licenses>
                    <license>
                      <name>Apache-2.0</name>
                      <url>https://www.apache.org/licenses/LICENSE-2.0.txt</url>
                    </license>
                  </licenses>

                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>

                  <dependencies>
                    <dependency>
                      <groupId>org.junit.jupiter</groupId>
                      <artifactId>junit-jupiter</artifactId>
                      <version>%s</version>
                      <scope>test</scope>
                    </dependency>
                  </dependencies>

                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>%s</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>%s</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(coordinates.groupId(), coordinates.artifactId(), SourceText.xml(name),
                SourceText.xml(summary()), JUNIT_VERSION, COMPILER_VERSION, SUREFIRE_VERSION);
    }

    private String packageInfo() {
        return """
                /**
                 * %s: %s
                 */
                package %s;
                """.formatted(SourceText.javadoc(name), SourceText.javadoc(summary()), coordinates.packageName());
    }

    private String mainClass() {
        String cls = coordinates.className();
        StringBuilder constants = new StringBuilder();
        List<Entry> entries = features.entries();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            constants.append("        /** ").append(SourceText.javadoc(e.text())).append(" */\n")
                    .append("        ").append(e.constant()).append('(').append(SourceText.javaString(e.text()))
                    .append(", Scope.").append(e.scope().name()).append(')')
                    .append(i + 1 < entries.size() ? ",\n" : ";\n");
        }
        if (entries.isEmpty()) {
            constants.append("        ;\n");
        }
        return """
                package %1$s;

                import java.util.Arrays;
                import java.util.List;
                import java.util.Locale;
                import java.util.Objects;
                import java.util.Optional;

                /**
                 * %2$s: the library's features, by scope and by name.
                 *
                 * <p>%3$s
                 *
                 * <p>Stateless and thread-safe.
                 */
                public final class %4$s {

                    /** Where a feature belongs. */
                    public enum Scope {
                        /** Part of the minimum viable product. */
                        CORE,
                        /** Beyond the minimum viable product. */
                        EXTENDED
                    }

                    /** The features, in the order of the specification. */
                    public enum Feature {
                %5$s
                        private final String text;
                        private final Scope scope;

                        Feature(String text, Scope scope) {
                            this.text = text;
                            this.scope = scope;
                        }

                        /** @return the feature as the specification words it */
                        public String text() {
                            return text;
                        }

                        /** @return the feature's scope */
                        public Scope scope() {
                            return scope;
                        }
                    }

                    private %4$s() {
                    }

                    /** @return the project's name */
                    public static String name() {
                        return %6$s;
                    }

                    /** @return what the project is; may be empty */
                    public static String description() {
                        return %7$s;
                    }

                    /**
                     * @param scope the scope
                     * @return the features of that scope, in order
                     * @throws NullPointerException if {@code scope} is null
                     */
                    public static List<Feature> features(Scope scope) {
                        Objects.requireNonNull(scope, "scope");
                        return Arrays.stream(Feature.values()).filter(f -> f.scope() == scope).toList();
                    }

                    /**
                     * Finds a feature by its text, ignoring case and surrounding white space.
                     *
                     * @param text the text
                     * @return the feature, if there is one with that text
                     * @throws NullPointerException if {@code text} is null
                     */
                    public static Optional<Feature> find(String text) {
                        Objects.requireNonNull(text, "text");
                        String wanted = normalize(text);
                        return Arrays.stream(Feature.values()).filter(f -> normalize(f.text()).equals(wanted)).findFirst();
                    }

                    private static String normalize(String text) {
                        return text.strip().toLowerCase(Locale.ROOT);
                    }
                }
                """.formatted(coordinates.packageName(), SourceText.javadoc(name), SourceText.javadoc(summary()), cls,
                constants, SourceText.javaString(name), SourceText.javaString(description));
    }

    private String testClass() {
        String cls = coordinates.className();
        return """
                package %1$s;

                import static org.junit.jupiter.api.Assertions.assertEquals;
                import static org.junit.jupiter.api.Assertions.assertThrows;
                import static org.junit.jupiter.api.Assertions.assertTrue;

                import java.util.Optional;
                import org.junit.jupiter.api.Test;

                class %2$sTest {

                    @Test
                    void everyFeatureIsFoundByItsTextWithSurroundingSpace() {
                        for (%2$s.Feature feature : %2$s.Feature.values()) {
                            assertEquals(Optional.of(feature), %2$s.find("  " + feature.text() + "\\t"));
                        }
                    }

                    @Test
                    void scopesHoldTheSpecifiedNumberOfFeatures() {
                        assertEquals(%3$d, %2$s.features(%2$s.Scope.CORE).size());
                        assertEquals(%4$d, %2$s.features(%2$s.Scope.EXTENDED).size());
                    }

                    @Test
                    void blankTextMatchesNoFeature() {
                        assertTrue(%2$s.find(" ").isEmpty());
                    }

                    @Test
                    void nullArgumentsAreRejected() {
                        assertThrows(NullPointerException.class, () -> %2$s.find(null));
                        assertThrows(NullPointerException.class, () -> %2$s.features(null));
                    }

                    @Test
                    void nameIsTheProjectName() {
                        assertEquals(%5$s, %2$s.name());
                    }
                }
                """.formatted(coordinates.packageName(), cls, features.count(Scope.CORE),
                features.count(Scope.EXTENDED), SourceText.javaString(name));
    }

    private String readme() {
        StringBuilder s = new StringBuilder();
        s.append("# ").append(SourceText.markdown(name)).append("\n\n");
        if (!description.isBlank()) {
            s.append(SourceText.markdown(description)).append("\n\n");
        }
        s.append("A Java 17 library. Its entry point is `").append(coordinates.packageName()).append('.')
                .append(coordinates.className()).append("`.\n\n");
        appendFeatures(s, "Core features", Scope.CORE);
        appendFeatures(s, "Extended features", Scope.EXTENDED);
        s.append("""
                ## Build

                ```
                mvn -B verify
                ```

                ## Use

                ```xml
                <dependency>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>0.1.0-SNAPSHOT</version>
                </dependency>
                ```

                See [CONTRIBUTING.md](CONTRIBUTING.md) to contribute. Licensed under the Apache License 2.0, see
                [LICENSE](LICENSE).
                """.formatted(coordinates.groupId(), coordinates.artifactId()));
        return s.toString();
    }

    private void appendFeatures(StringBuilder s, String heading, Scope scope) {
        List<Entry> entries = features.entries().stream().filter(e -> e.scope() == scope).toList();
        if (entries.isEmpty()) {
            return;
        }
        s.append("## ").append(heading).append("\n\n");
        for (Entry e : entries) {
            s.append("- ").append(SourceText.markdown(e.text())).append(" (`Feature.").append(e.constant())
                    .append("`)\n");
        }
        s.append('\n');
    }

    private String contributing() {
        return """
                # Contributing to %s

                Thank you for helping. Please:

                1. Open an issue first for anything larger than a small fix, so the change can be discussed.
                2. Keep changes focused, and add or update tests in `src/test/java` with every change of behaviour.
                3. Run `mvn -B verify` and make sure it passes before you open a pull request.
                4. Describe what the change does and why in the pull request.

                By contributing you agree that your contributions are licensed under the Apache License 2.0
                (see `LICENSE`).
                """.formatted(SourceText.markdown(name));
    }

    private static String license() {
        try (InputStream in = LibraryProject.class.getResourceAsStream(LICENSE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + LICENSE_RESOURCE + " is missing from the "
                        + ExampleIntegratedBackendProvider.ID + " jar; rebuild the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + LICENSE_RESOURCE, e);
        }
    }
}

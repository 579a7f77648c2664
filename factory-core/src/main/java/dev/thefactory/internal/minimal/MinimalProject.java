package dev.thefactory.internal.minimal;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.Requirement;
import dev.thefactory.api.RequirementSection;
import dev.thefactory.spi.GeneratedFile;
import dev.thefactory.spi.RequirementClaim;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;

/**
 * The files of the minimal project of one spec. Pure functions of the spec, so the same spec always gives the same
 * bytes. Every piece of spec text is escaped for the file it lands in (Java string literal, XML, properties,
 * Markdown), so no spec can break the generated project's syntax. Immutable and thread-safe.
 */
final class MinimalProject {

    static final String GROUP_ID = "org.example";
    static final String MAIN_CLASS = "Application";

    /** Why the minimal project does not claim the Java language or Maven it is written in and built with. */
    static final String UNPROVEN = "the minimal backend writes a Java 17 Maven skeleton (pom.xml and a main class) "
            + "but no test, so nothing it generates runs to prove this";
    private static final int MAX_IDENTIFIER = 40;

    private final ProjectSpec spec;
    private final String artifactId;
    private final String javaPackage;

    private MinimalProject(ProjectSpec spec) {
        this.spec = spec;
        this.artifactId = artifactId(spec.name());
        this.javaPackage = GROUP_ID + "." + packageSegment(spec.name());
    }

    /**
     * @param spec a validated spec
     * @return its minimal project
     */
    static MinimalProject of(ProjectSpec spec) {
        return new MinimalProject(Objects.requireNonNull(spec, "spec"));
    }

    String artifactId() {
        return artifactId;
    }

    String javaPackage() {
        return javaPackage;
    }

    List<String> plannedFiles() {
        return Stream.of(buildFiles(), codeFiles(), docFiles()).flatMap(List::stream).map(GeneratedFile::path)
                .sorted().toList();
    }

    List<String> notes() {
        return List.of("The minimal backend generated a project skeleton (build file, main class, configuration, "
                + "README); the spec's features are listed in the README but not implemented. Build with the "
                + "'simple' backend or an integrated one for working code.");
    }

    /**
     * What the minimal project honours: nothing it can prove. The skeleton is a Java 17 Maven project, but it has no
     * test, and the ledger counts a requirement only with a generated test that ran and passed; so the language entry
     * and a Maven entry are claimed not implemented with that reason ({@link #UNPROVEN}), features with theirs, and
     * every other requirement with its own, so the ledger says why rather than "no backend claimed it".
     *
     * @return one claim per requirement of the spec
     */
    List<RequirementClaim> claims() {
        String language = Requirement.language(spec).map(Requirement::id).orElse(null);
        List<RequirementClaim> claims = new ArrayList<>();
        for (Requirement requirement : Requirement.of(spec)) {
            if (requirement.id().equals(language) && namesJava(requirement.text())
                    || requirement.section() == RequirementSection.TECH_STACK && names(requirement.text(), "maven")) {
                claims.add(RequirementClaim.notImplemented(requirement.id(), UNPROVEN));
            } else if (requirement.isFeature()) {
                claims.add(RequirementClaim.notImplemented(requirement.id(), "the minimal backend implements no "
                        + "feature: it generates a compiling skeleton whose README lists the features"));
            } else {
                claims.add(RequirementClaim.notImplemented(requirement.id(), "the minimal backend does not act on "
                        + "this: it generates a compiling Java 17 Maven skeleton and nothing else"));
            }
        }
        return claims;
    }

    /** @return true when the text asks for Java (of any version), not JavaScript */
    static boolean namesJava(String text) {
        return names(text, "java");
    }

    /** @return true when one of the text's words, in lower case, is {@code word} */
    private static boolean names(String text, String word) {
        for (String each : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (each.equals(word)) {
                return true;
            }
        }
        return false;
    }

    List<GeneratedFile> buildFiles() {
        return List.of(new GeneratedFile("pom.xml", pom()), new GeneratedFile(".gitignore", "target/\n*.class\n"),
                new GeneratedFile("src/main/resources/application.properties", properties()));
    }

    List<GeneratedFile> codeFiles() {
        return List.of(new GeneratedFile("src/main/java/" + javaPackage.replace('.', '/') + "/" + MAIN_CLASS + ".java",
                mainClass()));
    }

    List<GeneratedFile> docFiles() {
        return List.of(new GeneratedFile("README.md", readme()));
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
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.14.0</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-jar-plugin</artifactId>
                        <version>3.4.2</version>
                        <configuration>
                          <archive>
                            <manifest>
                              <mainClass>%s.%s</mainClass>
                            </manifest>
                          </archive>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(GROUP_ID, artifactId, xml(spec.name()), xml(firstLine(spec.description())),
                javaPackage, MAIN_CLASS);
    }

    private String properties() {
        return "# Configuration of " + propertiesComment(spec.name()) + "\n"
                + "app.name=" + propertiesValue(spec.name()) + "\n"
                + "app.type=" + spec.type().id() + "\n"
                + "app.complexity=" + spec.complexity().id() + "\n";
    }

    private String mainClass() {
        String objectives = spec.objectives().stream()
                .map(objective -> "            \"" + javaString(objective) + "\"")
                .collect(java.util.stream.Collectors.joining(",\n", "", spec.objectives().isEmpty() ? "" : "\n"));
        return """
                package %s;

                import java.io.IOException;
                import java.io.InputStream;
                import java.io.PrintStream;
                import java.util.List;
                import java.util.Properties;

                /** Entry point of the generated project. */
                public final class %s {

                    /** What the project is for. */
                    static final List<String> OBJECTIVES = List.of(
                %s    );

                    private %s() {
                    }

                    /**
                     * Prints the project's name, description and objectives.
                     *
                     * @param args ignored
                     * @throws IOException if the configuration cannot be read
                     */
                    public static void main(String[] args) throws IOException {
                        describe(configuration(), System.out);
                    }

                    static Properties configuration() throws IOException {
                        Properties properties = new Properties();
                        try (InputStream in = %s.class.getResourceAsStream("/application.properties")) {
                            if (in != null) {
                                properties.load(in);
                            }
                        }
                        return properties;
                    }

                    static void describe(Properties configuration, PrintStream out) {
                        out.println(configuration.getProperty("app.name", "%s"));
                        out.println("%s");
                        for (String objective : OBJECTIVES) {
                            out.println("- " + objective);
                        }
                    }
                }
                """.formatted(javaPackage, MAIN_CLASS, objectives, MAIN_CLASS, MAIN_CLASS, javaString(spec.name()),
                javaString(firstLine(spec.description())));
    }

    private String readme() {
        StringBuilder s = new StringBuilder();
        s.append("# ").append(markdownLine(spec.name())).append("\n\n");
        if (!spec.description().isBlank()) {
            s.append(spec.description().strip()).append("\n\n");
        }
        s.append("Type: `").append(spec.type().id()).append("`, complexity: `").append(spec.complexity().id())
                .append("`.\n\n");
        section(s, "Objectives", spec.objectives());
        List<String> features = new ArrayList<>(spec.features().core());
        features.addAll(spec.features().extended());
        section(s, "Planned features", features);
        section(s, "Tech stack", spec.techStack());
        s.append("## Build and run\n\n```\nmvn package\njava -jar target/").append(artifactId)
                .append("-0.1.0-SNAPSHOT.jar\n```\n\n")
                .append("This is a minimal skeleton generated by The Factory's `minimal` backend: the features above "
                        + "are planned, not implemented.\n");
        return s.toString();
    }

    private static void section(StringBuilder s, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        s.append("## ").append(title).append("\n\n");
        for (String item : items) {
            s.append("- ").append(markdownLine(item)).append('\n');
        }
        s.append('\n');
    }

    /** @return lower-case ASCII letters and digits of the name joined by '-', or {@code project} */
    static String artifactId(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_IDENTIFIER) {
            slug = slug.substring(0, MAX_IDENTIFIER).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "project" : slug;
    }

    /** @return a valid, non-keyword Java package segment from the name's ASCII letters and digits */
    static String packageSegment(String name) {
        String segment = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (segment.length() > MAX_IDENTIFIER) {
            segment = segment.substring(0, MAX_IDENTIFIER);
        }
        if (segment.isEmpty() || !Character.isJavaIdentifierStart(segment.charAt(0))) {
            segment = "app" + segment;
        }
        if (SourceVersion.isKeyword(segment) || segment.equals("java") || segment.equals("javax")) {
            segment = segment + "app";
        }
        return segment;
    }

    /** Escapes text for a Java string literal: no character of it can end the literal or start an escape. */
    static String javaString(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '"' -> s.append("\\\"");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        // octal, never a unicode escape: javac would turn that into the character before lexing
                        s.append(String.format(Locale.ROOT, "\\%03o", (int) c));
                    } else if (c > 0x7e) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }

    /** Escapes text for XML content, dropping characters XML 1.0 cannot carry. */
    static String xml(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&apos;");
                default -> {
                    boolean surrogatePair = Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1));
                    if (surrogatePair) {
                        s.append(c).append(text.charAt(++i));
                    } else if ((c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c == '\t'
                            || c == '\n' || c == '\r') {
                        s.append(c);
                    } else {
                        s.append('\uFFFD');
                    }
                }
            }
        }
        return s.toString();
    }

    /** Escapes a properties value: ASCII only, separators and escapes quoted, leading space kept. */
    static String propertiesValue(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '=' || c == ':' || c == '#' || c == '!' || (c == ' ' && i == 0)) {
                s.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    private static String propertiesComment(String text) {
        return propertiesValue(text.replaceAll("\\p{Cntrl}", " "));
    }

    private static String markdownLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").strip();
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int end = stripped.indexOf('\n');
        return (end < 0 ? stripped : stripped.substring(0, end)).strip();
    }
}

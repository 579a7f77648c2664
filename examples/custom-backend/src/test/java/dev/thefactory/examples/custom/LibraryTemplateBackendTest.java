package dev.thefactory.examples.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.AgentException;
import dev.thefactory.api.AgentRole;
import dev.thefactory.api.Phase;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.api.Requirement;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.GeneratedFile;
import dev.thefactory.spi.RequirementClaim;
import dev.thefactory.spi.StandardTasks;
import dev.thefactory.spi.TaskResult;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryTemplateBackendTest {

    private static final ProjectSpec TEXT_STATS = ProjectSpec.builder("Text Stats", ProjectType.LIBRARY)
            .description("Counts words and lines in text.")
            .features(List.of("Count words", "Count lines", "count WORDS"), List.of("Top 10 words"))
            .build();

    /** What a build of the standard tasks produced. */
    private record Run(Map<String, String> facts, List<String> planned, Map<String, String> files, List<String> notes,
            List<RequirementClaim> claims) {
    }

    private static Run runAllTasks(ProjectSpec spec) throws Exception {
        LibraryTemplateBackend backend = new LibraryTemplateBackend(new BackendContext("b-1", spec));
        Map<String, String> facts = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<String> planned = new ArrayList<>();
        Map<String, String> files = new LinkedHashMap<>();
        List<RequirementClaim> claims = new ArrayList<>();
        List<AgentTask> tasks = List.of(
                task(StandardTasks.ANALYZE, Phase.ANALYZE, AgentRole.ARCHITECT, Map.of()),
                task(StandardTasks.DESIGN_ARCHITECTURE, Phase.DESIGN, AgentRole.ARCHITECT, Map.of()),
                task(StandardTasks.DESIGN_FEATURE_PREFIX + "core", Phase.DESIGN, AgentRole.ARCHITECT,
                        Map.of(StandardTasks.PARAM_FEATURES, String.join("\n", spec.features().core()),
                                StandardTasks.PARAM_SCOPE, "core")),
                task(StandardTasks.STRUCTURE, Phase.STRUCTURE, AgentRole.BUILDER, Map.of()),
                task(StandardTasks.GENERATE_BUILD, Phase.GENERATE, AgentRole.BUILDER, Map.of()),
                task(StandardTasks.GENERATE_CODE, Phase.GENERATE, AgentRole.DEVELOPER, Map.of()),
                task(StandardTasks.GENERATE_TESTS, Phase.GENERATE, AgentRole.TESTER, Map.of()),
                task(StandardTasks.GENERATE_DOCS, Phase.GENERATE, AgentRole.DOCUMENTER, Map.of()));
        for (AgentTask task : tasks) {
            TaskResult result = backend.agent(task).execute(task, new TestAgentContext("b-1", spec, facts, 0));
            facts.putAll(result.facts());
            notes.addAll(result.notes());
            claims.addAll(result.claims());
            planned.addAll(result.plannedFiles());
            assertThat(result.children()).isEmpty();
            for (GeneratedFile file : result.files()) {
                assertThat(files.put(file.path(), file.content())).as("written twice: %s", file.path()).isNull();
            }
        }
        return new Run(facts, planned, files, notes, claims);
    }

    private static AgentTask task(String id, Phase phase, AgentRole role, Map<String, String> parameters) {
        return new AgentTask(id, phase, role, id, null, 0, parameters);
    }

    @Test
    void generatesEveryPlannedFileExactlyOnce() throws Exception {
        Run run = runAllTasks(TEXT_STATS);

        assertThat(run.files().keySet()).containsExactlyInAnyOrderElementsOf(run.planned());
        assertThat(run.planned()).containsExactly("pom.xml", ".gitignore",
                "src/main/java/com/example/textstats/TextStats.java",
                "src/main/java/com/example/textstats/package-info.java",
                "src/test/java/com/example/textstats/TextStatsTest.java",
                "README.md", "LICENSE", "CONTRIBUTING.md");
        assertThat(run.files().values()).allSatisfy(content -> assertThat(content).isNotBlank());
    }

    @Test
    void publishesItsDecisionsAsFacts() throws Exception {
        Run run = runAllTasks(TEXT_STATS);

        assertThat(run.facts()).containsEntry("library.package", "com.example.textstats")
                .containsEntry("library.className", "TextStats")
                .containsEntry("library.entryPoint", "com.example.textstats.TextStats")
                .containsEntry("library.design.core", "COUNT_WORDS,COUNT_LINES,COUNT_WORDS")
                .containsEntry("library.features",
                        "COUNT_WORDS\tCORE\tCount words\nCOUNT_LINES\tCORE\tCount lines\nTOP_10_WORDS\tEXTENDED\tTop 10 words\n");
        assertThat(run.notes()).containsExactly(
                "feature 'count WORDS' repeats an earlier feature and was generated once");
    }

    @Test
    void addsAnApacheLicenseAndContributingGuide() throws Exception {
        Run run = runAllTasks(TEXT_STATS);

        assertThat(run.files().get("LICENSE")).contains("Apache License", "Version 2.0, January 2004");
        assertThat(run.files().get("CONTRIBUTING.md")).startsWith("# Contributing to Text Stats")
                .contains("mvn -B verify");
        assertThat(run.files().get("README.md")).contains("- Count words (`Feature.COUNT_WORDS`)",
                "## Extended features", "<artifactId>text-stats</artifactId>");
    }

    @Test
    void generatedLibraryAndTestCompileWithoutWarningsAndTheLibraryWorks(@TempDir Path dir) throws Exception {
        Run run = runAllTasks(TEXT_STATS);

        ClassLoader loader = compile(run.files(), dir);
        Class<?> library = loader.loadClass("com.example.textstats.TextStats");
        Class<?> scope = loader.loadClass("com.example.textstats.TextStats$Scope");
        Method features = library.getMethod("features", scope);
        Object core = scope.getEnumConstants()[0];
        Object extended = scope.getEnumConstants()[1];

        assertThat((List<?>) features.invoke(null, core)).map(Object::toString)
                .containsExactly("COUNT_WORDS", "COUNT_LINES");
        assertThat((List<?>) features.invoke(null, extended)).map(Object::toString).containsExactly("TOP_10_WORDS");
        assertThat(library.getMethod("find", String.class).invoke(null, " count LINES ").toString())
                .isEqualTo("Optional[COUNT_LINES]");
        assertThat(library.getMethod("description").invoke(null)).isEqualTo("Counts words and lines in text.");
        assertThat(loader.loadClass("com.example.textstats.TextStatsTest")).isNotNull();
    }

    @Test
    void hostileSpecTextCannotBreakOutOfLiteralsCommentsOrMarkup(@TempDir Path dir) throws Exception {
        String name = "Evil */ \"x\" \\u0022 \\ <b>&amp; @Deprecated";
        String description = "line one\nline two \\u000a System.exit(1); */ /* \" ); // <script>";
        ProjectSpec spec = ProjectSpec.builder(name, ProjectType.LIBRARY)
                .description(description)
                .features(List.of("\"); System.exit(1); //", "*/ class X {} /*", "\\u000a"), List.of())
                .build();
        Run run = runAllTasks(spec);

        ClassLoader loader = compile(run.files(), dir);
        Class<?> library = loader.loadClass("com.example.evilxu0022bampdeprecated.EvilXU0022BAmpDeprecated");
        Class<?> feature = loader.loadClass(library.getName() + "$Feature");

        assertThat(library.getMethod("name").invoke(null)).isEqualTo(name);
        assertThat(library.getMethod("description").invoke(null)).isEqualTo(description);
        assertThat(Stream.of(feature.getEnumConstants()).map(f -> {
            try {
                return (String) feature.getMethod("text").invoke(f);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        })).containsExactly("\"); System.exit(1); //", "*/ class X {} /*", "\\u000a");
        assertThat(parseXml(run.files().get("pom.xml")).getElementsByTagName("name").item(0).getTextContent())
                .isEqualTo("Evil */ \"x\" \\u0022 \\ <b>&amp; @Deprecated");
        assertThat(run.files().get("README.md")).doesNotContain("<script>", "<b>");
    }

    @Test
    void sameSpecGivesTheSameBytes() throws Exception {
        assertThat(runAllTasks(TEXT_STATS)).isEqualTo(runAllTasks(TEXT_STATS));
    }

    @Test
    void refusesProjectsThatAreNotLibrariesPermanently() {
        ProjectSpec spec = ProjectSpec.builder("Todo", ProjectType.WEB_APP).build();
        LibraryTemplateBackend backend = new LibraryTemplateBackend(new BackendContext("b-1", spec));
        AgentTask analyze = task(StandardTasks.ANALYZE, Phase.ANALYZE, AgentRole.ARCHITECT, Map.of());

        assertThatThrownBy(() -> backend.agent(analyze).execute(analyze,
                new TestAgentContext("b-1", spec, Map.of(), 0)))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.isTransient()).isFalse())
                .hasMessageContaining("generates only 'library' projects but the spec's type is 'web_app'");
    }

    @Test
    void hasNoAgentForATaskOutsideTheStandardOnes() {
        LibraryTemplateBackend backend = new LibraryTemplateBackend(new BackendContext("b-1", TEXT_STATS));

        assertThatThrownBy(() -> backend.agent(task("generate/other", Phase.GENERATE, AgentRole.DEVELOPER, Map.of())))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.isTransient()).isFalse())
                .hasMessageContaining("has no agent for task 'generate/other'");
    }

    @Test
    void generationWithoutTheEarlierPhasesFactsFailsNamingTheFact() {
        LibraryTemplateBackend backend = new LibraryTemplateBackend(new BackendContext("b-1", TEXT_STATS));
        AgentTask code = task(StandardTasks.GENERATE_CODE, Phase.GENERATE, AgentRole.DEVELOPER, Map.of());

        assertThatThrownBy(() -> backend.agent(code).execute(code, new TestAgentContext("b-1", TEXT_STATS, Map.of(), 0)))
                .isInstanceOf(AgentException.class)
                .hasMessageContaining("fact 'library.groupId' is missing");
    }

    @Test
    void aFeatureDesignTaskRejectsAFeatureTheArchitectureDoesNotKnow() throws Exception {
        Run run = runAllTasks(TEXT_STATS);
        LibraryTemplateBackend backend = new LibraryTemplateBackend(new BackendContext("b-1", TEXT_STATS));
        AgentTask design = task(StandardTasks.DESIGN_FEATURE_PREFIX + "x", Phase.DESIGN, AgentRole.ARCHITECT,
                Map.of(StandardTasks.PARAM_FEATURES, "Fly to the moon"));

        assertThatThrownBy(() -> backend.agent(design).execute(design,
                new TestAgentContext("b-1", TEXT_STATS, run.facts(), 0)))
                .isInstanceOf(AgentException.class)
                .hasMessageContaining("names feature 'Fly to the moon', which is not in the feature table");
    }

    private static org.w3c.dom.Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Compiles the generated Java sources with -Werror against JUnit and returns a loader for the classes. */
    private static ClassLoader compile(Map<String, String> files, Path dir) throws Exception {
        Path src = dir.resolve("src");
        Path out = Files.createDirectories(dir.resolve("classes"));
        List<Path> sources = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = src.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
            if (file.getKey().endsWith(".java")) {
                sources.add(path);
            }
        }
        String classPath = Stream.of(Test.class, org.opentest4j.AssertionFailedError.class,
                        org.apiguardian.api.API.class)
                .map(LibraryTemplateBackendTest::location).collect(Collectors.joining(java.io.File.pathSeparator));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        List<String> options = List.of("-Xlint:all", "-Werror", "-classpath", classPath, "-d", out.toString());
        boolean ok = javac.getTask(diagnostics, null, null, options, null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjectsFromPaths(sources))
                .call();
        assertThat(ok).as("generated sources compile:%n%s", diagnostics).isTrue();
        return new URLClassLoader(new URL[] {out.toUri().toURL()}, LibraryTemplateBackendTest.class.getClassLoader());
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void claimsEveryRequirementHonestlyFeaturesNotImplementedJavaImplementedByFilesItWrites() throws Exception {
        ProjectSpec spec = ProjectSpec.builder("Text Stats", ProjectType.LIBRARY)
                .features(List.of("Count words"), List.of("Top 10 words"))
                .techStack(List.of("Language: Java 17", "Gradle"))
                .build();
        Run run = runAllTasks(spec);
        assertThat(run.claims()).extracting(RequirementClaim::requirementId)
                .containsExactlyElementsOf(Requirement.of(spec).stream().map(Requirement::id).toList());
        String language = Requirement.language(spec).orElseThrow().id();
        for (RequirementClaim claim : run.claims()) {
            if (claim.requirementId().equals(language)) {
                assertThat(claim.status()).isEqualTo(RequirementStatus.IMPLEMENTED);
                assertThat(claim.files()).isNotEmpty().allSatisfy(f -> assertThat(run.files()).containsKey(f));
                assertThat(claim.tests()).isNotEmpty().allSatisfy(t -> assertThat(run.files().get("src/test/java/"
                        + t.substring(0, t.indexOf('#')).replace('.', '/') + ".java"))
                        .contains("void " + t.substring(t.indexOf('#') + 1) + "()"));
            } else {
                assertThat(claim.status()).as(claim.requirementId()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
                assertThat(claim.reason()).contains(ExampleIntegratedBackendProvider.ID);
            }
        }
        ProjectSpec python = ProjectSpec.builder("Text Stats", ProjectType.LIBRARY)
                .features(List.of("Count words"), List.of()).techStack(List.of("Language: Python 3.12")).build();
        assertThat(runAllTasks(python).claims()).allSatisfy(c -> assertThat(c.status())
                .isEqualTo(RequirementStatus.NOT_IMPLEMENTED));
    }
}

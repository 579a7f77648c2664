package dev.thefactory.fallbacks.internal.java;

import dev.thefactory.fallbacks.internal.design.Architecture;
import dev.thefactory.fallbacks.internal.design.EntryPoint;
import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.FeatureMapping;
import dev.thefactory.fallbacks.internal.domain.FieldType;
import dev.thefactory.fallbacks.internal.layout.DocsTemplates;
import dev.thefactory.fallbacks.internal.layout.Guide;
import dev.thefactory.fallbacks.internal.layout.Part;
import dev.thefactory.fallbacks.internal.layout.PlannedFile;
import dev.thefactory.fallbacks.internal.layout.ProjectInput;
import dev.thefactory.fallbacks.internal.layout.ProjectLayout;
import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The layout of a Java 17 Maven project: model records, an in-memory repository, one service per entity, the entry
 * point its type asks for, JUnit 5 tests for all of it, and the documentation. Immutable and thread-safe.
 */
public final class JavaLayout implements ProjectLayout {

    private final ProjectInput in;
    private final List<PlannedFile> files;

    /** @param in the project */
    public JavaLayout(ProjectInput in) {
        this.in = in;
        this.files = List.copyOf(plan());
    }

    @Override
    public List<PlannedFile> files() {
        return files;
    }

    @Override
    public String usage(FeatureMapping feature) {
        Entity entity = in.domain().entity(feature.entity()).orElseThrow(() -> new IllegalArgumentException(
                "feature " + feature.scope() + "." + feature.index() + " names unknown entity " + feature.entity()));
        return JavaUsage.describe(entity, feature, in.architecture(), entity == in.domain().primary());
    }

    @Override
    public List<String> notes() {
        return List.of();
    }

    private List<PlannedFile> plan() {
        Architecture a = in.architecture();
        Domain domain = in.domain();
        String pkg = a.basePackage();
        String main = "src/main/java/" + a.packagePath() + "/";
        String test = "src/test/java/" + a.packagePath() + "/";
        EntryPoint entry = a.entryPoint();
        boolean csv = entry == EntryPoint.PIPELINE || domain.entities().stream().anyMatch(EntityTemplates::usesCsv);
        boolean level = domain.entities().stream().flatMap(e -> e.fields().stream())
                .anyMatch(f -> f.type() == FieldType.LEVEL);
        List<PlannedFile> list = new ArrayList<>();
        add(list, "pom.xml", Part.BUILD, null, () -> BuildTemplates.pom(a, in.spec().description()));
        add(list, ".gitignore", Part.BUILD, null, BuildTemplates::gitignore);
        add(list, "src/main/resources/application.properties", Part.BUILD, null, () -> BuildTemplates.properties(a));

        add(list, main + "model/Identifiable.java", Part.CODE, null, () -> JavaShared.identifiable(pkg));
        add(list, main + "model/Validation.java", Part.CODE, null, () -> JavaShared.validation(pkg));
        add(list, main + "model/FieldValues.java", Part.CODE, null, () -> JavaShared.fieldValues(pkg));
        if (level) {
            add(list, main + "model/Level.java", Part.CODE, null, () -> JavaShared.level(pkg));
        }
        add(list, main + "repository/Repository.java", Part.CODE, null, () -> JavaShared.repository(pkg));
        add(list, main + "repository/InMemoryRepository.java", Part.CODE, null,
                () -> JavaShared.inMemoryRepository(pkg));
        if (csv) {
            add(list, main + "service/CsvCodec.java", Part.CODE, null, () -> JavaShared.csvCodec(pkg));
        }
        switch (entry) {
            case CLI -> {
                add(list, main + "Main.java", Part.CODE, null, () -> CliTemplates.main(pkg, a.displayName()));
                add(list, main + "cli/Arguments.java", Part.CODE, null, () -> CliTemplates.arguments(pkg));
                add(list, main + "cli/Commands.java", Part.CODE, null,
                        () -> CliTemplates.commands(pkg, domain, a.displayName()));
            }
            case HTTP, WEB -> {
                add(list, main + "Main.java", Part.CODE, null, () -> HttpTemplates.main(pkg, a.displayName()));
                add(list, main + "http/JsonCodec.java", Part.CODE, null, () -> HttpTemplates.jsonCodec(pkg));
                add(list, main + "http/HttpReply.java", Part.CODE, null, () -> HttpTemplates.httpReply(pkg));
                add(list, main + "http/Router.java", Part.CODE, null,
                        () -> HttpTemplates.router(pkg, domain, entry == EntryPoint.WEB));
                add(list, main + "http/ApiServer.java", Part.CODE, null, () -> HttpTemplates.server(pkg));
                if (entry == EntryPoint.WEB) {
                    add(list, "src/main/resources/static/index.html", Part.CODE, null,
                            () -> HttpTemplates.page(domain, a.displayName()));
                }
            }
            case LIBRARY -> add(list, main + a.facadeClass() + ".java", Part.CODE, null,
                    () -> BatchTemplates.facade(pkg, domain, a.facadeClass(), a.displayName()));
            case PIPELINE -> {
                add(list, main + "Main.java", Part.CODE, null, () -> BatchTemplates.pipelineMain(pkg, a.displayName()));
                add(list, main + "pipeline/Pipeline.java", Part.CODE, null,
                        () -> BatchTemplates.pipeline(pkg, domain.primary()));
            }
        }
        for (Entity e : domain.entities()) {
            add(list, main + "model/" + e.name() + ".java", Part.CODE, e.name(), () -> EntityTemplates.record(pkg, e));
            add(list, main + "service/" + e.name() + "Service.java", Part.CODE, e.name(),
                    () -> EntityTemplates.service(pkg, e));
        }

        add(list, test + "model/FieldValuesTest.java", Part.TESTS, null, () -> TestTemplates.fieldValuesTest(pkg));
        if (csv) {
            add(list, test + "service/CsvCodecTest.java", Part.TESTS, null, () -> TestTemplates.csvCodecTest(pkg));
        }
        switch (entry) {
            case CLI -> add(list, test + "cli/CommandsTest.java", Part.TESTS, null,
                    () -> EntryTestTemplates.commandsTest(pkg, domain));
            case HTTP, WEB -> {
                add(list, test + "http/JsonCodecTest.java", Part.TESTS, null,
                        () -> JavaShared.fill(Resources.text("JsonCodecTest.java.txt"), pkg));
                add(list, test + "http/RouterTest.java", Part.TESTS, null,
                        () -> EntryTestTemplates.routerTest(pkg, domain, entry == EntryPoint.WEB));
            }
            case LIBRARY -> add(list, test + a.facadeClass() + "Test.java", Part.TESTS, null,
                    () -> EntryTestTemplates.facadeTest(pkg, domain, a.facadeClass()));
            case PIPELINE -> add(list, test + "pipeline/PipelineTest.java", Part.TESTS, null,
                    () -> EntryTestTemplates.pipelineTest(pkg, domain.primary()));
        }
        for (Entity e : domain.entities()) {
            add(list, test + "service/" + e.name() + "ServiceTest.java", Part.TESTS, e.name(),
                    () -> TestTemplates.serviceTest(pkg, e));
        }

        Guide guide = guide();
        add(list, "README.md", Part.DOCS, null, () -> DocsTemplates.readme(in, guide));
        add(list, "docs/architecture.md", Part.DOCS, null, () -> DocsTemplates.architecture(in, guide));
        add(list, "docs/usage.md", Part.DOCS, null, () -> DocsTemplates.usage(in, guide, this::usage));
        return list;
    }

    private static void add(List<PlannedFile> list, String path, Part part, String entity, Supplier<String> content) {
        list.add(new PlannedFile(path, part, entity, content));
    }

    private Guide guide() {
        Architecture a = in.architecture();
        Entity e = in.domain().primary();
        String jar = "target/" + a.artifactId() + "-0.1.0-SNAPSHOT.jar";
        Map<String, String> layout = new LinkedHashMap<>();
        String base = "src/main/java/" + a.packagePath() + "/";
        layout.put("pom.xml", "the Maven build: Java 17, JUnit 5, no runtime dependencies");
        layout.put(base + "model/", "the records of the domain and their validation");
        layout.put(base + "repository/", "the repository interface and its thread-safe in-memory implementation");
        layout.put(base + "service/", "one service per entity: what the features ask to do");
        List<String> run;
        String example;
        String exampleLanguage = "shell";
        String labelOption = "--" + Naming.kebab(e.label().name()) + " \"" + JavaTypes.sample(e.label(), 0) + "\"";
        switch (a.entryPoint()) {
            case CLI -> {
                layout.put(base + "cli/", "argument parsing and the commands");
                layout.put(base + "Main.java", "the command-line entry point");
                run = List.of("java -jar " + jar + " help", "java -jar " + jar + " " + CliTemplates.command(e) + " list");
                example = "java -jar " + jar + " <<'EOF'\n" + CliTemplates.command(e) + " add " + labelOption + "\n"
                        + CliTemplates.command(e) + " list\nEOF";
            }
            case HTTP, WEB -> {
                layout.put(base + "http/", "the JSON codec, the router and the JDK HTTP server");
                layout.put(base + "Main.java", "starts the server on `server.port` of application.properties");
                run = List.of("java -jar " + jar + "            # port from application.properties, or:",
                        "java -jar " + jar + " 9090",
                        a.entryPoint() == EntryPoint.WEB ? "# then open http://localhost:8080/ in a browser"
                                : "# then call http://localhost:8080/api/" + HttpTemplates.resource(e));
                example = "curl -s -X POST localhost:8080/api/" + HttpTemplates.resource(e) + " -d '{\""
                        + e.label().name() + "\": \"" + JavaTypes.sample(e.label(), 0) + "\"}'\n"
                        + "curl -s localhost:8080/api/" + HttpTemplates.resource(e);
            }
            case LIBRARY -> {
                layout.put(base + a.facadeClass() + ".java", "the public API facade");
                run = List.of("mvn -B package   # then add " + jar + " to your class path");
                exampleLanguage = "java";
                example = a.facadeClass() + " api = new " + a.facadeClass() + "();\n" + "api." + e.plural()
                        + "().create(FieldValues.of(\"" + e.label().name() + "\", \""
                        + JavaTypes.sample(e.label(), 0) + "\"));\nSystem.out.println(api." + e.plural() + "().list());";
            }
            case PIPELINE -> {
                layout.put(base + "pipeline/", "the batch job: CSV in, validated CSV out, a report");
                layout.put(base + "Main.java", "the batch entry point");
                run = List.of("java -jar " + jar + " input.csv output.csv", "java -jar " + jar + " < input.csv > output.csv");
                example = "printf '" + e.label().name() + "\\n" + JavaTypes.sample(e.label(), 0) + "\\n' | java -jar "
                        + jar;
            }
            default -> throw new IllegalStateException("unknown entry point " + a.entryPoint());
        }
        layout.put("src/test/java/", "JUnit 5 tests of all of the above");
        return new Guide("Java 17", List.of("mvn -B package"), List.of("mvn -B test"), run, layout, example,
                exampleLanguage, true);
    }
}

package dev.thefactory.fallbacks.internal.java;

import dev.thefactory.api.Requirement;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.fallbacks.internal.design.Architecture;
import dev.thefactory.fallbacks.internal.design.EntryPoint;
import dev.thefactory.fallbacks.internal.design.Storage;
import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.FeatureMapping;
import dev.thefactory.fallbacks.internal.domain.Field;
import dev.thefactory.fallbacks.internal.domain.FieldType;
import dev.thefactory.fallbacks.internal.domain.Operation;
import dev.thefactory.fallbacks.internal.layout.DocsTemplates;
import dev.thefactory.fallbacks.internal.layout.FeatureClaims;
import dev.thefactory.fallbacks.internal.layout.Ledger;
import dev.thefactory.fallbacks.internal.layout.Guide;
import dev.thefactory.fallbacks.internal.layout.Part;
import dev.thefactory.fallbacks.internal.layout.PlannedFile;
import dev.thefactory.fallbacks.internal.layout.PlannedLayout;
import dev.thefactory.fallbacks.internal.layout.ProjectInput;
import dev.thefactory.fallbacks.internal.layout.ProjectLayout;
import dev.thefactory.fallbacks.internal.text.Escape;
import dev.thefactory.fallbacks.internal.text.Naming;
import dev.thefactory.spi.RequirementClaim;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The layout of a Java 17 Maven project: model records, an in-memory and a file repository with the settings that
 * choose between them, one service per entity, the entry point its type asks for, JUnit 5 tests for all of it, and
 * the documentation. Immutable and thread-safe.
 */
public final class JavaLayout {

    private final ProjectInput in;

    private JavaLayout(ProjectInput in) {
        this.in = in;
    }

    /**
     * @param in the project
     * @return its layout
     */
    public static ProjectLayout of(ProjectInput in) {
        JavaLayout java = new JavaLayout(SecretFields.normalize(in));
        return java.layout(java.plan());
    }

    private ProjectLayout layout(List<PlannedFile> files) {
        return new PlannedLayout(files, this::usage, List.of(), this::claim, languageTests());
    }

    /** @return what the README says, for its generated test: how to build and run, and the implemented features */
    private RequirementTests.Readme readme(Guide guide) {
        String run = guide.run().get(0);
        run = (run.contains("#") ? run.substring(0, run.indexOf('#')) : run).strip();
        List<String> features = new ArrayList<>();
        for (Requirement r : Requirement.of(in.spec())) {
            in.domain().features().stream().filter(f -> f.requirementId().equals(r.id())).findFirst()
                    .filter(f -> claim(f).status() == RequirementStatus.IMPLEMENTED)
                    .ifPresent(f -> features.add("- " + Escape.markdown(r.text())));
        }
        List<String> lines = new ArrayList<>();
        boolean pipeline = in.architecture().entryPoint() == EntryPoint.PIPELINE;
        String csv = null;
        for (Entity input : ReadmeExamples.csvInputs(in.domain(), pipeline)) {
            lines.add("## Input format");
            for (Field f : input.fields()) {
                lines.add("| `" + ReadmeExamples.column(f) + "` |");
            }
            lines.addAll(List.of(ReadmeExamples.csvExample(input).split("\n")));
            csv = pipeline ? ReadmeExamples.csvExample(input) : csv;
        }
        List<List<String>> requests = new ArrayList<>();
        if (in.architecture().entryPoint() == EntryPoint.HTTP || in.architecture().entryPoint() == EntryPoint.WEB) {
            for (ReadmeExamples.Request r : ReadmeExamples.requests(in.domain())) {
                lines.add(r.curl());
                requests.add(List.of(r.method(), r.path(), r.body()));
            }
        }
        return new RequirementTests.Readme(guide.build(), run, features, lines, csv, requests);
    }

    /**
     * @return tests that show the project is Java run by JUnit 5: every requirement test of a feature (they compile
     *         and pass only as Java code on a Java runtime), or a model test
     */
    private List<String> languageTests() {
        Architecture a = in.architecture();
        List<String> tests = new ArrayList<>();
        for (FeatureMapping f : in.domain().features()) {
            if (RequirementTests.covers(a.entryPoint(), in.domain(), f)) {
                tests.add(a.basePackage() + "." + RequirementTests.CLASS + "#" + RequirementTests.method(in.spec(), f));
            }
        }
        return tests.isEmpty() ? List.of(a.basePackage() + ".model.FieldValuesTest#mergesAndChecksNames")
                : List.copyOf(tests);
    }

    private RequirementClaim claim(FeatureMapping f) {
        Architecture a = in.architecture();
        Domain domain = in.domain();
        if (!f.supported() || !RequirementTests.covers(a.entryPoint(), domain, f)) {
            return FeatureClaims.of(f, List.of(), List.of(), "a data pipeline generated by the simple backend only "
                    + "reads, validates and writes rows of " + domain.primary().plural() + "; this feature is reachable "
                    + "only from the Java API of its service, not through the pipeline", List.of());
        }
        Entity e = in.entity(f);
        String main = "src/main/java/" + a.packagePath() + "/";
        List<String> files = new ArrayList<>();
        files.add(main + "model/" + e.name() + ".java");
        files.add(main + "service/" + e.name() + "Service.java");
        files.add(main + switch (a.entryPoint()) {
            case CLI -> "cli/Commands.java";
            case HTTP, WEB -> "http/Router.java";
            case LIBRARY -> a.facadeClass() + ".java";
            case PIPELINE -> "pipeline/Pipeline.java";
        });
        if (!RequirementTests.secrets(e).isEmpty()) {
            files.add(main + "model/Secrets.java");
        }
        List<String> more = new ArrayList<>();
        if (f.operations().contains(Operation.FIND) && !e.has(Operation.FIND)) {
            more.add("finding or sorting by a secret, of which only a salted hash is kept");
        }
        return FeatureClaims.of(f, files, RequirementTests.tests(in.spec(), a, domain, f), "", more);
    }

    private String usage(FeatureMapping feature) {
        Entity entity = in.entity(feature);
        return JavaUsage.describe(entity, feature, in.architecture(), entity == in.domain().primary());
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
        add(list, "pom.xml", Part.BUILD, null, () -> BuildTemplates.pom(a, in.spec().description(), Ledger.javaRelease(in)));
        add(list, ".gitignore", Part.BUILD, null, BuildTemplates::gitignore);
        add(list, "src/main/resources/application.properties", Part.BUILD, null, () -> BuildTemplates.properties(a));

        add(list, main + "model/Identifiable.java", Part.CODE, null, () -> JavaShared.identifiable(pkg));
        add(list, main + "model/Validation.java", Part.CODE, null, () -> JavaShared.validation(pkg));
        add(list, main + "model/FieldValues.java", Part.CODE, null, () -> JavaShared.fieldValues(pkg));
        if (level) {
            List<String> levels = domain.entities().stream().flatMap(e -> e.fields().stream())
                    .filter(f -> f.type() == FieldType.LEVEL).flatMap(f -> f.levels().stream()).distinct().toList();
            add(list, main + "model/Level.java", Part.CODE, null, () -> JavaShared.level(pkg, levels));
        }
        if (domain.entities().stream().anyMatch(e -> !RequirementTests.secrets(e).isEmpty())) {
            add(list, main + "model/Secrets.java", Part.CODE, null, () -> SecretTemplates.secrets(pkg));
        }
        add(list, main + "repository/Repository.java", Part.CODE, null, () -> JavaShared.repository(pkg));
        add(list, main + "repository/InMemoryRepository.java", Part.CODE, null,
                () -> JavaShared.inMemoryRepository(pkg));
        add(list, main + "repository/FileRepository.java", Part.CODE, null,
                () -> JavaShared.fill(Resources.text("FileRepository.java.txt"), pkg));
        add(list, main + "repository/Storage.java", Part.CODE, null, () -> storageTemplate("Storage.java.txt"));
        add(list, main + "Settings.java", Part.CODE, null,
                () -> JavaShared.fill(Resources.text("Settings.java.txt"), pkg));
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
        add(list, test + "repository/FileRepositoryTest.java", Part.TESTS, null,
                () -> JavaShared.fill(Resources.text("FileRepositoryTest.java.txt"), pkg));
        add(list, test + "repository/StorageTest.java", Part.TESTS, null,
                () -> storageTemplate("StorageTest.java.txt"));
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
        add(list, RequirementTests.path(a), Part.TESTS, null,
                () -> RequirementTests.source(in.spec(), a, domain, Ledger.javaProofs(in), readme(guide),
                        Ledger.javaRelease(in)));

        Supplier<List<RequirementClaim>> ledger = () -> Ledger.claims(in, layout(list));
        add(list, "README.md", Part.DOCS, null, () -> DocsTemplates.readme(in, guide, ledger));
        add(list, "docs/architecture.md", Part.DOCS, null, () -> DocsTemplates.architecture(in, guide));
        add(list, "docs/usage.md", Part.DOCS, null, () -> DocsTemplates.usage(in, guide, this::usage, ledger));
        return list;
    }

    private String storageTemplate(String name) {
        return JavaShared.fill(Resources.text(name), in.architecture().basePackage())
                .replace("${defaultKind}", in.architecture().storage().name());
    }

    private static void add(List<PlannedFile> list, String path, Part part, String entity, Supplier<String> content) {
        list.add(new PlannedFile(path, part, entity, content));
    }

    private List<String> storage() {
        Architecture a = in.architecture();
        String how = a.entryPoint() == EntryPoint.LIBRARY
                ? "To choose the store, pass `Storage.files(Path.of(\"data\"))`, `Storage.memory()` or "
                        + "`Storage.from(Settings.load())` to the `" + a.facadeClass() + "` constructor; `new "
                        + a.facadeClass() + "()` keeps items in memory"
                : "`application.properties` chooses the store: `storage=file` or `storage=memory`, and "
                        + "`storage.directory=data`; a system property of the same name wins, as in `java "
                        + "-Dstorage=memory -jar ...`";
        String shipped = a.entryPoint() == EntryPoint.LIBRARY
                ? "`Storage.from(Settings.load())` reads `storage=" + a.storage().code() + "` from "
                        + "`application.properties`."
                : a.storage() == Storage.FILE
                ? "This project keeps its items in files by default, because the spec asks for them to be kept."
                : "This project keeps its items in memory by default; set `storage=file` to keep them.";
        return List.of("Items are kept behind a `Repository` interface with two implementations: "
                        + "`InMemoryRepository` (a thread-safe map, emptied when the process stops) and "
                        + "`FileRepository` (one JSON-lines file per kind of item, such as `data/"
                        + ServiceHolders.storeName(in.domain().primary()) + ".jsonl`, read on start).",
                how + ". " + shipped,
                "Every change rewrites the store's file atomically: a temporary file in the same directory, forced "
                        + "to disk, then moved over the old file, so a crash leaves the old or the new file, never a "
                        + "torn one. A corrupt file is refused at start with its name and line; repair or remove it.");
    }

    private Guide guide() {
        Architecture a = in.architecture();
        Entity e = in.domain().primary();
        String jar = "target/" + a.artifactId() + "-0.1.0-SNAPSHOT.jar";
        Map<String, String> layout = new LinkedHashMap<>();
        String base = "src/main/java/" + a.packagePath() + "/";
        layout.put("pom.xml", "the Maven build: Java " + Ledger.javaRelease(in) + ", JUnit 5, no runtime dependencies");
        layout.put(base + "model/", "the records of the domain and their validation");
        layout.put(base + "repository/", "the repository interface, its in-memory and file implementations, and the "
                + "`Storage` that picks one");
        layout.put(base + "Settings.java", "reads `application.properties`; system properties win");
        layout.put(base + "service/", "one service per entity: what the features ask to do");
        List<String> run;
        String example;
        String exampleLanguage = "shell";
        // every field a new item takes a value for, so that the example works as written (required fields included)
        List<Field> fields = JavaTypes.valued(e);
        String options = fields.stream().map(f -> "--" + Naming.kebab(f.name()) + " \"" + JavaTypes.sample(f, 0)
                + "\"").collect(Collectors.joining(" "));
        String json = fields.stream().map(f -> "\"" + f.name() + "\": \"" + JavaTypes.sample(f, 0) + "\"")
                .collect(Collectors.joining(", "));
        String pairs = fields.stream().map(f -> "\"" + f.name() + "\", \"" + JavaTypes.sample(f, 0) + "\"")
                .collect(Collectors.joining(", "));
        switch (a.entryPoint()) {
            case CLI -> {
                layout.put(base + "cli/", "argument parsing and the commands");
                layout.put(base + "Main.java", "the command-line entry point");
                run = List.of("java -jar " + jar + " help", "java -jar " + jar + " " + CliTemplates.command(e) + " list");
                example = "java -jar " + jar + " <<'EOF'\n" + CliTemplates.command(e) + " add " + options + "\n"
                        + CliTemplates.command(e) + " list\nEOF";
            }
            case HTTP, WEB -> {
                layout.put(base + "http/", "the JSON codec, the router and the JDK HTTP server");
                layout.put(base + "Main.java", "starts the server on `server.port` of application.properties");
                run = List.of("java -jar " + jar + "            # on port 8080 (server.port in application.properties)",
                        a.entryPoint() == EntryPoint.WEB ? "# then open http://localhost:8080/ in a browser"
                                : "# then call http://localhost:8080/api/" + HttpTemplates.resource(e),
                        "java -jar " + jar + " 9090       # on another port");
                example = "curl -s -X POST localhost:8080/api/" + HttpTemplates.resource(e) + " -d '{" + json + "}'\n"
                        + "curl -s localhost:8080/api/" + HttpTemplates.resource(e);
            }
            case LIBRARY -> {
                layout.put(base + a.facadeClass() + ".java", "the public API facade");
                run = List.of("mvn -B package   # then add " + jar + " to your class path");
                exampleLanguage = "java";
                example = a.facadeClass() + " api = new " + a.facadeClass() + "();\n" + "api." + e.plural()
                        + "().create(FieldValues.of(" + pairs + "));\nSystem.out.println(api." + e.plural()
                        + "().list());";
            }
            case PIPELINE -> {
                layout.put(base + "pipeline/", "the batch job: CSV in, validated CSV out, a report");
                layout.put(base + "Main.java", "the batch entry point");
                run = List.of("java -jar " + jar + " input.csv output.csv", "java -jar " + jar + " < input.csv > output.csv");
                example = "printf '" + fields.stream().map(f -> f.name()).collect(Collectors.joining(","))
                        + "\\n" + fields.stream().map(f -> JavaTypes.sample(f, 0))
                        .collect(Collectors.joining(",")) + "\\n' | java -jar " + jar;
            }
            default -> throw new IllegalStateException("unknown entry point " + a.entryPoint());
        }
        layout.put("src/test/java/", "JUnit 5 tests of all of the above");
        List<String> sections = new ArrayList<>();
        boolean pipeline = a.entryPoint() == EntryPoint.PIPELINE;
        ReadmeExamples.csvInputs(in.domain(), pipeline).forEach(input -> sections.add(
                ReadmeExamples.inputFormat(input, pipeline)));
        if (a.entryPoint() == EntryPoint.HTTP || a.entryPoint() == EntryPoint.WEB) {
            sections.add(ReadmeExamples.curlSection(in.domain()));
        }
        return new Guide("Java " + Ledger.javaRelease(in), List.of("mvn -B package"), List.of("mvn -B test"), run, layout, example,
                exampleLanguage, true, storage(), sections);
    }
}

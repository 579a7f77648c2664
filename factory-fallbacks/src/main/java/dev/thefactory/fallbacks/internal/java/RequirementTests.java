package dev.thefactory.fallbacks.internal.java;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.fallbacks.internal.design.Architecture;
import dev.thefactory.fallbacks.internal.design.EntryPoint;
import dev.thefactory.fallbacks.internal.domain.AggregateKind;
import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.FeatureMapping;
import dev.thefactory.fallbacks.internal.domain.Field;
import dev.thefactory.fallbacks.internal.domain.FieldType;
import dev.thefactory.fallbacks.internal.domain.Operation;
import dev.thefactory.fallbacks.internal.domain.StatusAction;
import dev.thefactory.fallbacks.internal.domain.Threshold;
import dev.thefactory.fallbacks.internal.layout.Ledger;
import dev.thefactory.fallbacks.internal.layout.ValidationRule;
import dev.thefactory.fallbacks.internal.text.CodeBuilder;
import dev.thefactory.fallbacks.internal.text.Escape;
import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.thefactory.fallbacks.internal.java.TestTemplates.header;
import static dev.thefactory.fallbacks.internal.java.TestTemplates.lit;
import static dev.thefactory.fallbacks.internal.java.TestTemplates.testMethod;

/**
 * Generates {@code RequirementsTest}: one test per feature of the spec, named after its requirement id
 * ({@code core1_addTasks}), that exercises the feature end to end through the project's public surface — HTTP calls
 * against the started server, the commands of the command line, the library's facade, or a pipeline run — plus,
 * per entity that holds a secret, a test that the secret is never returned nor stored in plain text, for a web
 * app a test that the page is HTML whose form has every required field, and one test per other requirement the
 * ledger proves with a test of its own ({@link Ledger#javaProofs}): the language and the Maven build file (parsed
 * with the JDK's XML parser), the README, and validation rules (through the public surface). Stateless and
 * thread-safe.
 */
public final class RequirementTests {

    /** The simple name of the generated class. */
    public static final String CLASS = Ledger.JAVA_TEST_CLASS;

    /** The longest text the generated code accepts, as the generated tests check it. */
    private static final int LIMIT = ValidationRule.TEXT_LIMIT;

    /** Stands for a long value in a generated literal until it is replaced by an expression. */
    private static final String LONG_VALUE = "@@LONG@@";

    /**
     * What the generated README must say, for its test.
     *
     * @param commands  commands it must give (how to build the project)
     * @param run       the command that runs the project, which its Run section must give
     * @param features  the lines that list each implemented feature
     * @param reference the lines of its reference section: every endpoint with a curl example, every command, or
     *                  the CSV input format (each column, an example); the test asserts each
     * @param csv       the example input of a pipeline (the header and example row its reference lists), which the
     *                  test runs through the pipeline; null for none
     * @param requests  the reference's example requests as method, path and body, which the test sends to the
     *                  started server in order, each of which must succeed
     */
    public record Readme(List<String> commands, String run, List<String> features, List<String> reference, String csv,
            List<List<String>> requests) {

        /** Copies the lists. */
        public Readme {
            commands = List.copyOf(commands);
            features = List.copyOf(features);
            reference = List.copyOf(reference);
            requests = requests.stream().map(List::copyOf).toList();
        }
    }

    private RequirementTests() {
    }

    /**
     * @param a the architecture
     * @return the path of the generated class
     */
    public static String path(Architecture a) {
        return "src/test/java/" + a.packagePath() + "/" + CLASS + ".java";
    }

    /**
     * @param spec    the spec
     * @param feature a feature
     * @return the name of its test method, such as {@code core1_addTasksWithATitle}
     */
    public static String method(ProjectSpec spec, FeatureMapping feature) {
        List<String> texts = feature.scope().equals("core") ? spec.features().core() : spec.features().extended();
        String text = feature.index() < texts.size() ? texts.get(feature.index()) : feature.text();
        List<String> words = Naming.words(text);
        String tail = Naming.camel(words.subList(0, Math.min(words.size(), 5)));
        String name = feature.scope() + (feature.index() + 1) + (tail.isEmpty() ? "" : "_" + tail);
        return name.length() > 60 ? name.substring(0, 60) : name;
    }

    /**
     * @param entry  the entry point
     * @param domain the domain
     * @param f      a feature
     * @return true if the generated class has a test that exercises the feature through the public surface
     */
    public static boolean covers(EntryPoint entry, Domain domain, FeatureMapping f) {
        if (!f.supported()) {
            return false;
        }
        if (entry == EntryPoint.PIPELINE) {
            return f.entity().equals(domain.primary().name()) && Entity.BASELINE.containsAll(f.operations());
        }
        return true;
    }

    /**
     * @param e an entity
     * @return the name of the test that its secrets are never returned
     */
    public static String secretTest(Entity e) {
        return Ledger.secretTest(e);
    }

    /** The name of the test that the page is HTML with a form that has every required field of the primary entity. */
    public static final String FORM_TEST = Ledger.FORM_TEST;

    /**
     * @param e an entity
     * @return its secret fields
     */
    public static List<Field> secrets(Entity e) {
        return e.fields().stream().filter(Field::secret).toList();
    }

    /**
     * @param spec   the spec
     * @param a      the architecture
     * @param domain the domain
     * @param f      a feature the class covers
     * @return the tests that exercise it, as {@code Class#method}
     */
    public static List<String> tests(ProjectSpec spec, Architecture a, Domain domain, FeatureMapping f) {
        String cls = a.basePackage() + "." + CLASS + "#";
        List<String> tests = new ArrayList<>();
        tests.add(cls + method(spec, f));
        Entity e = domain.entity(f.entity()).orElseThrow();
        if (!secrets(e).isEmpty()) {
            tests.add(cls + secretTest(e));
        }
        return tests;
    }

    /** How the generated test reaches the project: each method gives a Java expression of type String. */
    private interface Surface {
        /** @return the call that creates an item of the sample variant */
        default String create(Entity e, int variant) {
            return create(e, sampleValues(e, variant));
        }

        /** @return the call that creates an item with these field values, as text */
        String create(Entity e, Map<String, String> values);

        String list(Entity e);

        String get(Entity e, int id);

        String update(Entity e, int id, String field, String value);

        String delete(Entity e, int id);

        String action(Entity e, StatusAction action, int id);

        String findBy(Entity e, String field, String value);

        String threshold(Entity e, Threshold t, String value);

        String sortBy(Entity e, String field);

        String summary(Entity e);

        String export(Entity e);

        String importCsv(Entity e, String csv);

        /** @return how the output shows a field with a value */
        String shows(String field, String value);

        /** @return how the output shows that a field is present at all */
        String mentions(String field);
    }

    private static final class Http implements Surface {
        private static String base(Entity e) {
            return "/api/" + HttpTemplates.resource(e);
        }

        private static String call(String method, String path, String body) {
            return "call(" + lit(method) + ", " + lit(path) + ", " + body + ")";
        }

        @Override
        public String create(Entity e, Map<String, String> values) {
            return call("POST", base(e), lit(jsonBody(values)));
        }

        @Override
        public String list(Entity e) {
            return call("GET", base(e), "\"\"");
        }

        @Override
        public String get(Entity e, int id) {
            return call("GET", base(e) + "/" + id, "\"\"");
        }

        @Override
        public String update(Entity e, int id, String field, String value) {
            return call("PUT", base(e) + "/" + id, lit("{" + Escape.jsonString(field) + ": "
                    + Escape.jsonString(value) + "}"));
        }

        @Override
        public String delete(Entity e, int id) {
            return call("DELETE", base(e) + "/" + id, "\"\"");
        }

        @Override
        public String action(Entity e, StatusAction action, int id) {
            return call("POST", base(e) + "/" + id + "/" + Naming.kebab(action.name()), "\"\"");
        }

        @Override
        public String findBy(Entity e, String field, String value) {
            return call("GET", base(e) + "/find-by-" + Naming.kebab(field) + "/" + value, "\"\"");
        }

        @Override
        public String threshold(Entity e, Threshold t, String value) {
            return call("GET", base(e) + "/find-" + Naming.kebab(t.name()) + "/" + value, "\"\"");
        }

        @Override
        public String sortBy(Entity e, String field) {
            return call("GET", base(e) + "/sort-by-" + Naming.kebab(field), "\"\"");
        }

        @Override
        public String summary(Entity e) {
            return call("GET", base(e) + "/summary", "\"\"");
        }

        @Override
        public String export(Entity e) {
            return call("GET", base(e) + "/export", "\"\"");
        }

        @Override
        public String importCsv(Entity e, String csv) {
            return call("POST", base(e) + "/import", csv);
        }

        @Override
        public String shows(String field, String value) {
            String json = value.equals("true") || value.equals("false") || value.matches("-?[0-9]+(\\.[0-9]+)?") ? value
                    : Escape.jsonString(value);
            return Escape.jsonString(field) + ":" + json;
        }

        @Override
        public String mentions(String field) {
            return Escape.jsonString(field);
        }
    }

    private static final class Cli implements Surface {
        private static String run(Entity e, String... args) {
            List<String> all = new ArrayList<>();
            all.add(lit(CliTemplates.command(e)));
            for (String arg : args) {
                all.add(lit(arg));
            }
            return "commands.execute(List.of(" + String.join(", ", all) + "))";
        }

        @Override
        public String create(Entity e, Map<String, String> values) {
            List<String> args = new ArrayList<>(List.of(lit(CliTemplates.command(e)), "\"add\""));
            for (Map.Entry<String, String> value : values.entrySet()) {
                args.add(lit("--" + Naming.kebab(value.getKey())));
                args.add(lit(value.getValue()));
            }
            return "commands.execute(List.of(" + String.join(", ", args) + "))";
        }

        @Override
        public String list(Entity e) {
            return run(e, "list");
        }

        @Override
        public String get(Entity e, int id) {
            return run(e, "get", Integer.toString(id));
        }

        @Override
        public String update(Entity e, int id, String field, String value) {
            return run(e, "update", Integer.toString(id), "--" + Naming.kebab(field), value);
        }

        @Override
        public String delete(Entity e, int id) {
            return run(e, "delete", Integer.toString(id));
        }

        @Override
        public String action(Entity e, StatusAction action, int id) {
            return run(e, Naming.kebab(action.name()), Integer.toString(id));
        }

        @Override
        public String findBy(Entity e, String field, String value) {
            return run(e, "find-by-" + Naming.kebab(field), value);
        }

        @Override
        public String threshold(Entity e, Threshold t, String value) {
            return run(e, "find-" + Naming.kebab(t.name()), value);
        }

        @Override
        public String sortBy(Entity e, String field) {
            return run(e, "sort-by-" + Naming.kebab(field));
        }

        @Override
        public String summary(Entity e) {
            return run(e, "summary");
        }

        @Override
        public String export(Entity e) {
            return run(e, "export");
        }

        @Override
        public String importCsv(Entity e, String csv) {
            return "importFile(" + lit(CliTemplates.command(e)) + ", " + csv + ")";
        }

        @Override
        public String shows(String field, String value) {
            return field + "=" + value;
        }

        @Override
        public String mentions(String field) {
            return field + "=";
        }
    }

    private static final class Library implements Surface {
        private static String s(Entity e) {
            return "api." + e.plural() + "()";
        }

        @Override
        public String create(Entity e, Map<String, String> values) {
            List<String> args = new ArrayList<>();
            for (Map.Entry<String, String> value : values.entrySet()) {
                args.add(lit(value.getKey()));
                args.add(lit(value.getValue()));
            }
            return s(e) + ".create(FieldValues.of(" + String.join(", ", args) + ")).toString()";
        }

        @Override
        public String list(Entity e) {
            return s(e) + ".list().toString()";
        }

        @Override
        public String get(Entity e, int id) {
            return s(e) + ".get(" + id + ").toString()";
        }

        @Override
        public String update(Entity e, int id, String field, String value) {
            return s(e) + ".update(" + id + ", FieldValues.of(" + lit(field) + ", " + lit(value) + ")).toString()";
        }

        @Override
        public String delete(Entity e, int id) {
            return "deleted(() -> " + s(e) + ".delete(" + id + "))";
        }

        @Override
        public String action(Entity e, StatusAction action, int id) {
            return s(e) + "." + action.name() + "(" + id + ").toString()";
        }

        @Override
        public String findBy(Entity e, String field, String value) {
            return s(e) + ".findBy" + JavaTypes.cap(field) + "(" + lit(value) + ").toString()";
        }

        @Override
        public String threshold(Entity e, Threshold t, String value) {
            return s(e) + ".find" + JavaTypes.cap(t.name()) + "(" + lit(value) + ").toString()";
        }

        @Override
        public String sortBy(Entity e, String field) {
            return s(e) + ".sortedBy" + JavaTypes.cap(field) + "().toString()";
        }

        @Override
        public String summary(Entity e) {
            return s(e) + ".summary().toString()";
        }

        @Override
        public String export(Entity e) {
            return s(e) + ".exportCsv()";
        }

        @Override
        public String importCsv(Entity e, String csv) {
            return "String.valueOf(" + s(e) + ".importCsv(" + csv + "))";
        }

        @Override
        public String shows(String field, String value) {
            return field + "=" + value;
        }

        @Override
        public String mentions(String field) {
            return field + "=";
        }
    }

    private static String jsonBody(Map<String, String> values) {
        List<String> members = new ArrayList<>();
        for (Map.Entry<String, String> value : values.entrySet()) {
            members.add(Escape.jsonString(value.getKey()) + ": " + Escape.jsonString(value.getValue()));
        }
        return "{" + String.join(", ", members) + "}";
    }

    /** @return the sample values of a new item of the variant, in field order: every field but booleans */
    private static Map<String, String> sampleValues(Entity e, int variant) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field f : JavaTypes.valued(e)) {
            values.put(f.name(), JavaTypes.sample(f, variant));
        }
        return values;
    }

    /**
     * The values of an item that tells a criterion on one field from the same criterion on any other field: the
     * field has the sample of one variant and every other field (booleans too) the sample of the other variant. Its
     * label is marked so that the item is told apart from the other items of the test and from each other.
     *
     * @param e       the kind of item
     * @param field   the field the criterion is on
     * @param own     the variant of the field's value
     * @param others  the variant of every other field's value
     * @param marker  what marks the label, such as {@code sort 1}
     * @return the values, in field order
     */
    private static Map<String, String> probeValues(Entity e, Field field, int own, int others, String marker) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field f : e.fields()) {
            String value = JavaTypes.sample(f, f.equals(field) ? own : others);
            values.put(f.name(), f.equals(e.label()) ? value + " (" + marker + ")" : value);
        }
        return values;
    }

    /** @return the label of an item with these values, as a Java string literal */
    private static String labelOf(Entity e, Map<String, String> values) {
        return lit(values.get(e.label().name()));
    }

    /**
     * @param spec   the spec
     * @param a      the architecture
     * @param domain the domain
     * @param proofs the requirements other than features that the class proves with a test of its own
     * @param readme what the README says, for a README proof; may be null when there is none
     * @param release the Java release pom.xml declares
     * @return the source of the generated class
     */
    public static String source(ProjectSpec spec, Architecture a, Domain domain, List<Ledger.Proven> proofs,
            Readme readme, int release) {
        List<FeatureMapping> features = domain.features();
        String pkg = a.basePackage();
        EntryPoint entry = a.entryPoint();
        CodeBuilder c = CodeBuilder.fourSpaces();
        List<String> imports = new ArrayList<>(List.of("java.nio.file.Files", "java.nio.file.Path",
                "java.io.IOException", "java.util.stream.Stream", "org.junit.jupiter.api.Test",
                "org.junit.jupiter.api.io.TempDir", pkg + ".repository.Storage"));
        Surface surface;
        switch (entry) {
            case HTTP, WEB -> {
                surface = new Http();
                imports.addAll(List.of(pkg + ".http.ApiServer", pkg + ".http.Router", "java.net.URI",
                        "java.net.Inet6Address", "java.net.InetAddress", "java.net.InetSocketAddress",
                        "java.net.http.HttpClient", "java.net.http.HttpRequest", "java.net.http.HttpResponse",
                        "org.junit.jupiter.api.AfterEach", "org.junit.jupiter.api.BeforeEach"));
            }
            case CLI -> {
                surface = new Cli();
                imports.addAll(List.of(pkg + ".cli.Commands", "java.util.List"));
            }
            case LIBRARY -> {
                surface = new Library();
                imports.add(pkg + ".model.FieldValues");
            }
            case PIPELINE -> {
                surface = null;
                imports.addAll(List.of(pkg + ".pipeline.Pipeline", "java.io.BufferedReader", "java.io.StringReader",
                        "java.io.StringWriter"));
            }
            default -> throw new IllegalStateException("unknown entry point " + entry);
        }
        boolean files = proofs.stream().anyMatch(p -> p.proof() != Ledger.Proof.VALIDATION);
        if (entry == EntryPoint.CLI && proofs.stream().anyMatch(p -> p.proof() == Ledger.Proof.VALIDATION)) {
            imports.add("java.util.List");
        }
        header(c, pkg, imports, "assertEquals", "assertFalse", "assertThrows", "assertTrue");
        c.line("/**");
        c.line(" * One test per feature of the spec, named after its requirement id, each exercising the feature through");
        c.line(" * the project's public surface" + switch (entry) {
            case HTTP, WEB -> ": HTTP calls against the started server.";
            case CLI -> ": the commands of the command line.";
            case LIBRARY -> ": the library's API.";
            case PIPELINE -> ": a run of the pipeline.";
        });
        c.line(" */");
        c.open("class " + CLASS);
        c.blank();
        c.line("@TempDir");
        c.line("Path dir;");
        harness(c, a);
        for (FeatureMapping f : features) {
            if (!covers(entry, domain, f)) {
                continue;
            }
            Entity e = domain.entity(f.entity()).orElseThrow();
            testMethod(c, "void " + method(spec, f) + "() throws Exception");
            if (surface == null) {
                pipelineSteps(c, e);
            } else {
                steps(c, surface, e, f);
            }
            c.close();
        }
        if (surface != null) {
            for (Entity e : domain.entities()) {
                if (!secrets(e).isEmpty()) {
                    secretTest(c, surface, e);
                }
            }
        } else if (!secrets(domain.primary()).isEmpty()) {
            pipelineSecretTest(c, domain.primary());
        }
        if (entry == EntryPoint.WEB) {
            testMethod(c, "void " + FORM_TEST + "() throws Exception");
            c.line("HttpResponse<String> response = send(\"GET\", \"/\", \"\");");
            c.line("assertEquals(200, response.statusCode());");
            c.line("String type = response.headers().firstValue(\"Content-Type\").orElse(\"\");");
            c.line("assertTrue(type.startsWith(\"text/html\"), type);");
            c.line("String page = response.body();");
            c.line("assertTrue(page.contains(\"<form\"), page);");
            c.line("assertFalse(page.contains(\"<script src\"), \"the page loads no script, so no framework: \" + page);");
            // every field of the primary item, as the spec names it, has an input; a required one is required
            for (Field f : domain.primary().fields()) {
                boolean required = f.required() && f.type() != FieldType.BOOLEAN;
                c.line("assertTrue(page.contains(" + lit("name=\"" + f.name() + "\"" + (required ? " required" : ""))
                        + "), " + lit("the form has an input for " + f.name() + (required ? ", required" : "")
                        + ": ") + " + page);");
            }
            c.close();
        }
        if (entry == EntryPoint.WEB) {
            pageTest(c, surface, domain.primary());
        }
        for (Ledger.Proven proof : proofs) {
            testMethod(c, "void " + proof.method() + "() throws Exception");
            switch (proof.proof()) {
                case LANGUAGE -> languageSteps(c, a, domain, release);
                case MAVEN -> mavenSteps(c, release);
                case README -> readmeSteps(c, readme);
                case VALIDATION -> validationSteps(c, a, proof.rule());
                case ERRORS -> errorSteps(c, a, domain.primary());
                case JAR -> jarSteps(c, a);
                case NO_DEPENDENCIES -> noDependencySteps(c);
                case HTTP_ERRORS -> httpErrorSteps(c, a, domain, proof);
                case RECORDS -> recordSteps(c, a, domain);
                case LAYERS -> layerSteps(c, a, domain);
                case SKIPPED_ROWS -> skippedRowSteps(c, domain.primary());
            }
            c.close();
        }
        if (files) {
            fileHelpers(c);
        }
        c.close();
        return c.toString();
    }

    private static void languageSteps(CodeBuilder c, Architecture a, Domain domain, int release) {
        c.line("org.w3c.dom.Element project = pom();");
        c.line("assertEquals(\"" + release + "\", child(element(project, \"properties\"), "
                + "\"maven.compiler.release\"));");
        c.line("assertTrue(Runtime.version().feature() >= " + release + ", \"runs on Java \" + Runtime.version());");
        c.line("assertTrue(" + a.basePackage() + ".model." + domain.primary().name() + ".class.isRecord(), "
                + "\"the model is written as Java records\");");
    }

    private static void mavenSteps(CodeBuilder c, int release) {
        c.line("org.w3c.dom.Element project = pom();");
        c.line("assertEquals(\"project\", project.getLocalName());");
        c.line("assertEquals(\"http://maven.apache.org/POM/4.0.0\", project.getNamespaceURI());");
        c.line("assertEquals(\"4.0.0\", child(project, \"modelVersion\"));");
        c.line("assertEquals(\"jar\", child(project, \"packaging\"));");
        c.line("assertEquals(\"" + release + "\", child(element(project, \"properties\"), "
                + "\"maven.compiler.release\"));");
        c.line("boolean junit = false;");
        c.open("for (org.w3c.dom.Element dependency : elements(element(project, \"dependencies\"), \"dependency\"))");
        c.line("junit |= \"org.junit.jupiter\".equals(child(dependency, \"groupId\"))");
        c.line("        && \"junit-jupiter\".equals(child(dependency, \"artifactId\"))");
        c.line("        && \"test\".equals(child(dependency, \"scope\"));");
        c.close();
        c.line("assertTrue(junit, \"pom.xml has the junit-jupiter test dependency\");");
    }

    /**
     * The web page offers the operations of its items: the page has a button for each status action and delete, a
     * form for each find and sort, and the edit form; and each of those calls, made as the page makes it, works.
     */
    private static void pageTest(CodeBuilder c, Surface s, Entity e) {
        String base = "/api/" + HttpTemplates.resource(e);
        testMethod(c, "void " + Ledger.PAGE_TEST + "() throws Exception");
        c.line("String page = send(\"GET\", \"/\", \"\").body();");
        c.line("assertTrue(page.contains(\"<form id=\\\"add\\\">\"), page);");
        c.line(s.create(e, 0) + ";");
        for (String action : HttpTemplates.pageItemActions(e)) {
            c.line("assertTrue(page.contains(" + lit(action) + "), " + lit("the page has the button " + action
                    + ": ") + " + page);");
        }
        for (String path : HttpTemplates.pageFinds(e)) {
            c.line("assertTrue(page.contains(" + lit("data-path=\"" + path + "\"") + "), page);");
            String value = "";
            if (path.endsWith("/")) {
                value = "x";
                for (String f : e.filterFields()) {
                    if (path.equals("/find-by-" + Naming.kebab(f) + "/")) {
                        value = JavaTypes.sample(e.field(f).orElseThrow(), 0);
                    }
                }
                for (Threshold t : e.thresholds()) {
                    if (path.equals("/find-" + Naming.kebab(t.name()) + "/")) {
                        value = JavaTypes.sample(e.field(t.field()).orElseThrow(), 0);
                    }
                }
                value = java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
            }
            c.line("assertEquals(200, status(\"GET\", " + lit(base + path + value) + ", \"\"));");
        }
        if (e.has(Operation.UPDATE)) {
            c.line("assertTrue(page.contains(\"<form id=\\\"edit\\\">\"), page);");
            for (Field f : e.fields()) {
                c.line("assertTrue(page.contains(" + lit("name=\"" + HttpTemplates.EDIT_PREFIX + f.name() + "\"")
                        + "), page);");
            }
            c.line("assertEquals(200, status(\"PUT\", " + lit(base + "/1") + ", \"{}\"));");
        }
        for (StatusAction a : e.statusActions()) {
            c.line("assertEquals(200, status(\"POST\", " + lit(base + "/1/" + Naming.kebab(a.name())) + ", \"\"));");
        }
        if (e.has(Operation.DELETE)) {
            c.line("assertTrue(status(\"DELETE\", " + lit(base + "/1") + ", \"\") < 300);");
        }
        c.close();
    }

    private static void readmeSteps(CodeBuilder c, Readme readme) {
        c.line("String readme = Files.readString(projectFile(\"README.md\"));");
        for (String command : readme.commands()) {
            c.line("assertTrue(readme.contains(" + lit(command) + "), readme);");
        }
        c.line("int run = readme.indexOf(\"\\n## Run\\n\");");
        c.line("assertTrue(run >= 0, \"README.md has a Run section: \" + readme);");
        c.line("assertTrue(readme.indexOf(" + lit(readme.run()) + ", run) > run, readme);");
        for (String feature : readme.features()) {
            c.line("assertTrue(readme.contains(" + lit(feature) + "), readme);");
        }
        for (String line : readme.reference()) {
            c.line("assertTrue(readme.contains(" + lit("- " + line + "\n") + "), "
                    + lit("README.md has: " + line + "\n") + " + readme);");
        }
        if (readme.csv() != null) {
            // the README's example input (its header line and example row, asserted above) is input the pipeline
            // accepts, row by row
            c.line("String example = " + lit(readme.csv() + "\n") + ";");
            c.line("Pipeline.Outcome fed = run(example, new StringWriter());");
            c.line("assertEquals(java.util.List.of(), fed.rejected());");
            c.line("assertEquals(example.strip().split(\"\\n\").length - 1, fed.accepted());");
        }
        for (List<String> request : readme.requests()) {
            // each example request, sent in the README's order, succeeds
            c.line("call(" + lit(request.get(0)) + ", " + lit(request.get(1)) + ", " + lit(request.get(2)) + ");");
        }
    }

    /**
     * Runs the command line's main class in a JVM of its own (the one running the test, on the test's class path) with
     * bad input: an unknown command, an unknown action, a list and a get with arguments they do not take, and an add
     * without the required values. Each must print
     * {@code error: } and a message on standard error and exit with a non-zero code.
     */
    private static void errorSteps(CodeBuilder c, Architecture a, Entity e) {
        String command = CliTemplates.command(e);
        List<String> bad = new ArrayList<>(List.of("List.of(\"no-such-command\")",
                "List.of(" + lit(command) + ", \"no-such-action\")",
                "List.of(" + lit(command) + ", \"list\", \"extra\", \"words\")",
                "List.of(" + lit(command) + ", \"list\", \"--nonsense\", \"yes\")",
                "List.of(" + lit(command) + ", \"get\", \"1\", \"extra\")"));
        if (JavaTypes.valued(e).stream().anyMatch(Field::required)) {
            bad.add("List.of(" + lit(command) + ", \"add\")");
        }
        c.line("String launcher = Path.of(System.getProperty(\"java.home\"), \"bin\", \"java\").toString();");
        c.line("String classPath = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI())");
        c.line("        + java.io.File.pathSeparator + System.getProperty(\"java.class.path\");");
        c.open("for (java.util.List<String> input : java.util.List.of(" + String.join(", ", bad).replace("List.of(",
                "java.util.List.of(") + "))");
        c.line("java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(launcher, "
                + "\"-Dstorage=memory\", \"-cp\", classPath, " + lit(a.basePackage() + ".Main") + "));");
        c.line("command.addAll(input);");
        c.line("Path out = dir.resolve(\"out.txt\");");
        c.line("Path err = dir.resolve(\"err.txt\");");
        c.line("Process process = new ProcessBuilder(command).directory(dir.toFile())");
        c.line("        .redirectInput(ProcessBuilder.Redirect.from(Files.writeString(dir.resolve(\"in.txt\"), \"\").toFile()))");
        c.line("        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();");
        c.line("assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), \"exits: \" + input);");
        c.line("String error = Files.readString(err);");
        c.line("assertTrue(process.exitValue() != 0, \"non-zero exit code for \" + input + \": \" + error);");
        c.line("assertTrue(error.startsWith(\"error: \") && error.strip().length() > \"error: \".length(), "
                + "\"a clear error for \" + input + \": \" + error);");
        c.close();
    }

    /**
     * Calls the server as a client would get each error the rule names: an unknown id of every kind of item (404) and
     * input that is not valid (400: an unknown field, a body that is not JSON); each answer is a JSON error. The
     * rule's validation parts, if any, are checked as a validation rule's are.
     */
    private static void httpErrorSteps(CodeBuilder c, Architecture a, Domain domain, Ledger.Proven proof) {
        List<Integer> codes = Ledger.httpStatuses(proof.requirement().text().toLowerCase(java.util.Locale.ROOT));
        if (codes.contains(404)) {
            for (Entity e : domain.entities()) {
                String path = "/api/" + HttpTemplates.resource(e) + "/999999";
                c.line("HttpResponse<String> missing" + e.name() + " = send(\"GET\", " + lit(path) + ", \"\");");
                c.line("assertEquals(404, missing" + e.name() + ".statusCode(), missing" + e.name() + ".body());");
                c.line("assertTrue(missing" + e.name() + ".body().strip().startsWith(\"{\") && missing" + e.name()
                        + ".body().contains(\"\\\"error\\\"\"), missing" + e.name() + ".body());");
            }
        }
        if (codes.contains(400)) {
            String base = "/api/" + HttpTemplates.resource(domain.primary());
            c.open("for (String body : new String[] {\"{\\\"noSuchField\\\": \\\"x\\\"}\", \"not json\"})");
            c.line("HttpResponse<String> bad = send(\"POST\", " + lit(base) + ", body);");
            c.line("assertEquals(400, bad.statusCode(), body + \": \" + bad.body());");
            c.line("assertTrue(bad.body().strip().startsWith(\"{\") && bad.body().contains(\"\\\"error\\\"\"), "
                    + "bad.body());");
            c.close();
        }
        if (proof.rule() != null) {
            validationSteps(c, a, proof.rule());
        }
    }

    /** Checks every class of the domain model is a Java record. */
    private static void recordSteps(CodeBuilder c, Architecture a, Domain domain) {
        for (Entity e : domain.entities()) {
            c.line("assertTrue(" + a.basePackage() + ".model." + e.name() + ".class.isRecord(), "
                    + lit(e.name() + " is a record") + ");");
        }
    }

    /**
     * Checks the services know nothing of the entry point: no field, constructor or method of a service names a
     * class of the HTTP, command-line or pipeline package; and the entry point's class holds the services.
     */
    private static void layerSteps(CodeBuilder c, Architecture a, Domain domain) {
        String pkg = a.basePackage();
        c.line("java.util.List<String> surface = java.util.List.of(" + lit(pkg + ".http.") + ", " + lit(pkg + ".cli.")
                + ", " + lit(pkg + ".pipeline.") + ");");
        c.line("java.util.List<Class<?>> services = java.util.List.of(" + String.join(", ", domain.entities().stream()
                .map(e -> pkg + ".service." + e.name() + "Service.class").toList()) + ");");
        c.open("for (Class<?> service : services)");
        c.line("java.util.List<Class<?>> used = new java.util.ArrayList<>();");
        c.line("java.util.Arrays.stream(service.getDeclaredFields()).forEach(f -> used.add(f.getType()));");
        c.open("for (java.lang.reflect.Constructor<?> constructor : service.getDeclaredConstructors())");
        c.line("used.addAll(java.util.List.of(constructor.getParameterTypes()));");
        c.close();
        c.open("for (java.lang.reflect.Method method : service.getDeclaredMethods())");
        c.line("used.add(method.getReturnType());");
        c.line("used.addAll(java.util.List.of(method.getParameterTypes()));");
        c.close();
        c.open("for (Class<?> type : used)");
        c.line("assertTrue(surface.stream().noneMatch(type.getName()::startsWith), service.getSimpleName() + \" uses \""
                + " + type.getName());");
        c.close();
        c.close();
        String holder = switch (a.entryPoint()) {
            case HTTP, WEB -> pkg + ".http.Router";
            case CLI -> pkg + ".cli.Commands";
            default -> null;
        };
        if (holder != null) {
            c.line("assertTrue(java.util.Arrays.stream(" + holder + ".class.getDeclaredFields()).anyMatch(f -> "
                    + "services.contains(f.getType())), " + lit(holder + " holds the services") + ");");
        }
    }

    /** Checks the build file packages a jar whose manifest names the main class, with no runtime dependency. */
    private static void jarSteps(CodeBuilder c, Architecture a) {
        c.line("org.w3c.dom.Element project = pom();");
        c.line("assertEquals(\"jar\", child(project, \"packaging\"));");
        c.line("String mainClass = null;");
        c.open("for (org.w3c.dom.Element plugin : elements(element(element(project, \"build\"), \"plugins\"), "
                + "\"plugin\"))");
        c.open("if (\"maven-jar-plugin\".equals(child(plugin, \"artifactId\")))");
        c.line("mainClass = child(element(element(element(plugin, \"configuration\"), \"archive\"), \"manifest\"), "
                + "\"mainClass\");");
        c.close();
        c.close();
        c.line("assertEquals(" + lit(a.basePackage() + ".Main") + ", mainClass, \"the jar's manifest names the main "
                + "class\");");
        c.line("java.lang.reflect.Method main = Main.class.getMethod(\"main\", String[].class);");
        c.line("assertTrue(java.lang.reflect.Modifier.isStatic(main.getModifiers()), \"Main.main is static\");");
        noDependencySteps(c, false);
    }

    /** Checks the build file declares only test-scoped dependencies, so the jar needs nothing but the JDK. */
    private static void noDependencySteps(CodeBuilder c) {
        noDependencySteps(c, true);
    }

    private static void noDependencySteps(CodeBuilder c, boolean readPom) {
        if (readPom) {
            c.line("org.w3c.dom.Element project = pom();");
        }
        c.open("for (org.w3c.dom.Element dependency : elements(element(project, \"dependencies\"), \"dependency\"))");
        c.line("assertEquals(\"test\", child(dependency, \"scope\"), \"only test dependencies, but \"");
        c.line("        + child(dependency, \"groupId\") + \":\" + child(dependency, \"artifactId\") + \" is not one\");");
        c.close();
    }

    /** Writes the parts of a validation rule: a missing required field refused, a value over the limit refused. */
    private static void validationSteps(CodeBuilder c, Architecture a, ValidationRule rule) {
        for (ValidationRule.Check check : rule.checks()) {
            Entity e = check.entity();
            String name = check.field().name();
            if (check.isLimit()) {
                c.line("// " + e.name() + "." + name + ": at most " + check.limit() + " characters");
                refused(c, a, e, withLong(a, e, name, check.limit() + 1));
                accepted(c, a, e, withLong(a, e, name, check.limit()));
            } else {
                c.line("// " + e.name() + "." + name + " is required");
                refused(c, a, e, created(a, e, name, null));
            }
        }
    }

    /** @return a create call with the sample values, the field left out (value null) or set to the long value */
    private static String created(Architecture a, Entity e, String field, String value) {
        List<String> parts = new ArrayList<>();
        switch (a.entryPoint()) {
            case HTTP, WEB -> {
                for (Field f : JavaTypes.valued(e)) {
                    if (f.name().equals(field) && value == null) {
                        continue;
                    }
                    String v = f.name().equals(field) ? value : JavaTypes.sample(f, 0);
                    parts.add(Escape.jsonString(f.name()) + ": " + Escape.jsonString(v));
                }
                return "status(\"POST\", " + lit("/api/" + HttpTemplates.resource(e)) + ", "
                        + lit("{" + String.join(", ", parts) + "}") + ")";
            }
            case CLI -> {
                parts.add(lit(CliTemplates.command(e)));
                parts.add("\"add\"");
                for (Field f : JavaTypes.valued(e)) {
                    if (f.name().equals(field) && value == null) {
                        continue;
                    }
                    parts.add(lit("--" + Naming.kebab(f.name())));
                    parts.add(lit(f.name().equals(field) ? value : JavaTypes.sample(f, 0)));
                }
                return "commands.execute(List.of(" + String.join(", ", parts) + "))";
            }
            case LIBRARY -> {
                for (Field f : JavaTypes.valued(e)) {
                    if (f.name().equals(field) && value == null) {
                        continue;
                    }
                    parts.add(lit(f.name()));
                    parts.add(lit(f.name().equals(field) ? value : JavaTypes.sample(f, 0)));
                }
                return "api." + e.plural() + "().create(FieldValues.of(" + String.join(", ", parts) + "))";
            }
            case PIPELINE -> {
                List<Field> valued = JavaTypes.valued(e);
                String header = String.join(",", valued.stream().map(Field::name).toList());
                String row = String.join(",", valued.stream().map(f -> !f.name().equals(field)
                        ? JavaTypes.sample(f, 0) : value == null ? "" : value).toList());
                return "run(" + lit(header + "\n" + row + "\n") + ", new StringWriter())";
            }
            default -> throw new IllegalStateException("unknown entry point " + a.entryPoint());
        }
    }

    /** @return a create call whose field holds a text of that length, written as an expression */
    private static String withLong(Architecture a, Entity e, String field, int length) {
        return created(a, e, field, LONG_VALUE).replace(LONG_VALUE, "\" + \"x\".repeat(" + length + ") + \"");
    }

    private static void refused(CodeBuilder c, Architecture a, Entity e, String call) {
        switch (a.entryPoint()) {
            case HTTP, WEB -> c.line("assertEquals(400, " + call + ");");
            case CLI, LIBRARY -> c.line("assertThrows(IllegalArgumentException.class, () -> " + call + ");");
            case PIPELINE -> c.line("assertEquals(0, " + call + ".accepted());");
        }
    }

    private static void accepted(CodeBuilder c, Architecture a, Entity e, String call) {
        switch (a.entryPoint()) {
            case HTTP, WEB -> c.line("assertEquals(201, " + call + ");");
            case CLI, LIBRARY -> c.line(call + ";");
            case PIPELINE -> c.line("assertEquals(1, " + call + ".accepted());");
        }
    }

    /** Writes the helpers that read the project's files: tests run in the project's root directory. */
    private static void fileHelpers(CodeBuilder c) {
        c.blank();
        c.line("/** @return a file of this project: its tests run in its root directory, as Maven runs them */");
        c.open("private static Path projectFile(String name)");
        c.line("return Path.of(System.getProperty(\"user.dir\")).resolve(name);");
        c.close();
        c.blank();
        c.line("/** @return the root element of pom.xml, read by the JDK's XML parser (no DTDs) */");
        c.open("private static org.w3c.dom.Element pom() throws Exception");
        c.line("javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();");
        c.line("factory.setNamespaceAware(true);");
        c.line("factory.setFeature(\"http://apache.org/xml/features/disallow-doctype-decl\", true);");
        c.line("return factory.newDocumentBuilder().parse(projectFile(\"pom.xml\").toFile()).getDocumentElement();");
        c.close();
        c.blank();
        c.line("/** @return the child elements of that name; none when the parent is null */");
        c.open("private static java.util.List<org.w3c.dom.Element> elements(org.w3c.dom.Element parent, String name)");
        c.line("java.util.List<org.w3c.dom.Element> found = new java.util.ArrayList<>();");
        c.open("for (org.w3c.dom.Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling())");
        c.open("if (n instanceof org.w3c.dom.Element child && name.equals(child.getLocalName()))");
        c.line("found.add(child);");
        c.close();
        c.close();
        c.line("return found;");
        c.close();
        c.blank();
        c.line("/** @return the first child element of that name, or null */");
        c.open("private static org.w3c.dom.Element element(org.w3c.dom.Element parent, String name)");
        c.line("java.util.List<org.w3c.dom.Element> found = elements(parent, name);");
        c.line("return found.isEmpty() ? null : found.get(0);");
        c.close();
        c.blank();
        c.line("/** @return the text of the first child element of that name, stripped, or null */");
        c.open("private static String child(org.w3c.dom.Element parent, String name)");
        c.line("org.w3c.dom.Element child = element(parent, name);");
        c.line("return child == null ? null : child.getTextContent().strip();");
        c.close();
    }

    private static void harness(CodeBuilder c, Architecture a) {
        switch (a.entryPoint()) {
            case HTTP, WEB -> {
                c.blank();
                c.line("private static final String LOOPBACK = InetAddress.getLoopbackAddress() instanceof Inet6Address");
                c.line("        ? \"[\" + InetAddress.getLoopbackAddress().getHostAddress() + \"]\"");
                c.line("        : InetAddress.getLoopbackAddress().getHostAddress();");
                c.blank();
                c.line("private final HttpClient client = HttpClient.newHttpClient();");
                c.line("private ApiServer server;");
                c.blank();
                c.line("@BeforeEach");
                c.open("void start() throws IOException");
                c.line("serve(new Router());");
                c.close();
                c.blank();
                c.line("@AfterEach");
                c.open("void stop()");
                c.line("server.close();");
                c.close();
                c.blank();
                c.open("private void serve(Router router) throws IOException");
                c.open("if (server != null)");
                c.line("server.close();");
                c.close();
                c.line("server = new ApiServer(router, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));");
                c.line("server.start();");
                c.close();
                c.blank();
                c.open("private void useFiles() throws IOException");
                c.line("serve(new Router(Storage.files(dir)));");
                c.close();
                c.blank();
                c.line("/** Calls the server on the loopback interface. */");
                c.open("private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException");
                c.line("HttpRequest request = HttpRequest.newBuilder(URI.create(\"http://\" + LOOPBACK + \":\" + server.port() + path))");
                c.line("        .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()");
                c.line("                : HttpRequest.BodyPublishers.ofString(body)).build();");
                c.line("return client.send(request, HttpResponse.BodyHandlers.ofString());");
                c.close();
                c.blank();
                c.line("/** @return the status code of a call to the server */");
                c.open("private int status(String method, String path, String body) throws IOException, InterruptedException");
                c.line("return send(method, path, body).statusCode();");
                c.close();
                c.blank();
                c.line("/** Calls the server on the loopback interface and checks the call succeeded. */");
                c.open("private String call(String method, String path, String body) throws IOException, InterruptedException");
                c.line("HttpResponse<String> response = send(method, path, body);");
                c.line("assertTrue(response.statusCode() < 300, method + \" \" + path + \" answered \" + response.statusCode()");
                c.line("        + \": \" + response.body());");
                c.line("return response.body();");
                c.close();
            }
            case CLI -> {
                c.blank();
                // a command line runs one process per command: each command here gets a fresh Commands over the
                // same file store, so what one command adds, the next one sees only if it was stored
                c.line("/** Runs each command as the program does: a fresh {@code Commands} over the file store. */");
                c.line("private final Program commands = new Program();");
                c.blank();
                c.open("private final class Program");
                c.open("String execute(List<String> args)");
                c.line("return new Commands(Storage.files(dir)).execute(args);");
                c.close();
                c.close();
                c.blank();
                c.open("private void useFiles()");
                c.line("// every command already runs over the file store in dir");
                c.close();
                c.blank();
                c.open("private String importFile(String command, String csv) throws IOException");
                c.line("Path file = Files.writeString(Files.createTempFile(dir, \"import\", \".csv\"), csv);");
                c.line("return commands.execute(List.of(command, \"import\", file.toString()));");
                c.close();
            }
            case LIBRARY -> {
                c.blank();
                c.line("private " + a.facadeClass() + " api = new " + a.facadeClass() + "();");
                c.blank();
                c.open("private void useFiles()");
                c.line("api = new " + a.facadeClass() + "(Storage.files(dir));");
                c.close();
                c.blank();
                c.open("private static String deleted(Runnable delete)");
                c.line("delete.run();");
                c.line("return \"deleted\";");
                c.close();
            }
            case PIPELINE -> {
                c.blank();
                c.open("private Pipeline.Outcome run(String input, StringWriter output) throws IOException");
                c.line("return new Pipeline(Storage.files(dir)).run(new BufferedReader(new StringReader(input)), output);");
                c.close();
            }
        }
        c.blank();
        c.line("/** @return the text of every file under the data directory */");
        c.open("private String stored() throws IOException");
        c.line("StringBuilder all = new StringBuilder();");
        c.open("try (Stream<Path> files = Files.walk(dir))");
        c.open("for (Path file : files.filter(Files::isRegularFile).toList())");
        c.line("all.append(Files.readString(file)).append('\\n');");
        c.close();
        c.close();
        c.line("return all.toString();");
        c.close();
    }

    /**
     * A pipeline run over a malformed row between two valid ones: the malformed row is skipped, reported with its line
     * number and counted, and the run goes on.
     */
    private static void skippedRowSteps(CodeBuilder c, Entity e) {
        JavaTypes.SampleCsv csv = JavaTypes.sampleCsv(e, ReadmeExamples::column);
        String header = csv.header();
        String row0 = csv.row0();
        String row1 = csv.row1();
        c.line("StringWriter output = new StringWriter();");
        c.line("Pipeline.Outcome outcome = run(" + lit(header + "\n" + row0 + "\n" + row0 + ",one value too many\n"
                + row1 + "\n") + ", output);");
        c.line("assertEquals(3, outcome.read());");
        c.line("assertEquals(2, outcome.accepted(), outcome.rejected().toString());");
        c.line("assertEquals(1, outcome.rejected().size(), outcome.rejected().toString());");
        c.line("assertTrue(outcome.rejected().get(0).startsWith(\"line 3: \"), outcome.rejected().toString());");
        c.line("assertTrue(output.toString().contains(" + lit(JavaTypes.sample(e.label(), 1)) + "), output.toString());");
    }

    private static void pipelineSteps(CodeBuilder c, Entity e) {
        // the columns as a spec writes them (lot_id), which the pipeline matches to its fields (lotId)
        JavaTypes.SampleCsv csv = JavaTypes.sampleCsv(e, ReadmeExamples::column);
        String header = csv.header();
        String row0 = csv.row0();
        String row1 = csv.row1();
        c.line("StringWriter output = new StringWriter();");
        c.line("Pipeline.Outcome outcome = run(" + lit(header + "\n" + row0 + "\n" + row1 + "\n") + ", output);");
        c.line("assertEquals(2, outcome.accepted(), outcome.rejected().toString());");
        c.line("assertTrue(output.toString().contains(" + lit(JavaTypes.sample(e.label(), 0)) + "), output.toString());");
        c.line("assertTrue(output.toString().contains(" + lit(JavaTypes.sample(e.label(), 1)) + "), output.toString());");
        c.line("assertTrue(stored().contains(" + lit(JavaTypes.sample(e.label(), 1)) + "));");
    }

    /**
     * The steps of one feature's test. Every criterion the feature applies is shown to be applied, never merely
     * answered: a test passes only if the generated code honours the sentence's field, subset, order or state, and
     * fails if the code ignored it or applied it to another field. Two items of the sample variants (0 and 1) go
     * through the operations; then, for each sort, filter and threshold, probe items whose criterion field and
     * other fields hold opposite variants show that the criterion is on its own field.
     */
    private static void steps(CodeBuilder c, Surface s, Entity e, FeatureMapping f) {
        Set<Operation> ops = new LinkedHashSet<>(f.operations());
        String l0 = lit(JavaTypes.sample(e.label(), 0));
        String l1 = lit(JavaTypes.sample(e.label(), 1));
        Map<String, Boolean> flags = new HashMap<>();
        int id0 = 1;
        int id1 = 2;
        c.line("String first = " + s.create(e, 0) + ";");
        c.line("assertTrue(first.contains(" + l0 + "), first);");
        if (ops.contains(Operation.CREATE)) {
            for (Field field : JavaTypes.valued(e)) {
                if (!field.secret() && !field.equals(e.label()) && (field.type() == FieldType.STRING || field.type() == FieldType.DATE
                        || field.type() == FieldType.DATE_TIME || field.type() == FieldType.LEVEL)) {
                    c.line("assertTrue(first.contains(" + lit(JavaTypes.sample(field, 0)) + "), first);");
                }
            }
            c.line("assertTrue(" + s.get(e, id0) + ".contains(" + l0 + "));");
        }
        c.line("String second = " + s.create(e, 1) + ";");
        c.line("assertTrue(second.contains(" + l1 + "), second);");
        if (ops.contains(Operation.LIST)) {
            c.line("String all = " + s.list(e) + ";");
            c.line("assertTrue(all.contains(" + l0 + ") && all.contains(" + l1 + "), all);");
        }
        if (ops.contains(Operation.GET)) {
            // each id gives its own item, not the first or the last one
            c.line("String one = " + s.get(e, id0) + ";");
            c.line("assertTrue(one.contains(" + l0 + ") && !one.contains(" + l1 + "), one);");
            c.line("String other = " + s.get(e, id1) + ";");
            c.line("assertTrue(other.contains(" + l1 + ") && !other.contains(" + l0 + "), other);");
        }
        if (ops.contains(Operation.FIND)) {
            for (Threshold t : e.thresholds()) {
                Field tf = e.field(t.field()).orElseThrow();
                String out = "found" + JavaTypes.cap(t.name());
                c.line("String " + out + " = " + s.threshold(e, t, JavaTypes.sample(tf, t.below() ? 1 : 0)) + ";");
                String in = t.below() ? l0 : l1;
                String not = t.below() ? l1 : l0;
                c.line("assertTrue(" + out + ".contains(" + in + ") && !" + out + ".contains(" + not + "), " + out
                        + ");");
            }
            for (String field : e.filterFields()) {
                Field ff = e.field(field).orElseThrow();
                String out = "foundBy" + JavaTypes.cap(field);
                if (ff.type() == FieldType.BOOLEAN) {
                    StatusAction setter = e.statusActions().stream().filter(x -> x.field().equals(field)
                            && x.effect() != StatusAction.Effect.CLEAR).findFirst().orElse(null);
                    if (setter != null) {
                        c.line(s.action(e, setter, id0) + ";");
                        flags.put(field, true);
                        c.line("String " + out + " = " + s.findBy(e, field, "true") + ";");
                        c.line("assertTrue(" + out + ".contains(" + l0 + ") && !" + out + ".contains(" + l1 + "), "
                                + out + ");");
                    } else {
                        // both items are new, so the flag is false on both; the probe steps add one where it is true
                        c.line("String " + out + " = " + s.findBy(e, field, "false") + ";");
                        c.line("assertTrue(" + out + ".contains(" + l0 + ") && " + out + ".contains(" + l1 + "), "
                                + out + ");");
                    }
                } else {
                    c.line("String " + out + " = " + s.findBy(e, field, filterValue(ff)) + ";");
                    c.line("assertTrue(" + out + ".contains(" + l1 + ") && !" + out + ".contains(" + l0 + "), "
                            + out + ");");
                }
            }
        }
        if (ops.contains(Operation.STATUS)) {
            for (StatusAction action : e.statusActions()) {
                boolean before = flags.getOrDefault(action.field(), false);
                boolean after = switch (action.effect()) {
                    case SET -> true;
                    case CLEAR -> false;
                    case TOGGLE -> !before;
                };
                flags.put(action.field(), after);
                String out = "after" + JavaTypes.cap(action.name());
                c.line("String " + out + " = " + s.action(e, action, id0) + ";");
                c.line("assertTrue(" + out + ".contains(" + lit(s.shows(action.field(), Boolean.toString(after)))
                        + "), " + out + ");");
            }
        }
        String label0 = l0;
        if (ops.contains(Operation.UPDATE)) {
            label0 = updateSteps(c, s, e, f, id0, id1);
        }
        if (ops.contains(Operation.AGGREGATE)) {
            if (e.has(AggregateKind.SUMMARY)) {
                c.line("String summary = " + s.summary(e) + ";");
                c.line("assertTrue(summary.contains(" + lit(s.shows("count", "2")) + "), summary);");
            }
            if (e.has(AggregateKind.EXPORT)) {
                c.line("String exported = " + s.export(e) + ";");
                c.line("assertTrue(exported.contains(" + l0 + ") && exported.contains(" + l1 + "), exported);");
                c.line("assertTrue(exported.startsWith(\"id,\"), exported);");
            }
            if (e.has(AggregateKind.IMPORT)) {
                List<Field> valued = JavaTypes.valued(e);
                String header = String.join(",", valued.stream().map(Field::name).toList());
                String row = String.join(",", valued.stream().map(x -> x.equals(e.label()) ? "Gamma import"
                        : JavaTypes.sample(x, 0)).toList());
                c.line("String imported = " + s.importCsv(e, lit(header + "\n" + row + "\n")) + ";");
                c.line("assertTrue(imported.contains(\"1\"), imported);");
                c.line("assertTrue(" + s.list(e) + ".contains(\"Gamma import\"));");
            }
        }
        if (ops.contains(Operation.DELETE)) {
            // the item deleted is neither the first nor the last one, so a delete that ignored the id and removed
            // either (or all) is caught
            Map<String, String> third = sampleValues(e, 0);
            third.put(e.label().name(), "Gamma kept");
            created(c, s, e, third);
            c.line(s.delete(e, id1) + ";");
            c.line("String left = " + s.list(e) + ";");
            c.line("assertFalse(left.contains(" + l1 + "), left);");
            c.line("assertTrue(left.contains(" + label0 + ") && left.contains(\"Gamma kept\"), left);");
        }
        if (ops.contains(Operation.FIND)) {
            probeSteps(c, s, e);
        }
    }

    /** @return the value a filter on the field is asked for: one that variant 1 matches and variant 0 does not */
    private static String filterValue(Field field) {
        return field.type() == FieldType.STRING ? "Beta" : JavaTypes.sample(field, 1);
    }

    /**
     * Shows that each sort, filter and threshold is on its own field, with probe items added after every other
     * step: for a sort, two items whose order by the field is the opposite of their order by every other field and
     * of the order they were added in; for a filter or a threshold, an item that matches on every other field but
     * not on the criterion's, which must be left out (for a flag, an item with the flag set, which only the query
     * for set flags returns). Only the probe items are asserted on, by their marked labels.
     */
    private static void probeSteps(CodeBuilder c, Surface s, Entity e) {
        int n = 0;
        for (String field : e.sortFields()) {
            Field sf = e.field(field).orElseThrow();
            n++;
            Map<String, String> later = probeValues(e, sf, 1, 0, "sort " + n);
            Map<String, String> earlier = probeValues(e, sf, 0, 1, "sort " + n);
            created(c, s, e, later);
            created(c, s, e, earlier);
            String out = "sortedBy" + JavaTypes.cap(field);
            String a = labelOf(e, earlier);
            String b = labelOf(e, later);
            c.line("String " + out + " = " + s.sortBy(e, field) + ";");
            c.line("assertTrue(" + out + ".indexOf(" + a + ") >= 0 && " + out + ".indexOf(" + a + ") < " + out
                    + ".indexOf(" + b + "), " + lit("sorted by " + field + ", not by another field nor as added: ")
                    + " + " + out + ");");
        }
        for (Threshold t : e.thresholds()) {
            Field tf = e.field(t.field()).orElseThrow();
            n++;
            int in = t.below() ? 0 : 1;
            Map<String, String> decoy = probeValues(e, tf, 1 - in, in, "threshold " + n);
            created(c, s, e, decoy);
            String out = "probedFound" + JavaTypes.cap(t.name());
            c.line("String " + out + " = " + s.threshold(e, t, JavaTypes.sample(tf, t.below() ? 1 : 0)) + ";");
            c.line("assertFalse(" + out + ".contains(" + labelOf(e, decoy) + "), " + lit("compares " + t.field()
                    + ", not another field: ") + " + " + out + ");");
        }
        for (String field : e.filterFields()) {
            Field ff = e.field(field).orElseThrow();
            n++;
            String out = "probedBy" + JavaTypes.cap(field);
            if (ff.type() == FieldType.BOOLEAN) {
                Map<String, String> set = probeValues(e, ff, 1, 0, "filter " + n);
                String label = labelOf(e, set);
                created(c, s, e, set);
                c.line("String " + out + " = " + s.findBy(e, field, "true") + ";");
                c.line("assertTrue(" + out + ".contains(" + label + "), " + out + ");");
                c.line(out + " = " + s.findBy(e, field, "false") + ";");
                c.line("assertFalse(" + out + ".contains(" + label + "), " + lit("only items whose " + field
                        + " is false: ") + " + " + out + ");");
            } else {
                Map<String, String> decoy = probeValues(e, ff, 0, 1, "filter " + n);
                created(c, s, e, decoy);
                c.line("String " + out + " = " + s.findBy(e, field, filterValue(ff)) + ";");
                c.line("assertFalse(" + out + ".contains(" + labelOf(e, decoy) + "), " + lit("filters by " + field
                        + ", not another field: ") + " + " + out + ");");
            }
        }
    }

    /** Creates an item with these values and asserts that it was created, so that no later check is vacuous. */
    private static void created(CodeBuilder c, Surface s, Entity e, Map<String, String> values) {
        c.line("assertTrue(" + s.create(e, values) + ".contains(" + labelOf(e, values) + "));");
    }

    /**
     * The steps of an update: the fields the feature names are changed on the first item, one at a time; each change
     * is read back, the old value is gone, every other field keeps its value, and the second item is untouched.
     *
     * @return the label of the first item after the update, as a Java literal
     */
    private static String updateSteps(CodeBuilder c, Surface s, Entity e, FeatureMapping f, int id0, int id1) {
        List<Field> changed = new ArrayList<>();
        for (String name : namedUpdates(e, f)) {
            Field field = e.field(name).orElseThrow();
            if (!field.secret() && !changed.contains(field)) {
                changed.add(field);
            }
        }
        Map<String, String> current = new LinkedHashMap<>();
        for (Field field : e.fields()) {
            if (!field.secret()) {
                current.put(field.name(), field.type() == FieldType.BOOLEAN ? null : JavaTypes.sample(field, 0));
            }
        }
        for (Field field : changed) {
            String value = field.equals(e.label()) ? "Changed" : field.type() == FieldType.BOOLEAN ? "true"
                    : JavaTypes.sample(field, 1);
            String old = current.get(field.name());
            String out = "changed" + JavaTypes.cap(field.name());
            c.line("String " + out + " = " + s.update(e, id0, field.name(), value) + ";");
            c.line("assertTrue(" + out + ".contains(" + lit(s.shows(field.name(), value)) + "), " + out + ");");
            current.put(field.name(), value);
            String back = "readBack" + JavaTypes.cap(field.name());
            c.line("String " + back + " = " + s.get(e, id0) + ";");
            if (old != null) {
                c.line("assertFalse(" + back + ".contains(" + lit(s.shows(field.name(), old)) + "), " + back + ");");
            }
            for (Map.Entry<String, String> kept : current.entrySet()) {
                if (kept.getValue() != null) {
                    c.line("assertTrue(" + back + ".contains(" + lit(s.shows(kept.getKey(), kept.getValue())) + "), "
                            + back + ");");
                }
            }
        }
        c.line("assertTrue(" + s.get(e, id1) + ".contains(" + lit(s.shows(e.label().name(),
                JavaTypes.sample(e.label(), 1))) + "), \"the other item is untouched\");");
        return lit(current.get(e.label().name()));
    }

    /**
     * @return the fields an update feature changes: those its description names ("update Parcel (set status)"),
     *         else the label and every field with its own setter
     */
    private static List<String> namedUpdates(Entity e, FeatureMapping f) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("update " + java.util.regex.Pattern.quote(e.name())
                + " \\(set ([^)]*)\\)").matcher(f.detail());
        if (m.find()) {
            List<String> named = new ArrayList<>();
            for (String name : m.group(1).split(", ")) {
                if (e.field(name).isPresent()) {
                    named.add(name);
                }
            }
            if (!named.isEmpty()) {
                return named;
            }
        }
        List<String> all = new ArrayList<>(List.of(e.label().name()));
        all.addAll(e.updateFields());
        return all;
    }

    private static void pipelineSecretTest(CodeBuilder c, Entity e) {
        testMethod(c, "void " + secretTest(e) + "() throws Exception");
        pipelineSteps(c, e);
        c.line("String stored = stored();");
        c.line("String written = output.toString();");
        for (Field f : secrets(e)) {
            String plain = lit(JavaTypes.sample(f, 0));
            c.line("assertFalse(written.contains(" + plain + "), written);");
            c.line("assertFalse(written.lines().findFirst().orElse(\"\").contains(" + lit(f.name()) + "), written);");
            c.line("assertFalse(stored.contains(" + plain + "), stored);");
        }
        c.line("assertTrue(stored.contains(\"pbkdf2-sha256$\"), stored);");
        c.close();
    }

    private static void secretTest(CodeBuilder c, Surface s, Entity e) {
        testMethod(c, "void " + secretTest(e) + "() throws Exception");
        c.line("useFiles();");
        c.line("String created = " + s.create(e, 0) + ";");
        c.line("String one = " + s.get(e, 1) + ";");
        c.line("String all = " + s.list(e) + ";");
        c.line("assertTrue(all.contains(" + lit(JavaTypes.sample(e.label(), 0)) + "), all);");
        c.line("String stored = stored();");
        c.line("assertTrue(stored.contains(" + lit(JavaTypes.sample(e.label(), 0)) + "), stored);");
        for (Field f : secrets(e)) {
            String plain = lit(JavaTypes.sample(f, 0));
            c.open("for (String out : new String[] {created, one, all})");
            c.line("assertFalse(out.contains(" + plain + "), out);");
            c.line("assertFalse(out.contains(" + lit(s.mentions(f.name())) + "), out);");
            c.close();
            c.line("assertFalse(stored.contains(" + plain + "), stored);");
        }
        c.line("assertTrue(stored.contains(\"pbkdf2-sha256$\"), stored);");
        c.close();
    }
}

package dev.thefactory.fallbacks.internal.java;

import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.Field;
import dev.thefactory.fallbacks.internal.domain.Operation;
import dev.thefactory.fallbacks.internal.domain.StatusAction;
import dev.thefactory.fallbacks.internal.domain.Threshold;
import dev.thefactory.fallbacks.internal.text.CodeBuilder;
import dev.thefactory.fallbacks.internal.text.Escape;
import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.thefactory.fallbacks.internal.java.TestTemplates.header;
import static dev.thefactory.fallbacks.internal.java.TestTemplates.lit;
import static dev.thefactory.fallbacks.internal.java.TestTemplates.testMethod;

/** Generates the tests of the entry points: commands, router, facade and pipeline. Stateless and thread-safe. */
final class EntryTestTemplates {

    private EntryTestTemplates() {
    }

    /** @return the first status action that sets or flips its field, if any */
    private static Optional<StatusAction> settingAction(Entity e) {
        return e.statusActions().stream().filter(a -> a.effect() != StatusAction.Effect.CLEAR).findFirst();
    }

    static String commandsTest(String pkg, Domain domain) {
        Entity e = domain.primary();
        String w = CliTemplates.command(e);
        CodeBuilder c = CodeBuilder.fourSpaces();
        header(c, pkg + ".cli", List.of("java.io.BufferedReader", "java.io.ByteArrayOutputStream",
                "java.io.IOException", "java.io.PrintStream", "java.io.StringReader",
                "java.nio.charset.StandardCharsets", "java.util.List", "java.util.Map",
                "java.util.NoSuchElementException", "org.junit.jupiter.api.Test", pkg + ".repository.Storage",
                "java.nio.file.Path", "org.junit.jupiter.api.io.TempDir"),
                "assertEquals", "assertThrows", "assertTrue");
        c.line("/** Tests of {@link Commands} and {@link Arguments}. */");
        c.open("class CommandsTest");
        c.blank();
        c.line("private final Commands commands = new Commands();");
        c.blank();
        c.open("private String add(int variant)");
        c.line("return commands.execute(variant == 0 ? " + addArgs(e, w, 0) + "");
        c.line("        : " + addArgs(e, w, 1) + ");");
        c.close();
        String label0 = JavaTypes.sample(e.label(), 0);
        String label1 = JavaTypes.sample(e.label(), 1);
        testMethod(c, "void addsListsAndGetsItems()");
        c.line("String added = add(0);");
        c.line("assertTrue(added.contains(\"id=1\"), added);");
        c.line("assertTrue(added.contains(" + lit(label0) + "), added);");
        c.line("add(1);");
        c.line("String listed = commands.execute(List.of(" + lit(w) + ", \"list\"));");
        c.line("assertEquals(2, listed.lines().count(), listed);");
        c.line("assertTrue(listed.contains(" + lit(label1) + "), listed);");
        c.line("assertTrue(commands.execute(List.of(" + lit(w) + ", \"get\", \"1\")).contains(" + lit(label0) + "));");
        c.close();
        testMethod(c, "void listsNothingAtFirst()");
        c.line("assertEquals(\"(none)\", commands.execute(List.of(" + lit(w) + ", \"list\")));");
        c.close();
        testMethod(c, "void aFileStoreKeepsItemsAcrossRestarts(@TempDir Path dir)");
        c.line("new Commands(Storage.files(dir)).execute(" + addArgs(e, w, 0) + ");");
        c.line("String listed = new Commands(Storage.files(dir)).execute(List.of(" + lit(w) + ", \"list\"));");
        c.line("assertTrue(listed.contains(" + lit(label0) + "), listed);");
        c.close();
        if (e.has(Operation.DELETE)) {
            testMethod(c, "void deletesItems()");
            c.line("add(0);");
            c.line("assertEquals(" + lit("deleted " + w + " 1") + ", commands.execute(List.of(" + lit(w)
                    + ", \"delete\", \"1\")));");
            c.line("assertEquals(\"(none)\", commands.execute(List.of(" + lit(w) + ", \"list\")));");
            c.close();
        }
        Optional<StatusAction> action = settingAction(e);
        if (action.isPresent()) {
            testMethod(c, "void runsAStatusAction()");
            c.line("add(0);");
            c.line("String changed = commands.execute(List.of(" + lit(w) + ", " + lit(Naming.kebab(action.get().name()))
                    + ", \"1\"));");
            c.line("assertTrue(changed.contains(" + lit(action.get().field() + "=true") + "), changed);");
            c.close();
        }
        for (Threshold t : e.thresholds().stream().limit(1).toList()) {
            Field f = e.field(t.field()).orElseThrow();
            testMethod(c, "void findsItemsByAThreshold()");
            c.line("add(0);");
            c.line("add(1);");
            c.line("String found = commands.execute(List.of(" + lit(w) + ", " + lit("find-" + Naming.kebab(t.name()))
                    + ", " + lit(JavaTypes.sample(f, t.below() ? 1 : 0)) + "));");
            c.line("assertEquals(1, found.lines().count(), found);");
            c.line("assertTrue(found.contains(" + lit(JavaTypes.sample(e.label(), t.below() ? 0 : 1)) + "), found);");
            c.close();
        }
        testMethod(c, "void rejectsBadCommands()");
        c.line("assertTrue(assertThrows(IllegalArgumentException.class, () -> commands.execute(List.of(\"bogus\")))");
        c.line("        .getMessage().contains(\"unknown command 'bogus'\"));");
        c.line("assertTrue(assertThrows(IllegalArgumentException.class,");
        c.line("        () -> commands.execute(List.of(" + lit(w) + ", \"bogus\"))).getMessage().contains(\"unknown action\"));");
        c.line("assertTrue(assertThrows(IllegalArgumentException.class,");
        c.line("        () -> commands.execute(List.of(" + lit(w) + ", \"get\", \"abc\"))).getMessage().contains(\"whole number\"));");
        c.line("assertThrows(NoSuchElementException.class, () -> commands.execute(List.of(" + lit(w)
                + ", \"get\", \"99\")));");
        c.line("assertThrows(IllegalArgumentException.class, () -> commands.execute(List.of(" + lit(w) + ", \"add\", "
                + lit("--" + Naming.kebab(e.label().name())) + ", \"x\".repeat(201))));");
        c.close();
        testMethod(c, "void splitsAndParsesArguments()");
        c.line("assertEquals(List.of(\"a\", \"b c\", \"d e\", \"f g\", \"\"), Arguments.split(\"a \\\"b c\\\" 'd e' f\\\\ g ''\"));");
        c.line("assertThrows(IllegalArgumentException.class, () -> Arguments.split(\"a \\\"b\"));");
        c.line("Arguments parsed = Arguments.parse(List.of(\"7\", \"--due-date\", \"2030-01-15\", \"--title=x\"));");
        c.line("assertEquals(7, parsed.id());");
        c.line("assertEquals(Map.of(\"dueDate\", \"2030-01-15\", \"title\", \"x\"), parsed.options());");
        c.line("assertThrows(IllegalArgumentException.class, () -> Arguments.parse(List.of(\"--title\")));");
        c.line("assertThrows(IllegalArgumentException.class, () -> Arguments.parse(List.of(\"--a\", \"1\", \"--a\", \"2\")));");
        c.close();
        testMethod(c, "void runsCommandsFromInputAndReportsFailures() throws IOException");
        c.line("String script = \"# a comment\\n\" + " + lit(scriptLine(e, w) + "\n") + " + \"bogus\\n\\n"
                + w + " list\\n\";");
        c.line("ByteArrayOutputStream out = new ByteArrayOutputStream();");
        c.line("ByteArrayOutputStream err = new ByteArrayOutputStream();");
        c.line("int status = commands.run(new BufferedReader(new StringReader(script)),");
        c.line("        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));");
        c.line("assertEquals(1, status);");
        c.line("assertTrue(out.toString(StandardCharsets.UTF_8).contains(" + lit(label0) + "));");
        c.line("assertTrue(err.toString(StandardCharsets.UTF_8).contains(\"line 3: unknown command\"),");
        c.line("        err.toString(StandardCharsets.UTF_8));");
        c.close();
        testMethod(c, "void helpNamesEveryCommand()");
        c.line("String usage = commands.execute(List.of(\"help\"));");
        for (Entity entity : domain.entities()) {
            c.line("assertTrue(usage.contains(" + lit(CliTemplates.command(entity) + " add") + "), usage);");
        }
        c.close();
        c.close();
        return c.toString();
    }

    private static String addArgs(Entity e, String w, int variant) {
        List<String> args = new ArrayList<>(List.of(lit(w), "\"add\""));
        for (Field f : JavaTypes.valued(e)) {
            args.add(lit("--" + Naming.kebab(f.name())));
            args.add(lit(JavaTypes.sample(f, variant)));
        }
        return "List.of(" + String.join(", ", args) + ")";
    }

    private static String scriptLine(Entity e, String w) {
        StringBuilder line = new StringBuilder(w).append(" add");
        for (Field f : JavaTypes.valued(e)) {
            line.append(" --").append(Naming.kebab(f.name())).append(" \"").append(JavaTypes.sample(f, 0)).append('"');
        }
        return line.toString();
    }

    private static String jsonBody(Entity e, int variant) {
        List<String> members = new ArrayList<>();
        for (Field f : JavaTypes.valued(e)) {
            members.add(Escape.jsonString(f.name()) + ": " + Escape.jsonString(JavaTypes.sample(f, variant)));
        }
        return "{" + String.join(", ", members) + "}";
    }

    static String routerTest(String pkg, Domain domain, boolean web) {
        Entity e = domain.primary();
        String base = "/api/" + HttpTemplates.resource(e);
        String label = e.label().name();
        CodeBuilder c = CodeBuilder.fourSpaces();
        header(c, pkg + ".http", List.of("java.util.Map", "org.junit.jupiter.api.Test", pkg + ".repository.Storage",
                "java.nio.file.Path", "org.junit.jupiter.api.io.TempDir"), "assertEquals", "assertTrue");
        c.line("/** Tests of {@link Router}. */");
        c.open("class RouterTest");
        c.blank();
        c.line("private static final String FIRST = " + lit(jsonBody(e, 0)) + ";");
        c.line("private static final String SECOND = " + lit(jsonBody(e, 1)) + ";");
        c.blank();
        c.line("private final Router router = new Router();");
        testMethod(c, "void createsListsAndGetsItems()");
        c.line("HttpReply created = router.handle(\"POST\", " + lit(base) + ", FIRST);");
        c.line("assertEquals(201, created.status(), created.body());");
        c.line("assertEquals(HttpReply.JSON, created.contentType());");
        c.line("Map<String, Object> item = JsonCodec.parseObject(created.body());");
        c.line("assertEquals(1L, item.get(\"id\"));");
        c.line("assertEquals(" + lit(JavaTypes.sample(e.label(), 0)) + ", item.get(" + lit(label) + "));");
        c.line("assertEquals(201, router.handle(\"POST\", " + lit(base) + ", SECOND).status());");
        c.line("HttpReply list = router.handle(\"GET\", " + lit(base) + ", \"\");");
        c.line("assertEquals(200, list.status());");
        c.line("assertTrue(list.body().startsWith(\"[{\\\"id\\\":1,\"), list.body());");
        c.line("assertTrue(list.body().contains(\"\\\"id\\\":2\"), list.body());");
        c.line("HttpReply one = router.handle(\"GET\", " + lit(base + "/2") + ", \"\");");
        c.line("assertEquals(" + lit(JavaTypes.sample(e.label(), 1)) + ", JsonCodec.parseObject(one.body()).get("
                + lit(label) + "));");
        c.close();
        testMethod(c, "void answersErrorsWithStatusCodes()");
        c.line("assertEquals(400, router.handle(\"POST\", " + lit(base) + ", \"{not json\").status());");
        c.line("HttpReply invalid = router.handle(\"POST\", " + lit(base) + ", "
                + lit(jsonBody(e, 0).replace(Escape.jsonString(JavaTypes.sample(e.label(), 0)),
                        Escape.jsonString("x".repeat(201)))) + ");");
        c.line("assertEquals(400, invalid.status(), invalid.body());");
        c.line("assertTrue(JsonCodec.parseObject(invalid.body()).get(\"error\").toString().contains(" + lit(label)
                + "));");
        c.line("assertEquals(404, router.handle(\"GET\", " + lit(base + "/99") + ", \"\").status());");
        c.line("assertEquals(404, router.handle(\"GET\", " + lit(base + "/abc") + ", \"\").status());");
        c.line("assertEquals(404, router.handle(\"GET\", \"/api/nothing-here\", \"\").status());");
        c.line("assertEquals(405, router.handle(\"DELETE\", " + lit(base) + ", \"\").status());");
        c.close();
        testMethod(c, "void aFileStoreKeepsItemsAcrossRestarts(@TempDir Path dir)");
        c.line("assertEquals(201, new Router(Storage.files(dir)).handle(\"POST\", " + lit(base) + ", FIRST).status());");
        c.line("HttpReply one = new Router(Storage.files(dir)).handle(\"GET\", " + lit(base + "/1") + ", \"\");");
        c.line("assertEquals(200, one.status(), one.body());");
        c.line("assertEquals(" + lit(JavaTypes.sample(e.label(), 0)) + ", JsonCodec.parseObject(one.body()).get("
                + lit(label) + "));");
        c.close();
        if (e.has(Operation.UPDATE)) {
            testMethod(c, "void updatesAnItem()");
            c.line("router.handle(\"POST\", " + lit(base) + ", FIRST);");
            c.line("HttpReply updated = router.handle(\"PUT\", " + lit(base + "/1") + ", "
                    + lit("{" + Escape.jsonString(label) + ": \"Changed\"}") + ");");
            c.line("assertEquals(200, updated.status(), updated.body());");
            c.line("assertEquals(\"Changed\", JsonCodec.parseObject(updated.body()).get(" + lit(label) + "));");
            c.close();
        }
        if (e.has(Operation.DELETE)) {
            testMethod(c, "void deletesAnItem()");
            c.line("router.handle(\"POST\", " + lit(base) + ", FIRST);");
            c.line("assertEquals(200, router.handle(\"DELETE\", " + lit(base + "/1") + ", \"\").status());");
            c.line("assertEquals(404, router.handle(\"GET\", " + lit(base + "/1") + ", \"\").status());");
            c.line("assertEquals(\"[]\", router.handle(\"GET\", " + lit(base) + ", \"\").body());");
            c.close();
        }
        Optional<StatusAction> action = settingAction(e);
        if (action.isPresent()) {
            testMethod(c, "void runsAStatusAction()");
            c.line("router.handle(\"POST\", " + lit(base) + ", FIRST);");
            c.line("HttpReply changed = router.handle(\"POST\", " + lit(base + "/1/" + Naming.kebab(action.get().name()))
                    + ", \"\");");
            c.line("assertEquals(200, changed.status(), changed.body());");
            c.line("assertEquals(Boolean.TRUE, JsonCodec.parseObject(changed.body()).get(" + lit(action.get().field())
                    + "));");
            c.close();
        }
        for (Threshold t : e.thresholds().stream().limit(1).toList()) {
            Field f = e.field(t.field()).orElseThrow();
            String path = base + "/find-" + Naming.kebab(t.name()) + "/";
            testMethod(c, "void findsItemsByAThreshold()");
            c.line("router.handle(\"POST\", " + lit(base) + ", FIRST);");
            c.line("router.handle(\"POST\", " + lit(base) + ", SECOND);");
            c.line("HttpReply found = router.handle(\"GET\", " + lit(path + JavaTypes.sample(f, t.below() ? 1 : 0))
                    + ", \"\");");
            c.line("assertEquals(200, found.status(), found.body());");
            c.line("assertTrue(found.body().startsWith(" + lit("[{\"id\":" + (t.below() ? 1 : 2) + ",")
                    + "), found.body());");
            c.line("assertEquals(-1, found.body().indexOf(" + lit("\"id\":" + (t.below() ? 2 : 1))
                    + "), found.body());");
            String invalid = JavaTypes.invalid(f);
            if (invalid != null) {
                c.line("assertEquals(400, router.handle(\"GET\", " + lit(path + invalid) + ", \"\").status());");
            }
            c.close();
        }
        if (web) {
            testMethod(c, "void servesThePage()");
            c.line("HttpReply page = router.handle(\"GET\", \"/\", \"\");");
            c.line("assertEquals(200, page.status());");
            c.line("assertTrue(page.contentType().startsWith(\"text/html\"));");
            c.line("assertTrue(page.body().contains(\"<form\"), page.body());");
            c.close();
        }
        c.close();
        return c.toString();
    }

    static String facadeTest(String pkg, Domain domain, String facade) {
        Entity e = domain.primary();
        CodeBuilder c = CodeBuilder.fourSpaces();
        header(c, pkg, List.of(pkg + ".model.FieldValues", pkg + ".model." + e.name(), "java.util.List",
                "org.junit.jupiter.api.Test", pkg + ".repository.Storage", "java.nio.file.Path",
                "org.junit.jupiter.api.io.TempDir"), "assertEquals");
        c.line("/** Tests of {@link " + facade + "}. */");
        c.open("class " + facade + "Test");
        testMethod(c, "void exposesOneServicePerKindOfItem()");
        c.line(facade + " api = new " + facade + "();");
        c.line(e.name() + " created = api." + e.plural() + "().create(" + TestTemplates.values(e, 0, null) + ");");
        c.line("assertEquals(List.of(created), api." + e.plural() + "().list());");
        for (Entity other : domain.entities()) {
            if (other != e) {
                c.line("assertEquals(List.of(), api." + other.plural() + "().list());");
            }
        }
        c.close();
        testMethod(c, "void instancesAreIndependent()");
        c.line(facade + " first = new " + facade + "();");
        c.line("first." + e.plural() + "().create(" + TestTemplates.values(e, 0, null) + ");");
        c.line("assertEquals(List.of(), new " + facade + "()." + e.plural() + "().list());");
        c.close();
        testMethod(c, "void aFileStoreKeepsItemsForTheNextInstance(@TempDir Path dir)");
        c.line(e.name() + " created = new " + facade + "(Storage.files(dir))." + e.plural() + "().create("
                + TestTemplates.values(e, 0, null) + ");");
        c.line("assertEquals(List.of(created), new " + facade + "(Storage.files(dir))." + e.plural() + "().list());");
        c.close();
        c.close();
        return c.toString();
    }

    static String pipelineTest(String pkg, Entity e) {
        CodeBuilder c = CodeBuilder.fourSpaces();
        header(c, pkg + ".pipeline", List.of("java.io.BufferedReader", "java.io.IOException", "java.io.StringReader",
                "java.io.StringWriter", "org.junit.jupiter.api.Test", pkg + ".repository.Storage", "java.nio.file.Path",
                "org.junit.jupiter.api.io.TempDir"), "assertEquals", "assertThrows", "assertTrue");
        List<Field> valued = JavaTypes.valued(e);
        JavaTypes.SampleCsv csv = JavaTypes.sampleCsv(e, Field::name);
        String header = csv.header();
        String row0 = csv.row0();
        String row1 = csv.row1();
        String bad = String.join(",", valued.stream().map(f -> f == e.label() ? "x".repeat(201)
                : JavaTypes.sample(f, 0)).toList());
        c.line("/** Tests of {@link Pipeline}. */");
        c.open("class PipelineTest");
        c.blank();
        c.open("private static Pipeline.Outcome run(String input, StringWriter output) throws IOException");
        c.line("return new Pipeline().run(new BufferedReader(new StringReader(input)), output);");
        c.close();
        testMethod(c, "void keepsValidRowsAndReportsInvalidOnes() throws IOException");
        c.line("StringWriter output = new StringWriter();");
        c.line("Pipeline.Outcome outcome = run(" + lit(header + "\n" + row0 + "\n" + bad + "\n\n" + row1 + "\n")
                + ", output);");
        c.line("assertEquals(3, outcome.read());");
        c.line("assertEquals(2, outcome.accepted());");
        c.line("assertEquals(1, outcome.rejected().size());");
        c.line("assertTrue(outcome.rejected().get(0).startsWith(\"line 3: \"), outcome.rejected().get(0));");
        c.line("String[] lines = output.toString().split(\"\\n\");");
        c.line("assertEquals(3, lines.length);");
        c.line("assertEquals(" + lit("id," + String.join(",", e.fields().stream().filter(f -> !f.secret())
                .map(Field::name).toList()))
                + ", lines[0]);");
        c.line("assertTrue(lines[1].startsWith(\"1,\"), lines[1]);");
        c.line("assertEquals(2L, outcome.summary().get(\"count\"));");
        c.close();
        testMethod(c, "void aFileStoreKeepsTheRowsOfEarlierRuns(@TempDir Path dir) throws IOException");
        c.line("new Pipeline(Storage.files(dir)).run(new BufferedReader(new StringReader(" + lit(header + "\n" + row0
                + "\n") + ")), new StringWriter());");
        c.line("StringWriter output = new StringWriter();");
        c.line("Pipeline.Outcome outcome = new Pipeline(Storage.files(dir)).run(new BufferedReader(new StringReader("
                + lit(header + "\n" + row1 + "\n") + ")), output);");
        c.line("assertEquals(2L, outcome.summary().get(\"count\"));");
        c.line("assertTrue(output.toString().contains(\"\\n2,\"), output.toString());");
        c.close();
        String snake = String.join(",", valued.stream()
                .map(f -> f.name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)).toList());
        testMethod(c, "void aHeaderMayNameTheFieldsInSnakeCase() throws IOException");
        c.line("Pipeline.Outcome outcome = run(" + lit(snake + "\n" + row0 + "\n") + ", new StringWriter());");
        c.line("assertEquals(1, outcome.accepted(), outcome.rejected().toString());");
        c.close();
        testMethod(c, "void rejectsInputWithoutAUsableHeader()");
        c.line("assertTrue(assertThrows(IllegalArgumentException.class, () -> run(\"nosuchfield\\nx\\n\", new StringWriter()))");
        c.line("        .getMessage().contains(\"nosuchfield\"));");
        c.line("assertThrows(IllegalArgumentException.class, () -> run(\"\", new StringWriter()));");
        c.close();
        c.close();
        return c.toString();
    }
}

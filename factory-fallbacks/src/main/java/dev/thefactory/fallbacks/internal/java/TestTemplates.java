package dev.thefactory.fallbacks.internal.java;

import dev.thefactory.fallbacks.internal.domain.AggregateKind;
import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.Field;
import dev.thefactory.fallbacks.internal.domain.FieldType;
import dev.thefactory.fallbacks.internal.domain.Operation;
import dev.thefactory.fallbacks.internal.domain.StatusAction;
import dev.thefactory.fallbacks.internal.domain.Threshold;
import dev.thefactory.fallbacks.internal.text.CodeBuilder;
import dev.thefactory.fallbacks.internal.text.Escape;
import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.ArrayList;
import java.util.List;

/** Generates the JUnit 5 tests of a generated Java project. Stateless and thread-safe. */
final class TestTemplates {

    private TestTemplates() {
    }

    /**
     * Starts a test method after a blank line; the caller writes its body and closes it.
     *
     * @param c         the class being written
     * @param signature the method's signature, such as {@code void deletesItems()}
     */
    static void testMethod(CodeBuilder c, String signature) {
        c.blank();
        c.line("@Test");
        c.open(signature);
    }

    /** @return a Java string literal of any text */
    static String lit(String text) {
        return Escape.javaString(text);
    }

    /**
     * Writes the start of a test class: its package, its imports (sorted, each once) and static assertion imports.
     *
     * @param c       the class being written
     * @param pkg     its package
     * @param imports the types it imports
     * @param asserts the methods of {@code Assertions} it imports
     */
    static void header(CodeBuilder c, String pkg, List<String> imports, String... asserts) {
        c.line("package " + pkg + ";").blank();
        imports.stream().distinct().sorted().forEach(i -> c.line("import " + i + ";"));
        c.blank();
        for (String a : asserts) {
            c.line("import static org.junit.jupiter.api.Assertions." + a + ";");
        }
        c.blank();
    }

    /** @return {@code FieldValues.of(...)} with variant values of every non-boolean field, minus one */
    static String values(Entity e, int variant, String without) {
        List<String> args = new ArrayList<>();
        for (Field f : JavaTypes.valued(e)) {
            if (!f.name().equals(without)) {
                args.add(lit(f.name()));
                args.add(lit(JavaTypes.sample(f, variant)));
            }
        }
        return "FieldValues.of(" + String.join(", ", args) + ")";
    }

    /** @return the Java expression of a field's sample value as the record's accessor returns it */
    static String expected(Field f, int variant) {
        String text = JavaTypes.sample(f, variant);
        return switch (f.type()) {
            case STRING -> lit(text);
            case DATE -> "LocalDate.parse(" + lit(text) + ")";
            case DATE_TIME -> "LocalDateTime.parse(" + lit(text) + ")";
            case INT -> "Integer.valueOf(" + text + ")";
            case LONG -> "Long.valueOf(" + text + "L)";
            case DECIMAL -> "new BigDecimal(" + lit(text) + ")";
            case BOOLEAN -> text;
            case LEVEL -> "Level." + text;
        };
    }

    static String serviceTest(String pkg, Entity e) {
        String n = e.name();
        String s = n + "Service";
        Field label = e.label();
        String getLabel = "." + label.name() + "()";
        CodeBuilder c = CodeBuilder.fourSpaces();
        List<String> imports = new ArrayList<>(List.of(pkg + ".model.FieldValues", pkg + ".model." + n,
                "java.util.HashSet", "java.util.List", "java.util.NoSuchElementException", "java.util.Set",
                "java.util.concurrent.ExecutorService", "java.util.concurrent.Executors",
                "java.util.concurrent.Future", "java.util.ArrayList", "org.junit.jupiter.api.Test",
                pkg + ".repository.Storage", "java.nio.file.Path", "org.junit.jupiter.api.io.TempDir"));
        for (Field f : JavaTypes.valued(e)) {
            switch (f.type()) {
                case DATE -> imports.add("java.time.LocalDate");
                case DATE_TIME -> imports.add("java.time.LocalDateTime");
                case DECIMAL -> imports.add("java.math.BigDecimal");
                case LEVEL -> imports.add(pkg + ".model.Level");
                default -> {
                    // no import needed
                }
            }
        }
        if (e.has(AggregateKind.SUMMARY)) {
            imports.add("java.util.Map");
        }
        header(c, pkg + ".service", imports, "assertEquals", "assertFalse", "assertThrows", "assertTrue");
        c.line("/** Tests of {@link " + s + "}. */");
        c.open("class " + s + "Test");
        c.blank();
        c.line("private final " + s + " service = new " + s + "();");
        c.blank();
        c.open("private " + n + " create(int variant)");
        c.line("return service.create(variant == 0 ? " + values(e, 0, null) + "");
        c.line("        : " + values(e, 1, null) + ");");
        c.close();
        testMethod(c, "void createsAnItemWithTheGivenValuesAndAnId()");
        c.line(n + " created = create(0);");
        c.line("assertTrue(created.id() > 0);");
        for (Field f : JavaTypes.valued(e)) {
            if (f.secret()) {
                c.line("assertTrue(" + pkg + ".model.Secrets.matches(" + lit(JavaTypes.sample(f, 0)) + ", created."
                        + f.name() + "()), \"the secret is stored as a hash of the given value\");");
                c.line("assertTrue(!created." + f.name() + "().contains(" + lit(JavaTypes.sample(f, 0)) + "));");
            } else {
                c.line("assertEquals(" + expected(f, 0) + ", created." + f.name() + "());");
            }
        }
        c.line("assertEquals(created, service.get(created.id()));");
        c.close();
        testMethod(c, "void listsItemsOldestFirst()");
        c.line(n + " first = create(0);");
        c.line(n + " second = create(1);");
        c.line("assertEquals(List.of(first, second), service.list());");
        c.line("assertTrue(second.id() > first.id());");
        c.close();
        testMethod(c, "void aFileStoreKeepsTheItemsForTheNextStart(@TempDir Path dir)");
        c.line("Storage storage = Storage.files(dir);");
        c.line(s + " before = " + ServiceHolders.storedService(e) + ";");
        c.line(n + " first = before.create(" + values(e, 0, null) + ");");
        c.line(n + " second = before.create(" + values(e, 1, null) + ");");
        c.line(s + " after = " + ServiceHolders.storedService(e) + ";");
        c.line("assertEquals(List.of(first, second), after.list());");
        c.line("assertEquals(second, after.get(second.id()));");
        c.close();
        testMethod(c, "void rejectsTextLongerThanTheLimit()");
        c.line("IllegalArgumentException e = assertThrows(IllegalArgumentException.class,");
        c.line("        () -> service.create(" + values(e, 0, label.name()).replace("FieldValues.of(",
                "FieldValues.of(" + lit(label.name()) + ", \"x\".repeat(201)" + (JavaTypes.valued(e).size() > 1
                        ? ", " : "")) + "));");
        c.line("assertTrue(e.getMessage().contains(" + lit(label.name()) + "), e.getMessage());");
        c.line("assertEquals(List.of(), service.list());");
        c.close();
        for (Field f : e.requiredFields()) {
            if (f.type() == FieldType.BOOLEAN) {
                continue;
            }
            testMethod(c, "void requires" + JavaTypes.cap(f.name()) + "()");
            c.line("IllegalArgumentException e = assertThrows(IllegalArgumentException.class,");
            c.line("        () -> service.create(" + values(e, 0, f.name()) + "));");
            c.line("assertTrue(e.getMessage().contains(" + lit(f.name()) + "), e.getMessage());");
            c.close();
        }
        for (Field f : e.fields()) {
            String invalid = JavaTypes.invalid(f);
            if (invalid == null) {
                continue;
            }
            testMethod(c, "void rejectsAnInvalid" + JavaTypes.cap(f.name()) + "()");
            c.line("IllegalArgumentException e = assertThrows(IllegalArgumentException.class,");
            c.line("        () -> service.create(" + values(e, 0, null) + ".with(FieldValues.of(" + lit(f.name())
                    + ", " + lit(invalid) + "))));");
            c.line("assertTrue(e.getMessage().contains(" + lit(f.name()) + "), e.getMessage());");
            c.close();
        }
        testMethod(c, "void rejectsAnUnknownField()");
        c.line("IllegalArgumentException e = assertThrows(IllegalArgumentException.class,");
        c.line("        () -> service.create(" + values(e, 0, null) + ".with(FieldValues.of(\"noSuchField\", \"x\"))));");
        c.line("assertTrue(e.getMessage().contains(\"noSuchField\"), e.getMessage());");
        c.close();
        testMethod(c, "void failsForAnUnknownId()");
        c.line("assertThrows(NoSuchElementException.class, () -> service.get(99));");
        c.close();
        if (e.has(Operation.UPDATE)) {
            testMethod(c, "void updatesSomeFieldsAndKeepsTheOthers()");
            c.line(n + " created = create(0);");
            c.line(n + " updated = service.update(created.id(), FieldValues.of(" + lit(label.name()) + ", "
                    + lit("Changed") + "));");
            c.line("assertEquals(\"Changed\", updated" + getLabel + ");");
            c.line("assertEquals(created.id(), updated.id());");
            c.line("assertEquals(updated, service.get(created.id()));");
            c.line("assertThrows(IllegalArgumentException.class, () -> service.update(created.id(),");
            c.line("        FieldValues.of(" + lit(label.name()) + ", \"x\".repeat(201))));");
            c.line("assertEquals(updated, service.get(created.id()));");
            c.line("assertThrows(NoSuchElementException.class, () -> service.update(99, FieldValues.of()));");
            c.close();
            for (String field : e.updateFields()) {
                Field f = e.field(field).orElseThrow();
                testMethod(c, "void sets" + JavaTypes.cap(field) + "()");
                c.line(n + " created = create(0);");
                c.line(n + " changed = service.set" + JavaTypes.cap(field) + "(created.id(), "
                        + lit(JavaTypes.sample(f, 1)) + ");");
                c.line(f.secret() ? "assertTrue(" + pkg + ".model.Secrets.matches(" + lit(JavaTypes.sample(f, 1))
                        + ", changed." + field + "()));"
                        : "assertEquals(" + expected(f, 1) + ", changed." + field + "());");
                c.close();
            }
        }
        if (e.has(Operation.DELETE)) {
            testMethod(c, "void deletesAnItem()");
            c.line(n + " first = create(0);");
            c.line(n + " second = create(1);");
            c.line("service.delete(first.id());");
            c.line("assertEquals(List.of(second), service.list());");
            c.line("assertThrows(NoSuchElementException.class, () -> service.get(first.id()));");
            c.line("assertThrows(NoSuchElementException.class, () -> service.delete(first.id()));");
            c.close();
        }
        for (StatusAction a : e.statusActions()) {
            testMethod(c, "void " + a.name() + "ChangesTheStatus()");
            String field = a.field();
            switch (a.effect()) {
                case SET -> {
                    c.line(n + " created = create(0);");
                    c.line("assertFalse(created." + field + "());");
                    c.line("assertTrue(service." + a.name() + "(created.id())." + field + "());");
                    c.line("assertTrue(service.get(created.id())." + field + "());");
                }
                case CLEAR -> {
                    c.line(n + " created = service.create(" + values(e, 0, null) + ".with(FieldValues.of("
                            + lit(field) + ", \"true\")));");
                    c.line("assertTrue(created." + field + "());");
                    c.line("assertFalse(service." + a.name() + "(created.id())." + field + "());");
                    c.line("assertFalse(service.get(created.id())." + field + "());");
                }
                case TOGGLE -> {
                    c.line(n + " created = create(0);");
                    c.line("assertTrue(service." + a.name() + "(created.id())." + field + "());");
                    c.line("assertFalse(service." + a.name() + "(created.id())." + field + "());");
                }
            }
            c.line("assertThrows(NoSuchElementException.class, () -> service." + a.name() + "(99));");
            c.close();
        }
        for (String field : e.filterFields()) {
            Field f = e.field(field).orElseThrow();
            testMethod(c, "void findsBy" + JavaTypes.cap(field) + "()");
            if (f.type() == FieldType.BOOLEAN) {
                c.line(n + " off = create(0);");
                c.line(n + " on = service.create(" + values(e, 1, null) + ".with(FieldValues.of(" + lit(field)
                        + ", \"true\")));");
                c.line("assertEquals(List.of(on), service.findBy" + JavaTypes.cap(field) + "(\"true\"));");
                c.line("assertEquals(List.of(off), service.findBy" + JavaTypes.cap(field) + "(\"false\"));");
            } else {
                c.line(n + " first = create(0);");
                c.line("create(1);");
                String wanted = f.type() == FieldType.STRING ? "alpha" : JavaTypes.sample(f, 0);
                c.line("assertEquals(List.of(first), service.findBy" + JavaTypes.cap(field) + "(" + lit(wanted)
                        + "));");
            }
            c.close();
        }
        for (Threshold t : e.thresholds()) {
            Field f = e.field(t.field()).orElseThrow();
            String method = "service.find" + JavaTypes.cap(t.name());
            testMethod(c, "void finds" + JavaTypes.cap(t.name()) + "()");
            c.line((t.below() ? n + " low = " : "") + "create(0);");
            c.line((t.below() ? "" : n + " high = ") + "create(1);");
            if (t.below()) {
                c.line("assertEquals(List.of(low), " + method + "(" + lit(JavaTypes.sample(f, 1)) + "));");
                c.line("assertEquals(List.of(), " + method + "(" + lit(JavaTypes.sample(f, 0)) + "));");
            } else {
                c.line("assertEquals(List.of(high), " + method + "(" + lit(JavaTypes.sample(f, 0)) + "));");
                c.line("assertEquals(List.of(), " + method + "(" + lit(JavaTypes.sample(f, 1)) + "));");
            }
            c.line("assertThrows(IllegalArgumentException.class, () -> " + method + "(\"\"));");
            String invalid = JavaTypes.invalid(f);
            if (invalid != null) {
                c.line("assertThrows(IllegalArgumentException.class, () -> " + method + "(" + lit(invalid) + "));");
            }
            c.close();
        }
        for (String field : e.sortFields()) {
            Field f = e.field(field).orElseThrow();
            testMethod(c, "void sortsBy" + JavaTypes.cap(field) + "()");
            if (f.type() == FieldType.BOOLEAN) {
                c.line(n + " on = service.create(" + values(e, 1, null) + ".with(FieldValues.of(" + lit(field)
                        + ", \"true\")));");
                c.line(n + " off = create(0);");
                c.line("assertEquals(List.of(off, on), service.sortedBy" + JavaTypes.cap(field) + "());");
            } else {
                c.line(n + " later = create(1);");
                c.line(n + " earlier = create(0);");
                c.line("assertEquals(List.of(earlier, later), service.sortedBy" + JavaTypes.cap(field) + "());");
            }
            c.close();
        }
        if (e.has(AggregateKind.SUMMARY)) {
            testMethod(c, "void summarizesTheItems()");
            c.line("create(0);");
            c.line("create(1);");
            c.line("Map<String, Object> summary = service.summary();");
            c.line("assertEquals(2L, summary.get(\"count\"));");
            for (Field f : e.fields()) {
                switch (f.type()) {
                    case INT -> c.line("assertEquals(3L, summary.get(" + lit(f.name() + "Total") + "));");
                    case LONG -> c.line("assertEquals(30L, summary.get(" + lit(f.name() + "Total") + "));");
                    case DECIMAL -> c.line("assertEquals(0, new BigDecimal(\"3.75\").compareTo((BigDecimal) summary.get("
                            + lit(f.name() + "Total") + ")));");
                    case BOOLEAN -> c.line("assertEquals(0L, summary.get(" + lit(f.name()) + "));");
                    default -> {
                        // not summarized
                    }
                }
            }
            c.close();
        }
        if (e.has(AggregateKind.EXPORT)) {
            testMethod(c, "void exportsCsvWithAHeader()");
            c.line("create(0);");
            c.line("create(1);");
            c.line("String[] lines = service.exportCsv().split(\"\\n\");");
            c.line("assertEquals(3, lines.length);");
            c.line("assertEquals(\"id," + String.join(",", e.fields().stream().filter(f -> !f.secret())
                    .map(Field::name).toList())
                    + "\", lines[0]);");
            c.line("assertTrue(lines[1].startsWith(\"1,\"), lines[1]);");
            c.close();
        }
        if (e.has(AggregateKind.IMPORT)) {
            testMethod(c, "void importsValidCsvAndRejectsInvalidCsvAsAWhole()");
            List<Field> valued = JavaTypes.valued(e);
            String header = String.join(",", valued.stream().map(Field::name).toList());
            String row = String.join(",", valued.stream().map(f -> JavaTypes.sample(f, 0)).toList());
            String bad = String.join(",", valued.stream().map(f -> f == label ? "x".repeat(201)
                    : JavaTypes.sample(f, 0)).toList());
            c.line("assertEquals(2, service.importCsv(" + lit(header + "\n" + row + "\n" + row + "\n") + "));");
            c.line("assertEquals(2, service.list().size());");
            c.line("IllegalArgumentException e = assertThrows(IllegalArgumentException.class,");
            c.line("        () -> service.importCsv(" + lit(header + "\n" + row + "\n" + bad + "\n") + "));");
            c.line("assertTrue(e.getMessage().startsWith(\"line 3\"), e.getMessage());");
            c.line("assertEquals(2, service.list().size());");
            c.close();
        }
        // an entity with a secret hashes it on every create (PBKDF2, deliberately slow): fewer creates keep the
        // test within the generated tests' time limit while still racing 8 threads
        int creates = e.fields().stream().anyMatch(Field::secret) ? 24 : 200;
        testMethod(c, "void concurrentCreatesGetDistinctIds() throws Exception");
        c.line("ExecutorService pool = Executors.newFixedThreadPool(8);");
        c.open("try");
        c.line("List<Future<" + n + ">> futures = new ArrayList<>();");
        c.open("for (int i = 0; i < " + creates + "; i++)");
        c.line("int variant = i % 2;");
        c.line("futures.add(pool.submit(() -> create(variant)));");
        c.close();
        c.line("Set<Long> ids = new HashSet<>();");
        c.open("for (Future<" + n + "> future : futures)");
        c.line("ids.add(future.get().id());");
        c.close();
        c.line("assertEquals(" + creates + ", ids.size());");
        c.line("assertEquals(" + creates + ", service.list().size());");
        c.dedent();
        c.line("} finally {");
        c.indent();
        c.line("pool.shutdownNow();");
        c.close();
        c.close();
        c.close();
        return c.toString();
    }

    static String fieldValuesTest(String pkg) {
        return JavaShared.fill("""
                package ${pkg}.model;

                import java.math.BigDecimal;
                import java.time.LocalDate;
                import java.util.List;
                import org.junit.jupiter.api.Test;

                import static org.junit.jupiter.api.Assertions.assertEquals;
                import static org.junit.jupiter.api.Assertions.assertFalse;
                import static org.junit.jupiter.api.Assertions.assertNull;
                import static org.junit.jupiter.api.Assertions.assertThrows;
                import static org.junit.jupiter.api.Assertions.assertTrue;

                /** Tests of {@link FieldValues} and {@link Validation}. */
                class FieldValuesTest {

                    enum Color { RED, GREEN }

                    @Test
                    void parsesEachTypeAndTreatsBlankAsAbsent() {
                        FieldValues values = FieldValues.of("d", "2030-01-15", "i", " 7 ", "l", "9000000000", "m", "9.99",
                                "b", "yes", "c", "green", "blank", "  ");
                        assertEquals(LocalDate.of(2030, 1, 15), values.date("d"));
                        assertEquals(7, values.integer("i"));
                        assertEquals(9_000_000_000L, values.longValue("l"));
                        assertEquals(new BigDecimal("9.99"), values.decimal("m"));
                        assertTrue(values.bool("b"));
                        assertEquals(Color.GREEN, values.choice("c", Color.class));
                        assertNull(values.text("blank"));
                        assertNull(values.date("missing"));
                        assertFalse(values.bool("missing"));
                    }

                    @Test
                    void rejectsMalformedValuesNamingTheField() {
                        FieldValues values = FieldValues.of("d", "15/01/2030", "i", "seven", "b", "maybe", "c", "BLUE");
                        assertTrue(assertThrows(IllegalArgumentException.class, () -> values.date("d")).getMessage()
                                .startsWith("d must be a date"));
                        assertTrue(assertThrows(IllegalArgumentException.class, () -> values.integer("i")).getMessage()
                                .startsWith("i must be a whole number"));
                        assertTrue(assertThrows(IllegalArgumentException.class, () -> values.bool("b")).getMessage()
                                .startsWith("b must be true or false"));
                        assertTrue(assertThrows(IllegalArgumentException.class, () -> values.choice("c", Color.class))
                                .getMessage().contains("[RED, GREEN]"));
                    }

                    @Test
                    void mergesAndChecksNames() {
                        FieldValues merged = FieldValues.of("a", "1", "b", "2").with(FieldValues.of("b", "3"));
                        assertEquals(FieldValues.of("a", "1", "b", "3"), merged);
                        merged.requireOnly(List.of("a", "b"));
                        assertThrows(IllegalArgumentException.class, () -> merged.requireOnly(List.of("a")));
                        assertThrows(IllegalArgumentException.class, () -> FieldValues.of("odd"));
                    }

                    @Test
                    void validatesText() {
                        assertEquals("x", Validation.text("name", "  x ", true));
                        assertNull(Validation.text("name", " ", false));
                        assertThrows(IllegalArgumentException.class, () -> Validation.text("name", " ", true));
                        assertThrows(IllegalArgumentException.class,
                                () -> Validation.text("name", "x".repeat(Validation.MAX_TEXT + 1), false));
                        assertThrows(IllegalArgumentException.class, () -> Validation.nonNegative("n", -1));
                        assertEquals("", FieldValues.format(null));
                        assertEquals("1.50", FieldValues.format(new BigDecimal("1.50")));
                    }
                }
                """, pkg);
    }

    static String csvCodecTest(String pkg) {
        return JavaShared.fill("""
                package ${pkg}.service;

                import java.util.List;
                import org.junit.jupiter.api.Test;

                import static org.junit.jupiter.api.Assertions.assertEquals;
                import static org.junit.jupiter.api.Assertions.assertThrows;

                /** Tests of {@link CsvCodec}. */
                class CsvCodecTest {

                    @Test
                    void quotesOnlyWhatNeedsIt() {
                        assertEquals("a,\\"b,c\\",\\"say \\"\\"hi\\"\\"\\",\\" d \\",", CsvCodec.line(List.of("a", "b,c", "say \\"hi\\"", " d ", "")));
                    }

                    @Test
                    void readsBackWhatItWrites() {
                        List<String> cells = List.of("plain", "with, comma", "with \\"quotes\\"", "", " padded ");
                        assertEquals(cells, CsvCodec.parse(CsvCodec.line(cells)));
                    }

                    @Test
                    void rejectsAnOpenQuote() {
                        assertThrows(IllegalArgumentException.class, () -> CsvCodec.parse("a,\\"b"));
                        assertThrows(IllegalArgumentException.class, () -> CsvCodec.parse("\\"a\\"b"));
                    }
                }
                """, pkg);
    }
}

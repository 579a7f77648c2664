package dev.thefactory.fallbacks.internal.java;

import dev.thefactory.fallbacks.internal.domain.AggregateKind;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.Field;
import dev.thefactory.fallbacks.internal.domain.FieldType;
import dev.thefactory.fallbacks.internal.domain.Operation;
import dev.thefactory.fallbacks.internal.domain.StatusAction;
import dev.thefactory.fallbacks.internal.domain.Threshold;
import dev.thefactory.fallbacks.internal.text.CodeBuilder;
import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Generates the model record and the service of one entity. Stateless and thread-safe. */
final class EntityTemplates {

    private EntityTemplates() {
    }

    private static String words(String name) {
        return String.join(" ", Naming.words(name));
    }

    static String record(String pkg, Entity e) {
        CodeBuilder c = CodeBuilder.fourSpaces();
        c.line("package " + pkg + ".model;").blank();
        Set<String> imports = new TreeSet<>(JavaTypes.imports(e.fields()));
        imports.add("java.util.LinkedHashMap");
        imports.add("java.util.List");
        imports.add("java.util.Map");
        imports.forEach(i -> c.line("import " + i + ";"));
        c.blank();
        List<String> components = new ArrayList<>();
        components.add("long id");
        for (Field f : e.fields()) {
            components.add(JavaTypes.type(f) + " " + f.name());
        }
        c.line("/**");
        c.line(" * A " + words(e.name()) + ", validated on construction: required values are present, text is at most");
        c.line(" * {@link Validation#MAX_TEXT} characters, numbers are not negative. Immutable and thread-safe.");
        c.line(" *");
        c.line(" * @param id the id, 0 before it is stored");
        for (Field f : e.fields()) {
            c.line(" * @param " + f.name() + " the " + words(f.name()) + (f.secret() ? " as a salted hash (see "
                    + "{@link Secrets}); never returned" : "") + (f.required() ? "; required" : f.type()
                    == FieldType.BOOLEAN ? "" : "; may be null"));
        }
        c.line(" */");
        c.open("public record " + e.name() + "(" + String.join(", ", components) + ") implements Identifiable");
        c.blank();
        c.line("/** The names of the fields, without the id, in order. */");
        c.line("public static final List<String> FIELD_NAMES = List.of("
                + String.join(", ", e.fields().stream().map(f -> JavaTypes.literal(f.name())).toList()) + ");");
        c.blank();
        c.line("/** @throws IllegalArgumentException when a value is missing or invalid */");
        c.open("public " + e.name());
        c.open("if (id < 0)");
        c.line("throw new IllegalArgumentException(\"id must be >= 0 but was \" + id);");
        c.close();
        for (Field f : e.fields()) {
            String lit = JavaTypes.literal(f.name());
            if (f.secret()) {
                c.line(f.name() + " = Secrets.stored(" + lit + ", " + f.name() + ", " + f.required() + ");");
                continue;
            }
            switch (f.type()) {
                case STRING -> c.line(f.name() + " = Validation.text(" + lit + ", " + f.name() + ", " + f.required()
                        + ");");
                case INT, LONG, DECIMAL -> c.line(f.name() + " = Validation.nonNegative(" + lit + ", "
                        + (f.required() ? "Validation.required(" + lit + ", " + f.name() + ")" : f.name()) + ");");
                case DATE, DATE_TIME, LEVEL -> {
                    if (f.required()) {
                        c.line("Validation.required(" + lit + ", " + f.name() + ");");
                    }
                }
                case BOOLEAN -> {
                    // a boolean always has a value
                }
            }
        }
        c.close();
        c.blank();
        c.line("/**");
        c.line(" * @param id     the id");
        c.line(" * @param values the field values as text; absent values are null (false for yes/no fields)");
        c.line(" * @return the " + words(e.name()));
        c.line(" * @throws IllegalArgumentException on an unknown field or a missing or invalid value");
        c.line(" */");
        c.open("public static " + e.name() + " fromFields(long id, FieldValues values)");
        c.line("values.requireOnly(FIELD_NAMES);");
        List<String> args = new ArrayList<>();
        args.add("id");
        e.fields().forEach(f -> args.add(f.secret() ? "Secrets.hash(" + JavaTypes.literal(f.name()) + ", "
                + JavaTypes.parse(f) + ", " + f.required() + ")" : JavaTypes.parse(f)));
        c.line("return new " + e.name() + "(" + String.join(", ", args) + ");");
        c.close();
        if (hasSecrets(e)) {
            secretMethods(c, e);
        }
        c.blank();
        c.line("/** @param newId the id @return a copy with that id */");
        c.open("public " + e.name() + " withId(long newId)");
        c.line("return new " + e.name() + "(" + String.join(", ", replaced(e, "id", "newId")) + ");");
        c.close();
        Set<String> statusFields = new TreeSet<>();
        e.statusActions().forEach(a -> statusFields.add(a.field()));
        for (String field : statusFields) {
            c.blank();
            c.line("/** @param flag the new " + words(field) + " @return a copy with it */");
            c.open("public " + e.name() + " with" + JavaTypes.cap(field) + "(boolean flag)");
            c.line("return new " + e.name() + "(" + String.join(", ", replaced(e, field, "flag")) + ");");
            c.close();
        }
        c.blank();
        c.line("/** @return the fields with the id first, as JSON-ready values (text, numbers, booleans, null) */");
        c.open("public Map<String, Object> toFields()");
        c.line("Map<String, Object> out = new LinkedHashMap<>();");
        c.line("out.put(\"id\", id);");
        for (Field f : e.fields()) {
            if (!f.secret()) {
                c.line("out.put(" + JavaTypes.literal(f.name()) + ", " + JavaTypes.json(f) + ");");
            }
        }
        c.line("return out;");
        c.close();
        c.blank();
        if (hasSecrets(e)) {
            c.line("/** @return the fields without the id, as text, secrets as their hashes; {@link #fromStored} reads them"
                    + " back */");
        } else {
            c.line("/** @return the fields without the id, as text; {@link #fromFields} reads them back */");
        }
        c.open("public FieldValues toValues()");
        c.line("Map<String, String> out = new LinkedHashMap<>();");
        for (Field f : e.fields()) {
            c.line("out.put(" + JavaTypes.literal(f.name()) + ", FieldValues.format(" + f.name() + "));");
        }
        c.line("return new FieldValues(out);");
        c.close();
        c.close();
        return c.toString();
    }

    static boolean hasSecrets(Entity e) {
        return e.fields().stream().anyMatch(Field::secret);
    }

    /** Writes what an entity with secrets needs: reading stored hashes, changes, public values, a safe toString. */
    private static void secretMethods(CodeBuilder c, Entity e) {
        String n = e.name();
        c.blank();
        c.line("/** The names of the fields that are never returned: they hold secrets, stored as salted hashes. */");
        c.line("public static final List<String> SECRET_FIELD_NAMES = List.of(" + String.join(", ", e.fields().stream()
                .filter(Field::secret).map(f -> JavaTypes.literal(f.name())).toList()) + ");");
        c.blank();
        c.line("/**");
        c.line(" * @param id     the id");
        c.line(" * @param values the field values as {@link #toValues} stored them: secrets as their hashes");
        c.line(" * @return the " + words(n));
        c.line(" * @throws IllegalArgumentException on an unknown field, a missing or invalid value, or a plain secret");
        c.line(" */");
        c.open("public static " + n + " fromStored(long id, FieldValues values)");
        c.line("values.requireOnly(FIELD_NAMES);");
        List<String> args = new ArrayList<>();
        args.add("id");
        e.fields().forEach(f -> args.add(JavaTypes.parse(f)));
        c.line("return new " + n + "(" + String.join(", ", args) + ");");
        c.close();
        c.blank();
        c.line("/**");
        c.line(" * @param changes new values as text; a new secret is hashed, an absent one keeps its hash");
        c.line(" * @return a copy with the changes");
        c.line(" * @throws IllegalArgumentException on an unknown field or a missing or invalid value");
        c.line(" */");
        c.open("public " + n + " withChanges(FieldValues changes)");
        c.line("changes.requireOnly(FIELD_NAMES);");
        c.line("FieldValues values = toValues().with(changes);");
        List<String> merged = new ArrayList<>();
        merged.add("id");
        for (Field f : e.fields()) {
            String lit = JavaTypes.literal(f.name());
            merged.add(f.secret() ? "changes.asMap().containsKey(" + lit + ") ? Secrets.hash(" + lit + ", changes.text("
                    + lit + "), " + f.required() + ") : " + f.name() : JavaTypes.parse(f));
        }
        c.line("return new " + n + "(" + String.join(", ", merged) + ");");
        c.close();
        c.blank();
        c.line("/** @return the fields without the id and without the secrets, as text */");
        c.open("public FieldValues toPublicValues()");
        c.line("Map<String, String> out = new LinkedHashMap<>();");
        for (Field f : e.fields()) {
            if (!f.secret()) {
                c.line("out.put(" + JavaTypes.literal(f.name()) + ", FieldValues.format(" + f.name() + "));");
            }
        }
        c.line("return new FieldValues(out);");
        c.close();
        c.blank();
        c.line("/** @return the " + words(n) + " without its secrets */");
        c.line("@Override");
        c.open("public String toString()");
        List<String> parts = new ArrayList<>();
        parts.add("\"id=\" + id");
        for (Field f : e.fields()) {
            if (!f.secret()) {
                parts.add("\"" + f.name() + "=\" + " + f.name());
            }
        }
        c.line("return \"" + n + "[\" + " + String.join(" + \", \" + ", parts) + " + \"]\";");
        c.close();
    }

    private static List<String> replaced(Entity e, String component, String with) {
        List<String> args = new ArrayList<>();
        args.add(component.equals("id") ? with : "id");
        for (Field f : e.fields()) {
            args.add(f.name().equals(component) ? with : f.name());
        }
        return args;
    }

    static boolean usesCsv(Entity e) {
        return e.has(AggregateKind.EXPORT) || e.has(AggregateKind.IMPORT);
    }

    static String service(String pkg, Entity e) {
        String n = e.name();
        String item = words(n);
        CodeBuilder c = CodeBuilder.fourSpaces();
        c.line("package " + pkg + ".service;").blank();
        Set<String> imports = new TreeSet<>();
        imports.add(pkg + ".model.FieldValues");
        imports.add(pkg + ".model." + n);
        imports.add(pkg + ".repository.InMemoryRepository");
        imports.add(pkg + ".repository.Repository");
        imports.add("java.util.List");
        imports.add("java.util.NoSuchElementException");
        imports.add("java.util.Objects");
        List<Field> filters = e.filterFields().stream().map(name -> e.field(name).orElseThrow()).toList();
        List<Field> sorts = e.sortFields().stream().map(name -> e.field(name).orElseThrow()).toList();
        if (!sorts.isEmpty()) {
            imports.add("java.util.Comparator");
        }
        for (Field f : filters) {
            switch (f.type()) {
                case STRING -> imports.add("java.util.Locale");
                case DATE -> imports.add("java.time.LocalDate");
                case DATE_TIME -> imports.add("java.time.LocalDateTime");
                case DECIMAL -> imports.add("java.math.BigDecimal");
                case LEVEL -> imports.add(pkg + ".model.Level");
                default -> {
                    // no import needed
                }
            }
        }
        for (Threshold t : e.thresholds()) {
            switch (e.field(t.field()).orElseThrow().type()) {
                case DATE -> imports.add("java.time.LocalDate");
                case DATE_TIME -> imports.add("java.time.LocalDateTime");
                case DECIMAL -> imports.add("java.math.BigDecimal");
                default -> {
                    // no import needed
                }
            }
        }
        if (e.has(AggregateKind.SUMMARY)) {
            imports.add("java.util.LinkedHashMap");
            imports.add("java.util.Map");
            if (e.fields().stream().anyMatch(f -> f.type() == FieldType.DECIMAL)) {
                imports.add("java.math.BigDecimal");
            }
        }
        if (e.has(AggregateKind.EXPORT)) {
            imports.add("java.util.ArrayList");
        }
        if (e.has(AggregateKind.IMPORT)) {
            imports.add("java.util.ArrayList");
            imports.add("java.util.LinkedHashMap");
            imports.add("java.util.Map");
        }
        imports.forEach(i -> c.line("import " + i + ";"));
        c.blank();
        c.line("/**");
        c.line(" * What can be done with " + Naming.words(e.plural()).stream().reduce((a, b) -> a + " " + b)
                .orElseThrow() + ". Thread-safe as long as its repository is (the default one is).");
        c.line(" */");
        c.open("public final class " + n + "Service");
        c.blank();
        c.line("private final Repository<" + n + "> repository;");
        c.blank();
        c.line("/** A service over an empty in-memory repository. */");
        c.open("public " + n + "Service()");
        c.line("this(new InMemoryRepository<>());");
        c.close();
        c.blank();
        c.line("/** @param repository where the items are kept */");
        c.open("public " + n + "Service(Repository<" + n + "> repository)");
        c.line("this.repository = Objects.requireNonNull(repository, \"repository\");");
        c.close();
        c.blank();
        c.line("/**");
        c.line(" * Creates a " + item + ".");
        c.line(" *");
        c.line(" * @param values the field values as text");
        c.line(" * @return the stored " + item + ", with its new id");
        c.line(" * @throws IllegalArgumentException on an unknown field or a missing or invalid value");
        c.line(" */");
        c.open("public " + n + " create(FieldValues values)");
        c.line(n + " draft = " + n + ".fromFields(0, values);");
        c.line("return repository.add(draft::withId);");
        c.close();
        c.blank();
        c.line("/** @return every " + item + ", oldest first */");
        c.open("public List<" + n + "> list()");
        c.line("return repository.findAll();");
        c.close();
        c.blank();
        c.line("/** @param id an id @return the " + item + " @throws NoSuchElementException when there is none */");
        c.open("public " + n + " get(long id)");
        c.line("return repository.findById(id).orElseThrow(() -> notFound(id));");
        c.close();
        if (e.has(Operation.UPDATE)) {
            c.blank();
            c.line("/**");
            c.line(" * Changes some fields of a " + item + "; the others keep their values.");
            c.line(" *");
            c.line(" * @param id      the id");
            c.line(" * @param changes the new values as text");
            c.line(" * @return the changed " + item);
            c.line(" * @throws IllegalArgumentException on an unknown field or a missing or invalid value");
            c.line(" * @throws NoSuchElementException when there is no such " + item);
            c.line(" */");
            c.open("public " + n + " update(long id, FieldValues changes)");
            c.line("changes.requireOnly(" + n + ".FIELD_NAMES);");
            c.line(hasSecrets(e) ? "return repository.update(id, current -> current.withChanges(changes))"
                    : "return repository.update(id, current -> " + n
                    + ".fromFields(id, current.toValues().with(changes)))");
            c.line("        .orElseThrow(() -> notFound(id));");
            c.close();
            for (String field : e.updateFields()) {
                c.blank();
                c.line("/** @param id the id @param value the new " + words(field) + " as text @return the changed "
                        + item + " */");
                c.open("public " + n + " set" + JavaTypes.cap(field) + "(long id, String value)");
                c.line("return update(id, FieldValues.of(" + JavaTypes.literal(field) + ", value));");
                c.close();
            }
        }
        if (e.has(Operation.DELETE)) {
            c.blank();
            c.line("/** @param id the id @throws NoSuchElementException when there is no such " + item + " */");
            c.open("public void delete(long id)");
            c.open("if (!repository.deleteById(id))");
            c.line("throw notFound(id);");
            c.close();
            c.close();
        }
        for (StatusAction a : e.statusActions()) {
            c.blank();
            String effect = switch (a.effect()) {
                case SET -> "true";
                case CLEAR -> "false";
                case TOGGLE -> "!current." + a.field() + "()";
            };
            String does = switch (a.effect()) {
                case SET -> "Sets " + words(a.field()) + " of a " + item + ".";
                case CLEAR -> "Clears " + words(a.field()) + " of a " + item + ".";
                case TOGGLE -> "Flips " + words(a.field()) + " of a " + item + ".";
            };
            c.line("/** " + does + " @param id the id @return the changed " + item
                    + " @throws NoSuchElementException when there is none */");
            c.open("public " + n + " " + a.name() + "(long id)");
            c.line("return repository.update(id, current -> current.with" + JavaTypes.cap(a.field()) + "(" + effect
                    + ")).orElseThrow(() -> notFound(id));");
            c.close();
        }
        for (Field f : filters) {
            c.blank();
            c.line("/**");
            c.line(" * @param wanted the " + words(f.name()) + " as text" + (f.type() == FieldType.STRING
                    ? "; matches when contained, ignoring case" : ""));
            c.line(" * @return the matching " + words(e.plural()) + ", oldest first");
            c.line(" * @throws IllegalArgumentException when the value is invalid");
            c.line(" */");
            c.open("public List<" + n + "> findBy" + JavaTypes.cap(f.name()) + "(String wanted)");
            switch (f.type()) {
                case STRING -> {
                    c.line("String needle = Objects.requireNonNull(wanted, \"wanted\").strip().toLowerCase(Locale.ROOT);");
                    c.line("return list().stream().filter(item -> item." + f.name() + "() != null");
                    c.line("        && item." + f.name() + "().toLowerCase(Locale.ROOT).contains(needle)).toList();");
                }
                case BOOLEAN -> {
                    c.line("boolean target = FieldValues.of(\"value\", wanted).bool(\"value\");");
                    c.line("return list().stream().filter(item -> item." + f.name() + "() == target).toList();");
                }
                case DECIMAL -> {
                    c.line("BigDecimal target = FieldValues.of(" + JavaTypes.literal(f.name()) + ", wanted).decimal("
                            + JavaTypes.literal(f.name()) + ");");
                    c.line("return list().stream().filter(item -> item." + f.name() + "() != null && target != null");
                    c.line("        && item." + f.name() + "().compareTo(target) == 0).toList();");
                }
                default -> {
                    String parsed = JavaTypes.parse(f).replace("values.",
                            "FieldValues.of(" + JavaTypes.literal(f.name()) + ", wanted).");
                    String type = f.type() == FieldType.INT ? "Integer" : f.type() == FieldType.LONG ? "Long"
                            : JavaTypes.type(f);
                    c.line(type + " target = " + parsed + ";");
                    c.line("return list().stream().filter(item -> Objects.equals(item." + f.name()
                            + "(), target)).toList();");
                }
            }
            c.close();
        }
        for (Threshold t : e.thresholds()) {
            Field f = e.field(t.field()).orElseThrow();
            String type = f.type() == FieldType.INT ? "Integer" : f.type() == FieldType.LONG ? "Long"
                    : JavaTypes.type(f);
            String parsed = JavaTypes.parse(f).replace("values.",
                    "FieldValues.of(" + JavaTypes.literal(f.name()) + ", threshold).");
            c.blank();
            c.line("/**");
            c.line(" * @param threshold the " + words(f.name()) + " as text");
            c.line(" * @return the " + words(e.plural()) + " whose " + words(f.name()) + " is " + t.direction()
                    + " the threshold (items without one never match), oldest first");
            c.line(" * @throws IllegalArgumentException when the threshold is missing or invalid");
            c.line(" */");
            c.open("public List<" + n + "> find" + JavaTypes.cap(t.name()) + "(String threshold)");
            c.line(type + " limit = " + parsed + ";");
            c.open("if (limit == null)");
            c.line("throw new IllegalArgumentException(\"a threshold for " + words(f.name()) + " is required\");");
            c.close();
            c.line("return list().stream().filter(item -> item." + f.name() + "() != null");
            c.line("        && item." + f.name() + "().compareTo(limit) " + (t.below() ? "<" : ">") + " 0).toList();");
            c.close();
        }
        for (Field f : sorts) {
            c.blank();
            c.line("/** @return every " + item + ", by " + words(f.name()) + " (ascending, missing values last) */");
            c.open("public List<" + n + "> sortedBy" + JavaTypes.cap(f.name()) + "()");
            String comparator = switch (f.type()) {
                case BOOLEAN -> "Comparator.comparing(" + n + "::" + f.name() + ")";
                case STRING -> "Comparator.comparing(" + n + "::" + f.name()
                        + ", Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))";
                default -> "Comparator.comparing(" + n + "::" + f.name()
                        + ", Comparator.nullsLast(Comparator.naturalOrder()))";
            };
            c.line("return list().stream().sorted(" + comparator + ").toList();");
            c.close();
        }
        if (e.has(AggregateKind.SUMMARY)) {
            summary(c, e);
        }
        if (e.has(AggregateKind.EXPORT)) {
            c.blank();
            c.line("/** @return every " + item + " as CSV: a header line, then one line per item, oldest first */");
            c.open("public String exportCsv()");
            c.line("List<String> header = new ArrayList<>();");
            c.line("header.add(\"id\");");
            c.line("header.addAll(" + n + ".FIELD_NAMES);");
            if (hasSecrets(e)) {
                c.line("header.removeAll(" + n + ".SECRET_FIELD_NAMES);");
            }
            c.line("StringBuilder csv = new StringBuilder(CsvCodec.line(header)).append('\\n');");
            c.open("for (" + n + " item : list())");
            c.line("List<String> cells = new ArrayList<>();");
            c.line("cells.add(Long.toString(item.id()));");
            c.line("cells.addAll(item." + (hasSecrets(e) ? "toPublicValues" : "toValues") + "().asMap().values());");
            c.line("csv.append(CsvCodec.line(cells)).append('\\n');");
            c.close();
            c.line("return csv.toString();");
            c.close();
        }
        if (e.has(AggregateKind.IMPORT)) {
            c.blank();
            c.line("/**");
            c.line(" * Creates one " + item + " per CSV line after the header line; an {@code id} column is ignored.");
            c.line(" * Nothing is created unless every line is valid.");
            c.line(" *");
            c.line(" * @param csv the CSV text");
            c.line(" * @return how many were created");
            c.line(" * @throws IllegalArgumentException naming the line when a line is invalid");
            c.line(" */");
            c.open("public int importCsv(String csv)");
            c.line("String[] lines = csv.split(\"\\\\R\");");
            c.open("if (lines.length == 0 || lines[0].isBlank())");
            c.line("throw new IllegalArgumentException(\"line 1: a header line with the field names is required\");");
            c.close();
            c.line("List<String> header = CsvCodec.parse(lines[0]);");
            c.line("List<" + n + "> drafts = new ArrayList<>();");
            c.open("for (int i = 1; i < lines.length; i++)");
            c.open("if (lines[i].isBlank())");
            c.line("continue;");
            c.close();
            c.open("try");
            c.line("List<String> cells = CsvCodec.parse(lines[i]);");
            c.open("if (cells.size() != header.size())");
            c.line("throw new IllegalArgumentException(\"expected \" + header.size() + \" values but found \" + cells.size());");
            c.close();
            c.line("Map<String, String> row = new LinkedHashMap<>();");
            c.open("for (int column = 0; column < cells.size(); column++)");
            c.open("if (!header.get(column).equalsIgnoreCase(\"id\"))");
            c.line("row.put(fieldNamed(header.get(column)), cells.get(column));");
            c.close();
            c.close();
            c.line("drafts.add(" + n + ".fromFields(0, new FieldValues(row)));");
            c.dedent();
            c.line("} catch (IllegalArgumentException e) {");
            c.indent();
            c.line("throw new IllegalArgumentException(\"line \" + (i + 1) + \": \" + e.getMessage(), e);");
            c.close();
            c.close();
            c.line("drafts.forEach(draft -> repository.add(draft::withId));");
            c.line("return drafts.size();");
            c.close();
            c.blank();
            c.line("/**");
            c.line(" * @param column a header column");
            c.line(" * @return the field it names in any case, with or without \"_\", \"-\" or spaces between the words");
            c.line(" *         ({@code lot_id} and {@code Lot ID} name {@code lotId}), else the column as written");
            c.line(" */");
            c.open("private static String fieldNamed(String column)");
            c.line("String key = column.strip().replaceAll(\"[ _-]\", \"\").toLowerCase(java.util.Locale.ROOT);");
            c.open("for (String name : " + n + ".FIELD_NAMES)");
            c.open("if (name.toLowerCase(java.util.Locale.ROOT).equals(key))");
            c.line("return name;");
            c.close();
            c.close();
            c.line("return column;");
            c.close();
        }
        c.blank();
        c.open("private static NoSuchElementException notFound(long id)");
        c.line("return new NoSuchElementException(\"" + n + " \" + id + \" not found\");");
        c.close();
        c.close();
        return c.toString();
    }

    private static void summary(CodeBuilder c, Entity e) {
        String n = e.name();
        c.blank();
        c.line("/**");
        c.line(" * @return {@code count}, then for each yes/no field how many are set, and for each number field its");
        c.line(" *         total (missing values count as 0)");
        c.line(" */");
        c.open("public Map<String, Object> summary()");
        c.line("List<" + n + "> items = list();");
        c.line("Map<String, Object> summary = new LinkedHashMap<>();");
        c.line("summary.put(\"count\", (long) items.size());");
        for (Field f : e.fields()) {
            String get = "item -> item." + f.name() + "()";
            switch (f.type()) {
                case BOOLEAN -> c.line("summary.put(" + JavaTypes.literal(f.name()) + ", items.stream().filter("
                        + n + "::" + f.name() + ").count());");
                case INT, LONG -> c.line("summary.put(" + JavaTypes.literal(f.name() + "Total")
                        + ", items.stream().mapToLong(" + get + " == null ? 0L : item." + f.name() + "()).sum());");
                case DECIMAL -> c.line("summary.put(" + JavaTypes.literal(f.name() + "Total")
                        + ", items.stream().map(" + get + ").filter(Objects::nonNull)"
                        + ".reduce(BigDecimal.ZERO, BigDecimal::add));");
                default -> {
                    // text, dates and levels are not summed
                }
            }
        }
        c.line("return summary;");
        c.close();
    }
}

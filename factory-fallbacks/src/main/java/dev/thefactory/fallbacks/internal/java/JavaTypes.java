package dev.thefactory.fallbacks.internal.java;

import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.Field;
import dev.thefactory.fallbacks.internal.domain.FieldType;
import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** How each field type appears in generated Java. Stateless and thread-safe. */
final class JavaTypes {

    private JavaTypes() {
    }

    /** @return the Java type of a field's component */
    static String type(Field field) {
        if (field.secret()) {
            return "String";
        }
        return switch (field.type()) {
            case STRING -> "String";
            case DATE -> "LocalDate";
            case DATE_TIME -> "LocalDateTime";
            case INT -> "Integer";
            case LONG -> "Long";
            case DECIMAL -> "BigDecimal";
            case BOOLEAN -> "boolean";
            case LEVEL -> "Level";
        };
    }

    /** @return the imports a field's type needs, outside the model package */
    static Set<String> imports(List<Field> fields) {
        Set<String> imports = new TreeSet<>();
        for (Field field : fields) {
            if (field.type() == FieldType.DATE) {
                imports.add("java.time.LocalDate");
            } else if (field.type() == FieldType.DATE_TIME) {
                imports.add("java.time.LocalDateTime");
            } else if (field.type() == FieldType.DECIMAL) {
                imports.add("java.math.BigDecimal");
            }
        }
        return imports;
    }

    /** @return the expression that reads the field from a {@code FieldValues} named {@code values} */
    static String parse(Field field) {
        String name = literal(field.name());
        if (field.secret()) {
            return "values.text(" + name + ")";
        }
        return switch (field.type()) {
            case STRING -> "values.text(" + name + ")";
            case DATE -> "values.date(" + name + ")";
            case DATE_TIME -> "values.dateTime(" + name + ")";
            case INT -> "values.integer(" + name + ")";
            case LONG -> "values.longValue(" + name + ")";
            case DECIMAL -> "values.decimal(" + name + ")";
            case BOOLEAN -> "values.bool(" + name + ")";
            case LEVEL -> "values.choice(" + name + ", Level.class, " + String.join(", ",
                    field.levels().stream().map(JavaTypes::literal).toList()) + ")";
        };
    }

    /** @return the expression giving the field's JSON-ready value (String, Number, Boolean or null) */
    static String json(Field field) {
        String n = field.name();
        return switch (field.type()) {
            case STRING, INT, LONG, DECIMAL, BOOLEAN -> n;
            case DATE, DATE_TIME -> n + " == null ? null : " + n + ".toString()";
            case LEVEL -> n + " == null ? null : " + n + ".name()";
        };
    }

    /** @return a string literal of the field's name */
    static String literal(String name) {
        return '"' + name + '"';
    }

    /** @return the upper-camel form of a member name, for method names such as {@code withCompleted} */
    static String cap(String member) {
        return Naming.capitalize(member);
    }

    /**
     * A valid sample value, as text, for tests and documentation; {@code variant} 0 sorts before variant 1.
     *
     * @param field   the field
     * @param variant 0 or 1
     * @return the text
     */
    static String sample(Field field, int variant) {
        return switch (field.type()) {
            case STRING -> (variant == 0 ? "Alpha " : "Beta ") + String.join(" ", Naming.words(field.name()));
            case DATE -> variant == 0 ? "2030-01-15" : "2030-02-20";
            case DATE_TIME -> variant == 0 ? "2030-01-15T09:30" : "2030-02-20T14:00";
            case INT -> variant == 0 ? "1" : "2";
            case LONG -> variant == 0 ? "10" : "20";
            case DECIMAL -> variant == 0 ? "1.50" : "2.25";
            case BOOLEAN -> variant == 0 ? "false" : "true";
            case LEVEL -> variant == 0 ? field.levels().get(0) : field.levels().get(field.levels().size() - 1);
        };
    }

    /** @return a value of the right form that the model rejects when parsing, or null for text and booleans */
    static String invalid(Field field) {
        if (field.secret()) {
            return null;
        }
        return switch (field.type()) {
            case DATE -> "not-a-date";
            case DATE_TIME -> "2030-01-15 9am";
            case INT, LONG -> "many";
            case DECIMAL -> "cheap";
            case LEVEL -> field.levels().contains("EXTREME") ? "UNLISTED_LEVEL" : "EXTREME";
            case STRING, BOOLEAN -> null;
        };
    }

    /**
     * The sample CSV input of tests: a header line naming every valued field and two rows, one of each sample
     * variant. One place builds it, so the tests of a pipeline and of an import agree on what a valid row is.
     *
     * @param header the header line, without line break
     * @param row0   the row of variant 0, without line break
     * @param row1   the row of variant 1, without line break
     */
    record SampleCsv(String header, String row0, String row1) {
    }

    /**
     * @param e      a kind of item
     * @param column how a field is named in the header: its name, or its column as a spec writes it
     * @return the header and a row of each variant, over the fields a new item needs values for
     */
    static SampleCsv sampleCsv(Entity e, java.util.function.Function<Field, String> column) {
        List<Field> valued = valued(e);
        return new SampleCsv(String.join(",", valued.stream().map(column).toList()),
                String.join(",", valued.stream().map(f -> sample(f, 0)).toList()),
                String.join(",", valued.stream().map(f -> sample(f, 1)).toList()));
    }

    /** @return the fields a new item needs values for in tests: all but booleans */
    static List<Field> valued(Entity entity) {
        return entity.fields().stream().filter(f -> f.type() != FieldType.BOOLEAN).toList();
    }
}

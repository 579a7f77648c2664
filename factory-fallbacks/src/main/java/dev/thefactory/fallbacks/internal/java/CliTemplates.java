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

/** Generates the command-line entry point: argument parsing, the command dispatcher and the main class. */
final class CliTemplates {

    private CliTemplates() {
    }

    /** @return the command word of an entity, such as {@code shopping-item} */
    static String command(Entity e) {
        return Naming.kebab(e.name());
    }

    /**
     * One action of an entity's command: its word, its arguments for the usage text, the Java that runs it, and what
     * it takes: how many positional values and whether {@code --field value} options. Anything else is refused.
     */
    record Action(String word, String usage, String code, int positional, boolean options) {
    }

    /** @return the actions of an entity, in usage order */
    static List<Action> actions(Entity e) {
        String s = "this." + e.plural();
        List<Action> actions = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (Field f : e.fields()) {
            String option = "--" + Naming.kebab(f.name()) + " <" + hint(f) + ">";
            options.add(f.required() ? option : "[" + option + "]");
        }
        actions.add(new Action("add", String.join(" ", options), "show(" + s + ".create(parsed.values()))", 0,
                true));
        actions.add(new Action("list", "", "showAll(" + s + ".list())", 0, false));
        actions.add(new Action("get", "<id>", "show(" + s + ".get(parsed.id()))", 1, false));
        if (e.has(Operation.UPDATE)) {
            actions.add(new Action("update", "<id> [--<field> <value>]...",
                    "show(" + s + ".update(parsed.id(), parsed.values()))", 1, true));
            for (String field : e.updateFields()) {
                Field f = e.field(field).orElseThrow();
                actions.add(new Action("set-" + Naming.kebab(field), "<id> <" + hint(f) + ">",
                        "show(" + s + ".set" + JavaTypes.cap(field) + "(parsed.id(), parsed.positional(1, "
                                + JavaTypes.literal(String.join(" ", Naming.words(field))) + ")))", 2, false));
            }
        }
        if (e.has(Operation.DELETE)) {
            actions.add(new Action("delete", "<id>", "{\n    long id = parsed.id();\n    " + s
                    + ".delete(id);\n    yield \"deleted " + command(e) + " \" + id;\n}", 1, false));
        }
        for (StatusAction a : e.statusActions()) {
            actions.add(new Action(Naming.kebab(a.name()), "<id>", "show(" + s + "." + a.name() + "(parsed.id()))", 1,
                    false));
        }
        for (String field : e.filterFields()) {
            Field f = e.field(field).orElseThrow();
            actions.add(new Action("find-by-" + Naming.kebab(field), "<" + hint(f) + ">",
                    "showAll(" + s + ".findBy" + JavaTypes.cap(field) + "(parsed.positional(0, "
                            + JavaTypes.literal(String.join(" ", Naming.words(field))) + ")))", 1, false));
        }
        for (Threshold t : e.thresholds()) {
            Field f = e.field(t.field()).orElseThrow();
            actions.add(new Action("find-" + Naming.kebab(t.name()), "<" + hint(f) + ">",
                    "showAll(" + s + ".find" + JavaTypes.cap(t.name()) + "(parsed.positional(0, "
                            + JavaTypes.literal("threshold") + ")))", 1, false));
        }
        for (String field : e.sortFields()) {
            actions.add(new Action("sort-by-" + Naming.kebab(field), "",
                    "showAll(" + s + ".sortedBy" + JavaTypes.cap(field) + "())", 0, false));
        }
        if (e.has(AggregateKind.SUMMARY)) {
            actions.add(new Action("summary", "", s + ".summary().toString()", 0, false));
        }
        if (e.has(AggregateKind.EXPORT)) {
            actions.add(new Action("export", "", s + ".exportCsv().stripTrailing()", 0, false));
        }
        if (e.has(AggregateKind.IMPORT)) {
            actions.add(new Action("import", "<csv-file>", "\"imported \" + " + s
                    + ".importCsv(read(parsed.positional(0, \"a CSV file\")))", 1, false));
        }
        return actions;
    }

    static String hint(Field f) {
        return switch (f.type()) {
            case STRING -> "text";
            case DATE -> "yyyy-mm-dd";
            case DATE_TIME -> "yyyy-mm-ddThh:mm";
            case INT, LONG -> "number";
            case DECIMAL -> "decimal";
            case BOOLEAN -> "true|false";
            case LEVEL -> String.join("|", f.levels());
        };
    }

    static String arguments(String pkg) {
        return JavaShared.fill("""
                package ${pkg}.cli;

                import ${pkg}.model.FieldValues;
                import java.util.ArrayList;
                import java.util.Collections;
                import java.util.LinkedHashMap;
                import java.util.List;
                import java.util.Map;

                /**
                 * The arguments of one command: positional values and {@code --name value} (or {@code --name=value})
                 * options, whose kebab-case names are turned into field names ({@code --due-date} is {@code dueDate}).
                 * Immutable and thread-safe.
                 *
                 * @param positional the values that are not options, in order
                 * @param options    option name (camel case) to value
                 */
                public record Arguments(List<String> positional, Map<String, String> options) {

                    /** Copies both collections. */
                    public Arguments {
                        positional = List.copyOf(positional);
                        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
                    }

                    /**
                     * @param args the words after the action
                     * @return the parsed arguments
                     * @throws IllegalArgumentException on an option without a value or an option given twice
                     */
                    public static Arguments parse(List<String> args) {
                        List<String> positional = new ArrayList<>();
                        Map<String, String> options = new LinkedHashMap<>();
                        for (int i = 0; i < args.size(); i++) {
                            String arg = args.get(i);
                            if (arg.startsWith("--") && arg.length() > 2) {
                                String name = arg.substring(2);
                                String value;
                                int equals = name.indexOf('=');
                                if (equals >= 0) {
                                    value = name.substring(equals + 1);
                                    name = name.substring(0, equals);
                                } else if (i + 1 < args.size()) {
                                    value = args.get(++i);
                                } else {
                                    throw new IllegalArgumentException("option --" + name + " needs a value");
                                }
                                if (options.put(camel(name), value) != null) {
                                    throw new IllegalArgumentException("option --" + name + " is given twice");
                                }
                            } else {
                                positional.add(arg);
                            }
                        }
                        return new Arguments(positional, options);
                    }

                    /**
                     * Refuses what an action does not take: more positional values than it reads, or any option when
                     * it takes none.
                     *
                     * @param action     the action, for the message
                     * @param positional how many positional values the action reads
                     * @param withOptions whether it takes {@code --field value} options
                     * @throws IllegalArgumentException on an extra value or an option it does not take
                     */
                    public void expect(String action, int positional, boolean withOptions) {
                        if (this.positional.size() > positional) {
                            throw new IllegalArgumentException(action + " takes " + (positional == 0 ? "no value"
                                    : positional == 1 ? "one value" : positional + " values") + " but got '"
                                    + String.join(" ", this.positional.subList(positional, this.positional.size()))
                                    + "'");
                        }
                        if (!withOptions && !options.isEmpty()) {
                            throw new IllegalArgumentException(action + " takes no option but got --"
                                    + String.join(", --", options.keySet()));
                        }
                    }

                    /** @return the options as field values */
                    public FieldValues values() {
                        return new FieldValues(options);
                    }

                    /**
                     * @return the first positional value as an id
                     * @throws IllegalArgumentException if absent or not a number
                     */
                    public long id() {
                        String text = positional(0, "an id");
                        try {
                            return Long.parseLong(text);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("an id must be a whole number but was '" + text + "'", e);
                        }
                    }

                    /**
                     * @param index the position
                     * @param what  what the value is, for the message
                     * @return the value
                     * @throws IllegalArgumentException when there is no value at that position
                     */
                    public String positional(int index, String what) {
                        if (index >= positional.size()) {
                            throw new IllegalArgumentException(what + " is required");
                        }
                        return positional.get(index);
                    }

                    /**
                     * @param kebab an option name such as {@code due-date}
                     * @return its camel form, {@code dueDate}
                     */
                    static String camel(String kebab) {
                        StringBuilder camel = new StringBuilder();
                        boolean upper = false;
                        for (char c : kebab.toCharArray()) {
                            if (c == '-' || c == '_') {
                                upper = camel.length() > 0;
                            } else {
                                camel.append(upper ? Character.toUpperCase(c) : c);
                                upper = false;
                            }
                        }
                        return camel.toString();
                    }

                    /**
                     * Splits a command line into words: blanks separate words, single or double quotes group them, and
                     * a backslash escapes the next character outside single quotes.
                     *
                     * @param line the line
                     * @return the words
                     * @throws IllegalArgumentException on a quote that is not closed
                     */
                    public static List<String> split(String line) {
                        List<String> words = new ArrayList<>();
                        StringBuilder word = new StringBuilder();
                        boolean inWord = false;
                        char quote = 0;
                        for (int i = 0; i < line.length(); i++) {
                            char c = line.charAt(i);
                            if (quote != 0) {
                                if (c == quote) {
                                    quote = 0;
                                } else if (c == '\\\\' && quote == '"' && i + 1 < line.length()) {
                                    word.append(line.charAt(++i));
                                } else {
                                    word.append(c);
                                }
                            } else if (c == '"' || c == '\\'') {
                                quote = c;
                                inWord = true;
                            } else if (c == '\\\\' && i + 1 < line.length()) {
                                word.append(line.charAt(++i));
                                inWord = true;
                            } else if (Character.isWhitespace(c)) {
                                if (inWord) {
                                    words.add(word.toString());
                                    word.setLength(0);
                                    inWord = false;
                                }
                            } else {
                                word.append(c);
                                inWord = true;
                            }
                        }
                        if (quote != 0) {
                            throw new IllegalArgumentException("a quote (" + quote + ") is not closed");
                        }
                        if (inWord) {
                            words.add(word.toString());
                        }
                        return words;
                    }
                }
                """, pkg);
    }

    static String commands(String pkg, Domain domain, String displayName) {
        CodeBuilder c = CodeBuilder.fourSpaces();
        c.line("package " + pkg + ".cli;").blank();
        List<String> imports = ServiceHolders.imports(pkg, domain);
        boolean io = domain.entities().stream().anyMatch(e -> e.has(AggregateKind.IMPORT));
        imports.addAll(List.of("java.io.BufferedReader", "java.io.IOException", "java.io.PrintStream",
                "java.io.UncheckedIOException"));
        if (io) {
            imports.addAll(List.of("java.nio.charset.StandardCharsets", "java.nio.file.Files", "java.nio.file.Path"));
        }
        imports.addAll(List.of("java.util.List", "java.util.NoSuchElementException", "java.util.stream.Collectors"));
        imports.stream().distinct().sorted().forEach(i -> c.line("import " + i + ";"));
        c.blank();
        c.line("/**");
        c.line(" * The commands of " + Escape.javadoc(displayName) + ": {@code <thing> <action> [arguments]}, such as");
        Entity primary = domain.primary();
        c.line(" * {@code " + command(primary) + " add --" + Naming.kebab(primary.label().name()) + " \"...\"}. Thread-safe.");
        c.line(" */");
        c.open("public final class Commands");
        c.blank();
        ServiceHolders.members(c, "Commands", "Commands", domain);
        c.blank();
        c.line("/**");
        c.line(" * Runs one command.");
        c.line(" *");
        c.line(" * @param args the command's words");
        c.line(" * @return what to print");
        c.line(" * @throws IllegalArgumentException on an unknown command or invalid arguments");
        c.line(" * @throws NoSuchElementException when an id is unknown");
        c.line(" */");
        c.open("public String execute(List<String> args)");
        c.open("if (args.isEmpty() || args.get(0).equals(\"help\") || args.get(0).equals(\"--help\"))");
        c.line("return usage();");
        c.close();
        c.line("List<String> rest = args.subList(1, args.size());");
        c.open("return switch (args.get(0))");
        for (Entity e : domain.entities()) {
            c.line("case \"" + command(e) + "\", \"" + Naming.kebab(e.plural()) + "\" -> " + e.plural() + "(rest);");
        }
        c.line("default -> throw new IllegalArgumentException(\"unknown command '\" + args.get(0) + \"'; commands: "
                + String.join(", ", domain.entities().stream().map(CliTemplates::command).toList()) + ", help\");");
        c.close(";");
        c.close();
        c.blank();
        c.line("/**");
        c.line(" * Runs one command per line until the input ends (or a line says {@code quit}); blank lines and lines");
        c.line(" * starting with {@code #} are skipped. A failing command is reported on {@code err} with its line");
        c.line(" * number and the next line runs.");
        c.line(" *");
        c.line(" * @param input the commands");
        c.line(" * @param out   where results go");
        c.line(" * @param err   where errors go");
        c.line(" * @return 0 if every command succeeded, else 1");
        c.line(" * @throws IOException when the input cannot be read");
        c.line(" */");
        c.open("public int run(BufferedReader input, PrintStream out, PrintStream err) throws IOException");
        c.line("int status = 0;");
        c.line("int number = 0;");
        c.open("for (String line = input.readLine(); line != null; line = input.readLine())");
        c.line("number++;");
        c.line("String command = line.strip();");
        c.open("if (command.equals(\"quit\") || command.equals(\"exit\"))");
        c.line("break;");
        c.close();
        c.open("if (command.isEmpty() || command.startsWith(\"#\"))");
        c.line("continue;");
        c.close();
        c.open("try");
        c.line("out.println(execute(Arguments.split(command)));");
        c.dedent();
        c.line("} catch (IllegalArgumentException | NoSuchElementException | UncheckedIOException e) {");
        c.indent();
        c.line("err.println(\"line \" + number + \": \" + e.getMessage());");
        c.line("status = 1;");
        c.close();
        c.close();
        c.line("return status;");
        c.close();
        c.blank();
        c.line("/** @return the usage text */");
        c.open("public static String usage()");
        List<String> usage = new ArrayList<>();
        usage.add(Escape.line(displayName) + " commands:");
        for (Entity e : domain.entities()) {
            for (Action a : actions(e)) {
                usage.add("  " + command(e) + " " + a.word() + (a.usage().isEmpty() ? "" : " " + a.usage()));
            }
        }
        usage.add("  help");
        c.line("return String.join(\"\\n\",");
        for (int i = 0; i < usage.size(); i++) {
            c.line("        " + Escape.javaString(usage.get(i)) + (i + 1 < usage.size() ? "," : ");"));
        }
        c.close();
        for (Entity e : domain.entities()) {
            c.blank();
            List<Action> actions = actions(e);
            String words = String.join(", ", actions.stream().map(Action::word).toList());
            c.open("private String " + e.plural() + "(List<String> args)");
            c.open("if (args.isEmpty())");
            c.line("throw new IllegalArgumentException(\"" + command(e) + " needs an action: " + words + "\");");
            c.close();
            c.line("Arguments parsed = Arguments.parse(args.subList(1, args.size()));");
            c.open("switch (args.get(0))");
            for (Action a : actions) {
                c.line("case \"" + a.word() + "\" -> parsed.expect(\"" + command(e) + " " + a.word() + "\", "
                        + a.positional() + ", " + a.options() + ");");
            }
            c.line("default -> {");
            c.line("}");
            c.close();
            c.open("return switch (args.get(0))");
            for (Action a : actions) {
                if (a.code().startsWith("{")) {
                    c.line("case \"" + a.word() + "\" -> " + a.code());
                } else {
                    c.line("case \"" + a.word() + "\" -> " + a.code() + ";");
                }
            }
            c.line("default -> throw new IllegalArgumentException(\"unknown action '\" + args.get(0) + \"' for "
                    + command(e) + "; actions: " + words + "\");");
            c.close(";");
            c.close();
        }
        c.blank();
        c.open("private static String show(Object item)");
        c.line("return item.toString();");
        c.close();
        c.blank();
        c.open("private static String showAll(List<?> items)");
        c.line("return items.isEmpty() ? \"(none)\" : items.stream().map(Object::toString).collect(Collectors.joining(\"\\n\"));");
        c.close();
        if (io) {
            c.blank();
            c.open("private static String read(String file)");
            c.open("try");
            c.line("return Files.readString(Path.of(file), StandardCharsets.UTF_8);");
            c.dedent();
            c.line("} catch (IOException e) {");
            c.indent();
            c.line("throw new UncheckedIOException(\"cannot read \" + file + \": \" + e.getMessage(), e);");
            c.close();
            c.close();
        }
        c.close();
        return c.toString();
    }

    static String main(String pkg, String displayName) {
        return JavaShared.fill("""
                package ${pkg};

                import ${pkg}.cli.Commands;
                import java.io.BufferedReader;
                import java.io.IOException;
                import java.io.InputStreamReader;
                import java.io.UncheckedIOException;
                import java.nio.charset.StandardCharsets;
                import java.util.List;
                import java.util.NoSuchElementException;
                import java.util.Properties;

                /**
                 * Starts ${name} on the command line: with arguments it runs one command; without, it runs one command
                 * per line read from standard input. The items are kept in the store the settings choose (see
                 * {@link Settings#openOrExit}).
                 */
                public final class Main {

                    private Main() {
                    }

                    /**
                     * @param args a command, or nothing to read commands from standard input
                     * @throws IOException when standard input or the settings cannot be read
                     */
                    public static void main(String[] args) throws IOException {
                        Properties settings = Settings.load();
                        if (args.length == 1 && args[0].equals("--version")) {
                            System.out.println(settings.getProperty("app.name", "app") + " "
                                    + settings.getProperty("app.version", "unknown"));
                            return;
                        }
                        Commands commands = Settings.openOrExit(settings, Commands::new);
                        if (args.length == 0) {
                            int status = commands.run(new BufferedReader(new InputStreamReader(System.in,
                                    StandardCharsets.UTF_8)), System.out, System.err);
                            if (status != 0) {
                                System.exit(status);
                            }
                            return;
                        }
                        try {
                            System.out.println(commands.execute(List.of(args)));
                        } catch (IllegalArgumentException | NoSuchElementException | UncheckedIOException e) {
                            System.err.println("error: " + e.getMessage());
                            System.exit(2);
                        }
                    }
                }
                """, pkg).replace("${name}", Escape.javadoc(displayName));
    }
}

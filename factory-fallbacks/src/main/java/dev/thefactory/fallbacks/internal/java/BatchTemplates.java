package dev.thefactory.fallbacks.internal.java;

import dev.thefactory.fallbacks.internal.domain.AggregateKind;
import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.text.CodeBuilder;
import dev.thefactory.fallbacks.internal.text.Escape;
import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.ArrayList;
import java.util.List;

/** Generates the library facade and the batch pipeline entry points. Stateless and thread-safe. */
final class BatchTemplates {

    private BatchTemplates() {
    }

    static String facade(String pkg, Domain domain, String facade, String displayName) {
        CodeBuilder c = CodeBuilder.fourSpaces();
        c.line("package " + pkg + ";").blank();
        ServiceHolders.imports(pkg, domain).stream().distinct().sorted().forEach(i -> c.line("import " + i + ";"));
        c.blank();
        Entity primary = domain.primary();
        c.line("/**");
        c.line(" * The public API of " + Escape.javadoc(displayName) + ": one service per kind of item. Thread-safe.");
        c.line(" *");
        c.line(" * <pre>{@code");
        c.line(" * " + facade + " api = new " + facade + "();");
        c.line(" * var created = api." + primary.plural() + "().create(FieldValues.of(\"" + primary.label().name()
                + "\", \"...\"));");
        c.line(" * " + facade + " kept = new " + facade + "(Storage.files(java.nio.file.Path.of(\"data\"))); // survives restarts");
        c.line(" * }</pre>");
        c.line(" */");
        c.open("public final class " + facade);
        c.blank();
        ServiceHolders.members(c, facade, "An API", domain);
        for (Entity e : domain.entities()) {
            c.blank();
            c.line("/** @return the service of " + String.join(" ", Naming.words(e.plural())) + " */");
            c.open("public " + e.name() + "Service " + e.plural() + "()");
            c.line("return " + e.plural() + ";");
            c.close();
        }
        c.close();
        return c.toString();
    }

    static String pipeline(String pkg, Entity e) {
        String summary = e.has(AggregateKind.SUMMARY) ? "service.summary()"
                : "Map.<String, Object>of(\"count\", (long) service.list().size())";
        String n = e.name();
        String s = n + "Service";
        return JavaShared.fill("""
                package ${pkg}.pipeline;

                import ${pkg}.model.FieldValues;
                import ${pkg}.model.${E};
                import ${pkg}.repository.Storage;
                import ${pkg}.service.CsvCodec;
                import ${pkg}.service.${S};
                import java.io.BufferedReader;
                import java.io.IOException;
                import java.io.Writer;
                import java.util.ArrayList;
                import java.util.Collections;
                import java.util.LinkedHashMap;
                import java.util.List;
                import java.util.Locale;
                import java.util.Map;
                import java.util.Objects;

                /**
                 * The batch job: reads CSV rows (a header line with field names, then one ${words} per line), keeps
                 * every valid row, reports every invalid one with its line number, and writes the kept rows as CSV with
                 * their new ids. Thread-safe as long as its service is.
                 */
                public final class Pipeline {

                    private final ${S} service;

                    /** A pipeline over an empty in-memory service. */
                    public Pipeline() {
                        this(Storage.memory());
                    }

                    /**
                     * @param storage where the rows are stored; a file store reads its file now
                     * @throws IllegalStateException when the file of a file store is corrupt
                     */
                    public Pipeline(Storage storage) {
                        this(${STORED});
                    }

                    /** @param service where the rows are stored */
                    public Pipeline(${S} service) {
                        this.service = Objects.requireNonNull(service, "service");
                    }

                    /**
                     * What a run did.
                     *
                     * @param read     how many rows were read (the header not counted)
                     * @param accepted how many were valid and stored
                     * @param rejected one message per invalid row, with its line number
                     * @param summary  the summary of everything stored
                     */
                    public record Outcome(int read, int accepted, List<String> rejected, Map<String, Object> summary) {

                        /** Copies the collections. */
                        public Outcome {
                            rejected = List.copyOf(rejected);
                            summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
                        }
                    }

                    /**
                     * @param input  the CSV
                     * @param output where the accepted rows go, as CSV with an id column first
                     * @return what the run did
                     * @throws IOException when reading or writing fails
                     * @throws IllegalArgumentException when the header line is missing or names an unknown field
                     */
                    public Outcome run(BufferedReader input, Writer output) throws IOException {
                        String headerLine = input.readLine();
                        if (headerLine == null || headerLine.isBlank()) {
                            throw new IllegalArgumentException("line 1: a header line with the field names is required");
                        }
                        List<String> header = new ArrayList<>();
                        for (String column : CsvCodec.parse(headerLine.strip())) {
                            String field = fieldNamed(column);
                            if (field == null) {
                                throw new IllegalArgumentException("line 1: unknown column '" + column + "'; known fields: "
                                        + String.join(", ", ${E}.FIELD_NAMES));
                            }
                            header.add(field);
                        }
                        List<String> outHeader = new ArrayList<>();
                        outHeader.add("id");
                        outHeader.addAll(${E}.FIELD_NAMES);${DROP}
                        output.write(CsvCodec.line(outHeader));
                        output.write('\\n');
                        int read = 0;
                        int accepted = 0;
                        List<String> rejected = new ArrayList<>();
                        int number = 1;
                        for (String line = input.readLine(); line != null; line = input.readLine()) {
                            number++;
                            if (line.isBlank()) {
                                continue;
                            }
                            read++;
                            try {
                                List<String> cells = CsvCodec.parse(line);
                                if (cells.size() != header.size()) {
                                    throw new IllegalArgumentException("expected " + header.size() + " values but found "
                                            + cells.size());
                                }
                                Map<String, String> row = new LinkedHashMap<>();
                                for (int column = 0; column < cells.size(); column++) {
                                    row.put(header.get(column), cells.get(column));
                                }
                                ${E} stored = service.create(new FieldValues(row));
                                List<String> out = new ArrayList<>();
                                out.add(Long.toString(stored.id()));
                                out.addAll(stored.${VALUES}().asMap().values());
                                output.write(CsvCodec.line(out));
                                output.write('\\n');
                                accepted++;
                            } catch (IllegalArgumentException e) {
                                rejected.add("line " + number + ": " + e.getMessage());
                            }
                        }
                        output.flush();
                        return new Outcome(read, accepted, rejected, ${SUMMARY});
                    }

                    /**
                     * @param column a header column
                     * @return the field it names in any case, with or without "_", "-" or spaces between the words
                     *         ("order_id" and "Order ID" name orderId), or null
                     */
                    private static String fieldNamed(String column) {
                        String key = column.replaceAll("[ _-]", "").toLowerCase(Locale.ROOT);
                        for (String name : ${E}.FIELD_NAMES) {
                            if (name.toLowerCase(Locale.ROOT).equals(key)) {
                                return name;
                            }
                        }
                        return null;
                    }
                }
                """, pkg).replace("${E}", n).replace("${S}", s)
                .replace("${words}", String.join(" ", Naming.words(n))).replace("${SUMMARY}", summary)
                .replace("${STORED}", ServiceHolders.storedService(e))
                .replace("${DROP}", EntityTemplates.hasSecrets(e) ? "\n                        outHeader.removeAll("
                        + n + ".SECRET_FIELD_NAMES);" : "")
                .replace("${VALUES}", EntityTemplates.hasSecrets(e) ? "toPublicValues" : "toValues");
    }

    static String pipelineMain(String pkg, String displayName) {
        return JavaShared.fill("""
                package ${pkg};

                import ${pkg}.pipeline.Pipeline;
                import java.io.BufferedReader;
                import java.io.IOException;
                import java.io.InputStreamReader;
                import java.io.OutputStreamWriter;
                import java.io.Writer;
                import java.nio.charset.StandardCharsets;
                import java.nio.file.Files;
                import java.nio.file.Path;

                /**
                 * Runs ${name} as a batch job: {@code [input.csv [output.csv]]}; without arguments it reads standard
                 * input and writes standard output. The report goes to standard error; the exit status is 1 when a row
                 * was rejected and 2 when the input or the store cannot be used at all. The rows are kept in the store
                 * the settings choose (see {@link Settings#openOrExit}).
                 */
                public final class Main {

                    private Main() {
                    }

                    /**
                     * @param args optionally the input file and the output file
                     * @throws IOException when reading or writing fails
                     */
                    public static void main(String[] args) throws IOException {
                        Pipeline pipeline = Settings.openOrExit(Settings.load(), Pipeline::new);
                        BufferedReader input = args.length > 0
                                ? Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)
                                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                        Writer output = args.length > 1
                                ? Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)
                                : new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                        Pipeline.Outcome outcome;
                        try (input; output) {
                            outcome = pipeline.run(input, output);
                        } catch (IllegalArgumentException e) {
                            System.err.println("error: " + e.getMessage());
                            System.exit(2);
                            return;
                        }
                        outcome.rejected().forEach(System.err::println);
                        System.err.println("read " + outcome.read() + ", accepted " + outcome.accepted() + ", rejected "
                                + outcome.rejected().size() + "; summary " + outcome.summary());
                        if (!outcome.rejected().isEmpty()) {
                            System.exit(1);
                        }
                    }
                }
                """, pkg).replace("${name}", Escape.javadoc(displayName));
    }
}

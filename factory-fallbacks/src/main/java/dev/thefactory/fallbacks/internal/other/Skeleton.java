package dev.thefactory.fallbacks.internal.other;

import dev.thefactory.api.Requirement;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.fallbacks.internal.design.Architecture;
import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.FeatureMapping;
import dev.thefactory.fallbacks.internal.domain.Field;
import dev.thefactory.fallbacks.internal.domain.FieldType;
import dev.thefactory.fallbacks.internal.domain.Operation;
import dev.thefactory.fallbacks.internal.domain.StatusAction;
import dev.thefactory.fallbacks.internal.domain.Threshold;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the non-Java skeletons share: a data-driven design (the entities and their fields are a table the generic
 * store validates against, so no spec text becomes an identifier), the command words, the docs, and the note that
 * the files are not compile-checked one by one (their own tests are run by the build). Stateless and thread-safe.
 */
final class Skeleton {

    private Skeleton() {
    }

    /** How every non-Java skeleton keeps its items, for the documentation. */
    static final List<String> MEMORY_STORAGE = List.of(
            "Items are kept in a thread-safe in-memory store behind a repository interface, so another store (a "
                    + "file, a database) can replace it without touching the services.",
            "Items live in memory and are lost when the process stops; to keep them, implement the store for a "
                    + "file or a database.");

    /**
     * A skeleton cannot keep a secret as a salted hash, so it leaves secret fields (passwords, tokens, PINs) out
     * rather than store or print them in plain text; an entity whose every text field is secret keeps none of them
     * and gets a {@code name} instead.
     *
     * @param in the project
     * @return the project without secret fields
     */
    static ProjectInput withoutSecrets(ProjectInput in) {
        Domain domain = in.domain();
        if (domain.entities().stream().flatMap(e -> e.fields().stream()).noneMatch(Field::secret)) {
            return in;
        }
        List<Entity> entities = new ArrayList<>();
        for (Entity e : domain.entities()) {
            List<Field> fields = new ArrayList<>(e.fields().stream().filter(f -> !f.secret()).toList());
            if (fields.stream().noneMatch(f -> f.type() == FieldType.STRING)) {
                fields.add(0, new Field(e.fields().stream().anyMatch(f -> f.name().equals("name")) ? "label" : "name",
                        FieldType.STRING, true));
            }
            List<String> kept = fields.stream().map(Field::name).toList();
            List<String> filters = e.filterFields().stream().filter(kept::contains).toList();
            List<String> sorts = e.sortFields().stream().filter(kept::contains).toList();
            List<String> updates = e.updateFields().stream().filter(kept::contains).toList();
            List<Threshold> thresholds = e.thresholds().stream().filter(t -> kept.contains(t.field())).toList();
            Set<Operation> ops = EnumSet.copyOf(e.operations());
            if (filters.isEmpty() && sorts.isEmpty() && thresholds.isEmpty()) {
                ops.remove(Operation.FIND);
            }
            entities.add(new Entity(e.name(), e.plural(), fields, ops, e.statusActions(), filters, sorts, updates,
                    e.aggregates(), thresholds));
        }
        List<String> notes = new ArrayList<>(domain.notes());
        notes.add("The " + in.architecture().language().label() + " skeleton leaves out the fields that hold "
                + "secrets, since it cannot keep them as salted hashes; only the Java output does.");
        return new ProjectInput(in.spec(), new Domain(entities, domain.features(), notes), in.architecture(),
                in.facts());
    }

    /** @return the note every non-Java layout carries */
    static String uncheckedNote(Architecture a) {
        return "The tech stack asks for " + a.language().label() + ": the simple backend generated a small "
                + a.language().label() + " project from templates; its files are not compile-checked one by one (only "
                + "Java files are), but its own tests are run by the build, and only features whose tests pass are "
                + "claimed.";
    }

    /** @return the command word of an entity, such as {@code shopping-item} */
    static String kind(Entity e) {
        return Naming.kebab(e.name());
    }

    /** @return the type code the generated store validates against */
    static String type(Field f) {
        return f.type().code();
    }

    /** @return the commands of an entity in the generic CLI, for the usage of a feature */
    static String usage(Entity e, List<Operation> operations, String prefix) {
        List<String> ways = new ArrayList<>();
        for (Operation op : operations) {
            switch (op) {
                case CREATE -> ways.add(prefix + kind(e) + " add --" + e.label().name() + " ...");
                case LIST, FIND, AGGREGATE -> ways.add(prefix + kind(e) + " list");
                case GET -> ways.add(prefix + kind(e) + " get <id>");
                case UPDATE -> ways.add(prefix + kind(e) + " update <id> --<field> <value>");
                case DELETE -> ways.add(prefix + kind(e) + " delete <id>");
                case STATUS -> {
                    for (StatusAction a : e.statusActions()) {
                        ways.add(prefix + kind(e) + " update <id> --" + a.field() + " "
                                + (a.effect() == StatusAction.Effect.CLEAR ? "false" : "true"));
                    }
                }
            }
        }
        return String.join(", ", ways.stream().distinct().map(w -> "`" + w + "`").toList());
    }

    /** @return the note every non-Java layout carries, and one per level field whose listed values it does not enforce */
    private static List<String> levelNotes(ProjectInput in) {
        List<String> notes = new ArrayList<>(List.of(uncheckedNote(in.architecture())));
        for (Entity e : in.domain().entities()) {
            for (Field f : e.fields()) {
                if (f.type() == FieldType.LEVEL && !f.values().isEmpty()) {
                    notes.add("The " + in.architecture().language().label() + " skeleton accepts only "
                            + String.join(", ", FieldType.LEVELS) + " for " + e.name() + "." + f.name()
                            + ", not the values the spec lists (" + String.join(", ", f.values())
                            + "); only the Java output enforces those.");
                }
            }
        }
        return notes;
    }

    static String featureUsage(ProjectInput in, FeatureMapping feature, String prefix) {
        return usage(in.entity(feature), feature.operations(), prefix);
    }

    /**
     * @param in     the project
     * @param files  its planned files
     * @param prefix the command that runs the project, followed by a space
     * @return the layout of a skeleton: its usage is the generic command line, its note says it is unchecked
     */
    static ProjectLayout layout(ProjectInput in, List<PlannedFile> files, String prefix, List<String> languageTests) {
        String language = in.architecture().language().label();
        return new PlannedLayout(files, f -> featureUsage(in, f, prefix), levelNotes(in),
                f -> FeatureClaims.skeleton(f, language), languageTests);
    }

    static void add(List<PlannedFile> list, String path, Part part, Supplier<String> content) {
        list.add(new PlannedFile(path, part, null, content));
    }

    /**
     * @return the guide of a skeleton: a shell example, output not checked, items kept in memory
     */
    static Guide guide(String language, List<String> build, List<String> test, List<String> run,
            Map<String, String> layout, String example) {
        return new Guide(language, build, test, run, layout, example, "shell", false, MEMORY_STORAGE, List.of());
    }

    static void docs(List<PlannedFile> list, ProjectInput in, Guide guide, String prefix,
            List<String> languageTests) {
        Supplier<List<RequirementClaim>> ledger = () -> Ledger.claims(in, layout(in, list, prefix, languageTests));
        List<Requirement> readmes = Ledger.readmeRequirements(in);
        if (!readmes.isEmpty()) {
            String language = in.architecture().language().label();
            List<String> features = new ArrayList<>();
            for (Requirement r : Requirement.of(in.spec())) {
                in.domain().features().stream().filter(f -> f.requirementId().equals(r.id())).findFirst()
                        .filter(f -> FeatureClaims.skeleton(f, language).status() == RequirementStatus.IMPLEMENTED)
                        .ifPresent(f -> features.add("- " + Escape.markdown(r.text())));
            }
            List<String> must = new ArrayList<>(guide.build());
            must.addAll(features);
            String run = guide.run().get(0);
            List<String> names = readmes.stream().map(r -> Ledger.readmeTestName(in, r)).toList();
            switch (in.architecture().language()) {
                case PYTHON -> add(list, "tests/test_readme.py", Part.TESTS, () -> pythonReadmeTest(names, must, run));
                case JAVASCRIPT -> add(list, "test/readme.test.js", Part.TESTS, () -> nodeReadmeTest(names, must, run));
                case GO -> add(list, "readme_test.go", Part.TESTS, () -> goReadmeTest(names, must, run));
                case JAVA -> throw new IllegalStateException("a Java project is not a skeleton");
            }
        }
        add(list, "README.md", Part.DOCS, () -> DocsTemplates.readme(in, guide, ledger));
        add(list, "docs/architecture.md", Part.DOCS, () -> DocsTemplates.architecture(in, guide));
        add(list, "docs/usage.md", Part.DOCS, () -> DocsTemplates.usage(in, guide,
                f -> featureUsage(in, f, prefix), ledger));
    }

    /** @return Python {@code unittest} tests that the README gives every command and feature it must */
    private static String pythonReadmeTest(List<String> names, List<String> must, String run) {
        StringBuilder s = new StringBuilder("""
                \"""Tests that the README says how to build and run the project and lists its features.\"""
                import pathlib
                import unittest


                class ReadmeTest(unittest.TestCase):
                """);
        for (String name : names) {
            s.append("\n    def ").append(name).append("(self):\n")
                    .append("        readme = pathlib.Path(\"README.md\").read_text(encoding=\"utf-8\")\n");
            for (String text : must) {
                s.append("        self.assertIn(").append(Escape.pythonString(text)).append(", readme)\n");
            }
            s.append("        run = readme.find(\"\\n## Run\\n\")\n")
                    .append("        self.assertGreaterEqual(run, 0, \"README.md has a Run section\")\n")
                    .append("        self.assertGreater(readme.find(").append(Escape.pythonString(run))
                    .append(", run), run)\n");
        }
        return s.append("\n\nif __name__ == \"__main__\":\n    unittest.main()\n").toString();
    }

    /** @return {@code node:test} tests that the README gives every command and feature it must */
    private static String nodeReadmeTest(List<String> names, List<String> must, String run) {
        StringBuilder s = new StringBuilder("""
                'use strict';

                const test = require('node:test');
                const assert = require('node:assert');
                const fs = require('node:fs');
                """);
        for (String name : names) {
            s.append("\ntest(").append(Escape.jsonString(name)).append(", () => {\n")
                    .append("  const readme = fs.readFileSync('README.md', 'utf8');\n");
            for (String text : must) {
                s.append("  assert.ok(readme.includes(").append(Escape.jsonString(text)).append("), readme);\n");
            }
            s.append("  const run = readme.indexOf('\\n## Run\\n');\n")
                    .append("  assert.ok(run >= 0, 'README.md has a Run section');\n")
                    .append("  assert.ok(readme.indexOf(").append(Escape.jsonString(run)).append(", run) > run, readme);\n")
                    .append("});\n");
        }
        return s.toString();
    }

    /** @return Go tests that the README gives every command and feature it must */
    private static String goReadmeTest(List<String> names, List<String> must, String run) {
        StringBuilder s = new StringBuilder("""
                package main

                import (
                	"os"
                	"strings"
                	"testing"
                )
                """);
        for (String name : names) {
            s.append("\nfunc ").append(name).append("(t *testing.T) {\n")
                    .append("\tbytes, err := os.ReadFile(\"README.md\")\n")
                    .append("\tif err != nil {\n\t\tt.Fatal(err)\n\t}\n")
                    .append("\treadme := string(bytes)\n")
                    .append("\tfor _, want := range []string{");
            for (int i = 0; i < must.size(); i++) {
                s.append(i == 0 ? "" : ", ").append(Escape.jsonString(must.get(i)));
            }
            s.append("} {\n\t\tif !strings.Contains(readme, want) {\n")
                    .append("\t\t\tt.Errorf(\"README.md does not contain %q\", want)\n\t\t}\n\t}\n")
                    .append("\trun := strings.Index(readme, \"\\n## Run\\n\")\n")
                    .append("\tif run < 0 || !strings.Contains(readme[run:], ").append(Escape.jsonString(run))
                    .append(") {\n\t\tt.Errorf(\"README.md's Run section does not give %q\", ")
                    .append(Escape.jsonString(run)).append(")\n\t}\n}\n");
        }
        return s.toString();
    }

    static String gitignore(String... extra) {
        StringBuilder text = new StringBuilder();
        for (String line : extra) {
            text.append(line).append('\n');
        }
        return text.append(".idea/\n.vscode/\n.DS_Store\n").toString();
    }
}

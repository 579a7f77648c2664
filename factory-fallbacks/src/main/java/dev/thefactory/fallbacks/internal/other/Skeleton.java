package dev.thefactory.fallbacks.internal.other;

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
 * the output is not compile-checked. Stateless and thread-safe.
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
                + a.language().label() + " project whose content is not compile-checked or tested by The Factory "
                + "(only Java output is).";
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
        return new Guide(language, build, test, run, layout, example, "shell", false, MEMORY_STORAGE);
    }

    static void docs(List<PlannedFile> list, ProjectInput in, Guide guide, String prefix,
            List<String> languageTests) {
        Supplier<List<RequirementClaim>> ledger = () -> Ledger.claims(in, layout(in, list, prefix, languageTests));
        add(list, "README.md", Part.DOCS, () -> DocsTemplates.readme(in, guide, ledger));
        add(list, "docs/architecture.md", Part.DOCS, () -> DocsTemplates.architecture(in, guide));
        add(list, "docs/usage.md", Part.DOCS, () -> DocsTemplates.usage(in, guide,
                f -> featureUsage(in, f, prefix), ledger));
    }

    static String gitignore(String... extra) {
        StringBuilder text = new StringBuilder();
        for (String line : extra) {
            text.append(line).append('\n');
        }
        return text.append(".idea/\n.vscode/\n.DS_Store\n").toString();
    }
}

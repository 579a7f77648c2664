package dev.thefactory.fallbacks.internal.java;

import dev.thefactory.fallbacks.internal.design.Architecture;
import dev.thefactory.fallbacks.internal.design.EntryPoint;
import dev.thefactory.fallbacks.internal.domain.AggregateKind;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.FeatureMapping;
import dev.thefactory.fallbacks.internal.domain.Operation;
import dev.thefactory.fallbacks.internal.domain.StatusAction;
import dev.thefactory.fallbacks.internal.domain.Threshold;
import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Says how a user reaches what one feature asks for in a generated Java project: the commands of a CLI, the
 * endpoints of a service, or the methods of a library. Stateless and thread-safe.
 */
public final class JavaUsage {

    private JavaUsage() {
    }

    /**
     * The parts of an entity one feature is about, read from its mapping's detail ("status change of Task: complete
     * (sets completed)", "filter tasks by title", "summary, export of tasks"); when the detail names none, all of the
     * entity's are taken.
     */
    private record Selection(List<String> actions, List<String> filters, List<String> sorts, Set<String> aggregates,
            List<Threshold> thresholds) {

        static Selection of(Entity e, FeatureMapping feature) {
            String detail = feature.detail();
            List<String> actions = e.statusActions().stream().map(StatusAction::name)
                    .filter(a -> detail.contains(": " + a + " (") || detail.contains(", " + a + " (")).toList();
            List<String> filters = named(e.filterFields(), part(detail, "filter "));
            List<String> sorts = named(e.sortFields(), part(detail, "sort "));
            Set<String> aggregates = new LinkedHashSet<>();
            for (String part : detail.split("; ")) {
                if (part.endsWith(" of " + e.plural())) {
                    for (String code : part.substring(0, part.length() - e.plural().length() - 4).split(", ")) {
                        if (AggregateKind.fromCode(code).filter(e::has).isPresent()) {
                            aggregates.add(code);
                        }
                    }
                }
            }
            List<Threshold> thresholds = e.thresholds().stream().filter(t -> detail.contains(" with " + t.field()
                    + " " + t.direction() + " a threshold")).toList();
            return new Selection(actions.isEmpty() ? e.statusActions().stream().map(StatusAction::name).toList()
                    : actions, filters, sorts, aggregates.isEmpty() ? codes(e) : aggregates, thresholds);
        }

        private static Set<String> codes(Entity e) {
            Set<String> codes = new LinkedHashSet<>();
            e.aggregates().forEach(k -> codes.add(k.code()));
            return codes;
        }

        private static String part(String detail, String prefix) {
            for (String part : detail.split("; ")) {
                if (!prefix.isEmpty() && part.startsWith(prefix)) {
                    return part;
                }
            }
            return "";
        }

        private static List<String> named(List<String> fields, String part) {
            if (part.isEmpty()) {
                return List.of();
            }
            String criteria = part.substring(part.indexOf(" by ") + 4);
            List<String> named = new ArrayList<>();
            for (String field : criteria.split(", ")) {
                if (fields.contains(field)) {
                    named.add(field);
                }
            }
            return named;
        }
    }

    /**
     * @param entity  the entity the feature is about
     * @param feature the feature
     * @param a       the architecture
     * @param primary whether the entity is the domain's primary one (the one a pipeline reads)
     * @return how to use it, as Markdown code spans joined by commas
     */
    public static String describe(Entity entity, FeatureMapping feature, Architecture a, boolean primary) {
        Selection selection = Selection.of(entity, feature);
        Set<String> ways = new LinkedHashSet<>();
        for (Operation op : feature.operations()) {
            ways.addAll(switch (a.entryPoint()) {
                case CLI -> commands(entity, op, selection);
                case HTTP, WEB -> endpoints(entity, op, selection);
                case LIBRARY, PIPELINE -> methods(entity, op, a.entryPoint(), primary, selection);
            });
        }
        return String.join(", ", ways.stream().map(w -> "`" + w + "`").toList());
    }

    private static List<String> commands(Entity e, Operation op, Selection s) {
        String w = CliTemplates.command(e) + " ";
        List<String> words = new ArrayList<>();
        for (CliTemplates.Action action : CliTemplates.actions(e)) {
            if (matches(op, action.word(), s)) {
                words.add(w + action.word() + (action.usage().isEmpty() ? "" : " " + action.usage()));
            }
        }
        return words;
    }

    private static List<String> endpoints(Entity e, Operation op, Selection s) {
        List<String> lines = new ArrayList<>();
        for (String line : HttpTemplates.endpoints(e)) {
            String method = line.substring(0, line.indexOf(' '));
            String path = line.substring(line.indexOf(' ') + 1);
            String[] parts = path.split("/");
            String last = parts[parts.length - 1];
            boolean collection = path.endsWith("/" + HttpTemplates.resource(e));
            String word = switch (method) {
                case "POST" -> collection ? "add" : last;
                case "PUT" -> "update";
                case "DELETE" -> "delete";
                default -> collection ? "list" : last.equals("{id}") ? "get"
                        : last.equals("{value}") ? parts[parts.length - 2] : last;
            };
            if (matches(op, word, s)) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static List<String> methods(Entity e, Operation op, EntryPoint entry, boolean primary, Selection s) {
        String prefix = entry == EntryPoint.LIBRARY ? "api." + e.plural() + "()." : e.name() + "Service.";
        List<String> methods = new ArrayList<>();
        if (op == Operation.CREATE && entry == EntryPoint.PIPELINE && primary) {
            methods.add("input CSV rows");
        }
        switch (op) {
            case CREATE -> methods.add(prefix + "create(values)");
            case LIST -> methods.add(prefix + "list()");
            case GET -> methods.add(prefix + "get(id)");
            case UPDATE -> {
                methods.add(prefix + "update(id, changes)");
                e.updateFields().forEach(f -> methods.add(prefix + "set" + JavaTypes.cap(f) + "(id, value)"));
            }
            case DELETE -> methods.add(prefix + "delete(id)");
            case STATUS -> s.actions().forEach(name -> methods.add(prefix + name + "(id)"));
            case FIND -> {
                s.filters().forEach(f -> methods.add(prefix + "findBy" + JavaTypes.cap(f) + "(value)"));
                s.sorts().forEach(f -> methods.add(prefix + "sortedBy" + JavaTypes.cap(f) + "()"));
                s.thresholds().forEach(t -> methods.add(prefix + "find" + JavaTypes.cap(t.name()) + "(threshold)"));
            }
            case AGGREGATE -> {
                if (s.aggregates().contains(AggregateKind.SUMMARY.code())) {
                    methods.add(prefix + "summary()");
                }
                if (s.aggregates().contains(AggregateKind.EXPORT.code())) {
                    methods.add(prefix + "exportCsv()");
                }
                if (s.aggregates().contains(AggregateKind.IMPORT.code())) {
                    methods.add(prefix + "importCsv(csv)");
                }
            }
        }
        return methods;
    }

    private static boolean matches(Operation op, String word, Selection s) {
        return switch (op) {
            case CREATE -> word.equals("add");
            case LIST -> word.equals("list");
            case GET -> word.equals("get");
            case UPDATE -> word.equals("update") || word.startsWith("set-");
            case DELETE -> word.equals("delete");
            case STATUS -> s.actions().stream().map(Naming::kebab).anyMatch(word::equals);
            case FIND -> s.filters().stream().map(f -> "find-by-" + Naming.kebab(f)).anyMatch(word::equals)
                    || s.sorts().stream().map(f -> "sort-by-" + Naming.kebab(f)).anyMatch(word::equals)
                    || s.thresholds().stream().map(t -> "find-" + Naming.kebab(t.name())).anyMatch(word::equals);
            case AGGREGATE -> s.aggregates().contains(word);
        };
    }
}

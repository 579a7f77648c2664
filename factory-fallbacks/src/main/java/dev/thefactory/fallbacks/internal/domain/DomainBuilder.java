package dev.thefactory.fallbacks.internal.domain;

import dev.thefactory.api.Complexity;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.fallbacks.internal.domain.FeatureInterpreter.FieldHint;
import dev.thefactory.fallbacks.internal.domain.FeatureInterpreter.Interpretation;
import dev.thefactory.fallbacks.internal.domain.FeatureInterpreter.StatusSpec;
import dev.thefactory.fallbacks.internal.domain.FeatureInterpreter.ThresholdSpec;
import dev.thefactory.fallbacks.internal.domain.FeatureInterpreter.ValueList;
import dev.thefactory.fallbacks.internal.domain.StatusAction.Effect;
import dev.thefactory.fallbacks.internal.text.Escape;
import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Derives the {@link Domain} of a spec: interprets every feature, gives each noun an entity, merges what the
 * features say about each entity, and fills the gaps with documented defaults (a label field, a status field for
 * status changes, one entity named after the project when no feature names one). The same spec always gives the
 * same domain.
 *
 * <p>Stateless and thread-safe.
 */
public final class DomainBuilder {

    /** Most fields taken from the features for one entity. */
    public static final int MAX_FIELDS = 16;

    private static final String LABEL = "@label";
    private static final String STATUS = "@status";
    private static final String NUMBER = "@number";
    private static final Set<FieldType> NUMBERS = Set.of(FieldType.INT, FieldType.LONG, FieldType.DECIMAL);
    /** Head words that a shorter name may leave out: "stock" is the entity "stock level". */
    private static final Set<String> IMPLIED_HEADS = Set.of("Level", "Item", "Entry", "Record", "Line", "Count",
            "Amount");
    private static final Set<String> STATUS_CRITERIA = Set.of("status", "state", "completion", "progress");
    private static final Set<String> GENERIC_PROJECT_WORDS = Set.of("app", "application", "tool", "service",
            "system", "api", "project", "library", "pipeline", "cli", "server", "manager", "tracker", "platform",
            "backend", "frontend", "web", "site", "website", "engine", "kit", "lib", "program", "suite", "hub",
            "portal", "dashboard", "simple", "basic", "demo", "example", "test", "my", "the", "ai", "bot");

    private final FeatureInterpreter interpreter = new FeatureInterpreter();

    /**
     * @param spec a validated spec
     * @return its domain
     */
    public Domain build(ProjectSpec spec) {
        Objects.requireNonNull(spec, "spec");
        List<Feature> features = new ArrayList<>();
        addFeatures(features, "core", spec.features().core());
        addFeatures(features, "extended", spec.features().extended());

        List<String> notes = new ArrayList<>();
        Map<String, Draft> drafts = new LinkedHashMap<>();
        Complexity complexity = spec.complexity() == null ? Complexity.SIMPLE : spec.complexity();
        int maxEntities = Domain.maxEntities(complexity);
        Aliases aliases = new Aliases(features);
        Map<String, String> named = new HashMap<>();
        Set<String> introduced = new HashSet<>();
        boolean adds = false;
        for (Feature feature : features) {
            if (feature.interpretation.understood() && !feature.interpretation.entityWords().isEmpty()) {
                String name = aliases.resolve(feature, notes);
                feature.condition = aliases.scope(feature);
                named.put(feature.scope + feature.index, name);
                if (introduces(feature.interpretation)) {
                    introduced.add(name);
                }
            }
            adds |= meantToAdd(feature);
        }
        Map<String, Integer> unbuilt = UnbuiltAdds.find(features.stream().map(f -> f.text).toList(),
                features.stream().map(f -> f.interpretation).toList(),
                features.stream().map(f -> named.get(f.scope + f.index)).toList());
        for (Feature feature : features) {
            if (!feature.interpretation.understood() || feature.interpretation.entityWords().isEmpty()) {
                continue;
            }
            String name = named.get(feature.scope + feature.index);
            Integer unbuiltAt = unbuilt.get(name);
            if (unbuiltAt != null) {
                Feature unbuiltAdd = features.get(unbuiltAt);
                // "Assign bugs to developers" beside "Reporters can file bugs with a title, ..." not understood: the
                // bug is what that sentence says, not what the other features' words happen to name
                feature.rejection = UnbuiltAdds.reason(name, unbuiltAdd.text, unbuiltAdd.interpretation.reason());
                continue;
            }
            if ((adds || !introduced.isEmpty()) && !introduced.contains(name)) {
                // "List stock levels per warehouse" beside "Record stock movements with ...": a stock level would be
                // a figure over the movements, and nothing says what one holds
                String words = String.join(" ", Naming.words(name));
                feature.rejection = "no feature says what " + ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ")
                        + words + " holds (no feature adds "
                        + Inflector.plural(words) + " with their fields), so " + (isQuery(feature.interpretation)
                                ? "listing or searching them would invent them; a figure derived from other items is"
                                        + " not generated"
                                : "acting on them would invent them")
                        + ". Add a feature such as 'Add " + Inflector.plural(words) + " with ...' naming their fields"
                        + " if they are items of their own";
                continue;
            }
            if (!drafts.containsKey(name) && drafts.size() == maxEntities) {
                feature.rejection = "the simple backend generates at most " + maxEntities + " entities for a "
                        + complexity.name().toLowerCase(Locale.ROOT) + " spec and this feature is about"
                        + " a further one (" + name + ")";
                continue;
            }
            drafts.computeIfAbsent(name, Draft::new);
            feature.entity = name;
        }
        if (drafts.isEmpty()) {
            Draft fallback = defaultEntity(spec.name());
            drafts.put(fallback.name, fallback);
            notes.add("No feature names an entity the simple backend recognises, so it generated one entity, "
                    + fallback.name + ", with a name and a description and create, list, get, update and delete.");
        }
        if (spec.type() == ProjectType.DATA_PIPELINE) {
            importedFirst(features, drafts, notes);
        }
        Draft primary = drafts.values().iterator().next();
        List<String> statusValues = StatusValues.named(features.stream().map(f -> f.text).toList(),
                features.stream().map(f -> f.interpretation).toList());
        Set<String> heads = new HashSet<>();
        drafts.keySet().forEach(n -> heads.add(Naming.words(n).get(Naming.words(n).size() - 1)
                .toLowerCase(Locale.ROOT)));
        for (Draft draft : drafts.values()) {
            draft.statusValues = statusValues;
            draft.otherHeads = heads;
        }
        if (spec.type() == ProjectType.DATA_PIPELINE) {
            for (Feature feature : features) {
                if (feature.interpretation.understood() && feature.rejection == null) {
                    feature.rejection = PipelineScope.rejection(feature.interpretation,
                            feature.entity == null ? primary.name : feature.entity, primary.name, primary.plural());
                }
            }
        }
        for (Feature feature : features) {
            if (feature.interpretation.understood() && feature.rejection == null) {
                Draft draft = feature.entity == null ? primary : drafts.get(feature.entity);
                for (FieldHint hint : concat(feature.interpretation.fields(), feature.interpretation.updateFields())) {
                    draft.declared.add(hint.words());
                }
            }
        }
        for (Feature feature : features) {
            if (feature.interpretation.understood() && feature.rejection == null) {
                Draft draft = feature.entity == null ? primary : drafts.get(feature.entity);
                feature.entity = draft.name;
                feature.applied = draft.apply(feature.interpretation, feature.condition, notes);
                if (feature.applied.rejection() != null) {
                    feature.rejection = feature.applied.rejection();
                    feature.applied = null;
                }
            }
        }
        // items a feature adds, even when a pipeline does not generate them: a field named after one still means one
        Map<String, String> added = new LinkedHashMap<>();
        for (Feature feature : features) {
            if (feature.interpretation.understood() && feature.entity != null && drafts.containsKey(feature.entity)
                    && feature.interpretation.operations().contains(Operation.CREATE)) {
                added.put(feature.entity, drafts.get(feature.entity).plural());
            }
        }
        dropUnused(features, drafts, notes);
        for (Feature feature : features) {
            if (feature.applied != null) {
                drafts.get(feature.entity).takeLevelValues(feature.interpretation, notes);
            }
            if (spec.type() == ProjectType.DATA_PIPELINE && feature.applied != null
                    && feature.entity.equals(primary.name)
                    && feature.interpretation.operations().equals(List.of(Operation.AGGREGATE))
                    && feature.interpretation.aggregates().equals(Set.of(AggregateKind.IMPORT))) {
                // the pipeline's run is the import: it creates one item from each CSV row
                feature.applied = feature.applied.as(List.of(Operation.CREATE));
            }
        }
        if (spec.type() == ProjectType.DATA_PIPELINE && !primary.aggregates.contains(AggregateKind.SUMMARY)) {
            primary.ops.add(Operation.AGGREGATE);
            primary.aggregates.add(AggregateKind.SUMMARY);
            notes.add("A data pipeline reports a summary, so " + primary.name + " got the summary aggregate.");
        }
        List<Entity> entities = new ArrayList<>();
        for (Draft draft : drafts.values()) {
            entities.add(draft.finish(notes));
        }
        Map<String, Entity> byName = new LinkedHashMap<>();
        entities.forEach(e -> byName.put(e.name(), e));
        List<FeatureMapping> mappings = new ArrayList<>();
        String examples = examples(features, byName, spec.type() == ProjectType.DATA_PIPELINE);
        for (Feature feature : features) {
            mappings.add(feature.mapping(byName, added, notes, examples));
        }
        return new Domain(entities, mappings, notes);
    }

    /**
     * A feature that is not generated leaves nothing behind: an entity that only such features name is not
     * generated either, as long as another entity is.
     */
    private static void dropUnused(List<Feature> features, Map<String, Draft> drafts, List<String> notes) {
        Set<String> used = new HashSet<>();
        features.stream().filter(f -> f.applied != null).forEach(f -> used.add(f.entity));
        if (used.isEmpty()) {
            return;
        }
        for (String name : List.copyOf(drafts.keySet())) {
            if (!used.contains(name)) {
                drafts.remove(name);
                notes.add(name + " was not generated: no feature about it was.");
            }
        }
    }

    /**
     * The examples a reason gives of sentences the simple backend builds fit the spec: when a feature already adds
     * items ("Add books with a title and an author"), they are about those items, and none suggests adding them
     * again; a pipeline's are only what a pipeline builds.
     *
     * @return the examples, starting with "such as"
     */
    private static String examples(List<Feature> features, Map<String, Entity> entities, boolean pipeline) {
        for (Feature feature : features) {
            if (feature.applied == null || !feature.applied.operations().contains(Operation.CREATE)
                    || feature.applied.createFields().isEmpty()) {
                continue;
            }
            Entity entity = entities.get(feature.entity);
            String plural = String.join(" ", Naming.words(entity.plural())).toLowerCase(Locale.ROOT);
            if (pipeline) {
                // a pipeline generates only importing its records and listing them
                return "such as 'List " + plural + "' (a data pipeline imports " + plural + " from CSV files and "
                        + "lists them; finding, sorting, exporting and changing them are not part of it)";
            }
            // a field renamed from a reserved word ("abstract" is abstractValue) is named as the spec wrote it
            String field = entity.fields().stream().filter(f -> !f.secret() && f != entity.label())
                    .filter(f -> f.type() != FieldType.BOOLEAN).map(Field::name)
                    .sorted(java.util.Comparator.comparing(n -> n.endsWith("Value"))).findFirst()
                    .orElse(entity.label().name());
            if (field.endsWith("Value") && field.length() > 5) {
                field = field.substring(0, field.length() - 5);
            }
            return "such as 'List " + plural + "', 'Filter " + plural + " by "
                    + String.join(" ", Naming.words(field)).toLowerCase(Locale.ROOT) + "', 'Delete " + plural
                    + "' (the spec already adds " + plural + ")";
        }
        return FeatureInterpreter.EXAMPLES;
    }

    /**
     * An item is introduced by a feature that adds it, gives it fields or imports it; a feature that only lists,
     * finds, changes the status of, updates or deletes items ("Cancel memberships") does not say what one holds.
     *
     * @param interpretation an understood feature
     * @return true if the feature says what its items hold
     */
    private static boolean introduces(Interpretation interpretation) {
        return !isQuery(interpretation) && (interpretation.operations().contains(Operation.CREATE)
                || !interpretation.fields().isEmpty() || !interpretation.updateFields().isEmpty()
                || interpretation.aggregates().contains(AggregateKind.IMPORT));
    }

    /**
     * @param feature any feature, understood or not
     * @return true if it begins with an adding verb and lists fields ("Add tasks with a title and ..."): the spec
     *         means to define its items there, even when the simple backend cannot build that feature
     */
    private static boolean meantToAdd(Feature feature) {
        List<String> tokens = FeatureInterpreter.tokenize(feature.text.toLowerCase(Locale.ROOT));
        return !tokens.isEmpty() && Lexicon.VERBS.get(tokens.get(0)) == Operation.CREATE
                && tokens.contains("with");
    }

    /**
     * @param interpretation an understood feature
     * @return true if it only lists, finds, gets or counts items, saying nothing about what they hold
     */
    private static boolean isQuery(Interpretation interpretation) {
        return interpretation.fields().isEmpty() && interpretation.updateFields().isEmpty()
                && interpretation.statuses().isEmpty() && !interpretation.aggregates().contains(AggregateKind.IMPORT)
                && Set.of(Operation.LIST, Operation.FIND, Operation.GET, Operation.AGGREGATE)
                        .containsAll(interpretation.operations());
    }

    private static List<FieldHint> concat(List<FieldHint> a, List<FieldHint> b) {
        List<FieldHint> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * A data pipeline's records are what it imports ("Import sales from CSV files ..."): the entity of the first
     * feature that imports becomes the primary one, whatever other features name before it.
     */
    private static void importedFirst(List<Feature> features, Map<String, Draft> drafts, List<String> notes) {
        String imported = features.stream()
                .filter(f -> f.entity != null && f.interpretation.aggregates().contains(AggregateKind.IMPORT))
                .map(f -> f.entity).findFirst().orElse(null);
        if (imported == null || drafts.keySet().iterator().next().equals(imported)) {
            return;
        }
        Map<String, Draft> reordered = new LinkedHashMap<>();
        reordered.put(imported, drafts.get(imported));
        reordered.putAll(drafts);
        drafts.clear();
        drafts.putAll(reordered);
        notes.add("A data pipeline processes the records it imports, so " + imported + " is its primary entity.");
    }

    private void addFeatures(List<Feature> into, String scope, List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            String text = Escape.line(texts.get(i));
            into.add(new Feature(scope, i, text, interpreter.interpret(text)));
        }
    }

    /**
     * Decides which entity each feature's noun means. A shorter name joins a longer one that ends with it ("Item"
     * joins "ShoppingItem", "Order" joins "CustomerOrder") or that only adds an implied head word ("Stock" joins
     * "StockLevel"). When several longer names fit ("Order": "CustomerOrder" and "PurchaseOrder"), the feature
     * decides: the candidate whose other words it mentions ("orders per customer"), else the candidate most
     * features name, else the first named; each such choice is noted.
     */
    private static final class Aliases {
        private final Map<String, List<String>> candidates = new HashMap<>();
        private final Map<String, Integer> mentions = new HashMap<>();
        /** A longer name no feature adds → the added name it ends with ("UnbilledTimeEntry" → "TimeEntry"). */
        private final Map<String, String> shorter = new HashMap<>();

        Aliases(List<Feature> features) {
            Set<String> names = new LinkedHashSet<>();
            Set<String> adding = new HashSet<>();
            for (Feature feature : features) {
                if (feature.interpretation.understood() && !feature.interpretation.entityWords().isEmpty()) {
                    String name = entityName(feature.interpretation.entityWords());
                    names.add(name);
                    mentions.merge(name, 1, Integer::sum);
                    if (introduces(feature.interpretation)) {
                        adding.add(name);
                    }
                }
            }
            for (String name : names) {
                List<String> found = new ArrayList<>();
                for (String other : names) {
                    if (other.equals(name)) {
                        continue;
                    }
                    boolean endsWith = other.endsWith(name)
                            && Character.isUpperCase(other.charAt(other.length() - name.length()));
                    boolean impliedHead = other.startsWith(name)
                            && IMPLIED_HEADS.contains(other.substring(name.length()));
                    // only a feature that adds items names them: an added kind never joins a longer name that only
                    // a list, an update or an export says ("a customer's orders", "unbilled time entries")
                    if ((endsWith || impliedHead) && (adding.contains(other) || !adding.contains(name))) {
                        found.add(other);
                    }
                }
                candidates.put(name, found);
            }
            for (String name : names) {
                if (adding.contains(name) || !candidates.getOrDefault(name, List.of()).isEmpty()) {
                    continue;
                }
                for (String other : adding) {
                    boolean endsWith = name.endsWith(other) && name.length() > other.length()
                            && Character.isUpperCase(name.charAt(name.length() - other.length()));
                    if (endsWith && (!shorter.containsKey(name) || other.length() > shorter.get(name).length())) {
                        shorter.put(name, other);
                    }
                }
            }
        }

        /**
         * @param feature a feature
         * @return the words of its noun that are no part of the added item's name ("unbilled" in "unbilled time
         *         entries" beside "Log time entries with ..."), which say which items the feature is about; empty
         *         when there are none
         */
        List<String> scope(Feature feature) {
            String name = entityName(feature.interpretation.entityWords());
            String added = shorter.get(name);
            if (added == null) {
                return List.of();
            }
            List<String> words = feature.interpretation.entityWords();
            int keep = Naming.words(added).size();
            return words.subList(0, Math.max(0, words.size() - keep));
        }

        String resolve(Feature feature, List<String> notes) {
            String name = entityName(feature.interpretation.entityWords());
            if (shorter.containsKey(name)) {
                return shorter.get(name);
            }
            List<String> found = candidates.getOrDefault(name, List.of());
            if (found.isEmpty()) {
                return name;
            }
            if (found.size() == 1) {
                return found.get(0);
            }
            Set<String> said = new HashSet<>();
            for (String token : FeatureInterpreter.tokenize(feature.text)) {
                said.add(Inflector.singular(token));
            }
            String chosen = null;
            for (String candidate : found) {
                List<String> extra = new ArrayList<>(Naming.words(candidate));
                extra.removeAll(Naming.words(name));
                if (extra.stream().anyMatch(said::contains)) {
                    chosen = candidate;
                    break;
                }
            }
            if (chosen == null) {
                chosen = found.get(0);
                for (String candidate : found) {
                    if (mentions.getOrDefault(candidate, 0) > mentions.getOrDefault(chosen, 0)) {
                        chosen = candidate;
                    }
                }
            }
            notes.add("Feature '" + feature.text + "' names " + String.join(" ", Naming.words(name))
                    + ", which could be any of "
                    + String.join(", ", found) + "; it was taken as " + chosen + ".");
            return chosen;
        }
    }

    /**
     * @param words lower-case words, the last one singular
     * @return a safe, unreserved type name
     */
    static String entityName(List<String> words) {
        String name = Naming.pascal(words);
        if (name.length() > 40) {
            name = name.substring(name.length() - 40);
            name = Naming.capitalize(name);
        }
        if (ReservedNames.TYPES.contains(name)) {
            name = name + "Item";
        }
        return name;
    }

    private static Draft defaultEntity(String projectName) {
        List<String> words = Naming.words(projectName);
        String candidate = words.isEmpty() ? "" : Inflector.singular(words.get(words.size() - 1));
        Draft draft;
        if (candidate.length() >= 3 && candidate.chars().allMatch(Character::isLetter)
                && !GENERIC_PROJECT_WORDS.contains(candidate)
                && !ReservedNames.TYPES.contains(Naming.capitalize(candidate))) {
            draft = new Draft(Naming.capitalize(candidate));
        } else {
            draft = new Draft("Item");
        }
        draft.ops.add(Operation.UPDATE);
        draft.ops.add(Operation.DELETE);
        return draft;
    }

    /** One feature on its way to a mapping. */
    private static final class Feature {
        final String scope;
        final int index;
        final String text;
        final Interpretation interpretation;
        String entity;
        String rejection;
        Applied applied;
        /** Words of the feature's noun that say which of the added items it is about ("unbilled"). */
        List<String> condition = List.of();

        Feature(String scope, int index, String text, Interpretation interpretation) {
            this.scope = scope;
            this.index = index;
            this.text = text;
            this.interpretation = interpretation;
        }

        FeatureMapping mapping(Map<String, Entity> entities, Map<String, String> added, List<String> notes,
                String examples) {
            if (!interpretation.understood()) {
                return new FeatureMapping(scope, index, text, null, List.of(),
                        "not generated by the simple backend: "
                                + interpretation.reason().replace(FeatureInterpreter.EXAMPLES, examples)
                                + workflowOwner(entities));
            }
            if (rejection != null) {
                return new FeatureMapping(scope, index, text, null, List.of(),
                        "not generated by the simple backend: " + rejection);
            }
            Entity entity = entities.get(this.entity);
            List<String> gaps = new ArrayList<>(interpretation.gaps());
            gaps.addAll(applied.gaps());
            for (String field : Stream.concat(applied.createFields().stream(), applied.updateFields().stream())
                    .distinct().toList()) {
                // "Add deals with a title and a contact" beside "Add contacts with ...": the contact is stored as
                // text, not as the id of an existing contact
                String other = Naming.capitalize(field);
                String renamed = field.endsWith("Value") ? Naming.capitalize(field.substring(0, field.length() - 5))
                        + "Item" : other;
                if (field.endsWith("Id") && field.length() > 2) {
                    // "a customer id" beside "Add customers with ...": the id of a customer, stored as text
                    String base = Naming.capitalize(field.substring(0, field.length() - 2));
                    if (entities.containsKey(base) || added.containsKey(base)) {
                        other = base;
                    }
                }
                if (!entities.containsKey(other) && !added.containsKey(other)
                        && (entities.containsKey(renamed) || added.containsKey(renamed))) {
                    // "a class" is the field classValue and the item ClassItem: both renamed from a reserved word
                    other = renamed;
                }
                String written = other.equals(renamed) && !renamed.equals(Naming.capitalize(field))
                        ? field.substring(0, field.length() - 5) : field;
                if (!other.equals(entity.name()) && (entities.containsKey(other) || added.containsKey(other))) {
                    gaps.add(String.join(" ", Naming.words(written)).toLowerCase(Locale.ROOT)
                            + " as a reference to an existing " + other);
                    notes.add(entity.name() + "." + field + " holds text: it is not checked against the "
                            + (entities.containsKey(other) ? entities.get(other).plural() : added.get(other))
                            + " that exist.");
                }
            }
            for (ValueList list : interpretation.valueLists()) {
                String problem = unhonoured(entity, list);
                if (problem != null) {
                    // a filter on level values names the ones the field lacks: "(high, urgent)" leaves "urgent"
                    List<String> missing = missingLevels(entity, list);
                    gaps.add(missing.isEmpty() ? list.text() : String.join(", ", missing));
                    notes.add("Feature '" + text + "' lists the values " + list.text() + ", but " + problem + ".");
                }
            }
            return new FeatureMapping(scope, index, text, entity.name(), applied.operations(),
                    applied.describe(entity), gaps);
        }

        /**
         * A workflow sentence about items that have no status ("Appointment status goes requested -&gt; confirmed
         * -&gt; completed" when appointments are added with a pet, a vet and a start time) says so and how to give
         * them one.
         *
         * @return the addition to the workflow's reason, or "" when the sentence is no workflow or its items have
         *         a status
         */
        private String workflowOwner(Map<String, Entity> entities) {
            Sentence sentence = Sentence.of(text);
            if (sentence.workflow() == null) {
                return "";
            }
            List<String> tokens = sentence.tokens();
            int status = tokens.indexOf("status") >= 0 ? tokens.indexOf("status") : tokens.indexOf("state");
            for (int from = Math.max(0, status - 2); status > 0 && from < status; from++) {
                List<String> words = new ArrayList<>(tokens.subList(from, status));
                words.set(words.size() - 1, Inflector.singular(words.get(words.size() - 1)));
                Entity entity = entities.get(entityName(words));
                if (entity != null) {
                    if (entity.field("status").isPresent() || entity.field("state").isPresent()) {
                        return "";
                    }
                    String plural = String.join(" ", Naming.words(entity.plural())).toLowerCase(Locale.ROOT);
                    return "; no feature gives " + plural + " a status, so these values are used nowhere: add a"
                            + " status to the feature that adds " + plural + " ('Add " + plural + " with ..., and a"
                            + " status')";
                }
            }
            return "";
        }

        /**
         * @return the values a filter lists that its level field does not hold, as written; empty when the list is
         *         no filter's or its field is no level field
         */
        private static List<String> missingLevels(Entity entity, ValueList list) {
            if (!list.criterion()) {
                return List.of();
            }
            String name = STATUS_CRITERIA.containsAll(list.fieldWords()) && list.fieldWords().size() == 1
                    ? Applied.statusFields(entity).stream().findFirst().orElse(null) : Draft.fieldName(list.fieldWords());
            Field field = name == null ? null : entity.field(name).orElse(null);
            if (field == null || field.type() != FieldType.LEVEL) {
                return List.of();
            }
            return list.values().stream().filter(v -> !field.levels().contains(
                    v.strip().replace(' ', '_').replace('-', '_').toUpperCase(Locale.ROOT))).toList();
        }

        /**
         * @return why the generated code does not honour the values a feature lists for a field or criterion, or
         *         null when it does: status values that the entity's yes/no status field tells apart ("open,
         *         completed" with {@code completed}), the levels of a level field, yes and no for a yes/no field
         */
        private static String unhonoured(Entity entity, ValueList list) {
            List<String> words = list.fieldWords();
            if (list.criterion() && words.size() == 1 && STATUS_CRITERIA.contains(words.get(0))) {
                List<String> statusFields = Applied.statusFields(entity);
                Field level = statusFields.size() == 1 ? entity.field(statusFields.get(0)).orElse(null) : null;
                if (level != null && level.type() == FieldType.LEVEL) {
                    List<String> missing = list.values().stream().filter(v -> !level.levels().contains(
                            v.strip().replace(' ', '_').replace('-', '_').toUpperCase(Locale.ROOT))).toList();
                    return missing.isEmpty() ? null : "the generated field " + level.name() + " accepts "
                            + String.join(", ", level.levels());
                }
                if (statusFields.size() != 1 || list.values().size() > 2) {
                    return "the generated status is the yes/no field " + String.join(", ", statusFields);
                }
                String field = statusFields.get(0);
                for (String value : list.values()) {
                    StatusSpec spec = FeatureInterpreter.statusWord(value).orElse(null);
                    boolean clears = spec != null && spec.effect() == Effect.CLEAR && spec.field() == null;
                    boolean sets = value.equals(field) || (spec != null && spec.effect() == Effect.SET
                            && field.equals(spec.field()));
                    if (!clears && !sets) {
                        return "the generated status is the yes/no field " + field + ", which cannot hold '" + value
                                + "'";
                    }
                }
                return null;
            }
            String name = Draft.fieldName(words);
            Field field = name == null ? null : entity.field(name).orElse(null);
            if (field == null) {
                return "no field " + String.join(" ", words) + " is generated for it";
            }
            Set<String> values = new HashSet<>();
            list.values().forEach(v -> values.add(v.strip().replace(' ', '_').replace('-', '_')
                    .toUpperCase(Locale.ROOT)));
            return switch (field.type()) {
                case LEVEL -> (list.criterion() ? field.levels().containsAll(values)
                        : values.equals(new HashSet<>(field.levels()))) ? null
                        : "the generated field " + field.name() + " accepts " + String.join(", ", field.levels());
                case BOOLEAN -> Set.of("YES", "NO", "TRUE", "FALSE").containsAll(values) ? null
                        : "the generated field " + field.name() + " is yes/no";
                default -> "the generated field " + field.name() + " accepts any " + field.type().code()
                        + " rather than only these values";
            };
        }
    }

    /** What applying one interpretation did, with field names still to resolve. */
    private record Applied(List<Operation> operations, List<String> createFields, List<String> updateFields,
            List<String> criteria, boolean sort, List<String> actions, Set<AggregateKind> aggregates,
            List<Pending> thresholds, List<String> gaps, String rejection) {

        /** @return the same, done by other operations */
        Applied as(List<Operation> others) {
            return new Applied(others, createFields, updateFields, criteria, sort, actions, aggregates, thresholds,
                    gaps, rejection);
        }

        static Applied rejected(String reason) {
            return new Applied(List.of(), List.of(), List.of(), List.of(), false, List.of(), Set.of(), List.of(),
                    List.of(), reason);
        }

        String describe(Entity entity) {
            List<String> parts = new ArrayList<>();
            for (Operation op : operations) {
                parts.add(switch (op) {
                    case CREATE -> "create " + entity.name()
                            + (createFields.isEmpty() ? "" : " with " + String.join(", ", resolve(entity, createFields)));
                    case LIST -> "list all " + entity.plural();
                    case GET -> "get one " + entity.name() + " by id";
                    case UPDATE -> "update " + entity.name()
                            + (updateFields.isEmpty() ? "" : " (set " + String.join(", ", resolve(entity, updateFields)) + ")");
                    case DELETE -> "delete " + entity.name() + " by id";
                    case STATUS -> "status change of " + entity.name() + ": " + String.join(", ", actions(entity));
                    case FIND -> find(entity);
                    case AGGREGATE -> String.join(", ", aggregates.stream().map(AggregateKind::code).toList())
                            + " of " + entity.plural();
                });
            }
            return String.join("; ", parts);
        }

        private String find(Entity entity) {
            List<String> parts = new ArrayList<>();
            if (!criteria.isEmpty()) {
                parts.add((sort ? "sort " : "filter ") + entity.plural() + " by "
                        + String.join(", ", resolve(entity, criteria)));
            }
            for (Pending pending : thresholds) {
                String field = pending.field().equals(NUMBER) ? numberField(entity) : pending.field();
                boolean date = entity.field(field).map(f -> f.type() == FieldType.DATE).orElse(false);
                parts.add("find " + entity.plural() + " with " + field + " " + (date
                        ? (pending.below() ? "before" : "after") + " a given date"
                        : (pending.below() ? "below" : "above") + " a threshold"));
            }
            return String.join("; ", parts);
        }

        /** @return the field "the first number field" resolved to: see {@link Draft#finish} */
        private static String numberField(Entity entity) {
            return entity.fields().stream().filter(f -> NUMBERS.contains(f.type())).map(Field::name).findFirst()
                    .orElseThrow();
        }

        private List<String> actions(Entity entity) {
            List<String> described = new ArrayList<>();
            for (StatusAction action : entity.statusActions()) {
                if (actions.contains(action.name())) {
                    described.add(action.name() + " (" + switch (action.effect()) {
                        case SET -> "sets " + action.field();
                        case CLEAR -> "clears " + action.field();
                        case TOGGLE -> "toggles " + action.field();
                    } + ")");
                }
            }
            return described;
        }

        private static List<String> resolve(Entity entity, List<String> names) {
            List<String> resolved = new ArrayList<>();
            for (String name : names) {
                List<String> fields = switch (name) {
                    case LABEL -> List.of(entity.label().name());
                    case STATUS -> statusFields(entity);
                    default -> List.of(name);
                };
                for (String field : fields) {
                    if (!resolved.contains(field)) {
                        resolved.add(field);
                    }
                }
            }
            return resolved;
        }

        /** @return the fields "status" means: the status or state field, else those the status actions set */
        static List<String> statusFields(Entity entity) {
            for (String candidate : List.of("status", "state")) {
                if (entity.field(candidate).isPresent()) {
                    return List.of(candidate);
                }
            }
            List<String> set = entity.statusActions().stream().filter(a -> a.effect() == Effect.SET)
                    .map(StatusAction::field).distinct().toList();
            return !set.isEmpty() ? set : entity.statusActions().stream().map(StatusAction::field).distinct()
                    .limit(1).toList();
        }
    }

    /** A threshold query whose field may still be {@value #NUMBER}, "the first number field". */
    private record Pending(String field, boolean below) {
    }

    /** An entity while the features are merged into it. */
    private static final class Draft {
        final String name;
        final Map<String, Field> fields = new LinkedHashMap<>();
        final EnumSet<Operation> ops = EnumSet.copyOf(Entity.BASELINE);
        final Map<String, StatusSpec> actions = new LinkedHashMap<>();
        final Set<String> filters = new LinkedHashSet<>();
        final Set<String> sorts = new LinkedHashSet<>();
        final Set<String> updates = new LinkedHashSet<>();
        final EnumSet<AggregateKind> aggregates = EnumSet.noneOf(AggregateKind.class);
        final Set<Pending> thresholds = new LinkedHashSet<>();
        /** The words of the fields the features give this entity ("a list of ingredients"), whatever their order. */
        final Set<List<String>> declared = new LinkedHashSet<>();
        /** The status values the spec names anywhere ("new -> in progress -> resolved"), lower case. */
        List<String> statusValues = List.of();
        /** The lower-case head words of the spec's entities, to tell a list of other items among fields. */
        Set<String> otherHeads = Set.of();
        /** The values the feature being applied lists for its fields ("a level (beginner, advanced)"). */
        List<ValueList> listed = List.of();
        /** Whether a feature that adds these items was applied already. */
        boolean created;
        int userFields;

        Draft(String name) {
            this.name = name;
        }

        /**
         * A feature that lists the values of one of this entity's level fields ("Task priorities (low, normal,
         * high)") gives the field exactly those values, when they are valid identifiers and no earlier feature gave
         * it others; otherwise the field keeps its values and the feature reports the list as a gap.
         */
        void takeLevelValues(Interpretation interpretation, List<String> notes) {
            for (ValueList list : interpretation.valueLists()) {
                String fieldName = list.criterion() && STATUS_CRITERIA.containsAll(list.fieldWords()) ? null
                        : fieldName(list.fieldWords());
                Field field = fieldName == null ? null : fields.get(fieldName);
                if (field == null || field.type() != FieldType.LEVEL || field.secret() || !field.values().isEmpty()) {
                    continue;
                }
                if (list.criterion() && !list.values().stream().map(v -> v.toUpperCase(Locale.ROOT)).toList()
                        .containsAll(field.levels())) {
                    // "by severity (high, critical)" filters on some values; it does not say which the field has
                    continue;
                }
                Field.levelValues(list.values()).ifPresent(values -> {
                    fields.put(fieldName, field.withValues(values));
                    notes.add(name + "." + fieldName + " accepts " + String.join(", ", values)
                            + ", the values the spec lists.");
                });
            }
        }

        /**
         * @param criterion a criterion's words ("ingredient")
         * @return the field the criterion names under another shape ("listOfIngredients", "tags" for "tag"), or
         *         null when it names a field as it is or none
         */
        private String otherShape(List<String> criterion) {
            String own = fieldName(criterion);
            if (criterion.size() != 1 || own == null || fields.containsKey(own)
                    || STATUS_CRITERIA.contains(criterion.get(0))) {
                return null;
            }
            String word = Inflector.singular(criterion.get(0));
            List<List<String>> candidates = new ArrayList<>(declared);
            fields.keySet().forEach(f -> candidates.add(Naming.words(f)));
            for (List<String> words : candidates) {
                String name = fieldName(words);
                if (name == null || name.equals(own)) {
                    if (name != null) {
                        return null;
                    }
                    continue;
                }
                int of = words.indexOf("of");
                boolean head = words.size() == 1 && Inflector.singular(words.get(0).toLowerCase(Locale.ROOT)).equals(word);
                boolean ofPhrase = of >= 0 && of + 1 < words.size()
                        && Inflector.singular(words.get(of + 1).toLowerCase(Locale.ROOT)).equals(word);
                if (head || ofPhrase) {
                    return name;
                }
            }
            return null;
        }

        /**
         * @param spec a threshold query
         * @return the query on the entity's only date field when a date comparison names just "a date" ("after a
         *         given date" for events with a start date), else the query as it is
         */
        private ThresholdSpec onlyDate(ThresholdSpec spec) {
            if (!spec.date() || !spec.fieldWords().equals(List.of("date")) || fields.containsKey("date")
                    || declared.stream().anyMatch(words -> "date".equals(fieldName(words)))) {
                return spec;
            }
            List<List<String>> dates = declared.stream().filter(words -> FieldType.infer(words) == FieldType.DATE)
                    .map(words -> Naming.words(fieldName(words)).stream().map(w -> w.toLowerCase(Locale.ROOT))
                            .toList())
                    .distinct().toList();
            return dates.size() == 1 ? new ThresholdSpec(dates.get(0), spec.below(), spec.text(), true) : spec;
        }

        /** @return the type the field with these words has or will have, from the features that declare it */
        private FieldType typeOf(List<String> words) {
            String fieldName = fieldName(words);
            Field existing = fields.get(fieldName);
            if (existing != null) {
                return existing.type();
            }
            for (List<String> declaredWords : declared) {
                if (fieldName.equals(fieldName(declaredWords))) {
                    return FieldType.infer(declaredWords);
                }
            }
            return FieldType.infer(words);
        }

        /**
         * @param criterion a criterion's words ("amount")
         * @return the words of the declared field that is the criterion with its unit ("amount in cents" is
         *         {@code amountCents}), or the criterion when it names a field itself or none fits
         */
        private List<String> withUnit(List<String> criterion) {
            String named = fieldName(criterion);
            if (named == null || fields.containsKey(named)
                    || declared.stream().anyMatch(words -> named.equals(fieldName(words)))) {
                return criterion;
            }
            for (List<String> words : declared) {
                if (words.size() > criterion.size() && words.subList(0, criterion.size()).equals(criterion)
                        && words.subList(criterion.size(), words.size()).stream()
                                .allMatch(w -> Lexicon.UNITS.contains(Inflector.singular(w)))) {
                    return words;
                }
            }
            return criterion;
        }

        Applied apply(Interpretation interpretation, List<String> condition, List<String> notes) {
            listed = interpretation.valueLists().stream().filter(list -> !list.criterion()).toList();
            List<Operation> operations = new ArrayList<>(interpretation.operations());
            List<String> gaps = new ArrayList<>();
            String conditionGap = condition.isEmpty() ? null : String.join(" ", condition);
            if (conditionGap != null) {
                // "List unbilled time entries" beside "Log time entries with ...": the item is the time entry, and
                // "unbilled" says which ones
                gaps.add(conditionGap);
            }
            List<List<String>> keptCriteria = new ArrayList<>();
            List<ThresholdSpec> keptThresholds = new ArrayList<>();
            String inside = null;
            if (operations.contains(Operation.FIND)) {
                for (List<String> asked : interpretation.criteria()) {
                    List<String> criterion = withUnit(asked);
                    String shape = otherShape(criterion);
                    String criterionName = fieldName(criterion);
                    boolean invented = shape == null && criterionName != null && !declared.isEmpty()
                            && !fields.containsKey(criterionName) && !STATUS_CRITERIA.contains(criterion.get(0))
                            && declared.stream().noneMatch(words -> criterionName.equals(fieldName(words)));
                    if (invented) {
                        // "Search books by publisher" when books are added with a title and an author
                        String words = String.join(" ", criterion);
                        inside = inside != null ? inside : "'" + words + "' is not a field of " + plural()
                                + ": no feature gives " + plural() + " " + article(words) + words
                                + ", and a search does not invent the field it searches by";
                        gaps.add("by " + words);
                        notes.add("For " + name + ", no feature gives " + plural() + " " + article(words) + words
                                + ", so searching or sorting by it is not generated.");
                    } else if (shape == null) {
                        keptCriteria.add(criterion);
                    } else {
                        inside = "'" + String.join(" ", criterion) + "' is not a field of " + plural() + " but"
                                + " part of their field " + shape + ", and searching inside a field that holds"
                                + " several values is not generated";
                        gaps.add("by " + String.join(" ", criterion));
                        notes.add("For " + name + ", " + inside + ".");
                    }
                }
                for (ThresholdSpec asked : interpretation.thresholds()) {
                    ThresholdSpec spec = onlyDate(asked.fieldWords().isEmpty() ? asked
                            : new ThresholdSpec(withUnit(asked.fieldWords()), asked.below(), asked.text(), asked.date()));
                    String named = spec.fieldWords().isEmpty() ? null : fieldName(spec.fieldWords());
                    if (named == null && !hasNumber()) {
                        // "List requests with a status of 500 or above" names no number field: none is invented
                        notes.add("'" + spec.text() + "' names no field, and no feature gives " + name + " a number"
                                + " field, so its threshold query is not generated.");
                        gaps.add(spec.text());
                        inside = inside != null ? inside : "'" + spec.text() + "' names no field to compare, and "
                                + plural() + " have no number field";
                        continue;
                    }
                    boolean known = named != null && (fields.containsKey(named)
                            || declared.stream().anyMatch(words -> named.equals(fieldName(words))));
                    if (spec.date() && named != null && (known || declared.isEmpty())
                            && typeOf(spec.fieldWords()) != FieldType.DATE) {
                        // "List tasks before a deadline" when the deadline is no date: no date comparison
                        notes.add("'" + spec.text() + "' compares " + named + ", which is not a date field of " + name
                                + ", so its date query is not generated.");
                        gaps.add(spec.text());
                        inside = inside != null ? inside : "'" + spec.text() + "' compares " + named
                                + ", which is not a date field of " + plural();
                    } else if (named != null && !known && !declared.isEmpty()) {
                        // "List products under a budget" when products have a name and a price: no field holds it
                        notes.add("'" + spec.text() + "' names " + String.join(" ", spec.fieldWords()) + ", which no"
                                + " feature gives " + name + ", so its threshold query is not generated.");
                        gaps.add(spec.text());
                        inside = inside != null ? inside : "'" + spec.text() + "' compares "
                                + String.join(" ", spec.fieldWords()) + ", which is not a field of " + plural();
                    } else if (named != null && !Entity.COMPARABLE.contains(typeOf(spec.fieldWords()))) {
                        String field = fieldName(spec.fieldWords());
                        notes.add("'" + spec.text() + "' names " + String.join(" ", spec.fieldWords()) + ", which is"
                                + " not a number or a date field of " + name + ", so its threshold query is not"
                                + " generated.");
                        gaps.add(spec.text());
                        inside = inside != null ? inside : "'" + spec.text() + "' compares " + field
                                + ", which is not a number or a date field of " + plural();
                    } else {
                        keptThresholds.add(spec);
                    }
                }
                boolean asked = !interpretation.criteria().isEmpty() || !interpretation.thresholds().isEmpty();
                if (asked && keptCriteria.isEmpty() && keptThresholds.isEmpty()) {
                    operations.remove(Operation.FIND);
                    if (operations.isEmpty()) {
                        // "Search recipes by ingredient": listing all recipes would not be the search
                        return Applied.rejected(inside);
                    }
                }
            }
            String narrowing = narrowingGap(operations, interpretation, gaps, conditionGap);
            if (narrowing != null) {
                // "List overdue books": listing all books is not what the sentence asks for
                String doing = interpretation.aggregates().contains(AggregateKind.EXPORT) ? "exporting"
                        : operations.contains(Operation.FIND) ? "sorting"
                        : operations.contains(Operation.LIST) ? "listing"
                        : operations.contains(Operation.GET) ? "getting any one of" : "counting";
                String words = String.join(" ", Naming.words(plural()));
                return Applied.rejected(inside != null ? inside : "'" + narrowing + "' says which " + words
                        + " the feature is about, which is not generated, and " + doing
                        + " all " + words + " would not honour it");
            }
            String valueAction = statusValueAction(interpretation);
            if (valueAction != null) {
                if (operations.equals(List.of(Operation.STATUS))) {
                    return Applied.rejected(valueAction);
                }
                operations.remove(Operation.STATUS);
                gaps.add(interpretation.statuses().get(0).action());
            }
            ops.addAll(operations);
            boolean create = interpretation.operations().contains(Operation.CREATE)
                    || interpretation.aggregates().contains(AggregateKind.IMPORT);
            List<String> createFields = new ArrayList<>();
            Set<String> others = new HashSet<>(otherHeads);
            others.remove(Naming.words(name).get(Naming.words(name).size() - 1).toLowerCase(Locale.ROOT));
            boolean first = create && !created;
            created |= create;
            for (FieldHint hint : interpretation.fields()) {
                // only the first feature that adds the items makes its fields required: a later one ("Schedule
                // accepted talks with a start time" after "Submit talks with a title") never makes the first refuse
                String added = addField(hint.words(), null, first && hint.required(), true, notes);
                if (added == null && fieldName(hint.words()) != null) {
                    gaps.add(String.join(" ", hint.words()));
                }
                String shape = added == null ? null : FieldShapes.gap(hint.words(), others);
                if (shape != null && fields.get(added).type() == FieldType.STRING) {
                    // "a list of ingredients", "a start time": one text holds what the spec asks for
                    gaps.add(shape);
                }
                if (added != null && !createFields.contains(added)) {
                    createFields.add(added);
                }
            }
            List<String> updateFields = new ArrayList<>();
            for (FieldHint hint : interpretation.updateFields()) {
                String added = addField(hint.words(), null, false, true, notes);
                if (added == null && fieldName(hint.words()) != null) {
                    gaps.add(String.join(" ", hint.words()));
                }
                if (added != null && fields.get(added).secret()) {
                    // "Update a user's password": the update stores the new one hashed, but a generated test sees
                    // only that it is never returned, never that the change took
                    gaps.add(String.join(" ", hint.words()) + " (hashed when changed; no generated test checks the"
                            + " change)");
                }
                if (added != null) {
                    updates.add(added);
                    updateFields.add(added);
                    if (STATUS_CRITERIA.contains(added) && !statusValues.isEmpty()
                            && fields.get(added).type() != FieldType.LEVEL) {
                        // "Update a parcel's status" when the spec names its values: any text is accepted
                        gaps.add(added + " values (" + String.join(", ", statusValues) + ") not enforced");
                    }
                }
            }
            if (interpretation.labelUpdate()) {
                updates.add(LABEL);
                updateFields.add(LABEL);
            }
            if (interpretation.operations().contains(Operation.UPDATE) && updateFields.isEmpty()) {
                updateFields.addAll(createFields);
            }
            List<String> criteria = new ArrayList<>();
            List<Pending> applied = List.of();
            if (operations.contains(Operation.FIND)) {
                for (List<String> criterion : keptCriteria) {
                    boolean status = criterion.size() == 1 && STATUS_CRITERIA.contains(criterion.get(0));
                    String field = status ? STATUS : addField(criterion, null, false, false, notes);
                    if (status && !statusValues.isEmpty()) {
                        field = namedStatus(notes);
                        if (field == null) {
                            gaps.add("by " + String.join(" ", criterion));
                            continue;
                        }
                    }
                    if (interpretation.sort() && field != null && fields.containsKey(field)
                            && fields.get(field).type() == FieldType.STRING && FieldShapes.momentWithTime(criterion)) {
                        gaps.add("by " + String.join(" ", criterion) + " (sorted as text)");
                    }
                    if (field != null && fields.containsKey(field) && fields.get(field).secret()) {
                        gaps.add("by " + String.join(" ", criterion));
                    } else if (field != null) {
                        criteria.add(field);
                    }
                }
                List<Pending> pendings = new ArrayList<>();
                for (ThresholdSpec spec : keptThresholds) {
                    String field = spec.fieldWords().isEmpty() ? NUMBER
                            : addField(spec.fieldWords(), typeOf(spec.fieldWords()), false, false, notes);
                    if (field != null) {
                        pendings.add(new Pending(field, spec.below()));
                    }
                }
                thresholds.addAll(pendings);
                if (criteria.isEmpty() && pendings.isEmpty()) {
                    criteria.add(LABEL);
                }
                (interpretation.sort() ? sorts : filters).addAll(criteria);
                applied = pendings;
            }
            List<String> actionNames = new ArrayList<>();
            for (StatusSpec spec : valueAction != null ? List.<StatusSpec>of() : interpretation.statuses()) {
                StatusSpec safe = safeAction(spec);
                actions.putIfAbsent(safe.action(), safe);
                actionNames.add(safe.action());
            }
            aggregates.addAll(interpretation.aggregates());
            return new Applied(List.copyOf(operations), createFields, updateFields, criteria,
                    interpretation.sort(), actionNames, interpretation.aggregates(), applied, gaps, null);
        }

        /**
         * A status change whose state is one of the status values the spec names ("Mark parcels as returned" when a
         * parcel's status is one of created, in_transit, delivered, returned; "Close tickets" beside "open -&gt; in
         * progress -&gt; closed") means setting the status to that value. The simple backend generates status
         * changes only as yes/no fields, and a yes/no field {@code returned} beside the status would contradict it
         * (a parcel in transit and returned), so none is generated.
         *
         * @return why the status change is not generated, or null when it names no such value
         */
        private String statusValueAction(Interpretation interpretation) {
            List<String> values = namedStatusValues();
            if (values.isEmpty()) {
                return null;
            }
            for (StatusSpec spec : interpretation.statuses()) {
                String state = spec.field();
                if (state == null) {
                    continue;
                }
                String upper = state.replace(' ', '_').replace('-', '_').toUpperCase(Locale.ROOT);
                if (!values.contains(upper)) {
                    continue;
                }
                String field = fields.containsKey("state") && !fields.containsKey("status") ? "state" : "status";
                String words = String.join(" ", Naming.words(plural())).toLowerCase(Locale.ROOT);
                return "'" + state.replace('_', ' ') + "' is one of the values of the " + field + " of " + words + " ("
                        + String.join(", ", values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList())
                        + "), so this " + (spec.effect() == Effect.CLEAR ? "takes that value away from" : "sets")
                        + " the " + field + "; an action that sets the " + field + " to one value is not generated,"
                        + " and a separate yes/no field '" + state + "' would contradict the " + field + ". A feature"
                        + " such as 'Update the " + field + " of " + words + "' lets a client set it to "
                        + upper + " through the update";
            }
            return null;
        }

        /**
         * @return the values the entity's status means, upper case: those of its status or state level field, else
         *         those the spec names anywhere when they can be a level field's; empty when none
         */
        private List<String> namedStatusValues() {
            for (String existing : List.of("status", "state")) {
                Field field = fields.get(existing);
                if (field != null && field.type() == FieldType.LEVEL && !field.values().isEmpty()) {
                    return field.values();
                }
            }
            return Field.levelValues(statusValues).orElse(List.of());
        }

        /**
         * When the spec names status values ("new -&gt; in progress -&gt; resolved"), "status" is a field holding one of
         * them, not the yes/no field {@code completed}.
         *
         * @return the status field, or null when the values cannot be a level field's
         */
        private String namedStatus(List<String> notes) {
            for (String existing : List.of("status", "state")) {
                if (fields.containsKey(existing)) {
                    return existing;
                }
            }
            List<String> values = Field.levelValues(statusValues).orElse(null);
            if (values == null) {
                notes.add(name + " was given no status: the spec names the status values "
                        + String.join(", ", statusValues) + ", which no generated field can hold.");
                return null;
            }
            fields.put("status", new Field("status", FieldType.LEVEL, false).withValues(values));
            notes.add(name + ".status accepts " + String.join(", ", values) + ", the status values the spec names.");
            return "status";
        }

        /** @return true if the entity has or will have a number field */
        private boolean hasNumber() {
            return fields.values().stream().anyMatch(f -> NUMBERS.contains(f.type()))
                    || declared.stream().anyMatch(words -> NUMBERS.contains(FieldType.infer(words)));
        }

        /**
         * A feature whose only honoured part is listing or counting all items, while a left-over phrase says which
         * items it means ("List overdue books", "Show the number of open tickets", "List recipes by ingredient"),
         * is not implemented: the qualifier was the point of the sentence.
         *
         * @return the first such phrase, or null
         */
        private static String narrowingGap(List<Operation> operations, Interpretation interpretation,
                List<String> gaps, String condition) {
            // a list, a get, a sort, a count or an export over all items: what it leaves over says which items
            boolean generic = !operations.isEmpty() && operations.stream().allMatch(op -> op == Operation.LIST
                    || op == Operation.GET
                    || (op == Operation.FIND && interpretation.sort())
                    || (op == Operation.AGGREGATE && Set.of(AggregateKind.SUMMARY, AggregateKind.EXPORT)
                            .containsAll(interpretation.aggregates())));
            if (!generic) {
                return null;
            }
            if (condition != null) {
                return condition;
            }
            return Stream.concat(interpretation.gaps().stream(), gaps.stream()).filter(FeatureInterpreter::narrows)
                    .findFirst().orElse(null);
        }

        private static String article(String words) {
            return "aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ";
        }

        private StatusSpec safeAction(StatusSpec spec) {
            String action = spec.action();
            if (!Naming.isMember(action) || ReservedNames.ACTIONS.contains(action)) {
                action = "mark" + Naming.capitalize(action);
            }
            String field = spec.field();
            if (field != null && (!Naming.isMember(field) || ReservedNames.FIELDS.contains(field))) {
                field = "is" + Naming.capitalize(field);
            }
            return new StatusSpec(action, field, spec.effect());
        }

        /** Adds a field, or finds the one already there; returns its name, or null if it was left out. */
        private String addField(List<String> fieldWords, FieldType forced, boolean required, boolean counts,
                List<String> notes) {
            String fieldName = fieldName(fieldWords);
            if (fieldName == null) {
                return null;
            }
            Field existing = fields.get(fieldName);
            if (existing != null) {
                if (required && !existing.required()) {
                    fields.put(fieldName, new Field(fieldName, existing.type(), true, existing.secret()));
                }
                return fieldName;
            }
            if (counts && userFields >= MAX_FIELDS) {
                notes.add("Field " + fieldName + " of " + name + " was left out: the simple backend takes at most "
                        + MAX_FIELDS + " fields per entity from the features.");
                return null;
            }
            FieldType type = forced != null ? forced : FieldType.infer(fieldWords);
            List<String> levels = forced != null ? null : levelsOf(fieldWords, type);
            if (levels != null) {
                // "a status (created, in_transit, delivered)", "a level (beginner, advanced)": one of those values
                fields.put(fieldName, new Field(fieldName, FieldType.LEVEL, required).withValues(levels));
                notes.add(name + "." + fieldName + " accepts " + String.join(", ", levels)
                        + ", the values the spec lists.");
                if (counts) {
                    userFields++;
                }
                return fieldName;
            }
            fields.put(fieldName, new Field(fieldName, type, required,
                    type == FieldType.STRING && Field.holdsSecret(fieldWords)));
            if (counts) {
                userFields++;
            }
            return fieldName;
        }

        /**
         * A text field holds one of the values the spec names for it: those listed after it ("a status (created,
         * in_transit, delivered)"), or, for a status or state, those the spec names for the status anywhere ("open
         * -&gt; in progress -&gt; closed").
         *
         * @return the values, upper case, or null when the field is no such field or they are no valid level values
         */
        private List<String> levelsOf(List<String> fieldWords, FieldType type) {
            if ((type != FieldType.STRING && type != FieldType.LEVEL) || Field.holdsSecret(fieldWords)) {
                return null;
            }
            String own = fieldName(fieldWords);
            for (ValueList list : listed) {
                if (own.equals(fieldName(list.fieldWords()))) {
                    return Field.levelValues(list.values()).orElse(null);
                }
            }
            boolean status = fieldWords.size() == 1 && Set.of("status", "state").contains(fieldWords.get(0));
            return status ? Field.levelValues(statusValues).orElse(null) : null;
        }

        static String fieldName(List<String> fieldWords) {
            String fieldName = Naming.camel(fieldWords);
            if (fieldName.length() > 36) {
                fieldName = fieldName.substring(0, 36);
            }
            if (fieldName.isEmpty() || fieldName.equals("id") || fieldName.equals("identifier")) {
                return null;
            }
            if (!Naming.isMember(fieldName) || ReservedNames.FIELDS.contains(fieldName)) {
                fieldName = fieldName + "Value";
            }
            return fieldName;
        }

        Entity finish(List<String> notes) {
            List<Threshold> resolvedThresholds = new ArrayList<>();
            for (Pending pending : thresholds) {
                String field = pending.field();
                if (field.equals(NUMBER)) {
                    // the first number field once required fields come first, as the entity lists them
                    field = Stream.concat(fields.values().stream().filter(Field::required),
                            fields.values().stream().filter(f -> !f.required()))
                            .filter(f -> NUMBERS.contains(f.type())).map(Field::name).findFirst().orElse(null);
                    if (field == null) {
                        continue;
                    }
                }
                Threshold threshold = new Threshold(field, pending.below());
                if (!resolvedThresholds.contains(threshold)) {
                    resolvedThresholds.add(threshold);
                }
            }
            if (fields.values().stream().noneMatch(f -> f.type() == FieldType.STRING && !f.secret())) {
                Map<String, Field> withLabel = new LinkedHashMap<>();
                // optional: a client that sends exactly the fields the spec names is never refused for it
                withLabel.put("name", new Field("name", FieldType.STRING, false));
                if (fields.isEmpty()) {
                    withLabel.put("description", new Field("description", FieldType.STRING, false));
                }
                fields.forEach(withLabel::putIfAbsent);
                fields.clear();
                fields.putAll(withLabel);
                notes.add(name + " got a " + (withLabel.containsKey("description") ? "name and a description"
                        : "name") + " (optional) because no feature gives it a text field.");
            }
            if (fields.values().stream().anyMatch(Field::required)) {
                Map<String, Field> requiredFirst = new LinkedHashMap<>();
                fields.values().stream().filter(Field::required).forEach(f -> requiredFirst.put(f.name(), f));
                fields.forEach(requiredFirst::putIfAbsent);
                fields.clear();
                fields.putAll(requiredFirst);
            }
            String label = fields.values().stream().filter(f -> f.type() == FieldType.STRING && !f.secret()).findFirst()
                    .orElseThrow().name();
            String defaultStatus = actions.values().stream()
                    .filter(a -> a.field() != null && a.effect() == Effect.SET).map(StatusSpec::field).findFirst()
                    .orElse("completed");
            boolean statusCriterion = filters.contains(STATUS) || sorts.contains(STATUS);
            String statusField = fields.containsKey("status") ? "status"
                    : fields.containsKey("state") ? "state" : null;
            if (statusCriterion && statusField == null) {
                if (actions.values().stream().noneMatch(a -> a.effect() == Effect.SET)) {
                    actions.put("complete", new StatusSpec("complete", "completed", Effect.SET));
                    ops.add(Operation.STATUS);
                    notes.add(name + " can be filtered by status, so it got the status field completed and the"
                            + " status action complete.");
                }
            }
            List<StatusAction> statusActions = new ArrayList<>();
            for (StatusSpec spec : actions.values()) {
                String field = spec.field() == null ? defaultStatus : spec.field();
                Field existing = fields.get(field);
                if (existing != null && existing.type() != FieldType.BOOLEAN) {
                    field = "is" + Naming.capitalize(field);
                    existing = fields.get(field);
                }
                if (existing == null) {
                    fields.put(field, new Field(field, FieldType.BOOLEAN, false));
                }
                statusActions.add(new StatusAction(spec.action(), field, spec.effect()));
            }
            List<String> statusFields = statusField != null ? List.of(statusField) : statusActions.stream()
                    .filter(a -> a.effect() == Effect.SET).map(StatusAction::field).distinct().toList();
            return new Entity(name, plural(), List.copyOf(fields.values()), ops, statusActions,
                    resolve(filters, label, statusFields), resolve(sorts, label, statusFields),
                    resolve(updates, label, statusFields), aggregates, resolvedThresholds);
        }

        private static List<String> resolve(Set<String> names, String label, List<String> statusFields) {
            Set<String> resolved = new LinkedHashSet<>();
            for (String n : names) {
                if (n.equals(LABEL)) {
                    resolved.add(label);
                } else if (n.equals(STATUS)) {
                    resolved.addAll(statusFields);
                } else {
                    resolved.add(n);
                }
            }
            return List.copyOf(resolved);
        }

        private String plural() {
            List<String> all = Naming.words(name);
            List<String> pluralWords = new ArrayList<>(all.subList(0, all.size() - 1));
            pluralWords.add(Inflector.plural(all.get(all.size() - 1)));
            String plural = Naming.camel(pluralWords);
            return Naming.JAVA_KEYWORDS.contains(plural) ? plural + "List" : plural;
        }
    }
}

package dev.thefactory.fallbacks.internal.domain;

import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An entity of the derived domain: its fields and what the features ask to do with it. The compact constructor
 * checks that everything is consistent (every referenced field exists and has the right type), so an entity
 * decoded from facts is as safe as one derived from a spec. Immutable and thread-safe; no component is null.
 *
 * @param name          an upper-camel type name, such as {@code Task}
 * @param plural        the lower-camel plural, such as {@code tasks} or {@code shoppingItems}
 * @param fields        the fields in order (without the id); at least one is a {@link FieldType#STRING string}
 *                      that holds no secret
 * @param operations    what can be done; always contains create, list and get
 * @param statusActions the status changes offered
 * @param filterFields  fields items can be filtered by
 * @param sortFields    fields items can be sorted by
 * @param updateFields  fields with their own setter (besides the general update)
 * @param aggregates    the aggregate operations offered
 * @param thresholds    the threshold queries offered ("quantity below a given value"), on number or date fields
 */
public record Entity(String name, String plural, List<Field> fields, Set<Operation> operations,
        List<StatusAction> statusActions, List<String> filterFields, List<String> sortFields,
        List<String> updateFields, Set<AggregateKind> aggregates, List<Threshold> thresholds) {

    /** The field types a threshold query can compare. */
    public static final Set<FieldType> COMPARABLE = Collections.unmodifiableSet(
            EnumSet.of(FieldType.INT, FieldType.LONG, FieldType.DECIMAL, FieldType.DATE,
                    FieldType.DATE_TIME));

    /** The operations every entity supports, whatever the features say. */
    public static final Set<Operation> BASELINE = Collections.unmodifiableSet(
            EnumSet.of(Operation.CREATE, Operation.LIST, Operation.GET));

    /** @throws IllegalArgumentException when the parts do not fit together */
    public Entity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(plural, "plural");
        if (!Naming.isType(name) || ReservedNames.TYPES.contains(name)) {
            throw new IllegalArgumentException("entity name must be an upper-camel type name that is not reserved"
                    + " but was '" + name + "'");
        }
        if (!Naming.isMember(plural) || plural.equals(Naming.decapitalize(name))) {
            throw new IllegalArgumentException("plural of " + name + " must be a lower-camel identifier different"
                    + " from the singular but was '" + plural + "'");
        }
        fields = List.copyOf(fields);
        Set<String> names = new HashSet<>();
        for (Field field : fields) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("entity " + name + " has field '" + field.name() + "' twice");
            }
        }
        if (fields.stream().noneMatch(f -> f.type() == FieldType.STRING && !f.secret())) {
            throw new IllegalArgumentException("entity " + name + " needs at least one string field that holds no"
                    + " secret");
        }
        EnumSet<Operation> ops = EnumSet.noneOf(Operation.class);
        ops.addAll(operations);
        if (!ops.containsAll(BASELINE)) {
            throw new IllegalArgumentException("entity " + name + " must support create, list and get but has "
                    + ops);
        }
        operations = Collections.unmodifiableSet(ops);
        statusActions = List.copyOf(statusActions);
        filterFields = List.copyOf(filterFields);
        sortFields = List.copyOf(sortFields);
        updateFields = List.copyOf(updateFields);
        EnumSet<AggregateKind> kinds = EnumSet.noneOf(AggregateKind.class);
        kinds.addAll(aggregates);
        aggregates = Collections.unmodifiableSet(kinds);
        Set<String> actions = new HashSet<>();
        for (StatusAction action : statusActions) {
            requireField(name, fields, action.field(), FieldType.BOOLEAN, "status action " + action.name());
            if (!actions.add(action.name())) {
                throw new IllegalArgumentException("entity " + name + " has status action '" + action.name()
                        + "' twice");
            }
        }
        requireOperation(name, ops, Operation.STATUS, !statusActions.isEmpty(), "status actions");
        thresholds = List.copyOf(thresholds);
        if (new HashSet<>(thresholds).size() != thresholds.size()) {
            throw new IllegalArgumentException("entity " + name + " lists a threshold query twice in " + thresholds);
        }
        for (Threshold threshold : thresholds) {
            requireField(name, fields, threshold.field(), null, "threshold query " + threshold.name());
            FieldType type = fields.stream().filter(f -> f.name().equals(threshold.field())).findFirst()
                    .orElseThrow().type();
            if (!COMPARABLE.contains(type)) {
                throw new IllegalArgumentException("threshold query " + threshold.name() + " of entity " + name
                        + " needs a number or date field but " + threshold.field() + " is " + type.code());
            }
        }
        requireOperation(name, ops, Operation.FIND, !filterFields.isEmpty() || !sortFields.isEmpty()
                || !thresholds.isEmpty(), "filter, sort or threshold queries");
        if (!updateFields.isEmpty() && !ops.contains(Operation.UPDATE)) {
            throw new IllegalArgumentException("entity " + name + " has update fields but no update operation");
        }
        requireOperation(name, ops, Operation.AGGREGATE, !kinds.isEmpty(), "aggregates");
        for (List<String> list : List.of(filterFields, sortFields, updateFields)) {
            if (new HashSet<>(list).size() != list.size()) {
                throw new IllegalArgumentException("entity " + name + " lists a field twice in " + list);
            }
            for (String field : list) {
                requireField(name, fields, field, null, "operation");
            }
        }
        for (String field : concat(filterFields, sortFields)) {
            if (fields.stream().anyMatch(f -> f.name().equals(field) && f.secret())) {
                throw new IllegalArgumentException("entity " + name + " cannot filter or sort by the secret field '"
                        + field + "'");
            }
        }
    }

    private static void requireField(String entity, List<Field> fields, String field, FieldType type, String user) {
        Optional<Field> found = fields.stream().filter(f -> f.name().equals(field)).findFirst();
        if (found.isEmpty()) {
            throw new IllegalArgumentException(user + " of entity " + entity + " refers to unknown field '"
                    + field + "'");
        }
        if (type != null && found.get().type() != type) {
            throw new IllegalArgumentException(user + " of entity " + entity + " needs field '" + field
                    + "' to be " + type.code() + " but it is " + found.get().type().code());
        }
    }

    private static void requireOperation(String entity, Set<Operation> ops, Operation op, boolean needed,
            String what) {
        if (needed != ops.contains(op)) {
            throw new IllegalArgumentException("entity " + entity + " has " + (needed ? "" : "no ") + what
                    + " but operation " + op.code() + " is " + (ops.contains(op) ? "present" : "absent"));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * @return the first string field that holds no secret: the entity's label (a task's title, a category's name)
     */
    public Field label() {
        return fields.stream().filter(f -> f.type() == FieldType.STRING && !f.secret()).findFirst().orElseThrow();
    }

    /**
     * @param fieldName a field's name
     * @return the field, if the entity has it
     */
    public Optional<Field> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /**
     * @param operation an operation
     * @return true if the entity offers it
     */
    public boolean has(Operation operation) {
        return operations.contains(operation);
    }

    /**
     * @param kind an aggregate
     * @return true if the entity offers it
     */
    public boolean has(AggregateKind kind) {
        return aggregates.contains(kind);
    }

    /** @return the fields that must have a value when an item is created */
    public List<Field> requiredFields() {
        return fields.stream().filter(Field::required).toList();
    }
}

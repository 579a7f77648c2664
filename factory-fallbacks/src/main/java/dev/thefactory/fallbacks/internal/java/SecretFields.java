package dev.thefactory.fallbacks.internal.java;

import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.Field;
import dev.thefactory.fallbacks.internal.domain.FieldType;
import dev.thefactory.fallbacks.internal.domain.Operation;
import dev.thefactory.fallbacks.internal.domain.Threshold;
import dev.thefactory.fallbacks.internal.layout.ProjectInput;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Makes a domain's secret fields safe to generate: a secret is text (its salted hash), nothing filters, sorts or
 * compares by it, since only its hash is kept, and it is never an entity's label (the text shown for an item): the
 * first text field that is not secret comes first, or an optional {@code name} is added. A domain without secrets is returned as it is. Stateless and
 * thread-safe.
 */
final class SecretFields {

    private SecretFields() {
    }

    static ProjectInput normalize(ProjectInput in) {
        Domain domain = in.domain();
        if (domain.entities().stream().flatMap(e -> e.fields().stream()).noneMatch(Field::secret)) {
            return in;
        }
        List<Entity> entities = new ArrayList<>();
        for (Entity e : domain.entities()) {
            entities.add(normalize(e));
        }
        return new ProjectInput(in.spec(), new Domain(entities, domain.features(), domain.notes()), in.architecture(),
                in.facts());
    }

    private static Entity normalize(Entity e) {
        if (e.fields().stream().noneMatch(Field::secret)) {
            return e;
        }
        List<Field> fields = new ArrayList<>(e.fields().stream().map(f -> f.secret() && f.type() != FieldType.STRING
                ? new Field(f.name(), FieldType.STRING, f.required(), true) : f).toList());
        // the label (the first text field) is shown everywhere, so it must not be a secret
        Field visible = fields.stream().filter(f -> f.type() == FieldType.STRING && !f.secret()).findFirst()
                .orElse(null);
        if (visible == null) {
            visible = new Field(fields.stream().anyMatch(f -> f.name().equals("name")) ? "label" : "name",
                    FieldType.STRING, false);
        } else {
            fields.remove(visible);
        }
        fields.add(0, visible);
        List<String> secret = fields.stream().filter(Field::secret).map(Field::name).toList();
        List<String> filters = e.filterFields().stream().filter(f -> !secret.contains(f)).toList();
        List<String> sorts = e.sortFields().stream().filter(f -> !secret.contains(f)).toList();
        List<Threshold> thresholds = e.thresholds().stream().filter(t -> !secret.contains(t.field())).toList();
        Set<Operation> ops = EnumSet.copyOf(e.operations());
        if (filters.isEmpty() && sorts.isEmpty() && thresholds.isEmpty()) {
            ops.remove(Operation.FIND);
        }
        return new Entity(e.name(), e.plural(), fields, ops, e.statusActions(), filters, sorts, e.updateFields(),
                e.aggregates(), thresholds);
    }
}

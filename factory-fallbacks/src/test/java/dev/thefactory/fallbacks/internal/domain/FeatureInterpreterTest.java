package dev.thefactory.fallbacks.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.fallbacks.internal.domain.FeatureInterpreter.FieldHint;
import dev.thefactory.fallbacks.internal.domain.FeatureInterpreter.Interpretation;
import dev.thefactory.fallbacks.internal.domain.FeatureInterpreter.StatusSpec;
import dev.thefactory.fallbacks.internal.domain.FeatureInterpreter.ThresholdSpec;
import dev.thefactory.fallbacks.internal.domain.StatusAction.Effect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** How single feature sentences of larger specs are read: status verbs, queries, transfers and attachments. */
class FeatureInterpreterTest {

    private final FeatureInterpreter interpreter = new FeatureInterpreter();

    @ParameterizedTest
    @CsvSource({
        "Cancel customer orders, customer order, cancel, cancelled",
        "Ship customer orders, customer order, ship, shipped",
        "Receive purchase orders, purchase order, receive, received",
        "Deliver shipments, shipment, deliver, delivered",
        "Reject invoices, invoice, reject, rejected",
        "Approve expense reports, expense report, approve, approved",
        "Close tickets, ticket, close, closed",
        "Archive delivered shipments, shipment, archive, archived",
        "Complete tasks, task, complete, completed",
        "Mark purchase orders received, purchase order, receive, received",
        "Mark customer orders as shipped, customer order, ship, shipped",
        "Mark orders cancelled, order, cancel, cancelled",
        "Mark invoices as disputed, invoice, markDisputed, disputed"})
    void aStatusVerbBecomesAnActionOfTheEntityAfterIt(String feature, String entity, String action, String field) {
        Interpretation it = interpreter.interpret(feature);
        assertThat(it.understood()).isTrue();
        assertThat(it.operations()).containsExactly(Operation.STATUS);
        assertThat(String.join(" ", it.entityWords())).isEqualTo(entity);
        assertThat(it.statuses()).containsExactly(new StatusSpec(action, field, Effect.SET));
    }

    @Test
    void reopeningClearsTheStatus() {
        assertThat(interpreter.interpret("Reopen closed tickets").statuses())
                .containsExactly(new StatusSpec("reopen", null, Effect.CLEAR));
        assertThat(interpreter.interpret("Reopen closed tickets").entityWords()).containsExactly("ticket");
    }

    @Test
    void belowAndAboveAThresholdAreQueriesOnANumberField() {
        Interpretation stock = interpreter.interpret("List stock below a threshold");
        assertThat(stock.entityWords()).containsExactly("stock");
        assertThat(stock.operations()).containsExactly(Operation.LIST, Operation.FIND);
        assertThat(stock.thresholds()).containsExactly(new ThresholdSpec(List.of(), true, "below a threshold"));
        assertThat(stock.criteria()).isEmpty();

        Interpretation price = interpreter.interpret("Find products above a price");
        assertThat(price.entityWords()).containsExactly("product");
        assertThat(price.operations()).containsExactly(Operation.FIND);
        assertThat(price.thresholds()).containsExactly(new ThresholdSpec(List.of("price"), false, "above a price"));

        assertThat(interpreter.interpret("Show items under the given limit").thresholds())
                .containsExactly(new ThresholdSpec(List.of(), true, "under the given limit"));
        assertThat(interpreter.interpret("List products below a reorder threshold").thresholds())
                .containsExactly(new ThresholdSpec(List.of("reorder"), true, "below a reorder threshold"));
    }

    @Test
    void perAnEntityIsACriterionOfTheQuery() {
        Interpretation it = interpreter.interpret("Count orders per customer");
        assertThat(it.entityWords()).containsExactly("order");
        assertThat(it.operations()).containsExactly(Operation.AGGREGATE, Operation.FIND);
        assertThat(it.criteria()).containsExactly(List.of("customer"));
        assertThat(it.aggregates()).containsExactly(AggregateKind.SUMMARY);

        Interpretation list = interpreter.interpret("List stock levels per warehouse");
        assertThat(list.entityWords()).containsExactly("stock", "level");
        assertThat(list.operations()).containsExactly(Operation.LIST, Operation.FIND);
        assertThat(list.criteria()).containsExactly(List.of("warehouse"));
    }

    @Test
    void theThingsACreatedItemBelongsToBecomeFields() {
        Interpretation stock = interpreter.interpret("Record stock levels of products per warehouse");
        assertThat(stock.operations()).containsExactly(Operation.CREATE);
        assertThat(stock.entityWords()).containsExactly("stock", "level");
        // required, as the fields of a "with" list are: a stock level of no product is no stock level
        assertThat(stock.fields()).containsExactly(new FieldHint(List.of("product"), true),
                new FieldHint(List.of("warehouse"), true));

        Interpretation order = interpreter.interpret("Create purchase orders to suppliers");
        assertThat(order.entityWords()).containsExactly("purchase", "order");
        assertThat(order.fields()).containsExactly(new FieldHint(List.of("supplier"), true));

        Interpretation returns = interpreter.interpret("Record returns of shipped orders");
        assertThat(returns.entityWords()).containsExactly("return");
        assertThat(returns.fields()).containsExactly(new FieldHint(List.of("order"), true));

        assertThat(interpreter.interpret("Add tasks for today").fields()).isEmpty();
    }

    @Test
    void transfersAndAssignmentsSetTheTargetField() {
        Interpretation transfer = interpreter.interpret("Transfer stock between warehouses");
        assertThat(transfer.operations()).containsExactly(Operation.UPDATE);
        assertThat(transfer.entityWords()).containsExactly("stock");
        assertThat(transfer.updateFields()).containsExactly(new FieldHint(List.of("warehouse"), false));

        Interpretation assign = interpreter.interpret("Assign employees to warehouses");
        assertThat(assign.entityWords()).containsExactly("employee");
        assertThat(assign.updateFields()).containsExactly(new FieldHint(List.of("warehouse"), false));

        Interpretation move = interpreter.interpret("Move tasks to another project");
        assertThat(move.entityWords()).containsExactly("task");
        assertThat(move.updateFields()).containsExactly(new FieldHint(List.of("project"), false));
    }

    @Test
    void addingAFieldNounToAnEntityGivesTheEntityThatField() {
        Interpretation notes = interpreter.interpret("Add notes to customer orders");
        assertThat(notes.operations()).containsExactly(Operation.UPDATE);
        assertThat(notes.entityWords()).containsExactly("customer", "order");
        assertThat(notes.updateFields()).containsExactly(new FieldHint(List.of("notes"), false));

        Interpretation tags = interpreter.interpret("Tag products with categories");
        assertThat(tags.operations()).containsExactly(Operation.UPDATE);
        assertThat(tags.entityWords()).containsExactly("product");
        assertThat(tags.updateFields()).containsExactly(new FieldHint(List.of("categories"), false));
        assertThat(tags.fields()).isEmpty();
    }

    @Test
    void aVerbFormBeforeANounIsPartOfTheName() {
        assertThat(interpreter.interpret("Add shipping addresses with a street").entityWords())
                .containsExactly("shipping", "address");
        assertThat(interpreter.interpret("List tasks using tags").entityWords()).containsExactly("task");
        assertThat(interpreter.interpret("List received payments").entityWords()).containsExactly("payment");
    }

    @Test
    void aContainerIsNoReference() {
        Interpretation it = interpreter.interpret("Add items to the shopping list");
        assertThat(it.entityWords()).containsExactly("item");
        assertThat(it.fields()).isEmpty();
        assertThat(interpreter.interpret("Create invoices for customers").fields())
                .containsExactly(new FieldHint(List.of("customer"), true));
    }

    @Test
    void theSmallFeaturesReadAsBefore() {
        Interpretation add = interpreter.interpret("Add tasks with a title and an optional due date");
        assertThat(add.operations()).containsExactly(Operation.CREATE);
        assertThat(add.entityWords()).containsExactly("task");
        assertThat(add.fields()).containsExactly(new FieldHint(List.of("title"), true),
                new FieldHint(List.of("due", "date"), false));
        assertThat(interpreter.interpret("Filter tasks by status (open, completed)").criteria())
                .containsExactly(List.of("status"));
        assertThat(interpreter.interpret("Mark tasks complete").statuses())
                .containsExactly(new StatusSpec("complete", "completed", Effect.SET));
        assertThat(interpreter.interpret("Be fast").understood()).isFalse();
    }
}

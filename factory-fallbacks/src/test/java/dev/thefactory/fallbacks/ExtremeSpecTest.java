package dev.thefactory.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.thefactory.api.ProjectType;
import dev.thefactory.fallbacks.internal.domain.AggregateKind;
import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.domain.DomainBuilder;
import dev.thefactory.fallbacks.internal.domain.DomainCodec;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.Field;
import dev.thefactory.fallbacks.internal.domain.FeatureMapping;
import dev.thefactory.fallbacks.internal.domain.FieldType;
import dev.thefactory.fallbacks.internal.domain.Operation;
import dev.thefactory.fallbacks.internal.domain.StatusAction;
import dev.thefactory.fallbacks.internal.domain.StatusAction.Effect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The domain the simple backend derives from {@code examples/specs/example_extreme.md}: every one of its 32 features
 * lands on the entity it is about, as the operation it asks for (regression for "StockBelow", "Cancel" and
 * "PurchaseOrdersReceived" entities and for real entities dropped by a cap of 8).
 */
class ExtremeSpecTest {

    private final Domain domain = new DomainBuilder().build(Specs.extreme(ProjectType.API_SERVICE));

    private Entity entity(String name) {
        return domain.entity(name).orElseThrow(() -> new AssertionError("no entity " + name));
    }

    @Test
    void theSpecsFeaturesAreThoseOfTheExampleFile() throws Exception {
        List<String> core = new ArrayList<>();
        List<String> extended = new ArrayList<>();
        List<String> into = null;
        for (String line : Files.readAllLines(Path.of("..", "examples", "specs", "example_extreme.md"),
                StandardCharsets.UTF_8)) {
            if (line.startsWith("### Core")) {
                into = core;
            } else if (line.startsWith("### Extended")) {
                into = extended;
            } else if (line.startsWith("## ")) {
                into = null;
            } else if (into != null && line.startsWith("- ")) {
                into.add(line.substring(2).strip());
            }
        }
        assertThat(core).isEqualTo(Specs.EXTREME_CORE);
        assertThat(extended).isEqualTo(Specs.EXTREME_EXTENDED);
    }

    @Test
    void everyNounBecomesTheRightEntity() {
        assertThat(domain.entities()).extracting(Entity::name).containsExactly("Product", "Warehouse", "StockLevel",
                "Supplier", "PurchaseOrder", "CustomerOrder", "Customer", "Employee", "Return");
        assertThat(domain.features()).filteredOn(f -> !f.text().equals("Archive delivered shipments")
                && !f.text().equals("Count orders per customer") && !f.text().equals("List stock below a threshold"))
                .allMatch(FeatureMapping::supported);
        // no feature gives customer orders a customer, and a count does not invent the field it groups by
        assertThat(domain.features()).filteredOn(f -> f.text().equals("Count orders per customer"))
                .singleElement().matches(f -> !f.supported()
                        && f.detail().contains("no feature gives customerOrders a customer"), "not invented");
        assertThat(domain.features()).filteredOn(f -> f.text().equals("Archive delivered shipments"))
                .singleElement().matches(f -> !f.supported() && f.detail().contains("no feature says what a shipment"));
    }

    @Test
    void everyFeatureMapsToItsEntityAndOperations() {
        assertThat(domain.features()).extracting(FeatureMapping::entity, FeatureMapping::operations).containsExactly(
                tuple("Product", List.of(Operation.CREATE)),
                tuple("Product", List.of(Operation.LIST)),
                tuple("Product", List.of(Operation.UPDATE)),
                tuple("Product", List.of(Operation.DELETE)),
                tuple("Warehouse", List.of(Operation.CREATE)),
                tuple("Warehouse", List.of(Operation.LIST)),
                tuple("StockLevel", List.of(Operation.CREATE)),
                // "List stock below a threshold" names no field, and no feature gives stock levels a number:
                // listing all of them would not honour the threshold, which was the point of the sentence
                tuple(null, List.of()),
                tuple("Supplier", List.of(Operation.CREATE)),
                tuple("Supplier", List.of(Operation.LIST)),
                tuple("PurchaseOrder", List.of(Operation.CREATE)),
                tuple("PurchaseOrder", List.of(Operation.STATUS)),
                tuple("CustomerOrder", List.of(Operation.CREATE)),
                tuple("CustomerOrder", List.of(Operation.LIST)),
                tuple("CustomerOrder", List.of(Operation.STATUS)),
                tuple("CustomerOrder", List.of(Operation.STATUS)),
                tuple("Customer", List.of(Operation.CREATE)),
                tuple("Customer", List.of(Operation.LIST)),
                tuple("Customer", List.of(Operation.DELETE)),
                tuple("Employee", List.of(Operation.CREATE)),
                tuple("Employee", List.of(Operation.LIST)),
                tuple("Employee", List.of(Operation.UPDATE)),
                tuple("Product", List.of(Operation.FIND)),
                tuple("CustomerOrder", List.of(Operation.FIND)),
                tuple("StockLevel", List.of(Operation.AGGREGATE)),
                // no feature adds shipments, so archiving them invents no entity
                tuple(null, List.of()),
                // nor does a count per customer invent the customer of an order
                tuple(null, List.of()),
                tuple("Product", List.of(Operation.UPDATE)),
                tuple("Supplier", List.of(Operation.FIND)),
                tuple("Return", List.of(Operation.CREATE)),
                tuple("CustomerOrder", List.of(Operation.UPDATE)),
                tuple("StockLevel", List.of(Operation.UPDATE)));
        assertThat(domain.features().get(7).supported()).isFalse();
        assertThat(domain.features().get(7).detail()).isEqualTo("not generated by the simple backend: 'below a"
                + " threshold' names no field to compare, and stockLevels have no number field");
        assertThat(domain.features().get(11).detail())
                .isEqualTo("status change of PurchaseOrder: receive (sets received)");
        assertThat(domain.features().get(14).detail())
                .isEqualTo("status change of CustomerOrder: cancel (sets cancelled)");
        assertThat(domain.features().get(15).detail())
                .isEqualTo("status change of CustomerOrder: ship (sets shipped)");
    }

    @Test
    void stockLevelsAreQueriedBelowAThresholdAndTransferred() {
        Entity stock = entity("StockLevel");
        assertThat(stock.plural()).isEqualTo("stockLevels");
        // no feature gives stock levels a quantity, so none is invented for the threshold
        // the things a stock level is "of" and "per" are required, as fields of a "with" list are
        assertThat(stock.fields()).containsExactly(new Field("product", FieldType.STRING, true),
                new Field("warehouse", FieldType.STRING, true));
        assertThat(stock.thresholds()).isEmpty();
        assertThat(stock.updateFields()).containsExactly("warehouse");
        assertThat(stock.aggregates()).containsExactly(AggregateKind.EXPORT);
        assertThat(stock.filterFields()).isEmpty();
        assertThat(stock.statusActions()).isEmpty();
    }

    @Test
    void ordersGetTheirStatusActionsAndQueries() {
        Entity customerOrder = entity("CustomerOrder");
        assertThat(customerOrder.statusActions()).containsExactly(
                new StatusAction("cancel", "cancelled", Effect.SET), new StatusAction("ship", "shipped", Effect.SET));
        assertThat(customerOrder.filterFields()).containsExactly("cancelled", "shipped");
        assertThat(customerOrder.updateFields()).containsExactly("notes");
        assertThat(customerOrder.aggregates()).isEmpty();
        assertThat(customerOrder.fields()).extracting(Field::name)
                .containsExactly("orderLines", "notes", "cancelled", "shipped");

        Entity purchaseOrder = entity("PurchaseOrder");
        assertThat(purchaseOrder.statusActions()).containsExactly(new StatusAction("receive", "received", Effect.SET));
        assertThat(purchaseOrder.fields()).extracting(Field::name).containsExactly("supplier", "received");

        assertThat(entity("Return").fields()).containsExactly(new Field("order", FieldType.STRING, true));
    }

    @Test
    void peopleAndProductsKeepTheirFields() {
        assertThat(entity("Customer").fields()).extracting(Field::name).containsExactly("name", "email");
        assertThat(entity("Customer").operations()).isEqualTo(Set.of(Operation.CREATE, Operation.LIST,
                Operation.GET, Operation.DELETE));
        Entity employee = entity("Employee");
        assertThat(employee.fields()).extracting(Field::name).containsExactly("name", "role", "warehouse");
        assertThat(employee.updateFields()).containsExactly("warehouse");
        Entity product = entity("Product");
        assertThat(product.fields()).extracting(Field::name).containsExactly("name", "sku", "price", "categories");
        assertThat(product.updateFields()).containsExactly("price", "categories");
        assertThat(product.filterFields()).containsExactly("name");
    }

    @Test
    void theOneAmbiguousNounIsResolvedAndNoted() {
        assertThat(domain.notes()).contains("Feature 'Count orders per customer' names order, which could be any of"
                + " PurchaseOrder, CustomerOrder; it was taken as CustomerOrder.");
    }

    @Test
    void theDomainTravelsAsFacts() {
        Domain decoded = DomainCodec.decode(DomainCodec.encode(domain));
        assertThat(decoded.entities()).isEqualTo(domain.entities());
    }

    @Test
    void fewChildAgentsGroupTheEntitiesAndGiveTheSameProject() throws Exception {
        CoreDriver.Build wide = CoreDriver.build(Specs.extreme(ProjectType.CLI_TOOL));
        CoreDriver.Build narrow = CoreDriver.build(Specs.extreme(ProjectType.CLI_TOOL),
                task -> task.depth() > 0 ? 0 : 3);
        assertThat(narrow.files()).isEqualTo(wide.files());
        assertThat(narrow.notes()).anyMatch(n -> n.contains("grouped 9 entities into 3 child tasks because at most 3"
                + " children were allowed"));
        assertThat(narrow.taskIds()).contains("generate/code/entities-1", "generate/code/entities-3")
                .doesNotContain("generate/code/entities-4");
    }

    @Test
    void theThresholdQueryIsGeneratedTestedAndDocumented() throws Exception {
        CoreDriver.Build stock = CoreDriver.build(dev.thefactory.api.ProjectSpec.builder("Warehouse Platform",
                ProjectType.CLI_TOOL).features(List.of("Record stock levels with a product, a warehouse and a quantity",
                        "List stock below a threshold"), List.of()).build());
        assertThat(stock.files()).hasEntrySatisfying(pathEnding(stock, "/service/StockLevelService.java"),
                code -> assertThat(code).contains("public List<StockLevel> findQuantityBelow(String threshold)")
                        .contains("item.quantity().compareTo(limit) < 0"));
        assertThat(stock.files()).hasEntrySatisfying(pathEnding(stock, "/service/StockLevelServiceTest.java"),
                code -> assertThat(code).contains("void findsQuantityBelow()"));
        assertThat(stock.files().get("docs/usage.md")).contains("find-quantity-below");
        CoreDriver.Build build = CoreDriver.build(Specs.extreme(ProjectType.CLI_TOOL));
        assertThat(build.files()).hasEntrySatisfying(pathEnding(build, "/service/StockLevelService.java"),
                code -> assertThat(code).doesNotContain("findQuantityBelow"));
        assertThat(build.files()).hasEntrySatisfying(pathEnding(build, "/service/CustomerOrderService.java"),
                code -> assertThat(code).contains("public CustomerOrder cancel(long id)")
                        .contains("public CustomerOrder ship(long id)")
                        .doesNotContain("findByCustomer"));
    }

    private static String pathEnding(CoreDriver.Build build, String suffix) {
        return build.files().keySet().stream().filter(p -> p.endsWith(suffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no file ending in " + suffix));
    }
}

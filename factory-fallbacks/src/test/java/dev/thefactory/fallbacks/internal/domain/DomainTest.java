package dev.thefactory.fallbacks.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.Complexity;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How features become a domain, and how the domain travels as facts. */
class DomainTest {

    private final DomainBuilder builder = new DomainBuilder();

    private Domain domain(List<String> core, List<String> extended) {
        return builder.build(ProjectSpec.builder("Test Project", ProjectType.CLI_TOOL).features(core, extended)
                .build());
    }

    @Test
    void understandsTheTodoFeatures() {
        Domain domain = domain(List.of("Add tasks with a title and an optional due date", "List all tasks",
                "Mark tasks complete", "Delete tasks"), List.of("Filter tasks by status (open, completed)",
                        "Task priorities (low, normal, high)"));
        Entity task = domain.primary();
        assertThat(domain.entities()).hasSize(1);
        assertThat(task.name()).isEqualTo("Task");
        assertThat(task.plural()).isEqualTo("tasks");
        assertThat(task.fields()).containsExactly(new Field("title", FieldType.STRING, true),
                new Field("dueDate", FieldType.DATE, false), new Field("priority", FieldType.LEVEL, false, false,
                        List.of("LOW", "NORMAL", "HIGH")), new Field("completed", FieldType.BOOLEAN, false));
        assertThat(task.statusActions()).containsExactly(
                new StatusAction("complete", "completed", StatusAction.Effect.SET));
        assertThat(task.filterFields()).containsExactly("completed");
        assertThat(task.updateFields()).containsExactly("priority");
        assertThat(domain.features()).allMatch(FeatureMapping::supported);
    }

    @Test
    void claimsTheTodoFeaturesOnlyAsFarAsTheGeneratedCodeHonoursThem() {
        Domain domain = domain(List.of("Add tasks with a title and an optional due date", "List all tasks",
                "Mark tasks complete", "Delete tasks"), List.of("Filter tasks by status (open, completed)",
                        "Task priorities (low, normal, high)"));
        assertThat(domain.features()).extracting(FeatureMapping::requirementId).containsExactly("core-1", "core-2",
                "core-3", "core-4", "extended-1", "extended-2");
        // the priority field takes the values the spec lists, so "(low, normal, high)" is honoured
        assertThat(domain.features()).allMatch(FeatureMapping::complete);
        assertThat(domain.primary().field("priority").orElseThrow().levels()).containsExactly("LOW", "NORMAL",
                "HIGH");
        assertThat(domain.notes()).contains("Task.priority accepts LOW, NORMAL, HIGH, the values the spec lists.");
        assertThat(domain(List.of("Add tasks with a title and a priority (low, medium, high)"), List.of())
                .features().get(0).complete()).isTrue();
    }

    @Test
    void aSecondValueListForTheSameFieldIsAGapAndOddValuesAreRefused() {
        Domain domain = domain(List.of("Add tasks with a title", "Task priorities (low, normal, high)"),
                List.of("Task priorities (minor, major)"));
        assertThat(domain.features().get(1).complete()).isTrue();
        assertThat(domain.features().get(2).gaps()).containsExactly("(minor, major)");
        assertThat(Field.levelValues(List.of("low", "low"))).isEmpty();
        assertThat(Field.levelValues(List.of("1st", "2nd"))).isEmpty();
        assertThat(Field.levelValues(List.of("very low", "high"))).contains(List.of("VERY_LOW", "HIGH"));
        assertThatThrownBy(() -> new Field("title", FieldType.STRING, true, false, List.of("A", "B")))
                .hasMessageContaining("values of field title");
        Map<String, String> facts = DomainCodec.encode(domain);
        assertThat(facts.get(DomainCodec.ENTITY + "Task")).contains("values=LOW,NORMAL,HIGH");
        assertThat(DomainCodec.decode(facts).primary().field("priority").orElseThrow().values())
                .containsExactly("LOW", "NORMAL", "HIGH");
    }

    @Test
    void statusValuesAreHonouredOnlyWhenTheYesNoStatusTellsThemApart() {
        assertThat(domain(List.of("Filter tasks by status (pending, done)"), List.of()).features().get(0).gaps())
                .isEmpty();
        Domain shipped = domain(List.of("Ship orders", "Filter orders by status (open, shipped)"), List.of());
        assertThat(shipped.features().get(1).gaps()).isEmpty();
        // three states are no yes/no field: "status" holds one of the values the spec names
        Domain threeStates = domain(List.of("Filter tickets by status (open, in progress, closed)"), List.of());
        assertThat(threeStates.features().get(0).gaps()).isEmpty();
        assertThat(threeStates.primary().field("status").orElseThrow().values())
                .containsExactly("OPEN", "IN_PROGRESS", "CLOSED");
        assertThat(threeStates.primary().field("completed")).isEmpty();
    }

    @Test
    void aSecretFieldIsMarkedSoItIsStoredHashedAndNeverTheLabel() {
        Domain domain = domain(List.of("Register users with a password and a username (passwords stored hashed)",
                "Add API keys with a name and a secret token", "Add counters with a label and a token count"),
                List.of());
        Entity user = domain.entity("User").orElseThrow();
        assertThat(user.fields()).containsExactly(new Field("password", FieldType.STRING, true, true),
                new Field("username", FieldType.STRING, true, false));
        assertThat(user.label().name()).isEqualTo("username");
        assertThat(domain.features().get(0).complete()).as("'stored hashed' is honoured for a secret").isTrue();
        assertThat(domain.entity("ApiKey").orElseThrow().field("secretToken").orElseThrow().secret()).isTrue();
        assertThat(domain.entity("Counter").orElseThrow().field("tokenCount").orElseThrow())
                .isEqualTo(new Field("tokenCount", FieldType.INT, true, false));

        Domain onlySecret = domain(List.of("Add accounts with a PIN"), List.of());
        assertThat(onlySecret.primary().label().name()).isEqualTo("name");
        assertThat(onlySecret.primary().field("pin").orElseThrow().secret()).isTrue();

        Domain notSecret = domain(List.of("Register users with a username and a nickname (stored hashed)"), List.of());
        assertThat(notSecret.features().get(0).gaps()).containsExactly("stored hashed");
    }

    @ParameterizedTest
    @CsvSource({"password, true", "password hash, true", "passphrase, true", "client secret, true",
        "access token, true", "api key, true", "apikey, true", "pin, true", "passcode, true", "token count, false",
        "key, false", "pinned, false", "title, false", "monkey, false", "private key, true"})
    void knowsWhichFieldsHoldSecrets(String words, boolean secret) {
        assertThat(Field.holdsSecret(List.of(words.split(" ")))).isEqualTo(secret);
    }

    @Test
    void numbersThatIdentifySomethingAreText() {
        assertThat(FieldType.infer(List.of("phone", "number"))).isEqualTo(FieldType.STRING);
        assertThat(FieldType.infer(List.of("order", "number"))).isEqualTo(FieldType.STRING);
        // "invoices with a number", "rooms with a number": the number names the item
        assertThat(FieldType.infer(List.of("number"))).isEqualTo(FieldType.STRING);
        assertThat(FieldType.infer(List.of("page", "number"))).isEqualTo(FieldType.INT);
        assertThat(FieldType.infer(List.of("total", "number"))).isEqualTo(FieldType.INT);
        // any other "X number" names something: it may hold letters and leading zeros ("A123", "0042")
        assertThat(FieldType.infer(List.of("insurance", "number"))).isEqualTo(FieldType.STRING);
        assertThat(FieldType.infer(List.of("membership", "number"))).isEqualTo(FieldType.STRING);
    }

    @Test
    void anEntityNeverFiltersBySecretsNorTakesOneAsItsLabel() {
        Field password = new Field("password", FieldType.STRING, true, true);
        Field name = new Field("name", FieldType.STRING, true);
        java.util.Set<Operation> ops = java.util.Set.of(Operation.CREATE, Operation.LIST, Operation.GET,
                Operation.FIND);
        assertThatThrownBy(() -> new Entity("User", "users", List.of(password, name), ops, List.of(),
                List.of("password"), List.of(), List.of(), java.util.Set.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret field 'password'");
        assertThatThrownBy(() -> new Entity("User", "users", List.of(password), java.util.Set.of(Operation.CREATE,
                Operation.LIST, Operation.GET), List.of(), List.of(), List.of(), List.of(), java.util.Set.of(),
                List.of())).hasMessageContaining("string field that holds no secret");
        assertThat(domain(List.of("Register users with a password and an email", "Search users by password"),
                List.of()).features().get(1).gaps()).containsExactly("by password");
    }

    @Test
    void separatesEntitiesAndReportsWhatItCannotPlace() {
        Domain domain = domain(List.of("Add books with a title and author", "Register members with a name",
                "Be fast"), List.of());
        assertThat(domain.entities()).extracting(Entity::name).containsExactly("Book", "Member");
        FeatureMapping unplaced = domain.features().get(2);
        assertThat(unplaced.supported()).isFalse();
        assertThat(unplaced.detail()).startsWith("not generated by the simple backend: 'Be' is no operation verb");
    }

    @Test
    void anAddFeatureItCannotBuildStillMeansNoOtherFeatureInventsItsItems() {
        Domain domain = domain(List.of("Add tasks with a title and take card payments via Stripe",
                "Show tasks below a budget", "Cancel tasks"), List.of());
        assertThat(domain.features().get(0).supported()).isFalse();
        assertThat(domain.features().get(1).supported()).as("%s", domain.features().get(1)).isFalse();
        assertThat(domain.features().get(1).detail()).contains("no feature that adds tasks was understood: 'Add tasks"
                + " with a title and take card payments via Stripe' is not generated");
        assertThat(domain.features().get(2).supported()).isFalse();
        assertThat(domain.entities()).extracting(Entity::name).doesNotContain("Task");
    }

    @Test
    void aSpecWithoutFeaturesGetsOneEntityNamedAfterTheProject() {
        Domain domain = builder.build(ProjectSpec.builder("Recipe Book", ProjectType.LIBRARY).build());
        assertThat(domain.primary().name()).isEqualTo("Book");
        assertThat(domain.primary().has(Operation.UPDATE)).isTrue();
        assertThat(domain.notes()).anyMatch(n -> n.contains("No feature names an entity"));
    }

    @Provide
    Arbitrary<List<String>> features() {
        return Arbitraries.of("Add tasks with a title and due date", "List tasks", "Delete tasks",
                "Mark tasks as done", "Search tasks by title", "Sort orders by total", "Export orders to CSV",
                "Import orders", "Create orders with a total and priority", "Toggle orders", "Rename categories",
                "Register users with an email", "Show a summary of orders", "Be nice", "Archive notes",
                "Edit notes with a body", "List stock below a threshold", "Record stock levels per warehouse",
                "Cancel customer orders", "Count orders per customer", "Transfer stock between warehouses",
                "Add notes to customer orders", "Find orders above a total", "Filter orders by status",
                "Delete items (admins only)", "Register users with a password (stored hashed)",
                "Archive delivered shipments", "Export orders to PDF", "Task priorities (low, normal, high)")
                .list().ofMaxSize(8);
    }

    @Property(tries = 200)
    void theFactsDecodeToTheSameDomain(@ForAll("features") List<String> core) {
        Domain domain = domain(core, List.of());
        Domain decoded = DomainCodec.decode(DomainCodec.encode(domain));
        assertThat(decoded.entities()).isEqualTo(domain.entities());
        assertThat(decoded.notes()).isEqualTo(domain.notes());
        assertThat(decoded.features()).extracting(FeatureMapping::entity, FeatureMapping::operations,
                FeatureMapping::detail, FeatureMapping::gaps, FeatureMapping::requirementId)
                .isEqualTo(domain.features().stream().map(f -> org.assertj.core.groups.Tuple.tuple(f.entity(),
                        f.operations(), f.detail(), f.gaps(), f.requirementId())).toList());
    }

    private static List<String> featuresAbout(int entities) {
        List<String> features = new ArrayList<>();
        String[] nouns = {"apples", "boats", "cars", "doors", "eggs", "forks", "gates", "hats", "inks", "jars",
            "kites", "lamps", "maps", "nets", "oars", "pens", "quills", "rods", "sails", "tents", "urns", "vans",
            "wands", "yarns", "zips"};
        for (int i = 0; i < entities; i++) {
            features.add("Add " + nouns[i] + " with a name");
        }
        return features;
    }

    @Test
    void aPipelinesRecordsAreWhatItImportsAndATotalOfThemIsNoEntity() {
        Domain domain = builder.build(ProjectSpec.builder("Sales Pipeline", ProjectType.DATA_PIPELINE)
                .complexity(Complexity.MODERATE).features(List.of("Add regions with a name",
                        "Import sales from CSV files with order_id, region, amount and date",
                        "Compute total sales per region", "Reject duplicate order_id values across all files"),
                        List.of()).build());
        assertThat(domain.primary().name()).isEqualTo("Sale");
        // a pipeline generates nothing for items of another kind: no Region is left behind
        assertThat(domain.entities()).extracting(Entity::name).containsExactly("Sale");
        assertThat(domain.features().get(0).detail()).contains("items of another kind (Region) are not part of it");
        assertThat(domain.primary().fields()).extracting(Field::name)
                .containsExactly("orderId", "region", "amount", "date");
        assertThat(domain.notes()).contains("A data pipeline processes the records it imports, so Sale is its"
                + " primary entity.");
        FeatureMapping imports = domain.features().get(1);
        // the pipeline's run is the import: one item from each CSV row
        // the region is a region the spec adds, but stored as text
        assertThat(imports.gaps()).as("%s", imports).containsExactly("region as a reference to an existing Region");
        assertThat(imports.entity()).isEqualTo("Sale");
        assertThat(imports.operations()).containsExactly(Operation.CREATE);
        assertThat(imports.detail()).isEqualTo("create Sale with orderId, region, amount, date");
        assertThat(domain.features().get(2).supported()).isFalse();
        assertThat(domain.features().get(2).detail()).contains("'total sales per region' is a figure computed over"
                + " groups of items");
        assertThat(domain.features().get(3).supported()).isFalse();

        Domain api = builder.build(ProjectSpec.builder("Sales", ProjectType.API_SERVICE).features(List.of(
                "Add regions with a name", "Import sales from CSV files with a region and an amount"), List.of()).build());
        assertThat(api.primary().name()).as("only a pipeline is about what it imports").isEqualTo("Region");
        assertThat(api.features().get(1).operations()).containsExactly(Operation.AGGREGATE);
        assertThat(api.features().get(1).detail()).isEqualTo("import of sales");
    }

    @Test
    void theEntityCapGrowsWithComplexity() {
        for (Complexity complexity : Complexity.values()) {
            int cap = Domain.maxEntities(complexity);
            Domain domain = builder.build(ProjectSpec.builder("Things", ProjectType.CLI_TOOL).complexity(complexity)
                    .features(featuresAbout(cap + 1), List.of()).build());
            assertThat(domain.entities()).as("entities of a %s spec", complexity).hasSize(cap);
            FeatureMapping dropped = domain.features().get(cap);
            assertThat(dropped.supported()).isFalse();
            assertThat(dropped.detail()).contains("at most " + cap + " entities for a "
                    + complexity.name().toLowerCase(java.util.Locale.ROOT) + " spec");
        }
        assertThat(Domain.maxEntities(Complexity.SIMPLE)).isEqualTo(8);
        assertThat(Domain.maxEntities(Complexity.MODERATE)).isEqualTo(8);
        assertThat(Domain.maxEntities(Complexity.COMPLEX)).isEqualTo(16);
        assertThat(Domain.maxEntities(Complexity.EXTREME)).isEqualTo(Domain.MAX_ENTITIES).isEqualTo(24);
    }

    @Test
    void aShortNameJoinsTheLongerEntityItStandsFor() {
        Domain domain = domain(List.of("Record stock levels per warehouse", "List stock below a threshold",
                "Create customer orders", "Create purchase orders", "Delete orders", "Count orders per customer",
                "Ship purchase orders", "Approve orders of suppliers"), List.of());
        assertThat(domain.entities()).extracting(Entity::name)
                .containsExactly("StockLevel", "CustomerOrder", "PurchaseOrder");
        // "stock" still stands for stock levels, which have no number to compare, so the threshold is not built
        assertThat(domain.features()).extracting(FeatureMapping::entity).containsExactly("StockLevel", null,
                "CustomerOrder", "PurchaseOrder", "PurchaseOrder", "CustomerOrder", "PurchaseOrder", "PurchaseOrder");
        assertThat(domain.features().get(1).detail()).contains("stockLevels have no number field");
        assertThat(domain.notes()).anyMatch(n -> n.startsWith("Feature 'Delete orders' names order")
                && n.endsWith("it was taken as PurchaseOrder."));
    }

    @Test
    void requiredFieldsComeFirstSoTheLabelIsARequiredText() {
        Domain domain = domain(List.of("Add comments to posts", "Create posts with a title and a body"), List.of());
        Entity post = domain.primary();
        assertThat(post.fields()).extracting(Field::name).containsExactly("title", "body", "comments");
        assertThat(post.label().name()).isEqualTo("title");
        assertThat(post.updateFields()).containsExactly("comments");
    }

    @Test
    void aThresholdComparesTheNamedNumberOrTheFirstOne() {
        Domain domain = domain(List.of("Add products with a name, a weight and a price",
                "Find products above a price", "List products below a threshold", "Show products under a name"),
                List.of());
        Entity product = domain.primary();
        assertThat(product.thresholds()).containsExactly(new Threshold("price", false),
                new Threshold("weight", true));
        assertThat(domain.features().get(1).detail()).isEqualTo("find products with price above a threshold");
        assertThat(domain.notes()).contains("'under a name' names name, which is not a number or a date field of"
                + " Product, so its threshold query is not generated.");
        // listing all products would not honour "under a name"
        assertThat(domain.features().get(3).supported()).isFalse();
        assertThat(domain.features().get(3).detail()).contains("'under a name' compares name, which is not a number"
                + " or a date field of products");
        assertThatThrownBy(() -> new Entity("Thing", "things", List.of(new Field("name", FieldType.STRING, true)),
                java.util.Set.of(Operation.CREATE, Operation.LIST, Operation.GET, Operation.FIND), List.of(),
                List.of(), List.of(), List.of(), java.util.Set.of(), List.of(new Threshold("name", true))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a number or date field");
    }

    @Test
    void malformedFactsAreRejectedNamingTheFact() {
        Map<String, String> facts = new TreeMap<>(DomainCodec.encode(domain(List.of("Add tasks"), List.of())));
        facts.put(DomainCodec.ENTITY + "Task", "plural tasks\nfield name string required\noperations create,list");
        assertThatThrownBy(() -> DomainCodec.decode(facts)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fact simple.analysis.entity.Task is malformed");
        facts.put(DomainCodec.ENTITY + "Task", "plural tasks\nfield hashCode string required\noperations "
                + "create,list,get");
        assertThatThrownBy(() -> DomainCodec.decode(facts)).hasMessageContaining("hashCode");
        assertThatThrownBy(() -> DomainCodec.decode(Map.of())).hasMessageContaining(DomainCodec.ENTITIES);
    }

    @Test
    void gapsAndSecretsTravelAsFacts() {
        Domain domain = domain(List.of("Register users with a username and a password", "Delete users (admins only)",
                "Archive delivered shipments", "Add shipments with a tracking code"), List.of());
        Map<String, String> facts = DomainCodec.encode(domain);
        assertThat(facts.get(DomainCodec.ENTITY + "User")).contains("field password string required secret");
        assertThat(facts.get(DomainCodec.featureKey(DomainCodec.FEATURE, "core", 1)))
                .isEqualTo("User delete delete User by id\ngap admins only");
        Domain decoded = DomainCodec.decode(facts);
        assertThat(decoded.entities()).isEqualTo(domain.entities());
        assertThat(decoded.features()).extracting(FeatureMapping::gaps).containsExactly(List.of(),
                List.of("admins only"), List.of("delivered"), List.of());
        assertThat(decoded.entity("User").orElseThrow().field("password").orElseThrow().secret()).isTrue();

        String key = DomainCodec.featureKey(DomainCodec.FEATURE, "core", 1);
        assertThatThrownBy(() -> DomainCodec.decodeMapping(DomainCodec.FEATURE, key, "User delete delete\nnot a gap",
                "")).hasMessageContaining("fact " + key + " is malformed").hasMessageContaining("gap <text>");
        assertThatThrownBy(() -> DomainCodec.decodeMapping(DomainCodec.FEATURE, key, "- - no\ngap admins", ""))
                .hasMessageContaining("not generated has no gaps");
    }

    @Test
    void inflectsCommonNouns() {
        assertThat(Inflector.singular("categories")).isEqualTo("category");
        assertThat(Inflector.singular("boxes")).isEqualTo("box");
        assertThat(Inflector.singular("people")).isEqualTo("person");
        assertThat(Inflector.plural("status")).isEqualTo("statuses");
        assertThat(Inflector.plural("data")).isEqualTo("datas");
    }
}

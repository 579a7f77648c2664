package dev.thefactory.fallbacks;

import dev.thefactory.api.Complexity;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import java.util.List;

/** Specs the tests build with, modelled on {@code examples/specs}. */
final class Specs {

    private Specs() {
    }

    /** @return the spec of {@code examples/specs/example_todo_app.md}, with another type */
    static ProjectSpec todo(ProjectType type) {
        return ProjectSpec.builder("Todo App", type)
                .description("A small web application for keeping a personal list of tasks: add them, see them,"
                        + " tick them off and clear them away.")
                .objectives(List.of("Let one person manage a personal task list from a browser",
                        "Keep every task safe across restarts of the application",
                        "Stay small enough to read and change in an afternoon"))
                .features(List.of("Add tasks with a title and an optional due date", "List all tasks",
                        "Mark tasks complete", "Delete tasks"),
                        List.of("Filter tasks by status (open, completed)", "Task priorities (low, normal, high)"))
                .techStack(List.of("Language: Java 17", "Build: Maven", "Testing: JUnit 5"))
                .architectureHints(List.of("Keep the task store behind an interface so that an in-memory and a"
                        + " file-based store can be swapped", "Serve a plain HTML page; no JavaScript framework"))
                .qualityRequirements(List.of("Unit tests for every feature",
                        "Input is validated: a task title is required and at most 200 characters"))
                .build();
    }

    /** The core features of {@code examples/specs/example_extreme.md}. */
    static final List<String> EXTREME_CORE = List.of("Add products with a name, a SKU and a price",
            "List all products", "Update product prices", "Delete products", "Add warehouses with a name and a city",
            "List all warehouses", "Record stock levels of products per warehouse", "List stock below a threshold",
            "Add suppliers with a name and an email", "List all suppliers", "Create purchase orders to suppliers",
            "Mark purchase orders received", "Create customer orders with order lines", "List all customer orders",
            "Cancel customer orders", "Ship customer orders", "Add customers with a name and an email",
            "List all customers", "Delete customers", "Add employees with a name and a role", "List all employees",
            "Assign employees to warehouses");

    /** The extended features of {@code examples/specs/example_extreme.md}. */
    static final List<String> EXTREME_EXTENDED = List.of("Search products by name",
            "Filter customer orders by status", "Export stock levels as CSV", "Archive delivered shipments",
            "Count orders per customer", "Tag products with categories", "Search suppliers by name",
            "Record returns of shipped orders", "Add notes to customer orders", "Transfer stock between warehouses");

    /** @return the spec of {@code examples/specs/example_extreme.md}, with another type */
    static ProjectSpec extreme(ProjectType type) {
        return ProjectSpec.builder("Warehouse Platform", type)
                .description("A back-office platform for a chain of warehouses: products, stock, suppliers, orders,"
                        + " shipments and the people who move them.")
                .complexity(Complexity.EXTREME)
                .objectives(List.of("Know what is in stock in every warehouse at any moment",
                        "Keep an audit trail of every change"))
                .features(EXTREME_CORE, EXTREME_EXTENDED)
                .techStack(List.of("Java 17", "Maven", "JUnit 5"))
                .qualityRequirements(List.of("Every service has unit tests",
                        "Input is validated at the API boundary"))
                .build();
    }

    /** @return a spec whose entity has a threshold query, both ways, on a field of every comparable type */
    static ProjectSpec thresholds(ProjectType type) {
        return ProjectSpec.builder("Meter Readings", type)
                .features(List.of("Add readings with a name, a count, an amount, a price and a due date",
                        "List readings below a count", "List readings above an amount", "Find readings below a price",
                        "Show readings above the due date", "List readings over a limit"), List.of())
                .build();
    }

    /** @return a spec with several entities and every kind of operation */
    static ProjectSpec inventory(ProjectType type) {
        return ProjectSpec.builder("Shop Inventory", type)
                .description("Keeps products, suppliers and orders.")
                .features(List.of("Add products with a name, price, quantity and optional expiry date",
                        "List all products", "Edit products", "Delete products",
                        "Register suppliers with a name and email", "List suppliers",
                        "Create orders with a reference, total and priority", "Mark orders as paid",
                        "Archive orders"),
                        List.of("Search products by name", "Sort products by price", "Export products to CSV",
                                "Import products from CSV", "Summary of orders", "Rename suppliers",
                                "Toggle suppliers"))
                .build();
    }
}

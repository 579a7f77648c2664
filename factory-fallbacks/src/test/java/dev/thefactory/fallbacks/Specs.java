package dev.thefactory.fallbacks;

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

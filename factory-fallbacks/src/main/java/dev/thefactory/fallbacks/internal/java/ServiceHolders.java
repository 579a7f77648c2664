package dev.thefactory.fallbacks.internal.java;

import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.text.CodeBuilder;
import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates what every class that holds one service per entity shares (the command dispatcher, the router and the
 * library facade): the imports it needs for that, its fields, and its three constructors — over in-memory
 * services, over the services of a {@code Storage}, and over given services. Stateless and thread-safe.
 */
final class ServiceHolders {

    private ServiceHolders() {
    }

    /**
     * @param pkg    the base package
     * @param domain the domain
     * @return the imports the fields and constructors need, unsorted
     */
    static List<String> imports(String pkg, Domain domain) {
        List<String> imports = new ArrayList<>();
        for (Entity e : domain.entities()) {
            imports.add(pkg + ".model." + e.name());
            imports.add(pkg + ".service." + e.name() + "Service");
        }
        imports.add(pkg + ".repository.Storage");
        imports.add("java.util.Objects");
        return imports;
    }

    /**
     * @param e an entity
     * @return the name of its store: its file name in a file store, such as {@code shopping-items}
     */
    static String storeName(Entity e) {
        return Naming.kebab(e.plural());
    }

    /**
     * @param e an entity
     * @return the expression of a new service of the entity over a repository of {@code storage}
     */
    static String storedService(Entity e) {
        return "new " + e.name() + "Service(storage.repository(\"" + storeName(e) + "\", " + e.name()
                + "::toValues, " + e.name() + (EntityTemplates.hasSecrets(e) ? "::fromStored))" : "::fromFields))");
    }

    /**
     * Writes the fields and the constructors.
     *
     * @param c         the class body being written
     * @param className the simple name of the class
     * @param what      what an instance is, such as {@code Commands} or {@code A router}, for the Javadoc
     * @param domain    the domain
     */
    static void members(CodeBuilder c, String className, String what, Domain domain) {
        List<Entity> entities = domain.entities();
        for (Entity e : entities) {
            c.line("private final " + e.name() + "Service " + e.plural() + ";");
        }
        c.blank();
        c.line("/** " + what + " over empty in-memory services. */");
        c.open("public " + className + "()");
        c.line("this(Storage.memory());");
        c.close();
        c.blank();
        c.line("/**");
        c.line(" * " + what + " over the services of a store; a file store reads its files now.");
        c.line(" *");
        c.line(" * @param storage where the items are kept");
        c.line(" * @throws IllegalStateException when a file of a file store is corrupt");
        c.line(" * @throws java.io.UncheckedIOException when a file of a file store cannot be read");
        c.line(" */");
        c.open("public " + className + "(Storage storage)");
        c.line("this(" + String.join(",\n        ", entities.stream().map(ServiceHolders::storedService).toList())
                + ");");
        c.close();
        c.blank();
        c.line("/**");
        for (Entity e : entities) {
            c.line(" * @param " + e.plural() + " the " + e.name() + " service");
        }
        c.line(" */");
        c.open("public " + className + "(" + String.join(", ", entities.stream()
                .map(e -> e.name() + "Service " + e.plural()).toList()) + ")");
        for (Entity e : entities) {
            c.line("this." + e.plural() + " = Objects.requireNonNull(" + e.plural() + ", \"" + e.plural() + "\");");
        }
        c.close();
    }
}

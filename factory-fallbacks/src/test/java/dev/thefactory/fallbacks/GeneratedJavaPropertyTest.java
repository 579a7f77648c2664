package dev.thefactory.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the name and the features, the generated Java compiles (javac with -Xlint:all -Werror), and its own tests
 * pass.
 */
class GeneratedJavaPropertyTest {

    private static final List<String> VERBS = List.of("Add", "Create", "List", "Show", "Delete", "Remove", "Edit",
            "Update", "Mark", "Complete", "Archive", "Toggle", "Search", "Filter", "Sort", "Export", "Import",
            "Rename", "Count", "Find", "Track", "Register", "Close", "Cancel", "Ship", "Receive", "Transfer",
            "Assign", "Tag", "Record");
    private static final List<String> NOUNS = List.of("tasks", "notes", "books", "orders", "items", "people",
            "categories", "entries", "class", "records", "events", "string", "values", "lists", "test", "data",
            "boxes", "users", "products", "comments", "ids", "main", "objects", "threads", "enums", "records", "maps",
            "task lists", "shopping items", "levels", "summaries", "files", "paths", "streams", "commands");
    private static final List<String> FIELDS = List.of("title", "name", "due date", "price", "quantity", "priority",
            "done", "email", "amount", "rating", "description", "id", "class", "is active", "created date", "total",
            "notes", "status", "values", "count", "out", "hash code", "public", "default", "int", "level", "type",
            "flag", "new id", "field names", "item", "wanted", "to string", "weight", "size", "deadline");
    private static final List<String> TAILS = List.of("", " as done", " as read", " by name", " by status",
            " by price", " to CSV", " from CSV", " (quickly)", " */ now", " \"quoted\"", " below a threshold",
            " above a price", " under the deadline", " over a name", " per customer", " between warehouses",
            " to suppliers", " of class records", " received", " as shipped");

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(Arbitraries.of("Todo App", "class", "123", "Ünïcödé", "../../etc", "日本語", "--",
                "String", "My Great Tool 2", "A*B/C"), Arbitraries.strings().withCharRange(' ', '~')
                .ofMinLength(1).ofMaxLength(30).filter(s -> !s.isBlank()));
    }

    @Provide
    Arbitrary<String> features() {
        Arbitrary<String> fields = Arbitraries.of(FIELDS).list().ofMinSize(0).ofMaxSize(3)
                .map(f -> f.isEmpty() ? "" : " with " + String.join(" and ", f));
        return Combinators.combine(Arbitraries.of(VERBS), Arbitraries.of(NOUNS), fields, Arbitraries.of(TAILS))
                .as((verb, noun, with, tail) -> verb + " " + noun + with + tail);
    }

    @Property(tries = 15)
    void generatedJavaCompilesWhateverTheNameAndFeatures(@ForAll("names") String name,
            @ForAll("featureLists") List<String> features, @ForAll ProjectType type) throws Exception {
        ProjectSpec spec = ProjectSpec.builder(name, type).features(features, List.of("Export " + "items")).build();
        CoreDriver.Build build = CoreDriver.build(spec);
        Path dir = Files.createTempDirectory("simple-property");
        try {
            GeneratedJava.compile(build.files(), dir);
        } finally {
            delete(dir);
        }
    }

    @Property(tries = 5)
    void generatedTestsPassWhateverTheFeatures(@ForAll("featureLists") List<String> features,
            @ForAll ProjectType type) throws Exception {
        ProjectSpec spec = ProjectSpec.builder("Random Project", type).features(features, List.of()).build();
        CoreDriver.Build build = CoreDriver.build(spec);
        Path dir = Files.createTempDirectory("simple-property");
        try {
            Path classes = GeneratedJava.compile(build.files(), dir);
            GeneratedJava.TestRun run = GeneratedJava.runTests(build.files(), dir, classes);
            assertThat(run.failures()).isEmpty();
            assertThat(run.found()).isPositive();
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.delete(p);
            }
        }
    }

    @Provide
    Arbitrary<List<String>> featureLists() {
        return features().list().ofMinSize(0).ofMaxSize(6);
    }
}

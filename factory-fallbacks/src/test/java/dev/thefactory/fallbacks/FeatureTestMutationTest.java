package dev.thefactory.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation checks of the generated feature tests: a generated project's service is broken on purpose (the sort made a
 * no-op, the filter made to return everything) and the generated tests must then fail. A feature test that still
 * passes against a service ignoring the sentence's criterion would prove nothing.
 */
class FeatureTestMutationTest {

    @TempDir
    Path dir;

    private static ProjectSpec books() {
        return ProjectSpec.builder("Book Shelf", ProjectType.API_SERVICE)
                .features(List.of("Add books with a title, a genre and a publication year", "List all books",
                        "List books sorted by publication year", "Filter books by genre"), List.of())
                .techStack(List.of("Language: Java 17", "Build: Maven", "Testing: JUnit 5"))
                .build();
    }

    private GeneratedJava.TestRun run(Map<String, String> files, String name) throws Exception {
        Path root = dir.resolve(name);
        Path classes = GeneratedJava.compile(files, root);
        return GeneratedJava.runTests(files, root, classes);
    }

    private static Map<String, String> mutate(Map<String, String> files, String marker, UnaryOperator<String> change) {
        Map<String, String> out = new LinkedHashMap<>(files);
        int changed = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (file.getKey().startsWith("src/main/java/") && file.getValue().contains(marker)) {
                String after = change.apply(file.getValue());
                assertThat(after).as("the mutation changes %s", file.getKey()).isNotEqualTo(file.getValue());
                out.put(file.getKey(), after);
                changed++;
            }
        }
        assertThat(changed).as("a main source file holds %s", marker).isPositive();
        return out;
    }

    @Test
    void unmutatedProjectPasses() throws Exception {
        GeneratedJava.TestRun run = run(CoreDriver.build(books()).files(), "plain");
        assertThat(run.failed()).as(run.failures()).isZero();
        assertThat(run.passed()).as("the feature tests the mutations must break")
                .anyMatch(name -> name.endsWith("#core3_listBooksSortedByPublication"))
                .anyMatch(name -> name.endsWith("#core4_filterBooksByGenre"));
    }

    @Test
    void sortThatKeepsInsertionOrderFailsTheGeneratedTests() throws Exception {
        Map<String, String> files = mutate(CoreDriver.build(books()).files(),
                "public List<Book> sortedByPublicationYear()",
                text -> text.replaceAll("return list\\(\\)\\.stream\\(\\)\\.sorted\\(.*\\)\\.toList\\(\\);",
                        "return list();"));
        GeneratedJava.TestRun run = run(files, "nosort");
        assertThat(run.failed()).as("a no-op sort must fail a generated test").isPositive();
        assertThat(run.passed()).as("the sort feature test")
                .noneMatch(name -> name.endsWith("#core3_listBooksSortedByPublication"))
                .isNotEmpty();
    }

    @Test
    void filterThatReturnsEverythingFailsTheGeneratedTests() throws Exception {
        Map<String, String> files = mutate(CoreDriver.build(books()).files(),
                "public List<Book> findByGenre(String wanted)",
                text -> text.replace("return list().stream().filter(item -> item.genre() != null",
                        "return list().stream().filter(item -> true || item.genre() != null"));
        GeneratedJava.TestRun run = run(files, "nofilter");
        assertThat(run.failed()).as("a filter returning everything must fail a generated test").isPositive();
        assertThat(run.passed()).as("the filter feature test")
                .noneMatch(name -> name.endsWith("#core4_filterBooksByGenre"))
                .isNotEmpty();
    }
}

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
 * Mutation checks of the generated feature tests: a generated project's service is broken on purpose so that it
 * ignores one feature's criterion (the sort made a no-op or made to compare another field, a filter returning
 * everything or filtering on another field, a get or a delete ignoring the id, an update ignoring the field the
 * feature names, a flag filter ignoring the value asked for), and the feature's generated test must then fail. A
 * feature test that still passes against a service ignoring the sentence's criterion would prove nothing. Each
 * mutation asserts it changed the generated source, so a renamed method breaks the check loudly.
 */
class FeatureTestMutationTest {

    @TempDir
    Path dir;

    private static ProjectSpec books() {
        return ProjectSpec.builder("Book Shelf", ProjectType.API_SERVICE)
                .features(List.of("Add books with a title, a genre and a publication year", "List all books",
                        "List books sorted by publication year", "Filter books by genre", "Search books by title",
                        "Show a book by its id", "Change a book's title", "Delete a book by its id",
                        "Filter books by genre and publication year"), List.of())
                .techStack(List.of("Language: Java 17", "Build: Maven", "Testing: JUnit 5"))
                .build();
    }

    private static ProjectSpec parcels() {
        return ProjectSpec.builder("Parcel Desk", ProjectType.CLI_TOOL)
                .features(List.of("Add parcels with a tracking number, a courier and a status",
                        "Look up a parcel by its tracking number", "Update a parcel's status",
                        "Assign parcels to couriers"), List.of())
                .techStack(List.of("Language: Java 17", "Build: Maven", "Testing: JUnit 5"))
                .build();
    }

    private static ProjectSpec tasks() {
        return ProjectSpec.builder("Task Kit", ProjectType.LIBRARY)
                .features(List.of("Add tasks with a title, a due date and a priority (low, normal, high)",
                        "Mark tasks complete", "Filter tasks by status (open, completed)", "List tasks sorted by due date",
                        "List tasks sorted by priority", "Add notes with a title and pinned", "Filter notes by pinned"),
                        List.of())
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

    /** Replaces {@code from} by {@code to} inside the body of the method that starts with {@code signature} only. */
    private static Map<String, String> mutateMethod(Map<String, String> files, String signature, String from,
            String to) {
        return mutate(files, signature, text -> {
            int start = text.indexOf(signature);
            int end = text.indexOf("\n    }\n", start);
            String body = text.substring(start, end);
            assertThat(body).as("the body of %s", signature).contains(from);
            return text.substring(0, start) + body.replace(from, to) + text.substring(end);
        });
    }

    /** Runs the mutated project: the feature test of {@code method} fails, and every test in {@code still} passes. */
    private void assertCaught(Map<String, String> files, String name, String method, String... still)
            throws Exception {
        GeneratedJava.TestRun run = run(files, name);
        assertThat(run.failed()).as("the mutation %s must fail a generated test", name).isPositive();
        assertThat(run.passed()).as("the feature test %s under the mutation %s", method, name)
                .noneMatch(test -> test.endsWith("#" + method))
                .isNotEmpty();
        for (String other : still) {
            assertThat(run.passed()).as("%s, which the mutation %s does not concern, still passes", other, name)
                    .anyMatch(test -> test.endsWith("#" + other));
        }
    }

    private static void assertAllPass(GeneratedJava.TestRun run, String... methods) {
        assertThat(run.failed()).as(run.failures()).isZero();
        for (String method : methods) {
            assertThat(run.passed()).as("the feature test the mutations must break").anyMatch(
                    name -> name.endsWith("#" + method));
        }
    }

    @Test
    void unmutatedProjectPasses() throws Exception {
        assertAllPass(run(CoreDriver.build(books()).files(), "plain"), "core3_listBooksSortedByPublication",
                "core4_filterBooksByGenre", "core5_searchBooksByTitle", "core6_showABookByIts",
                "core7_changeABookSTitle", "core8_deleteABookByIts", "core9_filterBooksByGenreAnd");
    }

    @Test
    void sortThatKeepsInsertionOrderFailsTheGeneratedTests() throws Exception {
        Map<String, String> files = mutate(CoreDriver.build(books()).files(),
                "public List<Book> sortedByPublicationYear()",
                text -> text.replaceAll("return list\\(\\)\\.stream\\(\\)\\.sorted\\(.*\\)\\.toList\\(\\);",
                        "return list();"));
        assertCaught(files, "nosort", "core3_listBooksSortedByPublication");
    }

    @Test
    void sortByAnotherFieldFailsTheSortTest() throws Exception {
        // the two sample items are in the same order by every field: only probe items tell the fields apart
        Map<String, String> files = mutateMethod(CoreDriver.build(books()).files(),
                "public List<Book> sortedByPublicationYear()", "Book::publicationYear", "Book::title");
        assertCaught(files, "sortbytitle", "core3_listBooksSortedByPublication");
    }

    @Test
    void descendingSortFailsTheSortTest() throws Exception {
        Map<String, String> files = mutateMethod(CoreDriver.build(books()).files(),
                "public List<Book> sortedByPublicationYear()", "Comparator.nullsLast(Comparator.naturalOrder())",
                "Comparator.nullsLast(Comparator.reverseOrder())");
        assertCaught(files, "sortdescending", "core3_listBooksSortedByPublication");
    }

    @Test
    void filterThatReturnsEverythingFailsTheGeneratedTests() throws Exception {
        Map<String, String> files = mutate(CoreDriver.build(books()).files(),
                "public List<Book> findByGenre(String wanted)",
                text -> text.replace("return list().stream().filter(item -> item.genre() != null",
                        "return list().stream().filter(item -> true || item.genre() != null"));
        assertCaught(files, "nofilter", "core4_filterBooksByGenre");
    }

    @Test
    void filterOnAnotherFieldFailsTheFilterTests() throws Exception {
        // "Beta" is in every text field of the second sample item: only an item that matches on every other field but
        // not on the genre tells the genre filter from a filter on the title
        Map<String, String> files = mutateMethod(CoreDriver.build(books()).files(),
                "public List<Book> findByGenre(String wanted)", "item.genre()", "item.title()");
        assertCaught(files, "filterbytitle", "core4_filterBooksByGenre");
        assertCaught(files, "filterbytitle2", "core9_filterBooksByGenreAnd");
    }

    @Test
    void secondCriterionIgnoredFailsTheCombinedFilterTest() throws Exception {
        // "by genre and publication year": the publication year filter must leave out an item of another year
        Map<String, String> files = mutateMethod(CoreDriver.build(books()).files(),
                "public List<Book> findByPublicationYear(String wanted)",
                "filter(item -> Objects.equals(item.publicationYear(), target))", "filter(item -> target != null)");
        assertCaught(files, "noyear", "core9_filterBooksByGenreAnd");
    }

    @Test
    void searchOnAnotherFieldFailsTheSearchTest() throws Exception {
        Map<String, String> files = mutateMethod(CoreDriver.build(books()).files(),
                "public List<Book> findByTitle(String wanted)", "item.title()", "item.genre()");
        assertCaught(files, "searchgenre", "core5_searchBooksByTitle");
    }

    @Test
    void getThatIgnoresTheIdFailsTheGetTest() throws Exception {
        Map<String, String> files = mutateMethod(CoreDriver.build(books()).files(), "public Book get(long id)",
                "repository.findById(id)", "repository.findById(list().get(0).id())");
        assertCaught(files, "getfirst", "core6_showABookByIts");
    }

    @Test
    void deleteThatIgnoresTheIdFailsTheDeleteTest() throws Exception {
        Map<String, String> files = CoreDriver.build(books()).files();
        assertCaught(mutateMethod(files, "public void delete(long id)", "repository.deleteById(id)",
                "repository.deleteById(list().get(0).id())"), "deletefirst", "core8_deleteABookByIts");
        assertCaught(mutateMethod(files, "public void delete(long id)", "repository.deleteById(id)",
                "repository.deleteById(list().get(list().size() - 1).id())"), "deletelast", "core8_deleteABookByIts");
    }

    @Test
    void updateThatIgnoresTheNamedFieldFailsTheUpdateTest() throws Exception {
        Map<String, String> files = mutateMethod(CoreDriver.build(books()).files(),
                "public Book update(long id, FieldValues changes)", ".with(changes)", without("title"));
        assertCaught(files, "notitle", "core7_changeABookSTitle");
    }

    @Test
    void parcelStatusAndCourierUpdatesAreTestedApart() throws Exception {
        Map<String, String> files = CoreDriver.build(parcels()).files();
        assertAllPass(run(files, "parcels"), "core2_lookUpAParcelBy", "core3_updateAParcelSStatus",
                "core4_assignParcelsToCouriers");
        // an update that ignores the status fails the status feature's test, not the courier feature's
        assertCaught(mutateMethod(files, "public Parcel update(long id, FieldValues changes)", ".with(changes)",
                without("status")), "nostatus", "core3_updateAParcelSStatus", "core4_assignParcelsToCouriers");
        assertCaught(mutateMethod(files, "public Parcel update(long id, FieldValues changes)", ".with(changes)",
                without("courier")), "nocourier", "core4_assignParcelsToCouriers", "core3_updateAParcelSStatus");
        assertCaught(mutateMethod(files, "public List<Parcel> findByTrackingNumber(String wanted)",
                "item.trackingNumber()", "item.courier()"), "lookupcourier", "core2_lookUpAParcelBy");
    }

    @Test
    void dateAndLevelSortsAndFlagFiltersFailWhenTheirCriterionIsIgnored() throws Exception {
        Map<String, String> files = CoreDriver.build(tasks()).files();
        assertAllPass(run(files, "tasks"), "core3_filterTasksByStatusOpen", "core4_listTasksSortedByDue",
                "core5_listTasksSortedByPriority", "core7_filterNotesByPinned");
        assertCaught(mutateMethod(files, "public List<Task> sortedByDueDate()", "Task::dueDate", "Task::priority"),
                "duebypriority", "core4_listTasksSortedByDue");
        assertCaught(mutateMethod(files, "public List<Task> sortedByPriority()", "Task::priority", "Task::dueDate"),
                "prioritybydue", "core5_listTasksSortedByPriority");
        // a flag filter without an action that sets the flag: both sample items are unflagged, so only an item
        // created with the flag set shows that the filter leaves it out
        assertCaught(mutateMethod(files, "public List<Note> findByPinned(String wanted)", "item.pinned() == target",
                "true"), "pinnedall", "core7_filterNotesByPinned");
        assertCaught(mutateMethod(files, "public List<Task> findByCompleted(String wanted)",
                "item.completed() == target", "item.completed()"), "completedonly", "core3_filterTasksByStatusOpen");
    }

    /** @return a replacement of {@code .with(changes)} that drops the change of one field */
    private static String without(String field) {
        return ".with(new FieldValues(changes.asMap().entrySet().stream().filter(x -> !x.getKey().equals(\"" + field
                + "\")).collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, "
                + "java.util.Map.Entry::getValue))))";
    }
}

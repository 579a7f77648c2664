package dev.thefactory.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.spi.RequirementClaim;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A web app's feature is implemented only when its page offers it, proven by the page test (the page has the control
 * and the call it makes works); a feature only the JSON API offers is partial, "JSON API only, not on the page".
 */
class WebPageClaimsTest {

    private static final String PAGE_TEST = "#thePageOffersTheOperationsOfItsItems";

    @TempDir
    Path dir;

    @Test
    void theTodoPageOffersEveryFeatureAndItsPageTestProvesIt() throws Exception {
        CoreDriver.Build todo = CoreDriver.build(Specs.todo(ProjectType.WEB_APP));
        for (String id : List.of("core-1", "core-2", "core-3", "core-4", "extended-1", "extended-2")) {
            RequirementClaim claim = todo.claim(id);
            assertThat(claim.status()).as(id).isEqualTo(RequirementStatus.IMPLEMENTED);
            assertThat(claim.tests()).as(id).anyMatch(t -> t.endsWith(PAGE_TEST));
        }
        String page = todo.files().get("src/main/resources/static/index.html");
        assertThat(page).contains("{label: \"Complete\", method: \"POST\", path: \"/complete\"}",
                "{label: \"Delete\", method: \"DELETE\", path: \"\"}", "data-path=\"/find-by-completed/\"",
                "<form id=\"edit\">", "name=\"set.priority\"");
        Path classes = GeneratedJava.compile(todo.files(), dir.resolve("ok"));
        GeneratedJava.TestRun run = GeneratedJava.runTests(todo.files(), dir.resolve("ok"), classes);
        assertThat(run.failed()).as(run.failures()).isZero();
        assertThat(run.passed()).anyMatch(t -> t.endsWith(PAGE_TEST));
        // a page without the delete button fails the page test
        Map<String, String> broken = new TreeMap<>(todo.files());
        String index = "src/main/resources/static/index.html";
        broken.put(index, page.replace("{label: \"Delete\", method: \"DELETE\", path: \"\"}", ""));
        Path brokenClasses = GeneratedJava.compile(broken, dir.resolve("broken"));
        GeneratedJava.TestRun brokenRun = GeneratedJava.runTests(broken, dir.resolve("broken"), brokenClasses);
        assertThat(brokenRun.passed()).noneMatch(t -> t.endsWith(PAGE_TEST));
    }

    @Test
    void aFeatureOnlyTheJsonApiOffersIsPartial() throws Exception {
        ProjectSpec spec = ProjectSpec.builder("Flash Cards", ProjectType.WEB_APP)
                .features(List.of("Add decks with a name and a description", "List decks", "Rename decks",
                        "Add cards with a front, a back and a difficulty (easy, medium, hard)",
                        "Filter cards by difficulty"), List.of())
                .build();
        CoreDriver.Build build = CoreDriver.build(spec);
        for (String id : List.of("core-1", "core-2", "core-3")) {
            assertThat(build.claim(id).status()).as(id).isEqualTo(RequirementStatus.IMPLEMENTED);
        }
        for (String id : List.of("core-4", "core-5")) {
            RequirementClaim claim = build.claim(id);
            assertThat(claim.status()).as(id).isEqualTo(RequirementStatus.PARTIAL);
            assertThat(claim.gaps()).as(id).contains("JSON API only, not on the page");
            assertThat(claim.tests()).as(id).noneMatch(t -> t.endsWith(PAGE_TEST));
        }
    }
}

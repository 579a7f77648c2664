package dev.thefactory.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.thefactory.api.Complexity;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.SpecLimits;
import dev.thefactory.api.SpecValidationException;
import dev.thefactory.api.SpecValidationException.Violation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecLoaderMarkdownTest {

    private final SpecLoader loader = new SpecLoader(SpecLimits.defaults());

    static Path resource(String name) {
        try {
            return Path.of(SpecLoaderMarkdownTest.class.getResource("/specs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private ProjectSpec md(String text) {
        return loader.load(text, SpecFormat.MARKDOWN, "<test>");
    }

    private SpecValidationException mdFails(String text) {
        return catchThrowableOfType(SpecValidationException.class,
                () -> loader.load(text, SpecFormat.MARKDOWN, "<test>"));
    }

    @Test
    void readsTheTemplateStyle() {
        ProjectSpec spec = loader.load(resource("recipe-box-template.md"));

        assertThat(spec.name()).isEqualTo("Recipe Box");
        assertThat(spec.type()).isEqualTo(ProjectType.WEB_APP);
        assertThat(spec.complexity()).isEqualTo(Complexity.MODERATE);
        assertThat(spec.description()).isEmpty();
        assertThat(spec.objectives()).containsExactly("Collect family recipes in one searchable place",
                "Scale ingredient amounts to the number of servings");
        assertThat(spec.features().core()).containsExactly("Add a recipe with ingredients and steps",
                "Search recipes by title or ingredient", "Scale a recipe to N servings",
                "Round amounts to kitchen-friendly fractions");
        assertThat(spec.features().extended()).containsExactly("Import a recipe from a web page", "Weekly meal plan");
        assertThat(spec.techStack()).containsExactly("Language: Java 17", "Framework: Javalin", "Database: SQLite");
        assertThat(spec.architectureHints()).containsExactly(
                "Hexagonal: domain in the middle, adapters for HTTP and storage");
        assertThat(spec.technicalPreferences()).containsExactly("No ORM; plain JDBC");
        assertThat(spec.qualityRequirements()).containsExactly("80% line coverage", "p95 search latency under 100 ms");
        assertThat(spec.outputExpectations()).containsExactly("Runnable jar", "README with screenshots");
        assertThat(spec.extras()).containsExactly(
                Map.entry("MANIFEST", List.of("Owner: Kitchen Team")),
                Map.entry("Constraints & Risks", List.of("Budget is small.",
                        "Recipes may contain non-ASCII text like \"crème brûlée\".", "Hosting on a single VM")));
    }

    @Test
    void readsTheHeadingStyle() {
        ProjectSpec spec = loader.load(resource("log-analyzer-headings.md"));

        assertThat(spec.name()).isEqualTo("Log Analyzer");
        assertThat(spec.description()).isEqualTo("A command-line tool that reads web server access logs and reports "
                + "the slowest endpoints.\n\nIt never modifies the logs.");
        assertThat(spec.type()).isEqualTo(ProjectType.CLI_TOOL);
        assertThat(spec.complexity()).isEqualTo(Complexity.SIMPLE);
        assertThat(spec.objectives()).containsExactly("Find slow endpoints within seconds on a laptop");
        assertThat(spec.features().core()).containsExactly("Parse the combined log format",
                "Report the 10 slowest endpoints");
        assertThat(spec.features().extended()).isEmpty();
        assertThat(spec.techStack()).containsExactly("Language: Java 17", "Build: Maven");
        assertThat(spec.extras()).containsExactly(Map.entry("Notes", List.of("Runs offline.")));
    }

    @Test
    void readsTheExampleSpecsShippedWithTheProject() {
        Path specs = Path.of("").toAbsolutePath().resolveSibling("examples").resolve("specs");

        ProjectSpec todo = loader.load(specs.resolve("example_todo_app.md"));
        assertThat(todo.name()).isEqualTo("Todo App");
        assertThat(todo.type()).isEqualTo(ProjectType.WEB_APP);
        assertThat(todo.description()).startsWith("A small web application").doesNotContain("\n");
        assertThat(todo.features().core()).containsExactly("Add tasks with a title and an optional due date",
                "List all tasks", "Mark tasks complete", "Delete tasks");
        assertThat(todo.features().extended()).hasSize(2);
        assertThat(todo.techStack()).contains("Language: Java 17", "Build: Maven");
        assertThat(todo.qualityRequirements()).contains("Unit tests for every feature");

        ProjectSpec simple = loader.load(specs.resolve("example_simple.md"));
        assertThat(simple.name()).isEqualTo("Word Counter");
        assertThat(simple.type()).isEqualTo(ProjectType.CLI_TOOL);
        assertThat(simple.complexity()).isEqualTo(Complexity.SIMPLE);
        assertThat(simple.features().core()).hasSize(3);
        assertThat(simple.techStack()).containsExactly("Java 17", "Maven");
    }

    @Test
    void theInvalidExampleReportsEveryProblemAtOnceWithItsLine() {
        Path specs = Path.of("").toAbsolutePath().resolveSibling("examples").resolve("specs");

        SpecValidationException e = catchThrowableOfType(SpecValidationException.class,
                () -> loader.load(specs.resolve("example_invalid.md")));

        assertThat(e.violations()).extracting(Violation::field, Violation::line, Violation::invalidValue)
                .containsExactly(tuple("name", 1, ""), tuple("type", 6, "mobile_game"),
                        tuple("complexity", 8, "gigantic"));
        assertThat(e.violations().get(0).message()).isEqualTo("must not be blank; give the project a name");
        assertThat(e.getMessage()).contains("type: unknown type 'mobile_game'; must be one of web_app, api_service, "
                + "cli_tool, library, data_pipeline, ai_system, custom (line 6, was 'mobile_game')");
        assertThat(e.recoveryOptions()).anySatisfy(o -> assertThat(o).contains("docs/spec-format.md"));
    }

    @Test
    void theLibraryExampleParses() {
        Path specs = Path.of("").toAbsolutePath().resolveSibling("examples").resolve("specs");

        ProjectSpec spec = loader.load(specs.resolve("example_library.md"));

        assertThat(spec.name()).isEqualTo("Text Stats");
        assertThat(spec.type()).isEqualTo(ProjectType.LIBRARY);
        assertThat(spec.features().extended()).containsExactly("Top 10 most frequent words");
        assertThat(spec.techStack()).containsExactly("Language: Java 17", "Build: Maven", "Testing: JUnit 5");
    }

    @Test
    void readsAHeadingStyleSpecWithManifestLinesInThePreamble() {
        ProjectSpec spec = md("""
                # Billing

                Type: api_service
                Complexity: complex
                Sends invoices.

                ## TECH STACK
                - Java
                """);

        assertThat(spec.name()).isEqualTo("Billing");
        assertThat(spec.type()).isEqualTo(ProjectType.API_SERVICE);
        assertThat(spec.complexity()).isEqualTo(Complexity.COMPLEX);
        assertThat(spec.description()).isEqualTo("Sends invoices.");
        assertThat(spec.techStack()).containsExactly("Java");
    }

    @Test
    void aFeaturesTableGivesOneFeaturePerRowAndNeverItsHeaderOrSeparator() {
        ProjectSpec spec = md("""
                # Shelf
                ## Type: api_service
                ## Features
                | # | Feature | Priority |
                |---|---------|----------|
                | 1 | Add books with a title and an author | must |
                | 2 | List books | Must have |
                | 3 | Export books as CSV | nice to have |
                | 4 | Sync with Goodreads | won't |
                | 5 | Search books by author | |
                ## Tech Stack
                | Component | Choice | Version |
                |-----------|--------|---------|
                | Language | Java | 17 |
                | Build | Maven | |
                """);

        assertThat(spec.features().core()).containsExactly("Add books with a title and an author", "List books",
                "Search books by author");
        assertThat(spec.features().extended()).containsExactly("Export books as CSV");
        assertThat(spec.extras()).containsEntry("Features marked won't", List.of("Sync with Goodreads"));
        assertThat(spec.techStack()).containsExactly("Language: Java (Version: 17)", "Build: Maven");
    }

    @Test
    void aFeaturesTableWithoutAFeatureHeaderReadsItsFirstColumnAndKeepsTheSectionsGroup() {
        ProjectSpec spec = md("""
                # Shelf
                ## Type: api_service
                ## Features
                ### Extended
                | What users do |
                |---|
                | Rate books from 1 to 5 |
                """);

        assertThat(spec.features().core()).isEmpty();
        assertThat(spec.features().extended()).containsExactly("Rate books from 1 to 5");
    }

    @Test
    void aFeaturesTableRefusesAColumnItWouldLoseAndAPriorityItDoesNotKnow() {
        SpecValidationException extraColumn = mdFails("""
                # Shelf
                ## Type: api_service
                ## Features
                | Feature | Notes |
                |---|---|
                | Add books with a title | only admins |
                """);
        SpecValidationException badPriority = mdFails("""
                # Shelf
                ## Type: api_service
                ## Features
                | Feature | Priority |
                |---|---|
                | Add books with a title | urgent-ish |
                """);

        assertThat(extraColumn.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("features.core");
            assertThat(v.invalidValue()).isEqualTo("Notes");
            assertThat(v.message()).contains("whose content would be lost", "put what the column says into the sentence");
            assertThat(v.line()).isEqualTo(4);
        });
        assertThat(badPriority.violations()).singleElement().satisfies(v -> {
            assertThat(v.invalidValue()).isEqualTo("urgent-ish");
            assertThat(v.message()).contains("write must (or core, high) for a core feature");
            assertThat(v.line()).isEqualTo(6);
        });
    }

    @Test
    void reportsEveryMarkdownProblemAtOnceInSourceOrder() {
        SpecValidationException e = mdFails("""
                # X
                ## Type: boat
                ## Complexity: tiny
                ## OBJECTIVES
                1. Fine
                2. [ ]
                ## MANIFEST
                - **Name**:
                """);

        assertThat(e.violations()).extracting(Violation::field, Violation::line).containsExactly(
                tuple("type", 2), tuple("complexity", 3), tuple("objectives[1]", 6), tuple("name", 8));
        assertThat(e.violations().get(3).message()).isEqualTo("has no value; write it as '- **Name**: value'");
    }

    @Test
    void matchesHeadingsCaseInsensitivelyAndToleratesRemarksAndAmpersands() {
        ProjectSpec spec = md("""
                # Shop
                ## type: WEB_APP
                ## oBjEcTiVeS (why)
                - Sell things
                ## Features & Scope
                ### MVP
                - Cart
                ### Nice to have
                - Wishlist
                ## Technology Stack and Tools
                - Java
                ## 7. Quality & Testing
                - Tests
                ## Output Expectations
                - A jar
                """);

        assertThat(spec.type()).isEqualTo(ProjectType.WEB_APP);
        assertThat(spec.objectives()).containsExactly("Sell things");
        assertThat(spec.features().core()).containsExactly("Cart");
        assertThat(spec.features().extended()).containsExactly("Wishlist");
        assertThat(spec.techStack()).containsExactly("Java");
        assertThat(spec.qualityRequirements()).containsExactly("Tests");
        assertThat(spec.outputExpectations()).containsExactly("A jar");
        assertThat(spec.extras()).isEmpty();
    }

    @Test
    void acceptsManifestLinesWithoutBoldAndAsParagraphLines() {
        ProjectSpec spec = md("""
                ## Manifest
                - Name: Plain
                - Type: library

                Complexity: extreme
                """);

        assertThat(spec.name()).isEqualTo("Plain");
        assertThat(spec.type()).isEqualTo(ProjectType.LIBRARY);
        assertThat(spec.complexity()).isEqualTo(Complexity.EXTREME);
    }

    @Test
    void manifestNameWinsOverTheTitleAndComplexityDefaultsToSimple() {
        ProjectSpec spec = md("""
                # A Title
                ## MANIFEST
                - **Name**: The Name
                - **Type**: `cli-tool`
                """);

        assertThat(spec.name()).isEqualTo("The Name");
        assertThat(spec.type()).isEqualTo(ProjectType.CLI_TOOL);
        assertThat(spec.complexity()).isEqualTo(Complexity.SIMPLE);
        assertThat(spec.description()).isEmpty();
    }

    @Test
    void bulletsDirectlyUnderFeaturesAreCoreAndSubgroupsKeepTheirGroup() {
        ProjectSpec spec = md("""
                # X
                ## Type: library
                ## FEATURES
                - Loose one
                ### Extended
                #### Reporting
                - Charts
                ### Authentication
                - Still extended
                """);

        assertThat(spec.features().core()).containsExactly("Loose one");
        assertThat(spec.features().extended()).containsExactly("Charts", "Still extended");
    }

    @Test
    void flattensInlineFormattingAndKeepsLinkTargets() {
        ProjectSpec spec = md("""
                # X
                ## Type: library
                ## TECH STACK
                - **Language**: *Java* `17`
                - See [the docs](https://example.org/docs) and <https://example.org>
                - ![logo](logo.png) image alt text
                """);

        assertThat(spec.techStack()).containsExactly("Language: Java `17`",
                "See the docs (https://example.org/docs) and https://example.org", "logo image alt text");
    }

    @Test
    void readsAutolinksAsLinksAndKeepsInlineHtmlAndStrayAngleBracketsAsText() {
        ProjectSpec spec = md("""
                # X
                ## Type: library
                ## Notes
                - <https://example.org/a?b=c> and <team@example.org>
                - <b>bold</b> stays markup
                - 1 < 2 and <not a link> and <http://x y>
                """);

        assertThat(spec.extras().get("Notes")).containsExactly(
                "https://example.org/a?b=c and team@example.org",
                "<b>bold</b> stays markup",
                "1 < 2 and <not a link> and <http://x y>");
    }

    @Test
    void stripsCheckboxesButNotEscapedBrackets() {
        ProjectSpec spec = md("""
                # X
                ## Type: library
                ## FEATURES
                - [ ] Open
                - [x] Done
                - [X] Also done
                - \\[ ] Literal brackets
                1. [ ] Numbered checkbox
                """);

        assertThat(spec.features().core()).containsExactly("Open", "Done", "Also done", "[ ] Literal brackets",
                "Numbered checkbox");
    }

    @Test
    void keepsDeeplyNestedItemsAsSeparateItemsInDocumentOrder() {
        ProjectSpec spec = md("""
                # X
                ## Type: library
                ## OBJECTIVES
                1. One
                   - One.a
                     - One.a.i
                2. Two
                """);

        assertThat(spec.objectives()).containsExactly("One", "One.a", "One.a.i", "Two");
    }

    @Test
    void readsSectionsInsideBlockQuotesAndIgnoresHtmlAndRules() {
        ProjectSpec spec = md("""
                # X
                ## Type: library
                <!-- - Not a feature -->
                > ## Objectives
                > - Quoted objective

                ---
                """);

        assertThat(spec.objectives()).containsExactly("Quoted objective");
        assertThat(spec.extras()).isEmpty();
    }

    @Test
    void unknownSectionsKeepParagraphLinesItemsAndCodeLines() {
        ProjectSpec spec = md("""
                # X
                ## Type: library
                ## Glossary
                **SKU**: stock keeping unit
                Second line

                - Item
                ```
                code line
                ```
                ### Sub heading
                """);

        assertThat(spec.extras()).containsExactly(Map.entry("Glossary",
                List.of("SKU: stock keeping unit", "Second line", "Item", "code line", "Sub heading")));
    }

    @Test
    void keepsAHardLineBreakInTheDescriptionAsANewline() {
        ProjectSpec spec = md("# X\n\nFirst line\\\nsecond line\nsame line\n\n## Type: library\n");

        assertThat(spec.description()).isEqualTo("First line\nsecond line same line");
    }

    @Test
    void descriptionSectionAndManifestDescriptionAreJoinedAsParagraphs() {
        ProjectSpec spec = md("""
                # X
                Intro.
                ## MANIFEST
                - **Type**: library
                - **Description**: From the manifest.
                ## Overview
                From the overview.
                """);

        assertThat(spec.description()).isEqualTo("Intro.\n\nFrom the manifest.\n\nFrom the overview.");
    }

    @Test
    void recordsTheSourceLineOfEveryItemForViolations() {
        SpecValidationException e = mdFails("""
                # X
                ## Type: library

                ## FEATURES

                - First
                - Second
                - [ ]
                - Fourth
                """);

        assertThat(e.violations()).containsExactly(new Violation("features.core[2]",
                "must not be blank; write some text or remove the entry", "", 8));
        assertThat(e.getMessage()).contains("features.core[2]: must not be blank", "(line 8, was '')");
    }

    @Test
    void reportsATypeGivenTwiceWithBothLines() {
        SpecValidationException e = mdFails("""
                # X
                ## Type: library
                ## MANIFEST
                - **Type**: web_app
                """);

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("type");
            assertThat(v.line()).isEqualTo(4);
            assertThat(v.message()).contains("more than once", "first at line 2");
        });
    }

    @Test
    void reportsTextUnderAScalarHeadingBeyondItsValue() {
        SpecValidationException e = mdFails("""
                # X
                ## Type
                library

                cli_tool
                """);

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("type");
            assertThat(v.line()).isEqualTo(5);
            assertThat(v.message()).contains("more than one value")
                    .contains("move this paragraph under the title or into a '## Description' section");
        });
    }

    @Test
    void anUnknownTypeOrComplexityCloseToAValidOneGetsASuggestion() {
        SpecValidationException e = mdFails("""
                # X
                ## Type: webapp
                ## Complexity: moderat
                """);

        assertThat(e.violations()).extracting(Violation::message).containsExactly(
                "unknown type 'webapp'; did you mean 'web_app'?; must be one of " + ProjectType.validIds(),
                "unknown complexity 'moderat'; did you mean 'moderate'?; must be one of " + Complexity.validIds()
                        + " (or leave it out for simple)");
        assertThat(mdFails("# X\n## Type: spaceship\n").getMessage()).doesNotContain("did you mean");
        // a word people use for a complexity, however far from its identifier, gets the identifier it means
        assertThat(mdFails("# X\n## Type: web_app\n## Complexity: medium\n").violations())
                .extracting(Violation::message).containsExactly("unknown complexity 'medium'; did you mean "
                        + "'moderate'?; must be one of " + Complexity.validIds() + " (or leave it out for simple)");
        assertThat(mdFails("# X\n## Type: web_app\n## Complexity: Hard\n").getMessage())
                .contains("did you mean 'complex'?");
    }

    @Test
    void requirementTextKeepsInlineCodeAsWrittenAndAValueInCodeIsTheValue() {
        ProjectSpec spec = md("""
                # X
                - **Type**: `web_app`
                ## FEATURES
                - Build with `mvn package` and run ``a `quoted` name``
                ## OUTPUT EXPECTATIONS
                - A Maven project that builds with `mvn package`
                """);

        assertThat(spec.type()).isEqualTo(ProjectType.WEB_APP);
        assertThat(spec.features().core()).containsExactly("Build with `mvn package` and run ``a `quoted` name``");
        assertThat(spec.outputExpectations()).containsExactly("A Maven project that builds with `mvn package`");
    }

    @Test
    void windowsAndOldMacLineEndsGiveTheSameSpecAndLines() {
        String unix = "# X\n\n## Type: library\n\n## FEATURES\n\n- One\n- [ ]\n";

        for (String newline : List.of("\r\n", "\r")) {
            String text = unix.replace("\n", newline);
            SpecValidationException e = mdFails(text);
            assertThat(e.violations()).extracting(Violation::field, Violation::line)
                    .containsExactly(tuple("features.core[1]", 8));
            assertThat(md(text.replace("- [ ]", "- Two")).features().core()).containsExactly("One", "Two");
        }
    }

    @Test
    void anEmptyDocumentReportsTheMissingNameAndType() {
        SpecValidationException e = mdFails("");

        assertThat(e.violations()).extracting(Violation::field).containsExactly("name", "type");
        assertThat(e.violations().get(0).message()).contains("'# My Project' heading");
        assertThat(e.violations().get(1).message()).contains("web_app, api_service, cli_tool");
    }
}

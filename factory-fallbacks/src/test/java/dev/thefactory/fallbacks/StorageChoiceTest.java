package dev.thefactory.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.fallbacks.internal.design.Architecture;
import dev.thefactory.fallbacks.internal.design.Language;
import dev.thefactory.fallbacks.internal.design.Storage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The default store of a generated project: files when a long-running project's spec asks to keep items, else
 * memory; either way both stores are generated and the settings and documentation say which one is used.
 */
class StorageChoiceTest {

    private static final String SETTINGS = "src/main/resources/application.properties";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = ProjectType.class, names = {"WEB_APP", "API_SERVICE", "CLI_TOOL"})
    void aLongRunningProjectWhoseSpecAsksToKeepItemsStoresThemInFiles(ProjectType type) throws Exception {
        CoreDriver.Build build = CoreDriver.build(Specs.todo(type));

        assertThat(build.facts()).containsEntry("simple.design.storage", "file");
        assertThat(build.files().get(SETTINGS)).contains("\nstorage=file\n", "\nstorage.directory=data\n");
        assertThat(build.files().get("src/main/java/com/example/todoapp/repository/Storage.java"))
                .contains("DEFAULT_KIND = Kind.FILE;");
        assertThat(build.files().get(".gitignore")).contains("data/\n");
        assertThat(build.notes()).anyMatch(n -> n.contains("'restarts'") && n.contains("storage=file"));
        assertThat(build.files().get("README.md")).contains("## Storage", "`FileRepository`", "data/tasks.jsonl",
                "keeps its items in files by default");
        assertThat(build.files().get("docs/architecture.md")).contains("rewrites the store's file atomically")
                .doesNotContain("lost when the process stops");
    }

    @ParameterizedTest
    @EnumSource(value = ProjectType.class, names = {"LIBRARY", "DATA_PIPELINE", "AI_SYSTEM", "CUSTOM"})
    void otherTypesKeepItemsInMemoryByDefaultButGetTheFileStoreToo(ProjectType type) throws Exception {
        CoreDriver.Build build = CoreDriver.build(Specs.todo(type));

        assertThat(build.facts()).containsEntry("simple.design.storage", "memory");
        assertThat(build.files().get(SETTINGS)).contains("\nstorage=memory\n");
        assertThat(build.files()).containsKeys("src/main/java/com/example/todoapp/repository/FileRepository.java",
                "src/test/java/com/example/todoapp/repository/FileRepositoryTest.java");
        assertThat(build.files().get("README.md")).contains(type == ProjectType.LIBRARY
                ? "`Storage.from(Settings.load())` reads `storage=memory`" : "keeps its items in memory by default");
    }

    @Test
    void aSpecThatDoesNotAskToKeepItemsGetsMemory() throws Exception {
        CoreDriver.Build build = CoreDriver.build(Specs.inventory(ProjectType.WEB_APP));

        assertThat(build.facts()).containsEntry("simple.design.storage", "memory");
        assertThat(build.files().get(SETTINGS)).contains("\nstorage=memory\n");
        assertThat(build.notes()).noneMatch(n -> n.contains("storage=file"));
    }

    @Test
    void theDecisionReadsEverySectionAndOnlyWholeWords() {
        ProjectSpec.Builder base = ProjectSpec.builder("Notes", ProjectType.API_SERVICE)
                .features(List.of("Add notes with a text"), List.of());
        assertThat(Storage.decide(base.build())).isEqualTo(Storage.MEMORY);
        assertThat(Storage.decide(base.qualityRequirements(List.of("Data must be persisted")).build()))
                .isEqualTo(Storage.FILE);
        assertThat(Storage.durableWord(ProjectSpec.builder("Notes", ProjectType.CLI_TOOL)
                .description("Saves time; no database needed").build())).contains("saves");
        assertThat(Storage.decide(ProjectSpec.builder("Notes", ProjectType.API_SERVICE)
                .description("Unsaved drafts, a savvy dbms").build())).isEqualTo(Storage.MEMORY);
    }

    @Test
    void anyStorageRequestSelectsTheFileStoreTheTechStackIncluded() {
        ProjectSpec.Builder base = ProjectSpec.builder("Notes", ProjectType.API_SERVICE)
                .features(List.of("Add notes with a text"), List.of());
        for (List<String> stack : List.of(List.of("Storage: flat files"), List.of("storage: a JSON file in the home "
                + "directory"), List.of("Database: PostgreSQL"))) {
            assertThat(Storage.decide(base.techStack(stack).build())).as(stack.toString()).isEqualTo(Storage.FILE);
        }
        assertThat(Storage.decide(base.techStack(List.of()).technicalPreferences(List.of(
                "Store data in a single file under ~/.notes")).build())).isEqualTo(Storage.FILE);
    }

    @ParameterizedTest
    @EnumSource(value = Language.class)
    void aCommandLineToolStoresItsItemsInFilesWhateverItsSpecSays(Language language) throws Exception {
        ProjectSpec spec = ProjectSpec.builder("Gym Log", ProjectType.CLI_TOOL)
                .features(List.of("Add workouts with a name and a duration in minutes", "List workouts"), List.of())
                .techStack(List.of("Language: " + language.label())).build();
        assertThat(Storage.durableWord(spec)).isEmpty();
        CoreDriver.Build build = CoreDriver.build(spec);

        assertThat(build.facts()).containsEntry("simple.design.storage", "file");
        if (language == Language.JAVA) {
            assertThat(build.files().get(SETTINGS)).contains("\nstorage=file\n", "\nstorage.directory=data\n");
            assertThat(build.files().get("README.md")).contains("## Storage", "data/workouts.jsonl",
                    "keeps its items in files by default");
            assertThat(build.notes()).anyMatch(n -> n.contains("one process per command") && n.contains("storage=file"));
        } else {
            assertThat(build.notes()).anyMatch(n -> n.contains("one process per command")
                    && n.contains("keeps its items in memory only"));
        }
    }

    @Test
    void theCommandLineFeatureTestsRunEachCommandInAFreshProgramOverOneStore() throws Exception {
        ProjectSpec spec = ProjectSpec.builder("Gym Log", ProjectType.CLI_TOOL)
                .features(List.of("Add workouts with a name and a duration in minutes", "List workouts"), List.of())
                .techStack(List.of("Language: Java 17")).build();
        CoreDriver.Build build = CoreDriver.build(spec);
        String tests = build.files().get("src/test/java/com/example/gymlog/RequirementsTest.java");
        assertThat(tests).contains("return new Commands(Storage.files(dir)).execute(args);");
        Path classes = GeneratedJava.compile(build.files(), dir.resolve("ok"));
        GeneratedJava.TestRun run = GeneratedJava.runTests(build.files(), dir.resolve("ok"), classes);
        assertThat(run.failed()).as(run.failures()).isZero();
        assertThat(run.passed()).containsAll(build.claim("core-1").tests()).containsAll(build.claim("core-2").tests());
        // a store that forgets what it wrote fails the add and list tests, which run in separate programs
        Map<String, String> forgetful = new TreeMap<>(build.files());
        String commands = "src/main/java/com/example/gymlog/cli/Commands.java";
        assertThat(forgetful.get(commands)).contains("storage.repository(");
        forgetful.put(commands, forgetful.get(commands).replace("storage.repository(", "Storage.memory().repository("));
        Path broken = GeneratedJava.compile(forgetful, dir.resolve("broken"));
        GeneratedJava.TestRun brokenRun = GeneratedJava.runTests(forgetful, dir.resolve("broken"), broken);
        assertThat(brokenRun.passed()).doesNotContainAnyElementsOf(build.claim("core-2").tests());
    }

    @Test
    void otherLanguagesSayTheyKeepItemsInMemory() throws Exception {
        ProjectSpec spec = ProjectSpec.builder("Todo App", ProjectType.CLI_TOOL)
                .objectives(List.of("Keep every task safe across restarts"))
                .features(List.of("Add tasks with a title", "List tasks"), List.of())
                .techStack(List.of("Language: Python 3")).build();
        CoreDriver.Build build = CoreDriver.build(spec);

        assertThat(build.facts()).containsEntry("simple.design.storage", "file");
        assertThat(build.notes()).anyMatch(n -> n.contains("keeps them in memory only"));
        assertThat(build.files().get("docs/architecture.md")).contains("lost when the process stops");
    }

    @Test
    void theDecisionTravelsAsAFactThatIsCheckedWhenRead() throws Exception {
        Map<String, String> facts = new TreeMap<>(CoreDriver.build(Specs.todo(ProjectType.WEB_APP)).facts());
        assertThat(Architecture.decode(facts).storage()).isEqualTo(Storage.FILE);
        facts.put("simple.design.storage", "cloud");
        assertThatThrownBy(() -> Architecture.decode(facts)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fact simple.design.storage names no storage");
        facts.remove("simple.design.storage");
        assertThatThrownBy(() -> Architecture.decode(facts)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fact simple.design.storage is missing");
    }
}

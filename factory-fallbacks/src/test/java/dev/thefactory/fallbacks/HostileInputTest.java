package dev.thefactory.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names and features that try to break paths, packages or generated code give safe, compiling projects. */
class HostileInputTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"../../etc", "class", "123", "Ünïcödé", "日本語のアプリ", "a/b\\c:d*e?f\"g<h>i|j",
        "*/ public class X { /*", "\\u0022 quote", "String", "Test", "--", "  spaced   out  ", "null", "Main",
        "con", "NUL", "Aux", "com1"})
    void hostileNamesGiveSafePackagesAndPaths(String name) throws Exception {
        ProjectSpec spec = ProjectSpec.builder(name, ProjectType.CLI_TOOL).description("Desc */ with \"quotes\" & <b>")
                .features(List.of("Add notes with a title */ and text \\u0022", "List notes", "Delete notes",
                        "Add cons with a name", "Add auxes", "Register lpt1s"), List.of())
                .build();
        CoreDriver.Build build = CoreDriver.build(spec);
        String pkg = build.facts().get("simple.design.basePackage");
        assertThat(pkg).matches("com\\.example\\.[a-z][a-z0-9]*");
        assertThat(build.files().keySet()).allMatch(p -> p.matches("[A-Za-z0-9._/-]+") && !p.contains(".."));
        assertThat(build.files().keySet()).anyMatch(p -> p.startsWith("src/main/java/" + pkg.replace('.', '/') + "/"));
        Path classes = GeneratedJava.compile(build.files(), dir);
        GeneratedJava.TestRun run = GeneratedJava.runTests(build.files(), dir, classes);
        assertThat(run.failures()).isEmpty();
        assertThat(run.found()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"class", "123 Go", "Ünïcödé", "con"})
    void keywordsAndDigitsAreMadeSafe(String name) throws Exception {
        CoreDriver.Build build = CoreDriver.build(ProjectSpec.builder(name, ProjectType.LIBRARY)
                .features(List.of("Add items"), List.of()).build());
        String pkg = build.facts().get("simple.design.basePackage");
        switch (name) {
            case "class" -> assertThat(pkg).isEqualTo("com.example.classapp");
            case "123 Go" -> assertThat(pkg).isEqualTo("com.example.app123go");
            case "con" -> assertThat(pkg).isEqualTo("com.example.conapp");
            default -> assertThat(pkg).isEqualTo("com.example.unicode");
        }
    }
}

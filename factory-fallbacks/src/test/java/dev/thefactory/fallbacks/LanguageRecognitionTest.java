package dev.thefactory.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.fallbacks.internal.design.Language;
import dev.thefactory.spi.RequirementClaim;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The requested language is read as the user wrote it, and claimed only when the project is really in it. */
class LanguageRecognitionTest {

    private static ProjectSpec spec(String... stack) {
        return Specs.todo(ProjectType.API_SERVICE).toBuilder().techStack(List.of(stack)).build();
    }

    /** @return the todo spec as a command-line tool, which the skeletons of every language are */
    private static ProjectSpec cliSpec(String... stack) {
        return Specs.todo(ProjectType.CLI_TOOL).toBuilder().techStack(List.of(stack)).build();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "Language: JavaScript (Node.js 20); javascript; javascript",
        "JavaScript; javascript; javascript",
        "Language: Node.js; nodejs; javascript",
        "Backend: Node.js with Express; nodejs; javascript",
        "Runtime: Node 20; node; javascript",
        "Language: TypeScript; typescript; ",
        "TypeScript (Node.js 20); typescript; ",
        "Language: Golang; golang; go",
        "Go 1.22; go; go",
        "Language: Python 3.12; python; python",
        "Python; python; python",
        "Language: Java 21; java; java",
        "Java 17; java; java",
        "Language: Kotlin; kotlin; ",
        "Kotlin 2.0 on the JVM; kotlin; ",
        "Language: Rust 1.80; rust; ",
        "Language: C#; c#; ",
        "Language: C++20; c++; ",
        "Language: Scala 3; scala; ",
        "**Language**: Ruby 3.3; ruby; "})
    void recognisesTheLanguage(String entry, String named, String generated) {
        Optional<Language.Request> request = Language.requested(spec(entry));
        assertThat(request).isPresent();
        assertThat(request.get().named()).isEqualTo(named);
        assertThat(request.get().generated().map(Language::code)).isEqualTo(Optional.ofNullable(generated));
        assertThat(Language.detect(spec(entry)).code()).isEqualTo(generated == null ? "java" : generated);
    }

    @Test
    void noLanguageWordMeansJavaAndNoLanguageClaim() {
        assertThat(Language.requested(spec("Framework: React", "Build: Maven"))).isEmpty();
        assertThat(Language.detect(spec("Database: PostgreSQL"))).isEqualTo(Language.JAVA);
    }

    @Test
    void javaScriptIsNeverJava() throws Exception {
        CoreDriver.Build build = CoreDriver.build(cliSpec("Language: JavaScript (Node.js 20)"));
        assertThat(build.facts()).containsEntry("simple.design.language", "javascript");
        assertThat(build.files()).containsKeys("package.json", "test/store.test.js").doesNotContainKey("pom.xml");
        RequirementClaim language = build.claim("tech-stack-1");
        assertThat(language.status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        assertThat(language.files()).containsExactly("package.json");
        assertThat(language.tests()).contains("test/store.test.js#adds, lists and gets items");
        for (String id : List.of("core-1", "core-2", "core-3", "core-4", "extended-1", "extended-2")) {
            assertThat(build.claim(id).status()).as(id).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
            assertThat(build.claim(id).reason()).as(id).contains("only a skeleton in JavaScript");
        }
        String readme = build.files().get("README.md");
        assertThat(readme).contains("None of the spec's features is implemented").contains("## Not implemented")
                .contains("`core-1` \"Add tasks with a title and an optional due date\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Language: Python 3.12; pyproject.toml; tests.test_store.StoreTest#test_adds_lists_and_gets",
        "Language: Go 1.22; go.mod; example.com/todo-app#TestAddListGet"})
    void aSkeletonClaimsItsLanguageWithTheRunnersTestNames(String entry, String file, String test) throws Exception {
        CoreDriver.Build build = CoreDriver.build(cliSpec(entry));
        RequirementClaim language = build.claim("tech-stack-1");
        assertThat(language.status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        assertThat(language.files()).containsExactly(file);
        assertThat(language.tests()).contains(test);
        assertThat(build.claim("core-1").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"Language: TypeScript; typescript", "Language: Kotlin; kotlin",
        "Language: Rust 1.80; rust"})
    void aLanguageItCannotWriteIsGeneratedInJavaAndClaimedNotImplemented(String entry, String named)
            throws Exception {
        CoreDriver.Build build = CoreDriver.build(spec(entry));
        assertThat(build.files()).containsKey("pom.xml");
        RequirementClaim language = build.claim("tech-stack-1");
        assertThat(language.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(language.reason()).contains("cannot write " + named).contains("generated Java 17 instead");
        assertThat(build.claim("core-1").status()).isEqualTo(RequirementStatus.IMPLEMENTED);
    }

    @Test
    void javaOlderThan17IsNotClaimed() throws Exception {
        RequirementClaim language = CoreDriver.build(spec("Language: Java 11")).claim("tech-stack-1");
        assertThat(language.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(language.reason()).contains("needs Java 17 or later");
    }

    @Test
    void javaLaterThan17IsClaimedOnlyWhenTheBuildFileDeclaresIt() throws Exception {
        CoreDriver.Build build = CoreDriver.build(spec("Language: Java 21"));
        RequirementClaim language = build.claim("tech-stack-1");
        if (Runtime.version().feature() >= 21) {
            assertThat(build.files().get("pom.xml")).contains("<maven.compiler.release>21</maven.compiler.release>");
            assertThat(build.files().get("README.md")).contains("written in Java 21");
            assertThat(build.files().get("src/test/java/com/example/todoapp/RequirementsTest.java"))
                    .contains("assertEquals(\"21\", child(element(project, \"properties\")");
            assertThat(language.status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        } else {
            assertThat(build.files().get("pom.xml")).contains("<maven.compiler.release>17</maven.compiler.release>");
            assertThat(build.files().get("README.md")).contains("written in Java 17");
            assertThat(language.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
            assertThat(language.reason()).startsWith("The Factory runs on Java " + Runtime.version().feature())
                    .contains("the generated pom.xml declares Java 17").contains("Run The Factory on JDK 21 or later");
        }
        assertThat(build.files().get("README.md")).contains("An API service written in Java");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "Language: Python 2.7; pyproject.toml; requires-python = \">=3.9\"; needs Python 3.9 or later",
        "Language: Python 3.6; pyproject.toml; requires-python = \">=3.9\"; cannot target Python 3.6",
        "Language: Go 1.16; go.mod; go 1.18; needs Go 1.18 or later",
        "Language: JavaScript (Node.js 16); package.json; \"node\": \">=18\"; cannot target Node.js 16"})
    void aVersionTheSkeletonCannotDeclareIsNotClaimed(String entry, String buildFile, String declared, String why)
            throws Exception {
        CoreDriver.Build build = CoreDriver.build(spec(entry));
        assertThat(build.files().get(buildFile)).contains(declared);
        RequirementClaim language = build.claim("tech-stack-1");
        assertThat(language.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(language.reason()).contains(why);
    }

    @Test
    void otherStackEntriesGetTheirOwnFate() throws Exception {
        CoreDriver.Build build = CoreDriver.build(spec("Language: Java 17", "Build: Gradle", "Database: PostgreSQL",
                "LLM: OpenAI API", "Testing: JUnit 5", "Build: Maven"));
        assertThat(build.claim("tech-stack-2").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(build.claim("tech-stack-3").reason()).contains("PostgreSQL");
        assertThat(build.claim("tech-stack-4").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(build.claim("tech-stack-5").status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        assertThat(build.claim("tech-stack-6").files()).containsExactly("pom.xml");
    }
}

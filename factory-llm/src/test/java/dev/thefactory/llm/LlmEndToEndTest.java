package dev.thefactory.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.Factory;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.RequirementOutcome;
import dev.thefactory.api.RequirementSection;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.api.RequirementsNotMetException;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.llm.FakeOpenAi.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole builds through {@code Factory.builder()} with the llm backend alone ({@code INTEGRATED}), the default feature
 * requirement ({@code CORE}) and the generated tests run: the real example spec {@code example_todo_app.md} (a web
 * application) and a Markdown-to-HTML converter the simple backend cannot implement, both built from scripted
 * answers that hold real code and JUnit 5 tests, which the core compiles and runs.
 */
class LlmEndToEndTest {

    private static final RetrySettings FAST_RETRY = new RetrySettings(3, Duration.ZERO, Duration.ZERO, 1.0, 0.0);
    private static final Path TODO_SPEC = Path.of("..", "examples", "specs", "example_todo_app.md");

    @TempDir
    Path tmp;

    private final FakeOpenAi server = new FakeOpenAi();

    @AfterEach
    void stop() {
        server.close();
    }

    private dev.thefactory.spi.OrchestratorBackendProvider llm() {
        return LlmBackend.provider(LlmSettings.builder().baseUrl(server.baseUrl()).model("test-model")
                .apiKey("sk-e2e").timeout(Duration.ofSeconds(10)).build());
    }

    private Factory.Builder factory() {
        return Factory.builder().mode(Mode.INTEGRATED).outputDirectory(tmp.resolve("out")).retry(FAST_RETRY)
                .backend(llm());
    }

    @Test
    void theExampleTodoWebAppIsBuiltWithEveryCoreFeatureImplementedAndProven() throws IOException {
        ScriptedBuild project = ScriptedBuild.todoApp();
        server.otherwise(project);

        BuildResult result = factory().spec(TODO_SPEC).build().run();

        assertBuiltByLlm(result, project);
        assertThat(result.coverage().section(RequirementSection.CORE)).hasSize(4);
        // what the plan also served and a planned test proves: input validation
        assertThat(result.coverage().requirement("quality-2").orElseThrow().status())
                .isEqualTo(RequirementStatus.IMPLEMENTED);
        // the architecture hint (the store behind an interface) has files but no test of its own: not proven
        assertThat(result.coverage().requirement("architecture-1").orElseThrow()).satisfies(hint -> {
            assertThat(hint.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
            assertThat(hint.reason()).contains("names no generated test that exercises it");
        });
        // no file of the plan serves the extended features: not implemented, and said so
        assertThat(result.coverage().section(RequirementSection.EXTENDED)).allSatisfy(outcome -> {
            assertThat(outcome.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
            assertThat(outcome.reason()).contains("file plan assigned no file");
        });
    }

    @Test
    void aMarkdownToHtmlConverterTheSimpleBackendCannotImplementIsBuiltByTheLlmBackend() throws IOException {
        ScriptedBuild project = ScriptedBuild.markdownToHtml();
        server.otherwise(project);

        BuildResult result = factory().spec(ScriptedBuild.markdownSpec(), SpecFormat.MARKDOWN).build().run();

        assertBuiltByLlm(result, project);
        assertThat(result.coverage().section(RequirementSection.CORE)).extracting(RequirementOutcome::text)
                .containsExactly("Convert a Markdown file to HTML", "Render headings, emphasis and lists",
                        "Write the HTML next to the input file");
        assertThat(result.coverage().requirement("core-2").orElseThrow().evidence().tests())
                .contains("com.example.mdhtml.MarkdownConverterTest#rendersHeadings",
                        "com.example.mdhtml.MarkdownConverterTest#rendersEmphasis",
                        "com.example.mdhtml.MarkdownConverterTest#rendersLists");
    }

    @Test
    void evidenceThatDoesNotHoldFailsTheCorePolicyAndNothingIsPublished() {
        // the plan names, as the proof of core-2, a test that the generated test class does not have
        server.otherwise(ScriptedBuild.markdownToHtml().withPlanChanged(
                "com.example.mdhtml.MarkdownConverterTest#rendersLists",
                "com.example.mdhtml.MarkdownConverterTest#rendersTables"));

        assertThatThrownBy(() -> factory().spec(ScriptedBuild.markdownSpec(), SpecFormat.MARKDOWN).build().run())
                .isInstanceOfSatisfying(RequirementsNotMetException.class, e -> {
                    BuildResult result = e.result();
                    assertThat(result.outputDirectory()).isNull();
                    RequirementOutcome core2 = result.coverage().requirement("core-2").orElseThrow();
                    assertThat(core2.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
                    assertThat(core2.reason()).contains("test com.example.mdhtml.MarkdownConverterTest#rendersTables"
                            + " was not among the generated tests that ran");
                    assertThat(result.coverage().requirement("core-1").orElseThrow().status())
                            .isEqualTo(RequirementStatus.IMPLEMENTED);
                })
                .hasMessageContaining("core-2");
        assertThat(tmp.resolve("out")).satisfiesAnyOf(out -> assertThat(out).doesNotExist(),
                out -> assertThat(out).isEmptyDirectory());
    }

    @Test
    void theTokensOfATaskThatFailedForGoodAreCountedInTheFailedBuildsUsage() {
        server.otherwise(r -> Reply.content("Sure! The tool converts Markdown files to HTML."));

        assertThatThrownBy(() -> factory().spec(ScriptedBuild.markdownSpec(), SpecFormat.MARKDOWN).build().run())
                .isInstanceOfSatisfying(dev.thefactory.api.BuildFailedException.class, e -> {
                    assertThat(server.chats()).hasSize(FAST_RETRY.maxAttempts());
                    assertThat(e.result().usage().calls()).as("every answered call of the failed task")
                            .isEqualTo(server.chats().size());
                    assertThat(e.result().usage().inputTokens()).isEqualTo(100L * server.chats().size());
                });
    }

    @Test
    void theSimpleBackendCannotImplementTheMarkdownConverter() {
        assertThatThrownBy(() -> Factory.builder().spec(ScriptedBuild.markdownSpec(), SpecFormat.MARKDOWN)
                .mode(Mode.STANDALONE).outputDirectory(tmp.resolve("out")).runGeneratedTests(false).build().run())
                .as("the spec is one only an integrated backend can implement")
                .isInstanceOf(RequirementsNotMetException.class);
        assertThat(tmp.resolve("out")).satisfiesAnyOf(out -> assertThat(out).doesNotExist(),
                out -> assertThat(out).isEmptyDirectory());
    }

    @Test
    void theTokensOfARejectedAnswerAreCountedWithThoseOfTheRetryThatSucceeded() {
        ScriptedBuild project = ScriptedBuild.markdownToHtml();
        // analyze is the build's first call: its first answer is prose (rejected, retried), its second is good
        server.enqueue(Reply.completion("Sure! The tool converts Markdown files to HTML.", "stop", 700, 30));
        server.otherwise(request -> request.system().contains("Task: analyze the specification")
                ? Reply.completion(project.analysis(), "stop", 300, 20) : project.apply(request));

        BuildResult result = factory().spec(ScriptedBuild.markdownSpec(), SpecFormat.MARKDOWN).build().run();

        assertThat(result.retries()).isEqualTo(1);
        assertThat(result.notes()).contains("llm usage of analyze: 2 calls, 1000 input + 50 output tokens "
                + "(build so far: 2 calls, 1000 input + 50 output tokens)");
        int others = server.chats().size() - 2;   // every other call answers 100 input + 50 output tokens
        assertThat(result.usage().calls()).isEqualTo(server.chats().size());
        assertThat(result.usage().inputTokens()).isEqualTo(1000L + 100L * others);
        assertThat(result.usage().outputTokens()).isEqualTo(50L + 50L * others);
    }

    /**
     * Every core feature (and the language) is IMPLEMENTED by the llm backend, with evidence that holds: files that
     * are in the published output, and planned tests that ran and passed; usage counts every request.
     */
    private void assertBuiltByLlm(BuildResult result, ScriptedBuild project) throws IOException {
        assertThat(result.fallbacks()).isEmpty();
        assertThat(result.phases()).filteredOn(p -> p.phase() == Phase.GENERATE).extracting(PhaseResult::backend)
                .containsExactly("llm");
        Path published = result.outputDirectory();
        assertThat(published).isNotNull();
        for (var file : project.files().entrySet()) {
            PublishedFiles.assertAsGenerated(published, file.getKey(), file.getValue());
        }
        assertThat(result.validation().failed()).isZero();
        assertThat(result.validation().tests().failed()).as("%s", result.validation()).isZero();
        assertThat(result.validation().tests().passed()).as("%s", result.validation())
                .isEqualTo(project.tests().size());

        List<RequirementOutcome> core = result.coverage().section(RequirementSection.CORE);
        assertThat(core).isNotEmpty().allSatisfy(outcome -> {
            assertThat(outcome.status()).as("%s", outcome).isEqualTo(RequirementStatus.IMPLEMENTED);
            assertThat(outcome.backend()).isEqualTo("llm");
            assertThat(outcome.evidence().files()).isNotEmpty()
                    .allSatisfy(f -> assertThat(published.resolve(f)).isRegularFile());
            assertThat(outcome.evidence().tests()).isNotEmpty()
                    .allSatisfy(t -> assertThat(project.tests()).contains(t))
                    .allMatch(t -> t.matches("com\\.example\\.[a-z]+\\.[A-Za-z]+Test#[A-Za-z]+"));
        });
        RequirementOutcome language = result.coverage().requirement(result.coverage().languageId()).orElseThrow();
        assertThat(language.status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        assertThat(language.evidence().files()).contains("pom.xml");

        assertThat(result.usage().calls()).as("every request the server answered is counted once")
                .isEqualTo(server.chats().size());
        assertThat(result.usage().inputTokens()).isEqualTo(100L * server.chats().size());
        assertThat(result.usage().outputTokens()).isEqualTo(50L * server.chats().size());
    }
}

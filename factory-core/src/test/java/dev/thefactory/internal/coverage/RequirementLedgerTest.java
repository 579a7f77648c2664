package dev.thefactory.internal.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.Coverage;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.RequirementOutcome;
import dev.thefactory.api.RequirementSection;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.SpecLimits;
import dev.thefactory.internal.output.TestOutcome;
import dev.thefactory.internal.spec.SpecLoader;
import dev.thefactory.spi.RequirementClaim;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Verifying claims against the validated output: what holds, what is downgraded, merged, ignored, unclaimed. */
class RequirementLedgerTest {

    private static final ProjectSpec SPEC = new SpecLoader(SpecLimits.defaults()).load("""
            # Todo

            A todo list service.

            ## Type: api_service

            ## FEATURES

            ### Core
            - Create todo items with a title
            - List todo items
            - Delete todo items (admins only)

            ### Extended
            - Export todo items to PDF

            ## TECH STACK
            - Language: Java 17
            - PostgreSQL
            """, SpecFormat.MARKDOWN, "todo.md");

    private static final Set<String> FILES = Set.of("src/main/java/todo/Todos.java",
            "src/test/java/todo/TodosTest.java", "pom.xml");
    private static final List<TestOutcome> TESTS = List.of(
            new TestOutcome("todo.TodosTest#core1CreatesATodo", TestOutcome.Status.PASSED, ""),
            new TestOutcome("todo.TodosTest#core2ListsTodos", TestOutcome.Status.PASSED, ""),
            new TestOutcome("todo.TodosTest#core3DeletesATodo", TestOutcome.Status.FAILED,
                    "expected 204 but was 500\n\tat todo.TodosTest"),
            new TestOutcome("todo.TodosTest#extended1Exports", TestOutcome.Status.SKIPPED, "disabled"));

    private static VerifiedLedger verify(List<TaskClaim> claims) {
        return RequirementLedger.verify(SPEC, "alpha", claims, FILES, TESTS, null);
    }

    private static TaskClaim claim(String task, RequirementClaim claim) {
        return new TaskClaim(task, claim);
    }

    private static RequirementClaim implemented(String id, String test) {
        return RequirementClaim.implemented(id, List.of("src/main/java/todo/Todos.java"), List.of(test));
    }

    private static RequirementOutcome outcome(VerifiedLedger ledger, String id) {
        return ledger.coverage().requirement(id).orElseThrow();
    }

    @Test
    void everyRequirementOfTheSpecAppearsOnceInOrderWithItsSectionAndTheLanguageIsFound() {
        Coverage coverage = verify(List.of()).coverage();

        assertThat(coverage.requirements()).extracting(RequirementOutcome::id)
                .containsExactly("core-1", "core-2", "core-3", "extended-1", "tech-stack-1", "tech-stack-2");
        assertThat(coverage.requirements()).extracting(RequirementOutcome::section).containsExactly(
                RequirementSection.CORE, RequirementSection.CORE, RequirementSection.CORE,
                RequirementSection.EXTENDED, RequirementSection.TECH_STACK, RequirementSection.TECH_STACK);
        assertThat(coverage.languageId()).isEqualTo("tech-stack-1");
        assertThat(outcome(verify(List.of()), "core-3").text()).isEqualTo("Delete todo items (admins only)");
    }

    @Test
    void anUnclaimedRequirementIsNotImplementedBecauseNoBackendClaimedIt() {
        VerifiedLedger ledger = verify(List.of(claim("generate/code", implemented("core-1",
                "todo.TodosTest#core1CreatesATodo"))));

        RequirementOutcome unclaimed = outcome(ledger, "core-2");
        assertThat(unclaimed.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(unclaimed.reason()).isEqualTo("no backend claimed it");
        assertThat(unclaimed.backend()).isNull();
        assertThat(unclaimed.evidence().isEmpty()).isTrue();
        assertThat(ledger.coverage().implemented()).isEqualTo(1);
        assertThat(ledger.coverage().notImplemented()).isEqualTo(5);
        assertThat(ledger.notes()).isEmpty();
    }

    @Test
    void aClaimWhoseFilesAndPassingTestsHoldIsImplementedWithItsEvidence() {
        VerifiedLedger ledger = verify(List.of(claim("generate/code", RequirementClaim.implemented("core-1",
                List.of("./src/main/java/todo/Todos.java"), List.of("todo.TodosTest#core1CreatesATodo")))));

        RequirementOutcome core1 = outcome(ledger, "core-1");
        assertThat(core1.status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        assertThat(core1.backend()).isEqualTo("alpha");
        assertThat(core1.evidence().files()).as("normalized").containsExactly("src/main/java/todo/Todos.java");
        assertThat(core1.evidence().tests()).containsExactly("todo.TodosTest#core1CreatesATodo");
        assertThat(core1.reason()).isNull();
        assertThat(core1.gaps()).isEmpty();
    }

    @Test
    void aClaimedTestThatDidNotRunDowngradesTheClaimWithANote() {
        VerifiedLedger ledger = verify(List.of(claim("generate/tests", implemented("core-2",
                "todo.TodosTest#core2Invented"))));

        RequirementOutcome core2 = outcome(ledger, "core-2");
        assertThat(core2.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(core2.backend()).isEqualTo("alpha");
        assertThat(core2.reason()).isEqualTo("claimed by backend 'alpha', but its evidence did not hold: test "
                + "todo.TodosTest#core2Invented was not among the generated tests that ran");
        assertThat(core2.evidence().isEmpty()).isTrue();
        assertThat(ledger.notes()).singleElement().asString()
                .contains("core-2", "List todo items", "generate/tests", "alpha",
                        "todo.TodosTest#core2Invented was not among the generated tests that ran",
                        "counts as NOT_IMPLEMENTED");
    }

    @Test
    void aClaimedTestThatFailedOrWasSkippedDowngradesTheClaim() {
        VerifiedLedger ledger = verify(List.of(
                claim("generate/code", implemented("core-3", "todo.TodosTest#core3DeletesATodo")),
                claim("generate/code", implemented("extended-1", "todo.TodosTest#extended1Exports"))));

        assertThat(outcome(ledger, "core-3").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(outcome(ledger, "core-3").reason()).isEqualTo("claimed by backend 'alpha', but its evidence did not "
                + "hold: test todo.TodosTest#core3DeletesATodo failed (expected 204 but was 500)");
        assertThat(outcome(ledger, "extended-1").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(outcome(ledger, "extended-1").reason()).contains("todo.TodosTest#extended1Exports was skipped");
        assertThat(ledger.notes()).hasSize(2);
    }

    @Test
    void aClaimedFileThatIsNotInTheOutputDowngradesTheClaim() {
        VerifiedLedger ledger = verify(List.of(claim("generate/code/a", RequirementClaim.implemented("core-1",
                List.of("src/main/java/todo/Missing.java", "src/main/java/todo/Todos.java"),
                List.of("todo.TodosTest#core1CreatesATodo")))));

        assertThat(outcome(ledger, "core-1").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(outcome(ledger, "core-1").reason()).isEqualTo("claimed by backend 'alpha', but its evidence did not "
                + "hold: file src/main/java/todo/Missing.java is not in the output");
    }

    @Test
    void anImplementedFeatureNeedsATestAndAFile() {
        VerifiedLedger ledger = verify(List.of(
                claim("generate/code", RequirementClaim.implemented("core-1", List.of("pom.xml"), List.of())),
                claim("generate/code", RequirementClaim.implemented("core-2", List.of(),
                        List.of("todo.TodosTest#core2ListsTodos")))));

        assertThat(outcome(ledger, "core-1").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(outcome(ledger, "core-1").reason()).endsWith("it names no generated test that exercises it");
        assertThat(outcome(ledger, "core-2").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(outcome(ledger, "core-2").reason()).endsWith("it names no generated file that implements it");
    }

    @Test
    void aTechStackEntryClaimedWithFilesButNoTestIsDowngradedWithANote() {
        VerifiedLedger ledger = verify(List.of(
                claim("generate/build", RequirementClaim.implemented("tech-stack-2", List.of("pom.xml"), List.of()))));

        RequirementOutcome postgres = outcome(ledger, "tech-stack-2");
        assertThat(postgres.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(postgres.reason()).isEqualTo("claimed by backend 'alpha', but its evidence did not hold: "
                + RequirementLedger.NO_TEST);
        assertThat(postgres.evidence().isEmpty()).isTrue();
        assertThat(ledger.notes()).singleElement().asString().contains("tech-stack-2", "PostgreSQL",
                "it names no generated test that exercises it", "counts as NOT_IMPLEMENTED");
    }

    @Test
    void aPartialNonFeatureClaimWithoutATestIsDowngradedToo() {
        VerifiedLedger ledger = verify(List.of(claim("generate/build", RequirementClaim.partial("tech-stack-1",
                List.of("pom.xml"), List.of(), List.of("17"), "built for another version"))));

        assertThat(outcome(ledger, "tech-stack-1").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(outcome(ledger, "tech-stack-1").reason()).endsWith(RequirementLedger.NO_TEST);
    }

    @Test
    void aTechStackEntryWithAFileAndAPassingTestHolds() {
        VerifiedLedger ledger = verify(List.of(claim("generate/build", RequirementClaim.implemented("tech-stack-2",
                List.of("pom.xml"), List.of("todo.TodosTest#core2ListsTodos")))));

        RequirementOutcome postgres = outcome(ledger, "tech-stack-2");
        assertThat(postgres.status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        assertThat(postgres.evidence().files()).containsExactly("pom.xml");
        assertThat(postgres.evidence().tests()).containsExactly("todo.TodosTest#core2ListsTodos");
        assertThat(ledger.notes()).isEmpty();
    }

    @Test
    void aTechStackEntryWhoseTestFailedIsDowngraded() {
        VerifiedLedger ledger = verify(List.of(claim("generate/build", RequirementClaim.implemented("tech-stack-2",
                List.of("pom.xml"), List.of("todo.TodosTest#core3DeletesATodo")))));

        assertThat(outcome(ledger, "tech-stack-2").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(outcome(ledger, "tech-stack-2").reason()).isEqualTo("claimed by backend 'alpha', but its "
                + "evidence did not hold: test todo.TodosTest#core3DeletesATodo failed (expected 204 but was 500)");
    }

    @Test
    void aClaimOfAnIdThatIsNotARequirementIsIgnoredWithANoteNamingTheTask() {
        VerifiedLedger ledger = verify(List.of(claim("generate/code/b", implemented("core-9",
                "todo.TodosTest#core1CreatesATodo"))));

        assertThat(ledger.coverage().requirements()).hasSize(6).noneMatch(r -> r.id().equals("core-9"))
                .allMatch(r -> r.status() == RequirementStatus.NOT_IMPLEMENTED);
        assertThat(ledger.notes()).singleElement().asString().contains("Task 'generate/code/b'", "'alpha'",
                "'core-9'", "not a requirement of the spec", "core-1 to core-3", "ignored");
    }

    @Test
    void claimsOfSeveralTasksArePooledSoFilesAndTestsMayComeFromDifferentTasks() {
        VerifiedLedger ledger = verify(List.of(
                claim("generate/code/a", RequirementClaim.implemented("core-1",
                        List.of("src/main/java/todo/Todos.java"), List.of())),
                claim("generate/tests", RequirementClaim.implemented("core-1",
                        List.of("src/test/java/todo/TodosTest.java"), List.of("todo.TodosTest#core1CreatesATodo")))));

        RequirementOutcome core1 = outcome(ledger, "core-1");
        assertThat(core1.status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        assertThat(core1.evidence().files()).containsExactly("src/main/java/todo/Todos.java",
                "src/test/java/todo/TodosTest.java");
        assertThat(core1.evidence().tests()).containsExactly("todo.TodosTest#core1CreatesATodo");
    }

    @Test
    void mergedClaimsTakeTheWeakestStatusAndUnionTheirGaps() {
        VerifiedLedger ledger = verify(List.of(
                claim("generate/code/a", implemented("core-3", "todo.TodosTest#core2ListsTodos")),
                claim("generate/code/b", RequirementClaim.partial("core-3", List.of("pom.xml"), List.of(),
                        List.of("admins only"), "anyone may delete")),
                claim("generate/code/c", RequirementClaim.partial("core-3", List.of(), List.of(),
                        List.of("admins only", "audit log"), "no audit log")),
                claim("generate/code/a", implemented("core-2", "todo.TodosTest#core2ListsTodos")),
                claim("generate/docs", RequirementClaim.notImplemented("core-2", "lists are paged elsewhere"))));

        RequirementOutcome core3 = outcome(ledger, "core-3");
        assertThat(core3.status()).isEqualTo(RequirementStatus.PARTIAL);
        assertThat(core3.gaps()).containsExactly("admins only", "audit log");
        assertThat(core3.reason()).isEqualTo("anyone may delete; no audit log");
        assertThat(core3.evidence().files()).containsExactly("src/main/java/todo/Todos.java", "pom.xml");
        assertThat(core3.evidence().tests()).containsExactly("todo.TodosTest#core2ListsTodos");
        RequirementOutcome core2 = outcome(ledger, "core-2");
        assertThat(core2.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(core2.reason()).isEqualTo("lists are paged elsewhere");
        assertThat(core2.backend()).isEqualTo("alpha");
        assertThat(ledger.coverage().partial()).isEqualTo(1);
    }

    @Test
    void aPartialClaimWhoseEvidenceFailsIsNotImplemented() {
        VerifiedLedger ledger = verify(List.of(claim("generate/code", RequirementClaim.partial("core-3",
                List.of("src/main/java/todo/Todos.java"), List.of("todo.TodosTest#core3DeletesATodo"),
                List.of("admins only"), "anyone may delete"))));

        assertThat(outcome(ledger, "core-3").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(outcome(ledger, "core-3").reason()).contains("core3DeletesATodo failed");
    }

    @Test
    void whenTheGeneratedTestsWereNotRunTheReasonSaysWhy() {
        VerifiedLedger ledger = RequirementLedger.verify(SPEC, "alpha", List.of(claim("generate/code",
                implemented("core-1", "todo.TodosTest#core1CreatesATodo"))), FILES, List.of(),
                "running the generated tests was turned off");

        assertThat(outcome(ledger, "core-1").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(outcome(ledger, "core-1").reason()).isEqualTo("The generated tests were not run: running the "
                + "generated tests was turned off. So no test of backend 'alpha' proves this requirement")
                .doesNotContain("(");
    }

    @Test
    void thePolicyNeedsTheCoreFeaturesAndTheLanguage() {
        VerifiedLedger ledger = verify(List.of(
                claim("generate/code", implemented("core-1", "todo.TodosTest#core1CreatesATodo")),
                claim("generate/code", implemented("core-2", "todo.TodosTest#core2ListsTodos"))));

        assertThat(ledger.coverage().unmet(FeatureRequirement.CORE)).extracting(RequirementOutcome::id)
                .containsExactly("core-3", "tech-stack-1");
        assertThat(ledger.coverage().unmet(FeatureRequirement.ALL)).extracting(RequirementOutcome::id)
                .containsExactly("core-3", "extended-1", "tech-stack-1", "tech-stack-2");
        assertThat(ledger.coverage().unmet(FeatureRequirement.NONE)).isEmpty();
        assertThat(UnmetRequirements.lines(ledger.coverage().unmet(FeatureRequirement.CORE))).isEqualTo(
                "core-3 \"Delete todo items (admins only)\": NOT_IMPLEMENTED — no backend claimed it\n  "
                        + "tech-stack-1 \"Language: Java 17\": NOT_IMPLEMENTED — no backend claimed it");
    }

    @Test
    void theBestOfSeveralRefusedLedgersImplementedMostAndTheEarlierWinsATie() {
        VerifiedLedger none = verify(List.of());
        VerifiedLedger one = RequirementLedger.verify(SPEC, "beta", List.of(claim("generate/code",
                implemented("core-1", "todo.TodosTest#core1CreatesATodo"))), FILES, TESTS, null);
        VerifiedLedger otherOne = RequirementLedger.verify(SPEC, "gamma", List.of(claim("generate/code",
                implemented("core-2", "todo.TodosTest#core2ListsTodos"))), FILES, TESTS, null);

        assertThat(UnmetRequirements.best(List.of(none, one, otherOne)).backend()).isEqualTo("beta");
        assertThat(UnmetRequirements.best(List.of(none, none)).coverage()).isSameAs(none.coverage());
    }

    @Test
    void anUnverifiedLedgerListsEveryRequirementWithTheReason() {
        Coverage coverage = RequirementLedger.unverified(SPEC, "the build failed");

        assertThat(coverage.requirements()).hasSize(6).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
            assertThat(r.reason()).isEqualTo("the build failed");
        });
        assertThat(coverage.languageId()).isEqualTo("tech-stack-1");
    }
}

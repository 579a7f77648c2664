package dev.thefactory.internal.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.Coverage;
import dev.thefactory.api.Evidence;
import dev.thefactory.api.RequirementOutcome;
import dev.thefactory.api.RequirementSection;
import dev.thefactory.api.RequirementStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published docs agree with the verified ledger, not with the backend's claims. */
class RequirementsReportTest {

    @TempDir
    Path output;

    private static final Coverage LEDGER = new Coverage(List.of(
            new RequirementOutcome("core-1", RequirementSection.CORE, "Add invoices with a customer",
                    RequirementStatus.IMPLEMENTED, "simple", new Evidence(List.of("src/a.py"),
                            List.of("tests.test_store.StoreTest#test_adds")), List.of(), null),
            new RequirementOutcome("core-2", RequirementSection.CORE, "List invoices by `due date`",
                    RequirementStatus.PARTIAL, "simple", Evidence.NONE, List.of("by due date"),
                    "lists them unsorted"),
            new RequirementOutcome("tech-stack-1", RequirementSection.TECH_STACK, "Language: Python 3.12",
                    RequirementStatus.NOT_IMPLEMENTED, "simple", Evidence.NONE, List.of(),
                    "Python 3.11.7 is installed, so the tests were not run")), "tech-stack-1");

    private StagingArea staged(String readme) {
        StagingArea staging = StagingArea.open(output, "build-1", OutputQuotas.defaults());
        staging.write("README.md", readme.getBytes(StandardCharsets.UTF_8));
        staging.write("docs/usage.md", "# Using it\n".getBytes(StandardCharsets.UTF_8));
        return staging;
    }

    @Test
    void writesTheLedgerAndTellsTheReadmeOfEveryDowngradedRequirementItDoesNotName() throws Exception {
        // the backend's README names core-2 as partial but lists the language as working: it did not know
        StagingArea staging = staged("# Invoices\n\n## Not implemented\n\n- `core-2` \"List invoices\": partly\n");

        assertThat(RequirementsReport.apply(staging, "simple", LEDGER))
                .containsExactly("REQUIREMENTS.md", "README.md", "docs/usage.md");

        String report = Files.readString(staging.root().resolve("REQUIREMENTS.md"));
        assertThat(report).contains("1 of 3 requirements implemented, 1 partly, 1 not implemented",
                "## Implemented\n\n- `core-1` \"Add invoices with a customer\" Tests: "
                        + "`tests.test_store.StoreTest#test_adds`.",
                "- `core-2` \"List invoices by \\`due date\\`\": lists them unsorted. Not honoured: by due date.",
                "## Not implemented\n\n- `tech-stack-1` \"Language: Python 3.12\": Python 3.11.7 is installed, so "
                        + "the tests were not run.");
        String readme = Files.readString(staging.root().resolve("README.md"));
        assertThat(readme).contains("[REQUIREMENTS.md](REQUIREMENTS.md)",
                "Not (fully) implemented, besides those named above:\n\n- `tech-stack-1` \"Language: Python 3.12\"");
        assertThat(readme.indexOf("`core-2`")).isEqualTo(readme.lastIndexOf("`core-2`"));
        String usage = Files.readString(staging.root().resolve("docs/usage.md"));
        assertThat(usage).startsWith("# Using it\n").contains("[../REQUIREMENTS.md](../REQUIREMENTS.md)",
                "- `core-2` \"List invoices by \\`due date\\`\"", "- `tech-stack-1`");
        assertThat(staging.files()).containsKey("REQUIREMENTS.md");
    }

    @Test
    void applyingAgainReplacesItsSectionAndABackendsOwnFileIsKept() throws Exception {
        StagingArea staging = staged("# Invoices\n");
        staging.write("REQUIREMENTS.md", "the backend's own\n".getBytes(StandardCharsets.UTF_8));
        RequirementsReport.apply(staging, "simple", LEDGER);
        String once = Files.readString(staging.root().resolve("README.md"));
        RequirementsReport.apply(staging, "simple", LEDGER);
        assertThat(Files.readString(staging.root().resolve("README.md"))).isEqualTo(once);
        assertThat(Files.readString(staging.root().resolve("REQUIREMENTS.md"))).isEqualTo("the backend's own\n");
        assertThat(once).contains("[.factory/REQUIREMENTS.md](.factory/REQUIREMENTS.md)");
        assertThat(Files.readString(staging.root().resolve(".factory/REQUIREMENTS.md"))).contains("# Requirements");
    }
}

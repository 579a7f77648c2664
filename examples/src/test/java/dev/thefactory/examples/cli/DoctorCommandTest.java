package dev.thefactory.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {

    @TempDir
    Path dir;

    @Test
    void jsonListsTheBuiltInBackendsTheCompilerAndTheDirectories() {
        Cli.Result result = Cli.run("doctor", "--json", "--state", dir.resolve("state").toString(),
                "--out", dir.resolve("out").toString());

        assertThat(result.exitCode()).as("%s", result).isZero();
        JsonNode report = result.json();
        assertThat(report.get("usable").asBoolean()).isTrue();
        assertThat(report.get("java").get("version").asText()).isEqualTo(System.getProperty("java.version"));
        assertThat(report.get("compiler").get("available").asBoolean()).isTrue();
        assertThat(report.get("backends")).extracting(b -> b.get("id").asText()).contains("simple", "minimal");
        assertThat(report.get("backends")).filteredOn(b -> b.get("id").asText().equals("minimal")).singleElement()
                .satisfies(b -> {
                    assertThat(b.get("tier").asText()).isEqualTo("MINIMAL");
                    assertThat(b.get("healthy").asBoolean()).isTrue();
                    assertThat(b.get("jar").asText()).isNotBlank();
                });
        assertThat(report.get("backends")).filteredOn(b -> b.get("id").asText().equals("simple")).singleElement()
                .satisfies(b -> assertThat(b.get("tier").asText()).isEqualTo("STANDALONE"));
        assertThat(report.get("failedProviders")).isEmpty();
        assertThat(report.get("stateDirectory").get("writable").asBoolean()).isTrue();
        assertThat(report.get("stateDirectory").get("exists").asBoolean()).isFalse();
        assertThat(report.get("outputDirectory").get("path").asText()).isEqualTo(dir.resolve("out").toString());
        assertThat(report.get("problems")).isEmpty();
        assertThat(Files.exists(dir.resolve("state"))).as("doctor creates nothing").isFalse();
    }

    @Test
    void anOutputDirectoryThatCannotBeCreatedMakesTheMachineUnusable() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        Cli.Result result = Cli.run("doctor", "--json", "--state", dir.toString(), "--out",
                file.resolve("out").toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        JsonNode report = result.json();
        assertThat(report.get("usable").asBoolean()).isFalse();
        assertThat(report.get("outputDirectory").get("writable").asBoolean()).isFalse();
        assertThat(report.get("problems")).singleElement().extracting(JsonNode::asText).asString()
                .contains("output directory", "is not a directory", "--out DIR");
    }

    @Test
    void humanReportSaysWhetherBuildsCanRun() {
        Cli.Result result = Cli.run("doctor", "--state", dir.toString(), "--out", dir.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Java:", "javac available in-process", "Backends:", "minimal",
                "simple", "Ready: builds can run.");
    }

    @Test
    void listsThePluginsDirectoryAndWarnsAboutJarsOffTheClassPath() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.write(plugins.resolve("my-backend.jar"), new byte[] {0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0});
        String previous = System.getProperty(FactoryCli.PLUGINS_PROPERTY);
        System.setProperty(FactoryCli.PLUGINS_PROPERTY, plugins.toString());
        try {
            Cli.Result result = Cli.run("doctor", "--json", "--state", dir.toString(), "--out", dir.toString());

            JsonNode report = result.json();
            assertThat(report.get("plugins").get("directory").asText()).isEqualTo(plugins.toString());
            assertThat(report.get("plugins").get("jars")).extracting(JsonNode::asText).containsExactly("my-backend.jar");
            assertThat(report.get("warnings")).extracting(JsonNode::asText)
                    .anySatisfy(w -> assertThat(w).contains("my-backend.jar is not on the class path"));
            assertThat(result.exitCode()).as("a warning does not make the machine unusable").isZero();
        } finally {
            if (previous == null) {
                System.clearProperty(FactoryCli.PLUGINS_PROPERTY);
            } else {
                System.setProperty(FactoryCli.PLUGINS_PROPERTY, previous);
            }
        }
    }

    @Test
    void theLlmBackendIsListedAndSaysWhichVariableIsMissing() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("FACTORY_LLM_BASE_URL") == null
                && System.getenv("FACTORY_LLM_MODEL") == null, "the FACTORY_LLM_* variables are set");
        Cli.Result result = Cli.run("doctor", "--json", "--state", dir.toString(), "--out", dir.toString());

        assertThat(result.exitCode()).as("an unconfigured llm backend does not make the machine unusable").isZero();
        assertThat(result.json().get("backends")).filteredOn(b -> b.get("id").asText().equals("llm")).singleElement()
                .satisfies(b -> {
                    assertThat(b.get("tier").asText()).isEqualTo("INTEGRATED");
                    assertThat(b.get("healthy").asBoolean()).isFalse();
                    assertThat(b.get("health").asText()).contains("FACTORY_LLM_BASE_URL and FACTORY_LLM_MODEL");
                });
        Cli.Result human = Cli.run("doctor", "--state", dir.toString(), "--out", dir.toString());
        assertThat(human.out()).contains("llm", "INTEGRATED", "DOWN", "not configured: set FACTORY_LLM_BASE_URL");
    }
}

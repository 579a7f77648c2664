package dev.thefactory.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.spi.RequirementClaim;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * "No external modules" is the no-dependencies entry in every language, and a package.json with npm scripts is the
 * Node skeleton's: each claimed with a test in the skeleton's own language that reads its build file, which fails
 * when the build file declares a dependency.
 */
class SkeletonBuildFileClaimsTest {

    @TempDir
    Path dir;

    private static ProjectSpec spec(String language) {
        return ProjectSpec.builder("Shopping List", ProjectType.CLI_TOOL)
                .features(List.of("Add items with a name and a quantity", "List items"), List.of())
                .techStack(List.of("Language: " + language, "No external modules"))
                .outputExpectations(List.of("A package.json with npm start and npm test scripts",
                        "A package.json with npm start, npm test and npm run lint scripts"))
                .build();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Python 3; pyproject.toml; tests.test_packaging.PackagingTest#test_no_runtime_dependencies; python3; "
                + "-m unittest discover -s tests -t .; [project]; [project]\\ndependencies = [\"requests\"]",
        "JavaScript (Node.js 20); package.json; test/packaging.test.js#package.json declares no dependency; node; "
                + "--test test/; \"private\": true,; \"private\": true, \"dependencies\": {\"left-pad\": \"1.3.0\"},",
        "Go; go.mod; example.com/shopping-list#TestNoDependencies; go; test ./...; \\ngo ; "
                + "\\nrequire example.com/other v1.0.0\\ngo "})
    void noExternalModulesIsClaimedWithATestOfTheBuildFile(String language, String buildFile, String test,
            String tool, String args, String anchor, String dependency) throws Exception {
        CoreDriver.Build build = CoreDriver.build(spec(language));
        RequirementClaim none = build.claim("tech-stack-2");
        assertThat(none.status()).as(none.reason()).isEqualTo(RequirementStatus.IMPLEMENTED);
        assertThat(none.tests()).containsExactly(test);
        assertThat(none.files()).containsExactly(buildFile);
        RequirementClaim scripts = build.claim("output-1");
        if (language.startsWith("JavaScript")) {
            assertThat(scripts.status()).isEqualTo(RequirementStatus.IMPLEMENTED);
            assertThat(scripts.tests()).containsExactly("test/packaging.test.js#package.json has npm start and npm "
                    + "test scripts");
            assertThat(build.claim("output-2").gaps()).containsExactly("npm run lint");
        } else {
            assertThat(scripts.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
            assertThat(scripts.reason()).contains("only JavaScript projects get a package.json");
        }

        Assumptions.assumeTrue(installed(tool), tool + " is not installed");
        assertThat(run(build.files(), dir.resolve("ok"), tool, args)).isZero();
        Map<String, String> broken = new TreeMap<>(build.files());
        String text = broken.get(buildFile).replace("\\n", "\n");
        String anchorText = anchor.replace("\\n", "\n");
        assertThat(text).contains(anchorText);
        broken.put(buildFile, text.replaceFirst(java.util.regex.Pattern.quote(anchorText),
                java.util.regex.Matcher.quoteReplacement(dependency.replace("\\n", "\n"))));
        assertThat(run(broken, dir.resolve("broken"), tool, args)).isNotZero();
    }

    private static int run(Map<String, String> files, Path where, String tool, String args) throws Exception {
        GeneratedJava.write(files, where);
        List<String> command = new ArrayList<>(List.of(tool));
        command.addAll(List.of(args.split(" ")));
        ProcessBuilder builder = new ProcessBuilder(command).directory(where.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("PYTHONPATH", "src", "PYTHONDONTWRITEBYTECODE", "1", "GOFLAGS",
                "-mod=mod", "GOPROXY", "off"));
        Process process = builder.start();
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private static boolean installed(String tool) {
        try {
            Process process = new ProcessBuilder(tool, tool.equals("go") ? "version" : "--version")
                    .redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package dev.thefactory.internal.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.ValidationSummary;
import dev.thefactory.internal.util.Sha256;
import dev.thefactory.spi.OutputValidator;
import dev.thefactory.spi.ValidationOutcome;
import dev.thefactory.spi.ValidationOutcome.Status;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputValidationTest {

    @TempDir
    Path tmp;
    private Path project;
    private OutputValidation validation;

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectory(tmp.resolve("out"));
        validation = new OutputValidation(javaValidator(), List.of(), List.of());
    }

    private JavaSourceValidator javaValidator() throws IOException {
        return new JavaSourceValidator(ToolProvider.getSystemJavaCompiler(),
                JavaSourceValidator.DEFAULT_TEST_DEPENDENCY_PACKAGES, JavaSourceValidator.currentClassPath(),
                Files.createDirectories(tmp.resolve("javac-work")));
    }

    private void write(String path, String content) {
        TreeSnapshot.write(project.resolve(path), content);
    }

    private static Map<String, FileReport> byPath(ValidationReport report) {
        return report.files().stream().collect(Collectors.toMap(FileReport::path, Function.identity()));
    }

    private void writeMixedProject() {
        write("src/main/java/com/acme/App.java", "package com.acme;\npublic class App {}\n");
        write("config.json", "{\"a\": 1}");
        write("app.yml", "a: 1\n");
        write("pom.xml", "<project/>");
        write("app.properties", "a=1\n");
        write("README.md", "# Demo\n");
        write(".gitignore", "target/\n");
        write("scripts/run.py", "print('hi')\n");
    }

    @Test
    void contentIsCheckedByTypeAndWhatNoValidatorSupportsIsUnchecked() throws IOException {
        writeMixedProject();
        ValidationReport report = validation.validate(project, List.of("README.md", "src/main/java/com/acme/App.java"));

        assertThat(report.passed()).isTrue();
        assertThat(report.problems()).isEmpty();
        assertThat(report.summary()).isEqualTo(new ValidationSummary(5, 3, 0));
        Map<String, FileReport> files = byPath(report);
        assertThat(files.get("src/main/java/com/acme/App.java").validator()).isEqualTo("java");
        assertThat(files.get("config.json").validator()).isEqualTo("json");
        assertThat(files.get("app.yml").validator()).isEqualTo("yaml");
        assertThat(files.get("pom.xml").validator()).isEqualTo("xml");
        assertThat(files.get("app.properties").validator()).isEqualTo("properties");
        for (String unchecked : List.of("README.md", ".gitignore", "scripts/run.py")) {
            assertThat(files.get(unchecked).status()).as(unchecked).isEqualTo(Status.UNCHECKED);
            assertThat(files.get(unchecked).validator()).isEqualTo("none");
            assertThat(files.get(unchecked).detail()).isEqualTo(OutputValidation.NO_VALIDATOR);
        }
        assertThat(report.files()).extracting(FileReport::path).isSorted();
        FileReport readme = files.get("README.md");
        assertThat(readme.size()).isEqualTo(7);
        assertThat(readme.sha256()).isEqualTo(Sha256.hex(Files.readAllBytes(project.resolve("README.md"))));
        assertThat(report.notes()).containsExactly(
                "3 files not content-checked (no validator for this file type): .gitignore, README.md, scripts/run.py");
        assertThat(report.uncheckedFiles()).extracting(FileReport::path)
                .containsExactly(".gitignore", "README.md", "scripts/run.py");
    }

    @Test
    void failedContentIsReportedPerFileAndInTheProblems() {
        write("config.json", "{\"a\": }");
        write("ok.json", "[]");
        ValidationReport report = validation.validate(project, List.of());
        assertThat(report.passed()).isFalse();
        assertThat(report.summary()).isEqualTo(new ValidationSummary(1, 0, 1));
        assertThat(report.problems()).singleElement().asString().startsWith("config.json:1: ");
        assertThat(byPath(report).get("config.json").problems()).isEqualTo(report.problems());
    }

    @Test
    void plannedFilesMustExistAndBeNonEmpty() {
        write("empty.txt", "");
        write("present.txt", "x");
        write("dir/inner.txt", "x");
        ValidationReport report = validation.validate(project,
                List.of("present.txt", "empty.txt", "missing.txt", "dir", "../escape.txt"));
        assertThat(report.passed()).isFalse();
        assertThat(report.problems()).containsExactlyInAnyOrder(
                "empty.txt: planned file is empty; generate its content",
                "missing.txt: planned file is missing; generate it",
                "dir: planned file is missing; generate it",
                "../escape.txt: planned path refused: Refused generated path '../escape.txt': '..' segments are not "
                        + "allowed; generated paths must not climb");
    }

    @Test
    void linksAnywhereFailConfinement() throws IOException {
        Path outside = Files.createDirectory(tmp.resolve("out-evil"));
        TreeSnapshot.write(outside.resolve("x.json"), "{}");
        write("ok.json", "{}");
        Files.createSymbolicLink(project.resolve("dirlink"), outside);
        Files.createSymbolicLink(project.resolve("filelink.json"), outside.resolve("x.json"));
        ValidationReport report = validation.validate(project, List.of("ok.json"));
        assertThat(report.passed()).isFalse();
        Map<String, FileReport> files = byPath(report);
        assertThat(files.get("dirlink").status()).isEqualTo(Status.FAILED);
        assertThat(files.get("dirlink").validator()).isEqualTo("confinement");
        assertThat(files.get("filelink.json").status()).isEqualTo(Status.FAILED);
        assertThat(files).doesNotContainKey("dirlink/x.json");
        assertThat(report.problems()).containsExactly(
                "dirlink: is a symbolic link; generated output may hold only regular files and directories",
                "filelink.json: is a symbolic link; generated output may hold only regular files and directories");
        assertThat(report.summary()).isEqualTo(new ValidationSummary(1, 0, 2));
    }

    @Test
    void aLinkedProjectRootIsRefused() throws IOException {
        write("ok.json", "{}");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), project);
        ValidationReport report = validation.validate(link, List.of());
        assertThat(report.passed()).isFalse();
        assertThat(report.problems()).singleElement().asString().contains("symbolic link");
        assertThat(report.files()).isEmpty();
    }

    @Test
    void unsafeFileNamesFailConfinement() {
        write("con.txt", "x");
        write("a/trailing.", "x");
        ValidationReport report = validation.validate(project, List.of());
        Map<String, FileReport> files = byPath(report);
        assertThat(files.get("con.txt").status()).isEqualTo(Status.FAILED);
        assertThat(files.get("con.txt").problems()).singleElement().asString().contains("reserved Windows device name");
        assertThat(files.get("a/trailing.").status()).isEqualTo(Status.FAILED);
    }

    @Test
    void invalidUtf8FailsTextFilesOnly() throws IOException {
        byte[] invalid = {'o', 'k', (byte) 0xC3, (byte) 0x28};
        Files.write(project.resolve("notes.md"), invalid);
        Files.write(project.resolve("image.png"), invalid);
        Files.write(project.resolve("Dockerfile"), invalid);
        ValidationReport report = validation.validate(project, List.of());
        Map<String, FileReport> files = byPath(report);
        assertThat(files.get("notes.md").status()).isEqualTo(Status.FAILED);
        assertThat(files.get("notes.md").validator()).isEqualTo("utf-8");
        assertThat(files.get("notes.md").problems()).singleElement().asString()
                .isEqualTo("notes.md: is not valid UTF-8 (first bad byte at offset 2); write text files as UTF-8");
        assertThat(files.get("Dockerfile").status()).isEqualTo(Status.FAILED);
        assertThat(files.get("image.png").status()).isEqualTo(Status.UNCHECKED);
    }

    @Test
    void javaProblemsCarryPathAndLine() {
        write("src/main/java/com/acme/App.java", "package com.acme;\n\nclass App { int x = \"s\"; }\n");
        ValidationReport report = validation.validate(project, List.of());
        assertThat(report.problems()).singleElement().asString().startsWith("src/main/java/com/acme/App.java:3: ");
        assertThat(report.summary().failed()).isEqualTo(1);
    }

    @Test
    void extraValidatorsCheckWhatBuiltInsDoNotAndCannotOverrideThem() throws IOException {
        writeMixedProject();
        OutputValidator markdown = new FixedValidator("markdown", ".md", ValidationOutcome.passed());
        OutputValidator jsonImpostor = new FixedValidator("lenient-json", ".json", ValidationOutcome.unchecked());
        OutputValidation withExtras = new OutputValidation(javaValidator(), List.of(markdown, jsonImpostor), List.of());
        Map<String, FileReport> files = byPath(withExtras.validate(project, List.of()));
        assertThat(files.get("README.md").status()).isEqualTo(Status.PASSED);
        assertThat(files.get("README.md").validator()).isEqualTo("markdown");
        assertThat(files.get("config.json").validator()).isEqualTo("json");
        assertThat(withExtras.validatorIds())
                .containsExactly("java", "json", "yaml", "xml", "properties", "markdown", "lenient-json");
    }

    @Test
    void aValidatorThatThrowsOrReturnsNothingFailsTheFile() throws IOException {
        write("a.thr", "x");
        write("b.nul", "x");
        write("c.unc", "x");
        OutputValidator throwing = new FixedValidator("throwing", ".thr", null) {
            @Override
            public ValidationOutcome validate(Path projectRoot, String relativePath) {
                throw new IllegalStateException("boom");
            }
        };
        OutputValidator returnsNull = new FixedValidator("null", ".nul", null);
        OutputValidator cannotCheck = new FixedValidator("unc", ".unc", ValidationOutcome.unchecked());
        OutputValidation withBroken = new OutputValidation(javaValidator(), List.of(throwing, returnsNull, cannotCheck),
                List.of());
        ValidationReport report = withBroken.validate(project, List.of());
        Map<String, FileReport> files = byPath(report);
        assertThat(files.get("a.thr").status()).isEqualTo(Status.FAILED);
        assertThat(files.get("a.thr").problems()).singleElement().asString()
                .contains("validator 'throwing' threw java.lang.IllegalStateException: boom");
        assertThat(files.get("b.nul").status()).isEqualTo(Status.FAILED);
        assertThat(files.get("c.unc").status()).isEqualTo(Status.UNCHECKED);
        assertThat(files.get("c.unc").detail()).isEqualTo("validator 'unc' could not check it");
        assertThat(report.summary()).isEqualTo(new ValidationSummary(0, 1, 2));
    }

    @Test
    void extraValidatorIdsMustBeUnique() throws IOException {
        JavaSourceValidator java = javaValidator();
        OutputValidator json = new FixedValidator("json", ".x", ValidationOutcome.passed());
        assertThatThrownBy(() -> new OutputValidation(java, List.of(json), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the id 'json'")
                .hasMessageContaining("already used");
        OutputValidator blank = new FixedValidator(" ", ".x", ValidationOutcome.passed());
        assertThatThrownBy(() -> new OutputValidation(java, List.of(blank), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank id");
        OutputValidator registeredDuplicate = new FixedValidator("xml", ".y", ValidationOutcome.passed());
        assertThat(new OutputValidation(java, List.of(), List.of(registeredDuplicate)).validatorIds())
                .containsExactly("java", "json", "yaml", "xml", "properties");
    }

    @Test
    void discoveryLoadsEachRegisteredValidatorInItsOwnTryCatch() throws IOException {
        Path services = tmp.resolve("plugin/META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(OutputValidator.class.getName()),
                "com.example.DoesNotExist\n" + ThrowingConstructorValidator.class.getName() + "\n"
                        + RegisteredValidator.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.resolve("plugin").toUri().toURL()},
                getClass().getClassLoader())) {
            List<OutputValidator> found = OutputValidation.discover(loader);
            assertThat(found).singleElement().isInstanceOf(RegisteredValidator.class);
        }
    }

    @Test
    void withBuiltInsHasTheBuiltInValidatorsFirst() {
        assertThat(OutputValidation.withBuiltIns().validatorIds())
                .startsWith("java", "json", "yaml", "xml", "properties");
    }

    /** Supports files by suffix and always returns the same outcome. */
    static class FixedValidator implements OutputValidator {
        private final String id;
        private final String suffix;
        private final ValidationOutcome outcome;

        FixedValidator(String id, String suffix, ValidationOutcome outcome) {
            this.id = id;
            this.suffix = suffix;
            this.outcome = outcome;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public boolean supports(String relativePath) {
            return relativePath.endsWith(suffix);
        }

        @Override
        public ValidationOutcome validate(Path projectRoot, String relativePath) {
            return outcome;
        }
    }

    /** Registered through a service file in a test. */
    public static final class RegisteredValidator extends FixedValidator {
        public RegisteredValidator() {
            super("registered", ".reg", ValidationOutcome.passed());
        }
    }

    /** Fails while being instantiated. */
    public static final class ThrowingConstructorValidator extends FixedValidator {
        public ThrowingConstructorValidator() {
            super("never", ".never", ValidationOutcome.passed());
            throw new IllegalStateException("broken plugin");
        }
    }
}

package dev.thefactory.internal.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.spi.ValidationOutcome;
import dev.thefactory.spi.ValidationOutcome.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaSourceValidatorTest {

    private static final String APP = """
            package com.acme;

            public final class App {
                public static int answer() {
                    return 42;
                }
            }
            """;
    private static final String JUNIT_TEST = """
            package com.acme;

            import static org.junit.jupiter.api.Assertions.assertEquals;

            import org.junit.jupiter.api.Test;

            class AppTest {
                @Test
                void answers() {
                    assertEquals(42, App.answer());
                }
            }
            """;

    @TempDir
    Path project;
    @TempDir
    Path work;

    private JavaSourceValidator validator;

    @BeforeEach
    void setUp() {
        validator = new JavaSourceValidator(ToolProvider.getSystemJavaCompiler(),
                JavaSourceValidator.DEFAULT_TEST_DEPENDENCY_PACKAGES, JavaSourceValidator.currentClassPath(), work);
    }

    private void write(String path, String content) {
        TreeSnapshot.write(project.resolve(path), content);
    }

    private JavaSourceValidator.Results validateAll(JavaSourceValidator javaValidator, String... files) throws IOException {
        return javaValidator.validateAll(project.toRealPath(), List.of(files));
    }

    @Test
    void validMainAndTestSourcesPassWithoutRunningAnything() throws IOException {
        Path marker = work.resolveSibling(work.getFileName() + "-static-init-ran");
        write("src/main/java/com/acme/App.java", APP);
        write("src/main/java/com/acme/Side.java", """
                package com.acme;

                final class Side {
                    static {
                        try {
                            java.nio.file.Files.createFile(java.nio.file.Path.of("%s"));
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
                """.formatted(marker.toString().replace("\\", "\\\\")));
        write("src/test/java/com/acme/AppTest.java", JUNIT_TEST);

        var results = validateAll(validator, "src/main/java/com/acme/App.java", "src/main/java/com/acme/Side.java",
                "src/test/java/com/acme/AppTest.java");

        assertThat(results.projectProblems()).isEmpty();
        assertThat(results.files()).containsOnlyKeys("src/main/java/com/acme/App.java",
                "src/main/java/com/acme/Side.java", "src/test/java/com/acme/AppTest.java");
        assertThat(results.files().values()).allSatisfy(v -> assertThat(v).isEqualTo(Verdict.passed()));
        assertThat(marker).as("compiling never runs generated code").doesNotExist();
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).as("temporary class directories are deleted").isEmpty();
        }
        try (Stream<Path> all = Files.walk(project)) {
            assertThat(all.filter(p -> p.toString().endsWith(".class"))).as("no class file in the project").isEmpty();
        }
    }

    @Test
    void aCompileErrorFailsTheFileWithPathAndLine() {
        write("src/main/java/com/acme/App.java", APP);
        write("src/main/java/com/acme/Broken.java", """
                package com.acme;

                final class Broken {
                    int value() {
                        return "not an int";
                    }

                    void missing() {
                        undefinedMethod();
                    }
                }
                """);
        var results = validator.validateAll(project, List.of("src/main/java/com/acme/App.java",
                "src/main/java/com/acme/Broken.java"));
        Verdict broken = results.files().get("src/main/java/com/acme/Broken.java");
        assertThat(broken.status()).isEqualTo(Status.FAILED);
        assertThat(broken.problems()).hasSize(2);
        assertThat(broken.problems().get(0)).startsWith("src/main/java/com/acme/Broken.java:5: ")
                .contains("incompatible types");
        assertThat(broken.problems().get(1)).startsWith("src/main/java/com/acme/Broken.java:9: ")
                .contains("cannot find symbol").doesNotContain("\n");
        assertThat(results.files().get("src/main/java/com/acme/App.java"))
                .as("a file without errors in a failed unit is unchecked, not passed")
                .isEqualTo(Verdict.unchecked(JavaSourceValidator.STOPPED));
    }

    @Test
    void testSourcesAreNotCompiledWhenMainFails() {
        write("src/main/java/com/acme/App.java", "package com.acme; class App { int x = ; }");
        write("src/test/java/com/acme/AppTest.java", JUNIT_TEST);
        var results = validator.validateAll(project, List.of("src/main/java/com/acme/App.java",
                "src/test/java/com/acme/AppTest.java"));
        assertThat(results.files().get("src/main/java/com/acme/App.java").problems()).singleElement().asString()
                .startsWith("src/main/java/com/acme/App.java:1: ");
        assertThat(results.files().get("src/test/java/com/acme/AppTest.java"))
                .isEqualTo(Verdict.unchecked(JavaSourceValidator.MAIN_FAILED));
    }

    @Test
    void aTestImportingAPackageThatExistsNowhereFails() {
        write("src/main/java/com/acme/App.java", APP);
        write("src/test/java/com/acme/NoSuchTest.java", """
                package com.acme;

                import org.nonexistent.Thing;

                class NoSuchTest {
                    Thing thing;
                }
                """);
        var results = validator.validateAll(project, List.of("src/main/java/com/acme/App.java",
                "src/test/java/com/acme/NoSuchTest.java"));
        Verdict verdict = results.files().get("src/test/java/com/acme/NoSuchTest.java");
        assertThat(verdict.status()).isEqualTo(Status.FAILED);
        assertThat(verdict.problems()).first().asString()
                .startsWith("src/test/java/com/acme/NoSuchTest.java:3: ")
                .contains("package org.nonexistent does not exist");
        assertThat(results.files().get("src/main/java/com/acme/App.java")).isEqualTo(Verdict.passed());
    }

    @Test
    void aPackageListedAsATestDependencyMakesTheTestUncheckedInstead() {
        write("src/main/java/com/acme/App.java", APP);
        write("src/test/java/com/acme/NoSuchTest.java", """
                package com.acme;

                import org.nonexistent.Thing;

                class NoSuchTest {
                    Thing thing;
                }
                """);
        JavaSourceValidator lenient = new JavaSourceValidator(ToolProvider.getSystemJavaCompiler(),
                List.of("org.nonexistent"), JavaSourceValidator.currentClassPath(), work);
        var results = lenient.validateAll(project, List.of("src/main/java/com/acme/App.java",
                "src/test/java/com/acme/NoSuchTest.java"));
        assertThat(results.files().get("src/test/java/com/acme/NoSuchTest.java"))
                .isEqualTo(Verdict.unchecked(JavaSourceValidator.TEST_DEPENDENCIES_MISSING));
    }

    @Test
    void junitMissingFromTheClassPathMakesTestsUncheckedButOtherErrorsStillFail() {
        write("src/main/java/com/acme/App.java", APP);
        write("src/test/java/com/acme/AppTest.java", JUNIT_TEST);
        write("src/test/java/com/acme/TypoTest.java", """
                package com.acme;

                import org.junit.jupiter.api.Test;

                class TypoTest {
                    @Test
                    void typo() {
                        App.answr();
                    }
                }
                """);
        write("src/test/java/com/acme/Plain.java", """
                package com.acme;

                class Plain {
                    int broken = "x";
                }
                """);
        JavaSourceValidator withoutJunit = new JavaSourceValidator(ToolProvider.getSystemJavaCompiler(),
                JavaSourceValidator.DEFAULT_TEST_DEPENDENCY_PACKAGES, List.of(), work);
        var results = withoutJunit.validateAll(project, List.of("src/main/java/com/acme/App.java",
                "src/test/java/com/acme/AppTest.java", "src/test/java/com/acme/TypoTest.java",
                "src/test/java/com/acme/Plain.java"));
        assertThat(results.files().get("src/test/java/com/acme/AppTest.java"))
                .isEqualTo(Verdict.unchecked(JavaSourceValidator.TEST_DEPENDENCIES_MISSING));
        assertThat(results.files().get("src/test/java/com/acme/TypoTest.java").status())
                .as("cannot find symbol in a file that misses org.junit cannot be told apart from the missing imports")
                .isEqualTo(Status.UNCHECKED);
        Verdict plain = results.files().get("src/test/java/com/acme/Plain.java");
        assertThat(plain.status()).isEqualTo(Status.FAILED);
        assertThat(plain.problems()).singleElement().asString().startsWith("src/test/java/com/acme/Plain.java:4: ");
    }

    @Test
    void testDependencyPackagesAreAnExplicitList() {
        assertThat(validator.testDependencyPackages()).contains("org.junit", "org.assertj", "org.mockito");
        assertThat(validator.isTestDependency("org.junit")).isTrue();
        assertThat(validator.isTestDependency("org.junit.jupiter.api")).isTrue();
        assertThat(validator.isTestDependency("junit.framework")).isTrue();
        assertThat(validator.isTestDependency("org.junitx")).isFalse();
        assertThat(validator.isTestDependency("org.nonexistent")).isFalse();
        assertThat(validator.isTestDependency("com.acme")).isFalse();
        assertThat(JavaSourceValidator.missingPackage("package org.junit.jupiter.api does not exist"))
                .isEqualTo("org.junit.jupiter.api");
        assertThat(JavaSourceValidator.missingPackage("cannot access org.hamcrest.Matcher\n  class file for "
                + "org.hamcrest.Matcher not found")).isEqualTo("org.hamcrest");
        assertThat(JavaSourceValidator.missingPackage("cannot find symbol")).isNull();
    }

    @Test
    void javaFilesOutsideTheStandardLayoutCompileWithMain() {
        write("src/main/java/com/acme/App.java", APP);
        write("tools/Gen.java", "class Gen { int a = com.acme.App.answer(); }");
        write("module-a/src/test/java/ModuleTest.java", "class ModuleTest { int a = com.acme.App.answer(); }");
        var results = validator.validateAll(project, List.of("src/main/java/com/acme/App.java", "tools/Gen.java",
                "module-a/src/test/java/ModuleTest.java"));
        assertThat(results.files().values()).allSatisfy(v -> assertThat(v).isEqualTo(Verdict.passed()));
        assertThat(JavaSourceValidator.isTestSource("src/test/java/A.java")).isTrue();
        assertThat(JavaSourceValidator.isTestSource("module-a/src/test/java/A.java")).isTrue();
        assertThat(JavaSourceValidator.isTestSource("tools/src/test/javax/A.java")).isFalse();
        assertThat(JavaSourceValidator.isTestSource("src/main/java/test/java/A.java")).isFalse();
    }

    @Test
    void mainSourcesCompileAgainstTheJdkOnly() {
        write("src/main/java/com/acme/UsesSlf4j.java", """
                package com.acme;

                class UsesSlf4j {
                    org.slf4j.Logger log;
                }
                """);
        var results = validator.validateAll(project, List.of("src/main/java/com/acme/UsesSlf4j.java"));
        assertThat(results.files().get("src/main/java/com/acme/UsesSlf4j.java").problems()).singleElement().asString()
                .startsWith("src/main/java/com/acme/UsesSlf4j.java:4: ").contains("package org.slf4j does not exist");
    }

    @Test
    void withoutACompilerJavaIsUnchecked() {
        write("src/main/java/com/acme/App.java", APP);
        JavaSourceValidator jre = new JavaSourceValidator(null, JavaSourceValidator.DEFAULT_TEST_DEPENDENCY_PACKAGES,
                List.of(), work);
        var results = jre.validateAll(project, List.of("src/main/java/com/acme/App.java"));
        assertThat(results.files().get("src/main/java/com/acme/App.java"))
                .isEqualTo(Verdict.unchecked(JavaSourceValidator.NO_COMPILER));
    }

    @Test
    void theSpiMethodCompilesTheProjectAndReportsOneFile() throws IOException {
        write("src/main/java/com/acme/App.java", APP);
        write("src/main/java/com/acme/Bad.java", "package com.acme;\nclass Bad { void f() { App.nope(); } }\n");
        ValidationOutcome outcome = validator.validate(project.toRealPath(), "src/main/java/com/acme/Bad.java");
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.problems()).singleElement().asString().startsWith("src/main/java/com/acme/Bad.java:2: ");
        assertThat(validator.supports("A.java")).isTrue();
        assertThat(validator.supports("A.jav")).isFalse();
    }
}

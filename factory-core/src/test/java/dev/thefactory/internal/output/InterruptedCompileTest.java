package dev.thefactory.internal.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compile check made while the caller's thread is interrupted (a build cancelled in {@code VALIDATE_OUTPUT})
 * neither fails nor breaks the compiles that follow in the JVM: javac's cached {@code ct.sym} file system would be
 * closed by the interrupt, and every later {@code --release} compile would fail with "release version 17 not
 * supported". The interrupt is kept for the caller.
 */
class InterruptedCompileTest {

    @TempDir
    Path project;
    @TempDir
    Path work;

    private JavaSourceValidator.Results validate() throws IOException {
        TreeSnapshot.write(project.resolve("src/main/java/com/acme/App.java"), """
                package com.acme;

                public final class App {
                    public static int answer() {
                        return java.util.List.of(42).get(0);
                    }
                }
                """);
        return new JavaSourceValidator(ToolProvider.getSystemJavaCompiler(),
                JavaSourceValidator.DEFAULT_TEST_DEPENDENCY_PACKAGES, JavaSourceValidator.currentClassPath(), work)
                .validateAll(project.toRealPath(), List.of("src/main/java/com/acme/App.java"));
    }

    @Test
    void aCompileOnAnInterruptedThreadKeepsTheInterruptAndLeavesLaterCompilesWorking() throws IOException {
        JavaSourceValidator.Results interrupted;
        boolean flagAfter;
        Thread.currentThread().interrupt();
        try {
            interrupted = validate();
        } finally {
            flagAfter = Thread.interrupted(); // clears it for what follows
        }

        assertThat(flagAfter).as("the caller's interrupt is kept").isTrue();
        assertThat(interrupted.projectProblems()).isEmpty();
        assertThat(interrupted.files().values()).containsOnly(Verdict.passed());
        JavaSourceValidator.Results later = validate();
        assertThat(later.projectProblems()).as("a later compile in this JVM").isEmpty();
        assertThat(later.files().values()).containsOnly(Verdict.passed());
    }
}

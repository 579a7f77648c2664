package dev.thefactory.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.BackendUnavailableException;
import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildNotFoundException;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.CheckpointException;
import dev.thefactory.api.Coverage;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.Mode;
import dev.thefactory.api.OutputConflictException;
import dev.thefactory.api.SpecValidationException;
import dev.thefactory.api.StateLockedException;
import dev.thefactory.api.ValidationSummary;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ExitCodesTest {

    private static BuildFailedException failed(BuildStatus status) {
        BuildResult result = new BuildResult("b", status, Mode.AUTO, null, 0, 0, List.of(), 0, List.of(), null, 0,
                ValidationSummary.EMPTY, Coverage.EMPTY, List.of());
        return new BuildFailedException("failed", null, FactoryException.ErrorContext.NONE, result, Map.of(),
                List.of(), List.of());
    }

    @Test
    void mapsEachKindOfFailureToItsDocumentedCode() {
        assertThat(ExitCodes.of(new SpecValidationException("s.md",
                List.of(SpecValidationException.Violation.of("name", "must not be blank"))))).isEqualTo(2);
        assertThat(ExitCodes.of(new CommandLine.ParameterException(new CommandLine(new FactoryCli()), "bad")))
                .isEqualTo(2);
        assertThat(ExitCodes.of(new BackendUnavailableException("none", List.of(), List.of()))).isEqualTo(3);
        assertThat(ExitCodes.of(new StateLockedException(Path.of("s"), "b", "pid 1", Duration.ZERO))).isEqualTo(3);
        assertThat(ExitCodes.of(new CheckpointException("disk full", null, FactoryException.ErrorContext.NONE,
                List.of()))).isEqualTo(3);
        assertThat(ExitCodes.of(new OutputConflictException(Path.of("out/demo"), "b", List.of("added: x"), null)))
                .isEqualTo(3);
        assertThat(ExitCodes.of(new BuildNotFoundException("b-typo", "state"))).isEqualTo(2);
        assertThat(ExitCodes.of(new dev.thefactory.api.NothingToResumeException("b-1",
                java.nio.file.Path.of("out/demo")))).isEqualTo(2);
        assertThat(ExitCodes.of(failed(BuildStatus.FAILED))).isEqualTo(1);
        assertThat(ExitCodes.of(failed(BuildStatus.INTERRUPTED))).isEqualTo(130);
        assertThat(ExitCodes.of(new IllegalStateException(new InterruptedException()))).isEqualTo(130);
        assertThat(ExitCodes.of(new ClosedByInterruptException())).isEqualTo(130);
        assertThat(ExitCodes.of(new NullPointerException())).isEqualTo(1);
    }

    @Test
    void onlyInternalErrorsAreUnexpected() {
        assertThat(ExitCodes.isExpected(new BackendUnavailableException("none", List.of(), List.of()))).isTrue();
        assertThat(ExitCodes.isExpected(new InterruptedException())).isTrue();
        assertThat(ExitCodes.isExpected(new NullPointerException())).isFalse();
    }
}

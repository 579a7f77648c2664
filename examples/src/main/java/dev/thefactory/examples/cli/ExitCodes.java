package dev.thefactory.examples.cli;

import dev.thefactory.api.BackendUnavailableException;
import dev.thefactory.api.BuildFailedException;
import dev.thefactory.api.BuildNotFoundException;
import dev.thefactory.api.NothingToResumeException;
import dev.thefactory.api.SpecChangedException;
import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.CheckpointException;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.OutputConflictException;
import dev.thefactory.api.SpecValidationException;
import dev.thefactory.api.StateLockedException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileLockInterruptionException;
import picocli.CommandLine;

/**
 * The exit codes of the {@code factory} command and the mapping from exceptions to them. Stateless.
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><td>0</td><td>success, also after a fallback</td></tr>
 *   <tr><td>1</td><td>the build failed after retries and fallbacks, or an internal error (a bug)</td></tr>
 *   <tr><td>2</td><td>invalid input: spec, arguments, fault injection settings, an unknown build id</td></tr>
 *   <tr><td>3</td><td>environment: no usable backend, state locked, a directory that cannot be written, an output
 *   directory holding files an earlier build did not publish</td></tr>
 *   <tr><td>130</td><td>interrupted; resumable</td></tr>
 * </table>
 */
final class ExitCodes {

    static final int OK = 0;
    static final int BUILD_FAILED = 1;
    static final int INVALID_INPUT = 2;
    static final int ENVIRONMENT = 3;
    static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    /**
     * @param error what a command threw
     * @return its exit code
     */
    static int of(Throwable error) {
        if (isInterruption(error)) {
            return INTERRUPTED;
        }
        if (error instanceof CommandLine.ParameterException || error instanceof SpecValidationException
                || error instanceof BuildNotFoundException || error instanceof NothingToResumeException
                || error instanceof SpecChangedException) {
            return INVALID_INPUT;
        }
        if (error instanceof BackendUnavailableException || error instanceof StateLockedException
                || error instanceof CheckpointException || error instanceof UnusableDirectoryException
                || error instanceof OutputConflictException
                || error instanceof dev.thefactory.temporal.TemporalUnavailableException) {
            return ENVIRONMENT;
        }
        if (error instanceof BuildFailedException failed && failed.result().status() == BuildStatus.INTERRUPTED) {
            return INTERRUPTED;
        }
        return BUILD_FAILED;
    }

    /**
     * @param error what a command threw
     * @return true for a failure The Factory reports on purpose (a {@link FactoryException}, an argument error):
     *         shown as a message without a stack trace; false for an internal error, which is a bug
     */
    static boolean isExpected(Throwable error) {
        return error instanceof FactoryException || error instanceof CommandLine.ParameterException
                || isInterruption(error);
    }

    /** @return true when the error, or one of its causes, reports that the thread was interrupted */
    static boolean isInterruption(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof ClosedByInterruptException
                    || t instanceof FileLockInterruptionException
                    || (t instanceof InterruptedIOException && !(t instanceof java.net.SocketTimeoutException))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}

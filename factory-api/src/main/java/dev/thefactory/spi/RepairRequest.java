package dev.thefactory.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a {@linkplain StandardTasks#REPAIR repair task} is asked to fix: the files output validation found at fault
 * (with their current content), the diagnostics, and which round this is. The backend answers with a
 * {@link TaskResult} whose {@link TaskResult#files() files} replace staged files of the project; it may also return
 * {@link TaskResult#claims() claims}, which replace its earlier claims for the same requirements. Immutable and
 * thread-safe.
 *
 * <p>Sizes are bounded by the core: at most {@value #MAX_DIAGNOSTICS} diagnostics of at most
 * {@value #MAX_MESSAGE_CHARS} characters each, and at most {@value #MAX_FILES} files; what was left out is counted in
 * {@link #omittedDiagnostics()}.
 *
 * @param round              this round, 1 for the first
 * @param maxRounds          how many rounds the build allows ({@code Factory.Builder.repairRounds})
 * @param files              the files to repair, each with its path (relative, {@code /}-separated) and current content,
 *                           sorted by path
 * @param diagnostics        what is wrong, in the order validation reported it
 * @param omittedDiagnostics diagnostics left out to keep the request bounded
 */
public record RepairRequest(int round, int maxRounds, List<GeneratedFile> files, List<RepairDiagnostic> diagnostics,
        int omittedDiagnostics) {

    /** The most diagnostics in one request. */
    public static final int MAX_DIAGNOSTICS = 50;
    /** The longest diagnostic message, in characters; longer ones are cut with {@code …}. */
    public static final int MAX_MESSAGE_CHARS = 2_000;
    /** The most files in one request. */
    public static final int MAX_FILES = 20;

    /**
     * Copies the lists.
     *
     * @throws NullPointerException     if a list is null
     * @throws IllegalArgumentException if {@code round} is not between 1 and {@code maxRounds}, or
     *                                  {@code omittedDiagnostics} is negative
     */
    public RepairRequest {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(diagnostics, "diagnostics");
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
        if (round < 1 || round > maxRounds) {
            throw new IllegalArgumentException("round must be between 1 and maxRounds (" + maxRounds + ") but was "
                    + round);
        }
        if (omittedDiagnostics < 0) {
            throw new IllegalArgumentException("omittedDiagnostics must be >= 0 but was " + omittedDiagnostics);
        }
    }
}

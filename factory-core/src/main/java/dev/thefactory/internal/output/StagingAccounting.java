package dev.thefactory.internal.output;

import dev.thefactory.api.FactoryException.ErrorContext;
import dev.thefactory.api.OutputValidationException;
import dev.thefactory.api.UnsafePathException;
import dev.thefactory.internal.output.StagingArea.FileInfo;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The quota accounting of one staging area: which files are staged (and which writes are in flight), how many files
 * and bytes that makes against the {@link OutputQuotas}, and which names are taken ignoring case and Unicode form. A
 * write reserves its path and size before it touches the disk, and commits or releases the reservation after, so two
 * concurrent writes can never together exceed a quota or stage two spellings of one name.
 *
 * <p>Thread-safe: every method holds the accounting's own lock.
 */
final class StagingAccounting {

    private final String buildId;
    private final OutputQuotas quotas;

    private final TreeMap<String, FileInfo> staged = new TreeMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private final Map<String, String> caseIndex = new HashMap<>();
    /** The Unicode spelling each staged path was written with; absent for files found on disk when opened. */
    private final Map<String, String> spellings = new HashMap<>();
    private int fileCount;
    private long totalBytes;

    /**
     * @param buildId the build, for the errors' context
     * @param quotas  the limits of the build
     */
    StagingAccounting(String buildId, OutputQuotas quotas) {
        this.buildId = Objects.requireNonNull(buildId, "buildId");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
    }

    /**
     * Checks the limits of one file that need no other file: its depth and its size.
     *
     * @param path     the normalized path
     * @param segments its number of segments
     * @param size     its size in bytes
     * @throws OutputValidationException when a quota would be exceeded
     */
    void checkFile(String path, int segments, int size) {
        if (segments > quotas.maxDepth()) {
            throw quotaExceeded(path + ": " + segments + " path segments exceed maxDepth " + quotas.maxDepth()
                    + "; flatten the layout or raise OutputQuotas.maxDepth");
        }
        if (size > quotas.maxFileBytes()) {
            throw quotaExceeded(path + ": " + size + " bytes exceed maxFileBytes " + quotas.maxFileBytes()
                    + "; split the file or raise OutputQuotas.maxFileBytes");
        }
    }

    /**
     * Reserves a path and its size for a write: counted from now on, until {@link #commit} or {@link #release}.
     *
     * @param relativePath the path as generated, for the errors
     * @param spelled      its Unicode spelling
     * @param path         the normalized path
     * @param size         the new content's size
     * @return the file staged at the path before, or null
     * @throws UnsafePathException       when the path is one already staged in another Unicode form, or differs only
     *                                   in case from one staged
     * @throws OutputValidationException when the file count or the total bytes would exceed a quota
     */
    synchronized FileInfo reserve(String relativePath, String spelled, String path, int size) {
        FileInfo previous = staged.get(path);
        String known = spellings.get(path);
        if (known != null && !known.equals(spelled)) {
            throw new UnsafePathException(relativePath, "it is the same name as the staged '" + known
                    + "' in another Unicode form (NFC and NFD spellings are one file on macOS); generate one "
                    + "spelling of each name");
        }
        checkCase(relativePath, path);
        int files = fileCount + (previous == null ? 1 : 0);
        long total = totalBytes - (previous == null ? 0 : previous.size()) + size;
        if (files > quotas.maxFiles()) {
            throw quotaExceeded(path + ": staging it would make " + files + " files, more than maxFiles "
                    + quotas.maxFiles() + "; generate fewer files or raise OutputQuotas.maxFiles");
        }
        if (total > quotas.maxTotalBytes()) {
            throw quotaExceeded(path + ": staging its " + size + " bytes would make " + total
                    + " bytes in all, more than maxTotalBytes " + quotas.maxTotalBytes()
                    + "; generate less or raise OutputQuotas.maxTotalBytes");
        }
        fileCount = files;
        totalBytes = total;
        spellings.putIfAbsent(path, spelled);
        inFlight.add(path);
        indexCase(path);
        return previous;
    }

    /** @param info the file a reserved write staged */
    synchronized void commit(FileInfo info) {
        inFlight.remove(info.path());
        staged.put(info.path(), info);
    }

    /**
     * Gives back the reservation of a write that failed.
     *
     * @param path     the normalized path
     * @param size     the size reserved
     * @param previous the file staged at the path before, or null
     */
    synchronized void release(String path, int size, FileInfo previous) {
        inFlight.remove(path);
        totalBytes = totalBytes - size + (previous == null ? 0 : previous.size());
        if (previous == null) {
            fileCount--;
            spellings.remove(path);
        }
        rebuildCaseIndex();
    }

    /**
     * @param path a normalized path
     * @return the file staged there, or null
     */
    synchronized FileInfo get(String path) {
        return staged.get(path);
    }

    /** @param info a staged file that was removed from the disk */
    synchronized void removed(FileInfo info) {
        staged.remove(info.path());
        spellings.remove(info.path());
        fileCount--;
        totalBytes -= info.size();
        rebuildCaseIndex();
    }

    /** @return a snapshot of the staged files by path, which cannot be modified */
    synchronized SortedMap<String, FileInfo> snapshot() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(staged));
    }

    /** @param found what is on the disk now (a rescan), replacing what was counted */
    synchronized void recount(Map<String, FileInfo> found) {
        staged.clear();
        staged.putAll(found);
        spellings.keySet().retainAll(found.keySet());
        inFlight.clear();
        fileCount = staged.size();
        totalBytes = staged.values().stream().mapToLong(FileInfo::size).sum();
        rebuildCaseIndex();
    }

    /** Forgets everything: the staging area is empty. */
    synchronized void reset() {
        staged.clear();
        inFlight.clear();
        caseIndex.clear();
        spellings.clear();
        fileCount = 0;
        totalBytes = 0;
    }

    /** @return the number of files staged or being written */
    synchronized int fileCount() {
        return fileCount;
    }

    /** @return the bytes staged or being written */
    synchronized long totalBytes() {
        return totalBytes;
    }

    /** Refuses a path equal, ignoring case, to a different staged path or directory: it breaks on macOS/Windows. */
    private void checkCase(String relativePath, String path) {
        String prefix = "";
        for (String segment : path.split("/")) {
            prefix = prefix.isEmpty() ? segment : prefix + "/" + segment;
            String known = caseIndex.get(prefix.toLowerCase(Locale.ROOT));
            if (known != null && !known.equals(prefix)) {
                throw new UnsafePathException(relativePath, "'" + prefix + "' differs only in case from the staged '"
                        + known + "', which is the same file on case-insensitive file systems; use one spelling");
            }
        }
    }

    private void indexCase(String path) {
        String prefix = "";
        for (String segment : path.split("/")) {
            prefix = prefix.isEmpty() ? segment : prefix + "/" + segment;
            caseIndex.putIfAbsent(prefix.toLowerCase(Locale.ROOT), prefix);
        }
    }

    private void rebuildCaseIndex() {
        caseIndex.clear();
        staged.keySet().forEach(this::indexCase);
        inFlight.forEach(this::indexCase);
    }

    private OutputValidationException quotaExceeded(String problem) {
        return new OutputValidationException(List.of(problem), ErrorContext.ofBuild(buildId));
    }
}

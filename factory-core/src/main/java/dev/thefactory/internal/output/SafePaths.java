package dev.thefactory.internal.output;

import dev.thefactory.api.UnsafePathException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Pure checks on generated, untrusted relative paths: no file system access except in {@link #resolve}, which only
 * joins. A path is accepted only when it is portable (Linux, macOS and Windows read it the same way) and cannot name
 * anything outside the directory it is resolved against.
 *
 * <pre>{@code
 * String rel = SafePaths.normalize("src/./main/App.java");   // "src/main/App.java"
 * SafePaths.normalize("../etc/passwd");                      // throws UnsafePathException
 * String dir = SafePaths.slug("Todo App (v2)!");             // "todo-app-v2"
 * }</pre>
 *
 * <p>Stateless and thread-safe. No argument may be null.
 */
public final class SafePaths {

    /** The longest file name most file systems accept, in UTF-8 bytes. */
    static final int MAX_SEGMENT_BYTES = 255;
    /** The longest relative path accepted, in UTF-8 bytes (Linux's PATH_MAX). */
    static final int MAX_PATH_BYTES = 4096;
    /** The longest slug. */
    static final int MAX_SLUG_LENGTH = 64;
    /** The slug used when a project name has no usable character. */
    static final String DEFAULT_SLUG = "project";

    /** Windows device names, reserved with any extension and in any case (compared in upper case). */
    private static final Set<String> RESERVED_NAMES = reservedNames();
    /** Characters Windows does not allow in file names (besides {@code \}, {@code :} and controls). */
    private static final String WINDOWS_FORBIDDEN = "<>\"|?*";
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_SLUG_RUNS = Pattern.compile("[^a-z0-9]+");

    private SafePaths() {
    }

    /**
     * Normalizes a generated relative path and rejects anything unsafe or unportable.
     *
     * <p>Accepted: {@code /}-separated segments; repeated {@code /} and {@code .} segments are dropped. Rejected: an
     * empty path, a path naming only the root ({@code "."}), absolute paths ({@code /x}, {@code //server/share}), any
     * backslash (Windows separators, {@code \x}, {@code C:\x}, UNC paths), any {@code :} (drive letters such as
     * {@code C:x}, alternate data streams), any {@code ..} segment, control characters (NUL included), unpaired
     * surrogates, the characters {@code < > " | ? *}, Windows device names in any segment ({@code CON},
     * {@code con.txt}, {@code aux/x}, {@code COM1}-{@code COM9}, {@code LPT1}-{@code LPT9}, {@code CONIN$},
     * {@code CONOUT$}), segments ending in a dot or a space ({@code a/b./c}), a trailing {@code /}, segments longer
     * than 255 UTF-8 bytes and paths longer than 4096 bytes. The result is in Unicode NFC, so that {@code café}
     * spelled with a combining accent (NFD) and with a precomposed {@code é} name the same file, as they do on macOS.
     *
     * @param relativePath the path as an agent produced it
     * @return the normalized form, such as {@code a/b/c.txt}
     * @throws UnsafePathException  naming the path and the reason when it is refused
     * @throws NullPointerException when {@code relativePath} is null
     */
    public static String normalize(String relativePath) {
        String spelled = normalizeSpelling(relativePath);
        String composed = Normalizer.normalize(spelled, Normalizer.Form.NFC);
        return composed.equals(spelled) ? spelled : normalizeSpelling(composed);
    }

    /**
     * As {@link #normalize}, but keeps the path's Unicode form: {@code café} spelled with a combining accent (NFD)
     * stays so. Two spellings with the same {@link #normalize} result are one file on macOS; a caller that must
     * refuse such twins compares these.
     *
     * @param relativePath the path as an agent produced it
     * @return the normalized form in the path's own Unicode spelling
     * @throws UnsafePathException  naming the path and the reason when it is refused
     * @throws NullPointerException when {@code relativePath} is null
     */
    static String normalizeSpelling(String relativePath) {
        Objects.requireNonNull(relativePath, "relativePath");
        if (relativePath.isEmpty()) {
            throw new UnsafePathException(relativePath, "the path is empty; give a relative file path such as 'src/App.java'");
        }
        checkCharacters(relativePath);
        if (relativePath.startsWith("/")) {
            throw new UnsafePathException(relativePath, "absolute paths are not allowed; drop the leading '/'");
        }
        if (relativePath.endsWith("/")) {
            throw new UnsafePathException(relativePath, "the path ends with '/' and so names a directory, not a file");
        }
        if (relativePath.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            throw new UnsafePathException(abbreviate(relativePath), "the path is longer than " + MAX_PATH_BYTES + " bytes");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : relativePath.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new UnsafePathException(relativePath, "'..' segments are not allowed; generated paths must not climb");
            }
            checkSegment(relativePath, segment);
            segments.add(segment);
        }
        if (segments.isEmpty()) {
            throw new UnsafePathException(relativePath, "the path names the root directory, not a file");
        }
        return String.join("/", segments);
    }

    /**
     * Resolves a generated path under a root after {@link #normalize normalizing} it. Only joins names: it neither
     * touches the file system nor follows links, so the caller must still check the directories on the way (as
     * {@link StagingArea#write} does).
     *
     * @param root         the directory the path is relative to
     * @param relativePath the generated path
     * @return {@code root} joined with the normalized segments
     * @throws UnsafePathException  when the path is refused by {@link #normalize}
     * @throws NullPointerException when an argument is null
     */
    public static Path resolve(Path root, String relativePath) {
        Objects.requireNonNull(root, "root");
        String normalized = normalize(relativePath);
        Path resolved = root;
        for (String segment : normalized.split("/")) {
            resolved = resolved.resolve(segment);
        }
        if (!resolved.normalize().startsWith(root.normalize()) || resolved.equals(root)) {
            throw new UnsafePathException(relativePath, "it resolves to '" + resolved + "', outside '" + root + "'");
        }
        return resolved;
    }

    /**
     * Derives a safe directory name from a project name: accents are stripped, letters lower-cased, every run of
     * other characters becomes one {@code -}, and leading and trailing {@code -} are dropped. The result matches
     * {@code [a-z0-9][a-z0-9-]{0,63}}, never starts with {@code .} and is never a Windows device name
     * ({@code con} becomes {@code con-project}); a name with no usable character (empty, {@code ../..},
     * {@code 東京}) gives {@code project}.
     *
     * @param projectName any name, e.g. the spec's {@code name}
     * @return the slug
     * @throws NullPointerException when {@code projectName} is null
     */
    public static String slug(String projectName) {
        Objects.requireNonNull(projectName, "projectName");
        String ascii = COMBINING_MARKS.matcher(Normalizer.normalize(projectName, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NON_SLUG_RUNS.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimDashes(slug);
        if (slug.length() > MAX_SLUG_LENGTH) {
            slug = trimDashes(slug.substring(0, MAX_SLUG_LENGTH));
        }
        if (slug.isEmpty()) {
            return DEFAULT_SLUG;
        }
        if (isReservedName(slug)) {
            return slug + "-" + DEFAULT_SLUG;
        }
        return slug;
    }

    /**
     * @param slug a candidate
     * @return true when {@link #slug} could have produced it: {@code [a-z0-9][a-z0-9-]{0,63}}, no trailing
     *         {@code -}, not a device name
     */
    static boolean isSlug(String slug) {
        return slug.matches("[a-z0-9][a-z0-9-]{0,63}") && !slug.endsWith("-") && !isReservedName(slug);
    }

    /**
     * @param segment one file or directory name
     * @return true when Windows treats it as a device: its part before the first dot, with trailing spaces removed,
     *         is a device name in any case ({@code con}, {@code Con.txt}, {@code LPT1.tar.gz}, {@code com¹})
     */
    static boolean isReservedName(String segment) {
        int dot = segment.indexOf('.');
        String base = (dot < 0 ? segment : segment.substring(0, dot)).stripTrailing();
        return RESERVED_NAMES.contains(base.toUpperCase(Locale.ROOT));
    }

    /**
     * Compares real paths as {@link Path}s, never as strings: {@code /out-evil/x} is not under {@code /out}.
     *
     * @param root  the confining directory
     * @param other a path
     * @return true when {@code other} is {@code root} or inside it, comparing whole name elements
     */
    static boolean isWithin(Path root, Path other) {
        return other.normalize().startsWith(root.normalize());
    }

    private static void checkCharacters(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\0') {
                throw new UnsafePathException(path, "it contains a NUL character at index " + i);
            }
            if (Character.isISOControl(c)) {
                throw new UnsafePathException(path,
                        "it contains the control character U+" + String.format(Locale.ROOT, "%04X", (int) c) + " at index " + i);
            }
            if (c == '\\') {
                throw new UnsafePathException(path, "backslashes are not allowed (Windows separators, UNC and drive paths "
                        + "are refused); use '/' between segments");
            }
            if (c == ':') {
                throw new UnsafePathException(path, "':' is not allowed (drive letters and alternate data streams are refused)");
            }
            if (WINDOWS_FORBIDDEN.indexOf(c) >= 0) {
                throw new UnsafePathException(path, "the character '" + c + "' is not allowed in portable file names");
            }
            if (Character.isHighSurrogate(c) && i + 1 < path.length() && Character.isLowSurrogate(path.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new UnsafePathException(path, "it contains an unpaired UTF-16 surrogate at index " + i);
            }
        }
    }

    private static void checkSegment(String path, String segment) {
        if (segment.endsWith(".") || segment.endsWith(" ")) {
            throw new UnsafePathException(path, "the segment '" + segment + "' ends with a dot or a space, which Windows "
                    + "drops; remove the trailing character");
        }
        if (isReservedName(segment)) {
            throw new UnsafePathException(path, "the segment '" + segment + "' is a reserved Windows device name; "
                    + "rename it (e.g. '" + segment + "_')");
        }
        if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
            throw new UnsafePathException(abbreviate(path), "a segment is longer than " + MAX_SEGMENT_BYTES + " bytes");
        }
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }

    private static String abbreviate(String path) {
        return path.length() <= 80 ? path : path.substring(0, 80) + "...(" + path.length() + " chars)";
    }

    private static Set<String> reservedNames() {
        List<String> names = new ArrayList<>(List.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"));
        for (String digit : List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "\u00B9", "\u00B2", "\u00B3")) {
            names.add("COM" + digit);
            names.add("LPT" + digit);
        }
        return Set.copyOf(names);
    }
}

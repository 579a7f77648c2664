package dev.thefactory.internal.spec;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.SpecLimits;
import dev.thefactory.api.SpecValidationException;
import dev.thefactory.api.SpecValidationException.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door for specs: reads a spec file or string in Markdown, YAML or JSON, parses it under {@link SpecLimits},
 * and validates it with Bean Validation. Every problem — unreadable file, size cap, invalid UTF-8, NUL characters,
 * syntax errors, broken limits, wrong shapes, unknown type, constraint violations — surfaces as one
 * {@link SpecValidationException} carrying all violations found, each with its field path (e.g.
 * {@code features.core[2]}, or {@code (document)} for the whole document), message, offending value and source line.
 *
 * <pre>{@code
 * SpecLoader loader = new SpecLoader(SpecLimits.defaults());
 * ProjectSpec spec = loader.load(Path.of("specs/todo-app.md"));
 * }</pre>
 *
 * <p>Immutable and thread-safe; one instance may serve any number of threads. No argument may be null unless its
 * documentation says so.
 */
public final class SpecLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SpecLoader.class);

    /** The field of problems with the spec file itself (missing, unreadable, a directory). */
    static final String SPEC_FIELD = "spec";

    private static final Pattern YAML_KEY_LINE = Pattern.compile("^[A-Za-z_][A-Za-z0-9_-]*\\s*:(\\s.*)?$");
    private static final int DETECTION_SCAN_LINES = 200;

    private final SpecLimits limits;
    private final MarkdownSpecReader markdown;
    private final TreeSpecReader tree;

    /**
     * @param limits the parser limits, e.g. {@link SpecLimits#defaults()}
     * @throws NullPointerException if {@code limits} is null
     */
    public SpecLoader(SpecLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.markdown = new MarkdownSpecReader(limits);
        this.tree = new TreeSpecReader(limits);
    }

    /** @return the limits this loader enforces */
    public SpecLimits limits() {
        return limits;
    }

    /**
     * Reads, detects the format (extension {@code .md}/{@code .markdown}/{@code .yaml}/{@code .yml}/{@code .json},
     * else from content, as {@link #load(String, SpecFormat, String)} with a null format), parses and validates a
     * spec file. The file size is checked before anything is read.
     *
     * @param file the spec file
     * @return the valid spec
     * @throws SpecValidationException on any problem: field {@code spec} when the file is missing, a directory or
     *                                 unreadable; {@code (document)} for size, encoding, syntax and limits; the
     *                                 offending field otherwise
     * @throws NullPointerException    if {@code file} is null
     */
    public ProjectSpec load(Path file) {
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw fileProblem(source, "'" + source + "' is a directory, not a spec file; pass the path of a .md, "
                    + ".yaml or .json file", null);
        }
        if (!Files.exists(file)) {
            throw fileProblem(source, "spec file '" + source + "' does not exist; check the path", null);
        }
        if (!Files.isReadable(file)) {
            throw fileProblem(source, "spec file '" + source + "' is not readable; check its permissions", null);
        }
        byte[] bytes;
        try {
            SpecText.checkSize(Files.size(file), "bytes", limits, source);
            int cap = (int) Math.min(limits.maxBytes(), Integer.MAX_VALUE - 16L);
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(cap + 1);
            }
        } catch (IOException e) {
            throw fileProblem(source, "spec file '" + source + "' could not be read (" + e + "); check that it "
                    + "is a readable file", e);
        }
        // the file may have grown since its size was checked
        SpecText.checkSize(bytes.length, "bytes", limits, source);
        String content = SpecText.decodeUtf8(bytes, source);
        Path name = file.getFileName();
        String fileName = name == null ? null : name.toString();
        return fromExtension(fileName) != null ? parse(content, fromExtension(fileName), source)
                : parseDetected(content, source);
    }

    /**
     * Parses and validates a spec held in a string.
     *
     * @param content    the spec text
     * @param format     its format; may be null to detect it from the content ({@link #detectFormat}); a spec detected
     *                   as YAML that is not a valid YAML spec is then also tried as Markdown, and kept as Markdown when
     *                   that gives a valid spec (otherwise the YAML problems are reported)
     * @param sourceName where it came from, for messages (e.g. {@code <stdin>})
     * @return the valid spec
     * @throws SpecValidationException on any problem, with all violations
     * @throws NullPointerException    if {@code content} or {@code sourceName} is null
     */
    public ProjectSpec load(String content, SpecFormat format, String sourceName) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(sourceName, "sourceName");
        SpecText.checkSize(content, limits, sourceName);
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        return format != null ? parse(text, format, sourceName) : parseDetected(text, sourceName);
    }

    /**
     * Bean Validation of a spec built in code; reports all violations at once.
     *
     * @param spec       the spec
     * @param sourceName where it came from, for messages (e.g. {@code <code>})
     * @return {@code spec} itself when it is valid
     * @throws SpecValidationException listing every violation
     * @throws NullPointerException    if an argument is null
     */
    public ProjectSpec validate(ProjectSpec spec, String sourceName) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(sourceName, "sourceName");
        List<Violation> violations = SpecValidator.validate(spec, java.util.Map.of(), Set.of());
        if (!violations.isEmpty()) {
            throw new SpecValidationException(sourceName, SpecValidator.capped(violations));
        }
        return spec;
    }

    /**
     * Detects a spec's format (a loader given no format also falls back from YAML to Markdown, see
     * {@link #load(String, SpecFormat, String)}): from the file name's extension when it is {@code .md}, {@code .markdown},
     * {@code .yaml}, {@code .yml} or {@code .json} (any case); else from the content: JSON when the first
     * non-blank character is <code>{</code> or {@code [}, YAML when the document starts with {@code ---} or its first
     * line that is neither blank nor a {@code #} line looks like {@code key: value}, Markdown otherwise.
     *
     * @param fileName the file name or path; may be null
     * @param content  the content; may be null only when the extension decides
     * @return the format, never null
     * @throws NullPointerException if the extension does not decide and {@code content} is null
     */
    public static SpecFormat detectFormat(String fileName, String content) {
        SpecFormat byExtension = fromExtension(fileName);
        if (byExtension != null) {
            return byExtension;
        }
        Objects.requireNonNull(content, "content");
        int start = 0;
        for (int scanned = 0; start < content.length() && scanned < DETECTION_SCAN_LINES; scanned++) {
            int end = content.indexOf('\n', start);
            if (end < 0) {
                end = content.length();
            }
            String line = content.substring(start, Math.min(end, start + 1_000)).strip();
            start = end + 1;
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("{") || line.startsWith("[")) {
                return SpecFormat.JSON;
            }
            if (line.startsWith("---") && scanned == 0 || YAML_KEY_LINE.matcher(line).matches()) {
                return SpecFormat.YAML;
            }
            return SpecFormat.MARKDOWN;
        }
        return SpecFormat.MARKDOWN;
    }

    /** @return the format a file name's extension names, or null when it names none (or there is no name) */
    private static SpecFormat fromExtension(String fileName) {
        if (fileName == null) {
            return null;
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            return SpecFormat.MARKDOWN;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return SpecFormat.YAML;
        }
        if (lower.endsWith(".json")) {
            return SpecFormat.JSON;
        }
        return null;
    }

    /**
     * Parses a spec whose format only its content tells. A heading-style Markdown spec can look like YAML to
     * {@link #detectFormat} ({@code # Title} reads as a YAML comment, {@code Type: web_app} as a key), so a spec
     * detected as YAML that YAML cannot make valid is read as Markdown too, and the Markdown result is used when it
     * is valid; otherwise the YAML problems are reported.
     */
    private ProjectSpec parseDetected(String content, String source) {
        SpecFormat detected = detectFormat(null, content);
        try {
            return parse(content, detected, source);
        } catch (SpecValidationException asYaml) {
            if (detected != SpecFormat.YAML) {
                throw asYaml;
            }
            try {
                ProjectSpec spec = parse(content, SpecFormat.MARKDOWN, source);
                LOG.debug("Spec {} looked like YAML but is valid Markdown; read as Markdown", source);
                return spec;
            } catch (SpecValidationException asMarkdown) {
                asYaml.addSuppressed(asMarkdown);
                throw asYaml;
            }
        }
    }

    private ProjectSpec parse(String content, SpecFormat format, String source) {
        SpecText.checkText(content, source);
        SpecDraft draft;
        try {
            draft = switch (format) {
                case MARKDOWN -> markdown.read(content, source);
                case YAML, JSON -> tree.read(content, format, source);
            };
        } catch (StackOverflowError e) {
            // last line of defence: the readers walk iteratively and check depth first, so this is not expected
            throw SpecText.documentProblem(source, "nests too deeply to be parsed; flatten it or lower "
                    + "SpecLimits.maxNestingDepth", null, 0, e);
        }
        ProjectSpec spec = draft.toSpec();
        List<Violation> problems = new ArrayList<>(draft.violations());
        Set<String> reported = problems.stream().map(Violation::field).collect(Collectors.toSet());
        problems.addAll(SpecValidator.validate(spec, draft.lines(), reported));
        if (!problems.isEmpty()) {
            problems.sort(SpecValidator.SOURCE_ORDER);
            LOG.debug("Spec {} ({}) has {} problem(s)", source, format.id(), problems.size());
            throw new SpecValidationException(source, SpecValidator.capped(problems));
        }
        LOG.debug("Loaded spec {} ({}): '{}', type {}, {} core and {} extended features", source, format.id(),
                spec.name(), spec.type().id(), spec.features().core().size(), spec.features().extended().size());
        return spec;
    }

    /**
     * Refuses a spec read from a file or text that lists no feature: it has nothing to build, and a build of it would
     * succeed with every (zero) requirement met. Most often its features sit under a heading or key the reader did
     * not take for features, so the error names such sections. A spec built in code is not checked: an empty
     * {@code Features} there is deliberate.
     *
     * @param spec       a spec read by {@link #load(String, SpecFormat, String)} or {@link #load(Path)}
     * @param sourceName where it came from, for the message
     * @return {@code spec} itself when it lists at least one feature
     * @throws SpecValidationException naming {@code features} when it lists none
     */
    public ProjectSpec requireFeatures(ProjectSpec spec, String sourceName) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(sourceName, "sourceName");
        if (!spec.features().all().isEmpty()) {
            return spec;
        }
        throw new SpecValidationException(sourceName, List.of(noFeatures(spec)));
    }

    /**
     * A spec file that lists no feature has nothing to build, and a build of it would succeed with every (zero)
     * requirement met: most often its features sit under a heading or key the reader did not take for features, so
     * the error names such sections.
     */
    private static Violation noFeatures(ProjectSpec spec) {
        List<String> lookalikes = spec.extras().keySet().stream()
                .filter(k -> k.toLowerCase(Locale.ROOT).matches(".*(feature|requirement|user stor|capabilit"
                        + "|function).*"))
                .toList();
        String how = "in Markdown add a '## FEATURES' section with '### Core' and '### Extended' list items (or "
                + "'## Core Features' and '## Extended Features' sections); in YAML or JSON a 'features' key with a "
                + "'core' list (and optionally 'extended'), or a plain list of features";
        String seen = lookalikes.isEmpty() ? "" : "; the section" + (lookalikes.size() == 1 ? " '" : "s '")
                + String.join("', '", lookalikes) + "' " + (lookalikes.size() == 1 ? "was" : "were")
                + " not read as features";
        return new Violation(SpecField.FEATURES.path(), "the spec lists no feature to build" + seen + ": " + how,
                null, 0);
    }

    private static SpecValidationException fileProblem(String source, String message, Throwable cause) {
        return new SpecValidationException(source, List.of(new Violation(SPEC_FIELD, message, source, 0)), cause);
    }
}

package dev.thefactory.internal.spec;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.SpecLimits;
import dev.thefactory.api.SpecValidationException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a Markdown spec through commonmark's syntax tree. Accepts the template style ({@code ## MANIFEST} with
 * {@code - **Name**: X}, {@code ## FEATURES} with {@code ### Core (MVP)} / {@code ### Extended}) and the heading
 * style ({@code # Name}, a description paragraph, {@code ## Type: web_app}); see {@code docs/spec-format.md} for the
 * full mapping.
 *
 * <p>Hostile input: before commonmark sees the text, a linear pre-scan rejects lines and paragraphs longer than
 * {@code maxStringLength}, paragraphs with more than {@link #MAX_MARKUP_PER_PARAGRAPH} markup characters, documents
 * with more than {@link #MAX_BLOCKS} blocks, and lines whose container prefix ({@code >} and list markers, and
 * indentation) could nest deeper than {@code maxNestingDepth}; after parsing, the tree is walked without recursion and
 * rejected when block quotes and list items nest deeper than {@code maxNestingDepth}. Every walk here is iterative, so no input can overflow the stack. A {@code <}
 * is read by {@link AngleBracketParser} (autolinks only, inline HTML stays text), because commonmark's own parsers
 * search the rest of the paragraph for a closing {@code >} from every {@code <}, which is quadratic.
 *
 * <p>Immutable and thread-safe (commonmark's {@link Parser} is).
 */
final class MarkdownSpecReader {

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .customInlineContentParserFactory(new AngleBracketParser.Factory())
            .build();

    private static final Set<String> MANIFEST_KEYS = Set.of("manifest", "projectmanifest", "projectinfo",
            "projectinformation", "metadata", "project");

    /** The characters that can start inline markup (and make commonmark's inline parsing work hard). */
    static final String MARKUP = "*_`[]!<&\\";

    /**
     * Most markup characters one paragraph may hold. Real specs hold a few dozen; commonmark's emphasis and link
     * processing is worse than linear in them, and ten thousand keep a paragraph's parsing within milliseconds.
     */
    static final int MAX_MARKUP_PER_PARAGRAPH = 10_000;

    /**
     * Most blocks (paragraphs, list items, headings, code fences) a Markdown spec may hold: ten sections of the
     * {@link ProjectSpec#MAX_ITEMS} entries each allows. commonmark spends some 25 µs on every paragraph, so this
     * keeps a 1 MiB spec of tiny blocks to a fraction of a second.
     */
    static final int MAX_BLOCKS = 10 * ProjectSpec.MAX_ITEMS;

    /** Where items of a section without a heading of their own go. */
    static final String PREAMBLE = "Preamble";

    private final SpecLimits limits;

    MarkdownSpecReader(SpecLimits limits) {
        this.limits = limits;
    }

    /**
     * @param text    the document, already size- and NUL-checked
     * @param source  the source name for messages
     * @return the draft, with every non-fatal problem recorded
     * @throws SpecValidationException when a line is too long or the document nests too deep
     */
    SpecDraft read(String text, String source) {
        // the noncharacters that mark code spans while the document is walked (see SpecDraft) cannot come from it
        String content = text.replace(String.valueOf(SpecDraft.CODE_OPEN), "")
                .replace(String.valueOf(SpecDraft.CODE_CLOSE), "");
        prescan(content, source);
        Node document = PARSER.parse(content);
        checkDepth(document, source);
        return new Walker(content).walk(document);
    }

    // ---------------------------------------------------------------- limits

    /**
     * A linear scan that bounds what commonmark will see: no line longer than {@code maxStringLength}, no run of
     * paragraph text (consecutive non-blank lines that open no block) longer than {@code maxStringLength} (inline
     * parsing works per paragraph, so this bounds its cost), and no line whose container prefix could nest deeper than
     * {@code maxNestingDepth} (see {@link #nestingBound}).
     */
    private void prescan(String content, String source) {
        SpecText.checkLineLengths(content, limits, source);
        int line = 1;
        int start = 0;
        int length = content.length();
        int runStartLine = 0;
        long run = 0;
        int markup = 0;
        int blocks = 0;
        char fence = 0; // the character of the open top-level code fence, if any
        int fenceLength = 0;
        for (int i = 0; i <= length; i++) {
            char c = i < length ? content.charAt(i) : '\n';
            if (c != '\n' && c != '\r') {
                continue;
            }
            Prefix prefix = prefix(content, start, i);
            if (prefix.bound() > limits.maxNestingDepth()) {
                throw SpecText.documentProblem(source, "nests block quotes or lists deeper than the limit of "
                        + limits.maxNestingDepth() + " levels at line " + line + " (counting its '>' and list markers "
                        + "and two columns of indentation per level); flatten it or raise SpecLimits.maxNestingDepth",
                        null, line, null);
            }
            int fenceRun = prefix.markers() == 0 && prefix.columns() < 4 ? fenceRun(content, prefix.contentStart(), i)
                    : 0;
            if (fence != 0) {
                // inside a top-level fenced code block: no inline parsing, nothing to bound
                if (fenceRun >= fenceLength && content.charAt(prefix.contentStart()) == fence) {
                    fence = 0;
                }
            } else if (fenceRun > 0) {
                fence = content.charAt(prefix.contentStart());
                fenceLength = fenceRun;
                run = 0;
                blocks = countBlock(blocks, line, source);
            } else if (prefix.contentStart() >= i) {
                run = 0; // a blank line or an empty list item ends the paragraph
                if (prefix.listMarkers() > 0) {
                    blocks = countBlock(blocks, line, source);
                }
            } else {
                if (run == 0 || prefix.listMarkers() > 0 || content.charAt(prefix.contentStart()) == '#') {
                    run = 0; // a list item or a heading starts a new block
                    markup = 0;
                    runStartLine = line;
                    blocks = countBlock(blocks, line, source);
                }
                run += i - start + 1;
                markup += markupCharacters(content, prefix.contentStart(), i);
                if (run > limits.maxStringLength()) {
                    throw SpecText.documentProblem(source, "the paragraph starting at line " + runStartLine
                            + " is more than " + limits.maxStringLength() + " characters long; split it with blank "
                            + "lines or raise SpecLimits.maxStringLength", null, runStartLine, null);
                }
                if (markup > MAX_MARKUP_PER_PARAGRAPH) {
                    throw SpecText.documentProblem(source, "the paragraph starting at line " + runStartLine
                            + " holds more than " + MAX_MARKUP_PER_PARAGRAPH + " Markdown markup characters ("
                            + MARKUP + "); split it with blank lines or put it in a fenced code block",
                            null, runStartLine, null);
                }
            }
            if (c == '\r' && i + 1 < length && content.charAt(i + 1) == '\n') {
                i++;
            }
            start = i + 1;
            line++;
        }
    }

    /** Counts one more block (paragraph, list item, heading, code fence); fails past {@link #MAX_BLOCKS}. */
    private static int countBlock(int blocks, int line, String source) {
        if (blocks >= MAX_BLOCKS) {
            throw SpecText.documentProblem(source, "holds more than " + MAX_BLOCKS + " paragraphs, list items and "
                    + "headings (the first one too many is at line " + line + "); a spec section holds at most "
                    + ProjectSpec.MAX_ITEMS + " entries, remove the surplus", null, line, null);
        }
        return blocks + 1;
    }

    /** @return how many characters that can start inline markup a line holds */
    private static int markupCharacters(String s, int start, int end) {
        int count = 0;
        for (int i = start; i < end; i++) {
            if (MARKUP.indexOf(s.charAt(i)) >= 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * @return the length of the code fence ({@code ```} or {@code ~~~}, three or more) that opens the text at
     * {@code start}, or 0 when there is none (a backtick fence's info string may hold no backtick)
     */
    private static int fenceRun(String s, int start, int end) {
        if (start >= end || s.charAt(start) != '`' && s.charAt(start) != '~') {
            return 0;
        }
        char c = s.charAt(start);
        int i = start;
        while (i < end && s.charAt(i) == c) {
            i++;
        }
        if (i - start < 3 || c == '`' && s.indexOf('`', i) >= 0 && s.indexOf('`', i) < end) {
            return 0;
        }
        return i - start;
    }

    /**
     * The container prefix of a line: its block-quote and list markers and the whitespace around them.
     *
     * @param markers      block-quote and list markers
     * @param listMarkers  list markers among them
     * @param columns      whitespace columns before the first marker, plus those of each later run beyond the one
     *                     space a marker takes (tabs count 4)
     * @param contentStart index of the first character after the prefix (the line's end when there is none)
     */
    private record Prefix(int markers, int listMarkers, int columns, int contentStart) {
        /**
         * An upper bound of how deeply the line can nest: each marker opens at most one level, and a nested list
         * item must be indented at least two columns past its parent's marker.
         */
        int bound() {
            return markers + columns / 2;
        }
    }

    /** Reads a line's container prefix; stops just past the nesting limit, so the cost per line is bounded. */
    private Prefix prefix(String s, int start, int end) {
        if (isThematicBreak(s, start, end)) {
            return new Prefix(0, 0, 0, start);
        }
        int markers = 0;
        int listMarkers = 0;
        int columns = 0;
        int i = start;
        while (i < end) {
            int run = 0;
            while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                run += s.charAt(i) == '\t' ? 4 : 1;
                i++;
            }
            columns += markers == 0 ? run : Math.max(run - 1, 0);
            if (i >= end || markers + columns / 2 > limits.maxNestingDepth()) {
                break;
            }
            char c = s.charAt(i);
            if (c == '>') {
                markers++;
                i++;
            } else if ((c == '-' || c == '*' || c == '+') && followedBySpace(s, i + 1, end)) {
                markers++;
                listMarkers++;
                i++;
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < end && j - i < 9 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                    j++;
                }
                if (j < end && (s.charAt(j) == '.' || s.charAt(j) == ')') && followedBySpace(s, j + 1, end)) {
                    markers++;
                    listMarkers++;
                    i = j + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return new Prefix(markers, listMarkers, columns, i);
    }

    private static boolean followedBySpace(String s, int i, int end) {
        return i >= end || s.charAt(i) == ' ' || s.charAt(i) == '\t';
    }

    private static boolean isThematicBreak(String s, int start, int end) {
        char mark = 0;
        int count = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                continue;
            }
            if ((c != '-' && c != '*' && c != '_') || (mark != 0 && c != mark)) {
                return false;
            }
            mark = c;
            count++;
        }
        return count >= 3;
    }

    private void checkDepth(Node document, String source) {
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(document);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int depth = depths.pop();
            if (depth > limits.maxNestingDepth()) {
                throw depthProblem(source, lineOf(node, 0));
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Block) {
                    nodes.push(child);
                    depths.push(child instanceof BlockQuote || child instanceof ListItem ? depth + 1 : depth);
                }
            }
        }
    }

    private SpecValidationException depthProblem(String source, int line) {
        return SpecText.documentProblem(source, "nests block quotes or lists deeper than the limit of "
                + limits.maxNestingDepth() + " levels; flatten it or raise SpecLimits.maxNestingDepth", null, line, null);
    }

    static int lineOf(Node node, int fallback) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? fallback : spans.get(0).getLineIndex() + 1;
    }

    // ---------------------------------------------------------------- headings

    private enum Mode { PREAMBLE, MANIFEST, LIST, FEATURES, DESCRIPTION, SCALAR, EXTRAS }

    /**
     * What a heading opens: a mode, the field for it (if any), a value written in the heading itself, and for a
     * features section the group its items belong to.
     */
    private record Section(Mode mode, SpecField field, String value, SpecField.FeatureGroup group) {
        Section(Mode mode, SpecField field, String value) {
            this(mode, field, value, SpecField.FeatureGroup.CORE);
        }
    }

    /** @return whether a heading opens a known section (or sets a field), rather than an extras section */
    static boolean namesSection(String heading) {
        return resolve(heading).isPresent();
    }

    /** Resolves a heading to a section; empty when it names none (an extras section). */
    private static Optional<Section> resolve(String heading) {
        String words = headingWords(heading);
        Optional<Section> exact = section(words, "");
        if (exact.isPresent()) {
            return exact;
        }
        int colon = heading.indexOf(':');
        if (colon > 0) {
            Optional<Section> keyed = section(headingWords(heading.substring(0, colon)),
                    heading.substring(colon + 1).strip());
            if (keyed.isPresent()) {
                return keyed;
            }
        }
        int and = words.indexOf(" and ");
        return and > 0 ? section(words.substring(0, and), "") : Optional.empty();
    }

    private static Optional<Section> section(String words, String value) {
        String key = SpecField.normalizeKey(words);
        if (MANIFEST_KEYS.contains(key)) {
            return value.isEmpty() ? Optional.of(new Section(Mode.MANIFEST, null, "")) : Optional.empty();
        }
        Optional<SpecField.FeatureGroup> group = topLevelFeatureGroup(key);
        if (group.isPresent()) {
            return Optional.of(new Section(Mode.FEATURES, SpecField.FEATURES, value, group.get()));
        }
        return SpecField.forKey(key).flatMap(field -> switch (field.kind()) {
            case SCALAR -> Optional.of(new Section(field == SpecField.DESCRIPTION ? Mode.DESCRIPTION : Mode.SCALAR,
                    field, value));
            case LIST -> Optional.of(new Section(Mode.LIST, field, value));
            case FEATURES -> Optional.of(new Section(Mode.FEATURES, field, value));
            case EXTRAS -> Optional.empty();
        });
    }

    /**
     * A section heading that names a feature group on its own ({@code ## Core Features}, {@code ## MVP},
     * {@code ## Nice-to-have features}) rather than a sub-heading of {@code ## FEATURES}. Only names that cannot mean
     * anything else are taken: {@code ## Required} or {@code ## Optional} alone stay extras sections.
     */
    private static Optional<SpecField.FeatureGroup> topLevelFeatureGroup(String key) {
        if (key.endsWith("features") && key.length() > "features".length()) {
            return SpecField.FeatureGroup.forKey(key.substring(0, key.length() - "features".length()));
        }
        return switch (key) {
            case "mvp", "musthave", "nicetohave", "stretchgoals" -> SpecField.FeatureGroup.forKey(key);
            default -> Optional.empty();
        };
    }

    /**
     * Lower-case words of a heading: a trailing parenthesised remark is dropped ({@code Core (MVP)}), {@code &} reads
     * as {@code and}, leading numbering ({@code 2. Features}) and punctuation are dropped.
     */
    static String headingWords(String heading) {
        String text = heading.strip();
        if (text.endsWith(")")) {
            int depth = 0;
            for (int i = text.length() - 1; i >= 0; i--) {
                char c = text.charAt(i);
                if (c == ')') {
                    depth++;
                } else if (c == '(' && --depth == 0) {
                    if (i > 0) {
                        text = text.substring(0, i);
                    }
                    break;
                }
            }
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&') {
                s.append(" and ");
            } else if (Character.isLetterOrDigit(c)) {
                s.append(Character.toLowerCase(c));
            } else {
                s.append(' ');
            }
        }
        String words = s.toString().toLowerCase(Locale.ROOT).strip().replaceAll(" +", " ");
        while (!words.isEmpty() && Character.isDigit(words.charAt(0))) {
            int space = words.indexOf(' ');
            if (space < 0) {
                break;
            }
            words = words.substring(space + 1);
        }
        return words;
    }

    /** {@code Key: value} in an item or a line; null when the text has no such form. */
    private record KeyValue(String key, String value) {
        static KeyValue of(String text) {
            int colon = text.indexOf(':');
            if (colon <= 0 || colon > 60) {
                return null;
            }
            String key = text.substring(0, colon).strip();
            return key.isEmpty() ? null : new KeyValue(key, text.substring(colon + 1).strip());
        }
    }

    // ---------------------------------------------------------------- text

    /** One line of flattened inline text, with its source line and where its first character was in the input. */
    private static final class TextLine {
        private final StringBuilder text = new StringBuilder();
        private final boolean hardBreakBefore;
        private int line;
        private int rawIndex = -1;

        TextLine(int line, boolean hardBreakBefore) {
            this.line = line;
            this.hardBreakBefore = hardBreakBefore;
        }

        String text() {
            return text.toString().strip();
        }
    }

    /** Flattens a block's inline content into lines, split at soft and hard line breaks, keeping code spans. */
    private static List<TextLine> inlineLines(Node block) {
        return inlineLines(block, true);
    }

    /**
     * Flattens a block's inline content into lines, split at soft and hard line breaks. Iterative.
     *
     * @param block    the block
     * @param keepCode whether an inline code span keeps its backticks ({@code `mvn package`}), as requirement text
     *                 does; otherwise only its content is kept
     * @return the lines
     */
    private static List<TextLine> inlineLines(Node block, boolean keepCode) {
        int blockLine = lineOf(block, 0);
        List<TextLine> lines = new ArrayList<>();
        TextLine current = new TextLine(blockLine, false);
        lines.add(current);
        Deque<Object> work = new ArrayDeque<>();
        pushChildren(work, block);
        while (!work.isEmpty()) {
            Object next = work.pop();
            if (next instanceof String literal) {
                current.text.append(literal);
                continue;
            }
            Node node = (Node) next;
            if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                current = new TextLine(current.line + 1, node instanceof HardLineBreak);
                lines.add(current);
                continue;
            }
            if (current.rawIndex < 0 && !node.getSourceSpans().isEmpty()) {
                SourceSpan span = node.getSourceSpans().get(0);
                current.rawIndex = span.getInputIndex();
                current.line = span.getLineIndex() + 1;
            }
            if (node instanceof Text text) {
                current.text.append(text.getLiteral());
            } else if (node instanceof Code code) {
                current.text.append(keepCode ? SpecDraft.CODE_OPEN + codeSpan(code.getLiteral()) + SpecDraft.CODE_CLOSE
                        : code.getLiteral());
            } else if (node instanceof HtmlInline html) {
                current.text.append(html.getLiteral());
            } else {
                if (node instanceof Link link && link.getDestination() != null && !link.getDestination().isEmpty()
                        && !isAutolink(link)) {
                    work.push(" (" + link.getDestination() + ")");
                }
                pushChildren(work, node);
            }
        }
        return lines;
    }

    /**
     * @param literal the content of an inline code span
     * @return the span as written, between backticks (more of them than any run inside, padded with a space when it
     *         starts or ends with one), so requirement text keeps {@code `mvn package`} as written
     */
    static String codeSpan(String literal) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < literal.length(); i++) {
            run = literal.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String ticks = "`".repeat(longest + 1);
        boolean pad = literal.startsWith("`") || literal.endsWith("`");
        return ticks + (pad ? " " : "") + literal + (pad ? " " : "") + ticks;
    }

    /** {@code <https://x>}: the text is the destination, so it is not repeated. */
    private static boolean isAutolink(Link link) {
        return link.getFirstChild() instanceof Text text && text.getNext() == null
                && (text.getLiteral().equals(link.getDestination())
                || ("mailto:" + text.getLiteral()).equals(link.getDestination()));
    }

    private static void pushChildren(Deque<Object> work, Node parent) {
        Deque<Node> children = new ArrayDeque<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            children.push(child);
        }
        children.forEach(work::push);
    }

    /**
     * @param header the table's header cells
     * @param row    one row's cells
     * @return {@code first: second (header: cell, ...)}, skipping empty cells; the first cell alone when it is the
     *         only one
     */
    private static String rowText(List<String> header, List<String> row) {
        StringBuilder s = new StringBuilder(row.isEmpty() ? "" : row.get(0));
        List<String> rest = new ArrayList<>();
        for (int c = 1; c < row.size(); c++) {
            String cell = row.get(c);
            if (cell.isEmpty()) {
                continue;
            }
            if (c == 1 && s.length() > 0) {
                s.append(": ").append(cell);
            } else if (c == 1) {
                s.append(cell);
            } else {
                String name = c < header.size() ? header.get(c) : "";
                rest.add(name.isEmpty() ? cell : name + ": " + cell);
            }
        }
        if (!rest.isEmpty()) {
            s.append(" (").append(String.join(", ", rest)).append(')');
        }
        return s.toString().strip();
    }

    private static String joined(List<TextLine> lines) {
        StringBuilder s = new StringBuilder();
        for (TextLine line : lines) {
            String text = line.text();
            if (text.isEmpty()) {
                continue;
            }
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(text);
        }
        return s.toString();
    }

    // ---------------------------------------------------------------- walking

    /** Walks the top-level blocks in order, keeping the current section. Confined to one read. */
    private final class Walker {
        private final String content;
        private final SpecDraft draft = new SpecDraft(SpecFormat.MARKDOWN);
        private Mode mode = Mode.PREAMBLE;
        private SpecField field;
        private String extrasKey;
        private String manifestHeading;
        private SpecField.FeatureGroup group = SpecField.FeatureGroup.CORE;
        private boolean scalarFilled;
        private boolean sawSection;

        Walker(String content) {
            this.content = content;
        }

        SpecDraft walk(Node document) {
            Deque<Node> work = new ArrayDeque<>();
            for (Node child = document.getLastChild(); child != null; child = child.getPrevious()) {
                work.push(child);
            }
            while (!work.isEmpty()) {
                Node node = work.pop();
                if (node instanceof BlockQuote) {
                    for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                        work.push(child);
                    }
                } else if (node instanceof Heading heading) {
                    heading(heading);
                } else if (node instanceof Paragraph paragraph) {
                    paragraph(paragraph);
                } else if (node instanceof ListBlock list) {
                    list(list);
                } else if (node instanceof TableBlock table) {
                    table(table);
                } else if (node instanceof FencedCodeBlock code) {
                    code(code.getLiteral(), lineOf(code, 0) + 1);
                } else if (node instanceof IndentedCodeBlock code) {
                    code(code.getLiteral(), lineOf(code, 0));
                }
                // HTML blocks (comments, markup), thematic breaks and link reference definitions carry no spec content
            }
            return draft;
        }

        private void heading(Heading heading) {
            String text = joined(inlineLines(heading, false)); // a heading names a section or a value: no code span
            int line = lineOf(heading, 0);
            Optional<Section> section = resolve(text);
            if (heading.getLevel() == 1 && !draft.hasImplicitName() && !sawSection && section.isEmpty()) {
                KeyValue kv = KeyValue.of(text);
                boolean named = kv != null && SpecField.forKey(kv.key()).orElse(null) == SpecField.NAME;
                draft.setImplicitName(named ? kv.value() : text, line);
                mode = Mode.PREAMBLE;
                return;
            }
            if (heading.getLevel() >= 3) {
                if (mode == Mode.FEATURES) {
                    Optional<SpecField.FeatureGroup> g = featureGroup(text);
                    if (g.isPresent()) {
                        group = g.get();
                        draft.mark(group.path(), line);
                        return;
                    }
                }
                if (section.isEmpty()) {
                    subheading(text, line);
                    return;
                }
            }
            sawSection = true;
            if (section.isEmpty()) {
                enterExtras(text, line);
            } else {
                enter(section.get(), text, line);
            }
        }

        private Optional<SpecField.FeatureGroup> featureGroup(String text) {
            String key = SpecField.normalizeKey(headingWords(text));
            if (key.endsWith("features") && key.length() > "features".length()) {
                key = key.substring(0, key.length() - "features".length());
            }
            return SpecField.FeatureGroup.forKey(key);
        }

        /** An unrecognised level-3+ heading: a grouping inside the current section. */
        private void subheading(String text, int line) {
            switch (mode) {
                case EXTRAS -> draft.addExtra(extrasKey, text, line);
                case PREAMBLE -> {
                    sawSection = true;
                    enterExtras(text, line);
                }
                default -> {
                    // a grouping heading inside a known section (e.g. "### Backend" under TECH STACK): the items
                    // below it stay in the section; inside FEATURES they stay in the current group
                }
            }
        }

        private void enterExtras(String text, int line) {
            mode = Mode.EXTRAS;
            extrasKey = text;
            draft.startExtra(text, line);
        }

        private void enter(Section section, String text, int line) {
            mode = section.mode();
            field = section.field();
            scalarFilled = false;
            switch (section.mode()) {
                case MANIFEST -> manifestHeading = text;
                case DESCRIPTION -> draft.appendDescription(section.value(), line);
                case SCALAR -> {
                    if (!section.value().isEmpty()) {
                        draft.setScalar(field, section.value(), line);
                        scalarFilled = true;
                    } else {
                        draft.mark(field.path(), line);
                    }
                }
                case LIST -> {
                    draft.mark(field.path(), line);
                    if (!section.value().isEmpty()) {
                        draft.addItem(field.path(), section.value(), line);
                    }
                }
                case FEATURES -> {
                    group = section.group();
                    draft.mark(SpecField.FEATURES.path(), line);
                    if (!section.value().isEmpty()) {
                        draft.addItem(group.path(), section.value(), line);
                    }
                }
                default -> throw new IllegalStateException("no section opens mode " + section.mode());
            }
        }

        private void paragraph(Paragraph paragraph) {
            List<TextLine> lines = inlineLines(paragraph);
            switch (mode) {
                case PREAMBLE -> preambleParagraph(lines);
                case DESCRIPTION -> draft.appendDescription(descriptionText(lines), lineOf(paragraph, 0));
                default -> {
                    for (TextLine line : lines) {
                        String text = withoutCheckbox(line);
                        if (!text.isEmpty()) {
                            entry(text, line.line);
                        }
                    }
                }
            }
        }

        /** Before the first section: {@code Type: web_app}-style lines set fields, the rest is description. */
        private void preambleParagraph(List<TextLine> lines) {
            List<TextLine> rest = new ArrayList<>();
            for (TextLine line : lines) {
                KeyValue kv = KeyValue.of(line.text());
                SpecField f = kv == null ? null : SpecField.forKey(kv.key()).orElse(null);
                if (f != null && f.kind() == SpecField.Kind.SCALAR && f != SpecField.DESCRIPTION
                        && !kv.value().isEmpty()) {
                    draft.setScalar(f, kv.value(), line.line);
                } else {
                    rest.add(line);
                }
            }
            if (!rest.isEmpty()) {
                draft.appendDescription(descriptionText(rest), rest.get(0).line);
            }
        }

        /** Description text: soft breaks read as spaces, hard breaks as newlines. */
        private String descriptionText(List<TextLine> lines) {
            StringBuilder s = new StringBuilder();
            for (TextLine line : lines) {
                String text = line.text();
                if (s.length() > 0) {
                    s.append(line.hardBreakBefore ? "\n" : " ");
                }
                s.append(text);
            }
            return s.toString().strip();
        }

        private void list(ListBlock list) {
            List<TextLine> items = listItems(list);
            if (mode == Mode.DESCRIPTION) {
                StringBuilder s = new StringBuilder();
                for (TextLine item : items) {
                    s.append(s.length() > 0 ? "\n" : "").append("- ").append(withoutCheckbox(item));
                }
                draft.appendDescription(s.toString(), lineOf(list, 0));
                return;
            }
            for (TextLine item : items) {
                String text = withoutCheckbox(item);
                if (mode == Mode.EXTRAS && text.isEmpty()) {
                    continue;
                }
                entry(text, item.line);
            }
        }

        /**
         * A GitHub-style table. Its header row is never an entry. Under features, each row is one feature: the
         * sentence is the column headed like {@code Feature} (or the first column), a {@code Priority} column may put
         * the row in the core or the extended group ({@code must}, {@code should}, {@code nice to have}, ...; a
         * {@code won't} row is kept in {@code extras} and is no requirement), a numbering column ({@code #},
         * {@code ID}) is ignored, and any other column is refused, since what it says would be lost. Elsewhere each
         * row reads as {@code first: second (header: cell, ...)}, as a {@code - **Key**: value} line would.
         */
        private void table(TableBlock table) {
            List<String> header = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
                for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                    if (!(row instanceof TableRow)) {
                        continue;
                    }
                    List<String> cells = new ArrayList<>();
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        if (cell instanceof TableCell) {
                            cells.add(joined(inlineLines(cell)));
                        }
                    }
                    if (section instanceof TableHead) {
                        header.addAll(cells);
                    } else {
                        rows.add(cells);
                        lines.add(lineOf(row, 0));
                    }
                }
            }
            if (mode == Mode.FEATURES) {
                featureTable(header, rows, lines, lineOf(table, 0));
                return;
            }
            for (int r = 0; r < rows.size(); r++) {
                String text = rowText(header, rows.get(r));
                if (text.isEmpty()) {
                    continue;
                }
                if (mode == Mode.DESCRIPTION) {
                    draft.appendDescription("- " + text, lines.get(r));
                } else {
                    entry(text, lines.get(r));
                }
            }
        }

        private void featureTable(List<String> header, List<List<String>> rows, List<Integer> lines, int tableLine) {
            FeatureColumns.Roles roles = FeatureColumns.roles(header);
            if (!roles.lost().isEmpty()) {
                draft.violation(group.path(), FeatureColumns.lostColumn(roles.lost().get(0)), roles.lost().get(0),
                        tableLine);
                return;
            }
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                String text = roles.sentence() >= 0 && roles.sentence() < row.size() ? row.get(roles.sentence()) : "";
                String priority = roles.priority() >= 0 && roles.priority() < row.size()
                        ? row.get(roles.priority()) : "";
                if (!text.isEmpty()) {
                    FeatureColumns.add(draft, group.path(), text, roles.priority() < 0 ? null
                            : header.get(roles.priority()), priority, lines.get(r));
                }
            }
        }

        private void code(String literal, int firstLine) {
            if (mode == Mode.PREAMBLE || mode == Mode.DESCRIPTION) {
                draft.appendDescription(literal.stripTrailing(), firstLine);
                return;
            }
            String[] codeLines = literal.split("\r?\n|\r", -1);
            for (int i = 0; i < codeLines.length; i++) {
                if (!codeLines[i].isBlank()) {
                    entry(codeLines[i].strip(), firstLine + i);
                }
            }
        }

        /** One item or line of text in the current section. */
        private void entry(String text, int line) {
            switch (mode) {
                case LIST -> draft.addItem(field.path(), text, line);
                case FEATURES -> draft.addItem(group.path(), text, line);
                case EXTRAS -> draft.addExtra(extrasKey, text, line);
                case MANIFEST -> manifestEntry(text, line, manifestHeading);
                case PREAMBLE -> manifestEntry(text, line, PREAMBLE);
                case DESCRIPTION -> draft.appendDescription(text, line);
                case SCALAR -> {
                    if (scalarFilled) {
                        draft.violation(field.path(), "has more than one value under its heading; a '"
                                + field.path() + "' section holds a single value: move this paragraph under the "
                                + "title or into a '## Description' section", text, line);
                    } else {
                        draft.setScalar(field, text, line);
                        scalarFilled = true;
                    }
                }
            }
        }

        /** {@code Name: X}, {@code Type: web_app}, ...; anything else is kept in extras under the heading. */
        private void manifestEntry(String text, int line, String heading) {
            KeyValue kv = KeyValue.of(text);
            SpecField f = kv == null ? null : SpecField.forKey(kv.key()).orElse(null);
            if (f == null || f.kind() == SpecField.Kind.EXTRAS) {
                draft.addExtra(heading, text, line);
                return;
            }
            if (kv.value().isEmpty()) {
                draft.violation(f.path(), "has no value; write it as '- **" + kv.key() + "**: value'", text, line);
                return;
            }
            switch (f.kind()) {
                case SCALAR -> draft.setScalar(f, kv.value(), line);
                case LIST -> draft.addItem(f.path(), kv.value(), line);
                case FEATURES -> draft.addItem(SpecField.FeatureGroup.CORE.path(), kv.value(), line);
                default -> draft.addExtra(heading, text, line);
            }
        }

        /**
         * The items of a list, nested items as separate items right after their parent (pre-order). Each item's text
         * is its own paragraphs (joined by spaces), without its nested lists. Iterative.
         */
        private List<TextLine> listItems(ListBlock list) {
            List<TextLine> items = new ArrayList<>();
            Deque<Node> work = new ArrayDeque<>();
            work.push(list);
            while (!work.isEmpty()) {
                Node node = work.pop();
                if (node instanceof ListBlock) {
                    for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                        work.push(child);
                    }
                    continue;
                }
                if (!(node instanceof ListItem item)) {
                    continue;
                }
                TextLine text = itemText(item);
                items.add(text);
                for (Node child = item.getLastChild(); child != null; child = child.getPrevious()) {
                    if (child instanceof ListBlock) {
                        work.push(child);
                    }
                }
            }
            return items;
        }

        private TextLine itemText(ListItem item) {
            TextLine result = new TextLine(lineOf(item, 0), false);
            Deque<Node> blocks = new ArrayDeque<>();
            for (Node child = item.getLastChild(); child != null; child = child.getPrevious()) {
                if (!(child instanceof ListBlock)) {
                    blocks.push(child);
                }
            }
            while (!blocks.isEmpty()) {
                Node block = blocks.pop();
                String text;
                if (block instanceof Paragraph || block instanceof Heading) {
                    List<TextLine> lines = inlineLines(block);
                    if (result.rawIndex < 0 && result.text.length() == 0) {
                        result.rawIndex = lines.get(0).rawIndex;
                    }
                    text = joined(lines);
                } else if (block instanceof FencedCodeBlock code) {
                    text = String.join(" ", code.getLiteral().strip().split("\\s*\\R\\s*"));
                } else if (block instanceof IndentedCodeBlock code) {
                    text = String.join(" ", code.getLiteral().strip().split("\\s*\\R\\s*"));
                } else {
                    for (Node child = block.getLastChild(); child != null; child = child.getPrevious()) {
                        blocks.push(child);
                    }
                    continue;
                }
                if (!text.isEmpty()) {
                    result.text.append(result.text.length() > 0 ? " " : "").append(text);
                }
            }
            return result;
        }

        /** Strips a task-list marker ({@code [ ]}, {@code [x]}) unless the bracket was escaped in the source. */
        private String withoutCheckbox(TextLine line) {
            String text = line.text();
            if (text.length() >= 3 && text.charAt(0) == '[' && text.charAt(2) == ']'
                    && " xX".indexOf(text.charAt(1)) >= 0
                    && (text.length() == 3 || Character.isWhitespace(text.charAt(3)))) {
                boolean escaped = line.rawIndex >= 0 && line.rawIndex < content.length()
                        && content.charAt(line.rawIndex) == '\\';
                if (!escaped) {
                    return text.substring(3).strip();
                }
            }
            return text;
        }
    }
}

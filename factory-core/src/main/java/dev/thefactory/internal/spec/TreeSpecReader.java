package dev.thefactory.internal.spec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.SpecLimits;
import dev.thefactory.api.SpecValidationException;
import dev.thefactory.api.SpecValidationException.Violation;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML and JSON specs through Jackson's streaming parser under {@link SpecLimits}: nesting depth, string and
 * document length ({@link StreamReadConstraints}), duplicate keys ({@link StreamReadFeature#STRICT_DUPLICATE_DETECTION}),
 * YAML aliases (counted here; the first {@code maxAliases} are resolved to the anchored value without copying it) and
 * YAML tags (every explicit tag is a violation; none is ever honoured), YAML lines no longer than
 * {@code maxStringLength} (checked before parsing), and at most {@link #MAX_ENTRIES_READ} entries in any one list or
 * object (reading stops there). The document is first read into a small tree
 * that remembers the source line of every key and value, without recursion, then mapped onto a {@link SpecDraft}.
 *
 * <p>Immutable and thread-safe: the Jackson factories are configured once and only create parsers.
 */
final class TreeSpecReader {

    /**
     * Most entries read into one list or object before reading stops: twenty times what a field accepts
     * ({@link ProjectSpec#MAX_ITEMS}), so that a surplus up to there is still reported with its
     * exact count.
     */
    static final int MAX_ENTRIES_READ = 20 * ProjectSpec.MAX_ITEMS;

    /** Jackson's message for a repeated key, e.g. {@code Duplicate field 'name'}. */
    private static final Pattern DUPLICATE_FIELD =
            Pattern.compile("^Duplicate (?:field|Object property) '(.*)'");

    private final SpecLimits limits;
    private final JsonFactory jsonFactory;
    private final YAMLFactory yamlFactory;

    TreeSpecReader(SpecLimits limits) {
        this.limits = limits;
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(limits.maxStringLength())
                .maxDocumentLength(limits.maxBytes())
                .build();
        this.jsonFactory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        LoaderOptions loaderOptions = new LoaderOptions();
        loaderOptions.setMaxAliasesForCollections(limits.maxAliases());
        loaderOptions.setAllowRecursiveKeys(false);
        loaderOptions.setAllowDuplicateKeys(false);
        loaderOptions.setNestingDepthLimit(limits.maxNestingDepth());
        loaderOptions.setCodePointLimit((int) Math.min(limits.maxBytes(), Integer.MAX_VALUE));
        this.yamlFactory = YAMLFactory.builder()
                .loaderOptions(loaderOptions)
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    /**
     * @param content the document, already size- and NUL-checked
     * @param format  {@link SpecFormat#YAML} or {@link SpecFormat#JSON}
     * @param source  the source name for messages
     * @return the draft, with every non-fatal problem recorded
     * @throws SpecValidationException for syntax errors and broken limits
     */
    SpecDraft read(String content, SpecFormat format, String source) {
        SpecDraft draft = new SpecDraft(format);
        MappingNode root = parse(content, format, source, draft);
        new Mapper(draft).map(root);
        return draft;
    }

    // ---------------------------------------------------------------- tree

    /** A parsed value; {@code line} is 1-based, 0 when unknown. */
    private sealed interface TreeNode permits ScalarNode, SequenceNode, MappingNode {
        int line();
    }

    /** A scalar; {@code text} is null for a YAML/JSON null. */
    private record ScalarNode(String text, int line) implements TreeNode {
    }

    private static final class SequenceNode implements TreeNode {
        private final List<TreeNode> items = new ArrayList<>();
        private final int line;

        SequenceNode(int line) {
            this.line = line;
        }

        @Override
        public int line() {
            return line;
        }
    }

    private static final class MappingNode implements TreeNode {
        private final Map<String, TreeNode> values = new LinkedHashMap<>();
        private final Map<String, Integer> keyLines = new HashMap<>();
        private final int line;

        MappingNode(int line) {
            this.line = line;
        }

        @Override
        public int line() {
            return line;
        }
    }

    /** A container being filled while parsing, with the raw path used in parse-time messages. */
    private static final class Frame {
        private final TreeNode node;
        private final String path;
        private String pendingKey;
        private int pendingKeyLine;

        Frame(TreeNode node, String path) {
            this.node = node;
            this.path = path;
        }

        String childPath() {
            if (node instanceof MappingNode) {
                return path.isEmpty() ? String.valueOf(pendingKey) : path + "." + pendingKey;
            }
            return path + "[" + ((SequenceNode) node).items.size() + "]";
        }
    }

    private MappingNode parse(String content, SpecFormat format, String source, SpecDraft draft) {
        String what = format == SpecFormat.YAML ? "YAML" : "JSON";
        if (format == SpecFormat.YAML) {
            // SnakeYAML scans a very long line slowly and Jackson does not apply the string limit to YAML
            SpecText.checkLineLengths(content, limits, source);
        }
        Deque<Frame> stack = new ArrayDeque<>();
        JsonParser parser;
        try {
            parser = format == SpecFormat.YAML ? yamlFactory.createParser(content) : jsonFactory.createParser(content);
        } catch (IOException e) {
            throw SpecText.documentProblem(source, "could not be read as " + what + ": " + e.getMessage(),
                    null, 0, e);
        }
        try (parser) {
            YAMLParser yaml = parser instanceof YAMLParser y ? y : null;
            Map<String, TreeNode> anchors = new HashMap<>();
            Set<String> reportedTags = new HashSet<>();
            TreeNode root = null;
            int aliases = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int line = line(parser.currentTokenLocation());
                if (root != null && stack.isEmpty()) {
                    throw SpecText.documentProblem(source, "holds more than one " + what
                            + " document; a spec is exactly one document, remove the rest", null, line, null);
                }
                Frame frame = stack.peek();
                if (token == JsonToken.FIELD_NAME) {
                    frame.pendingKey = parser.currentName();
                    frame.pendingKeyLine = line;
                    checkTag(yaml, frame.childPath(), line, reportedTags, draft);
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                String path = frame == null ? "" : frame.childPath();
                TreeNode node;
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    node = token == JsonToken.START_OBJECT ? new MappingNode(line) : new SequenceNode(line);
                    checkTag(yaml, path, line, reportedTags, draft);
                    register(yaml, anchors, node);
                    stack.push(new Frame(node, path));
                    if (stack.size() > limits.maxNestingDepth()) {
                        throw depthProblem(source, line, null);
                    }
                } else if (yaml != null && yaml.isCurrentAlias()) {
                    if (++aliases > limits.maxAliases()) {
                        throw SpecText.documentProblem(source, "uses more than " + limits.maxAliases()
                                + " YAML aliases; write the values out or raise SpecLimits.maxAliases",
                                "*" + parser.getText(), line, null);
                    }
                    node = anchors.get(parser.getText());
                    if (node == null) {
                        throw SpecText.documentProblem(source, "refers to the YAML anchor '&" + parser.getText()
                                + "' before it is defined; define the anchor first", "*" + parser.getText(), line, null);
                    }
                } else {
                    String text = token == JsonToken.VALUE_NULL ? null : parser.getText();
                    node = new ScalarNode(text, line);
                    checkTag(yaml, path, line, reportedTags, draft);
                    register(yaml, anchors, node);
                    if (text != null && text.indexOf('\0') >= 0) {
                        draft.violation(path.isEmpty() ? SpecDraft.DOCUMENT : path,
                                "contains a NUL character (U+0000); remove it", text, line);
                    }
                }
                if (frame == null) {
                    root = node;
                } else {
                    attach(frame, node, source);
                }
            }
            if (root == null) {
                throw SpecText.documentProblem(source, "is empty; write a " + what + " "
                        + (format == SpecFormat.YAML ? "mapping" : "object") + " with at least name and type",
                        null, 0, null);
            }
            if (!(root instanceof MappingNode mapping)) {
                throw SpecText.documentProblem(source, "must be a " + what + " "
                        + (format == SpecFormat.YAML ? "mapping" : "object") + " at the top level (keys such as name, "
                        + "type, features) but is " + describe(root), null, root.line(), null);
            }
            return mapping;
        } catch (SpecValidationException e) {
            throw e;
        } catch (StreamConstraintsException e) {
            throw limitProblem(source, e, parser);
        } catch (JacksonException e) {
            throw syntaxProblem(source, what, stack, e, parser);
        } catch (IOException e) {
            throw SpecText.documentProblem(source, "could not be read as " + what + ": " + e.getMessage(),
                    null, 0, e);
        } catch (RuntimeException e) {
            // a parser library failing on hostile input must still surface as a typed spec error
            throw SpecText.documentProblem(source, "could not be parsed as " + what + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); fix the syntax", null, 0, e);
        }
    }

    private static void register(YAMLParser yaml, Map<String, TreeNode> anchors, TreeNode node) throws IOException {
        if (yaml != null) {
            String anchor = yaml.getObjectId();
            if (anchor != null) {
                anchors.put(anchor, node);
            }
        }
    }

    /** What {@code !!} expands to; Jackson drops the leading {@code !} of every tag. */
    private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";

    private static void checkTag(YAMLParser yaml, String path, int line, Set<String> reported, SpecDraft draft)
            throws IOException {
        if (yaml == null) {
            return;
        }
        String tag = yaml.getTypeId();
        if (tag != null && !tag.isEmpty() && reported.add(line + ":" + tag)) {
            String written = tag.startsWith(YAML_TAG_PREFIX) ? "!!" + tag.substring(YAML_TAG_PREFIX.length())
                    : "!" + tag;
            draft.violation(path.isEmpty() ? SpecDraft.DOCUMENT : path, "YAML tag '" + written + "' is not allowed: "
                    + "tags are never honoured; remove the tag and write a plain value", written, line);
        }
    }

    private static void attach(Frame frame, TreeNode node, String source) {
        int size = frame.node instanceof MappingNode m ? m.values.size() : ((SequenceNode) frame.node).items.size();
        if (size >= MAX_ENTRIES_READ) {
            // stop reading: the list is far past what any field accepts, and the rest would only cost time
            throw new SpecValidationException(source, List.of(new Violation(
                    frame.path.isEmpty() ? SpecDraft.DOCUMENT : frame.path, "has more than " + MAX_ENTRIES_READ
                    + " entries; a list or section holds at most " + ProjectSpec.MAX_ITEMS
                    + ", remove the surplus", null, Math.max(node.line(), 0))));
        }
        if (frame.node instanceof MappingNode mapping) {
            if (mapping.values.putIfAbsent(frame.pendingKey, node) != null) {
                throw duplicateProblem(source, frame.childPath(), frame.pendingKey, frame.pendingKeyLine, null);
            }
            mapping.keyLines.put(frame.pendingKey, frame.pendingKeyLine);
        } else {
            ((SequenceNode) frame.node).items.add(node);
        }
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(location.getLineNr(), 0);
    }

    private SpecValidationException depthProblem(String source, int line, Throwable cause) {
        return SpecText.documentProblem(source, "nests deeper than the limit of " + limits.maxNestingDepth()
                + " levels; flatten it or raise SpecLimits.maxNestingDepth", null, line, cause);
    }

    /** The line of a parser exception: its own location, else where the parser stopped. */
    private static int errorLine(JacksonException e, JsonParser parser) {
        int line = line(e.getLocation());
        if (line > 0) {
            return line;
        }
        try {
            return line(parser.currentLocation());
        } catch (RuntimeException ignored) {
            return 0; // a parser that cannot say where it is: the line stays unknown
        }
    }

    private SpecValidationException limitProblem(String source, StreamConstraintsException e, JsonParser parser) {
        int line = errorLine(e, parser);
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return depthProblem(source, line, e);
        }
        if (message.contains("String value length") || message.contains("Name length")) {
            return SpecText.documentProblem(source, "holds a string longer than the limit of "
                    + limits.maxStringLength() + " characters; shorten it or raise SpecLimits.maxStringLength",
                    null, line, e);
        }
        if (message.contains("ocument length")) {
            return SpecText.documentProblem(source, "is longer than the limit of " + limits.maxBytes()
                    + " bytes; split it or raise SpecLimits.maxBytes", null, line, e);
        }
        return SpecText.documentProblem(source, "breaks a parser limit: " + message, null, line, e);
    }

    private static SpecValidationException syntaxProblem(String source, String what, Deque<Frame> stack,
                                                         JacksonException e, JsonParser parser) {
        String message = String.valueOf(e.getOriginalMessage());
        int line = errorLine(e, parser);
        Matcher duplicate = DUPLICATE_FIELD.matcher(message);
        if (duplicate.find() && !stack.isEmpty()) {
            // Jackson reports the repeated key before this reader has seen it: the frame still holds the previous key
            Frame frame = stack.peek();
            String key = duplicate.group(1);
            String path = frame.path.isEmpty() ? key : frame.path + "." + key;
            return duplicateProblem(source, path, key, line, e);
        }
        return SpecText.documentProblem(source, "is not valid " + what + ": " + firstLine(message)
                + "; fix the syntax", null, line, e);
    }

    private static SpecValidationException duplicateProblem(String source, String path, String key, int line,
                                                            Throwable cause) {
        return new SpecValidationException(source, List.of(new Violation(path,
                "duplicate key '" + key + "'; a key may appear only once, remove or merge the repeats", key,
                Math.max(line, 0))), cause);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String describe(TreeNode node) {
        if (node instanceof MappingNode) {
            return "an object";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return ((ScalarNode) node).text() == null ? "null" : "a single value";
    }

    // ---------------------------------------------------------------- mapping onto the draft

    /** Maps the tree's keys onto spec fields; confined to one read. */
    private final class Mapper {
        private final SpecDraft draft;
        private final Map<SpecField, String> seen = new EnumMap<>(SpecField.class);

        Mapper(SpecDraft draft) {
            this.draft = draft;
        }

        void map(MappingNode root) {
            root.values.forEach((key, value) -> {
                int keyLine = root.keyLines.getOrDefault(key, 0);
                Optional<SpecField> field = SpecField.forKey(key);
                if (field.isEmpty()) {
                    draft.startExtra(key, keyLine);
                    render(value, SpecDraft.extrasPath(key)).forEach(text -> draft.addExtra(key, text, keyLine));
                    return;
                }
                SpecField f = field.get();
                String previous = seen.putIfAbsent(f, key);
                if (previous != null) {
                    draft.violation(f.path(), "is given twice, as '" + previous + "' and as '" + key
                            + "'; keep one", key, keyLine);
                    return;
                }
                draft.mark(f.path(), keyLine);
                switch (f.kind()) {
                    case SCALAR -> scalar(f, value);
                    case LIST -> items(value, f.path());
                    case FEATURES -> features(value);
                    case EXTRAS -> extras(value);
                }
            });
        }

        private void scalar(SpecField field, TreeNode value) {
            if (value instanceof ScalarNode scalar) {
                if (scalar.text() != null) {
                    draft.setScalar(field, scalar.text().strip(), scalar.line());
                }
            } else {
                draft.violation(field.path(), "must be a single string but is " + describe(value)
                        + "; write it as '" + field.path() + ": value'", null, value.line());
            }
        }

        private void items(TreeNode value, String path) {
            if (value instanceof ScalarNode scalar) {
                if (!isEmpty(scalar)) {
                    draft.violation(path, "must be a list of strings but is a single value; write it as a list, "
                            + "e.g. [\"" + abbreviate(scalar.text()) + "\"]", scalar.text(), scalar.line());
                }
            } else if (value instanceof SequenceNode sequence) {
                for (TreeNode item : sequence.items) {
                    if (path.startsWith(SpecField.FEATURES.path() + ".") && item instanceof MappingNode mapping
                            && FeatureColumns.namesASentence(List.copyOf(mapping.values.keySet()))) {
                        featureObject(mapping, path);
                        continue;
                    }
                    String text = itemText(item);
                    String itemPath = draft.addItem(path, text == null ? "" : text.strip(), item.line());
                    if (text == null && !(item instanceof ScalarNode)) {
                        draft.violation(itemPath, "must be a string (or a 'key: value' pair) but is "
                                + describe(item), null, item.line());
                    }
                }
            } else {
                MappingNode mapping = (MappingNode) value;
                mapping.values.forEach((key, entry) -> {
                    int line = mapping.keyLines.getOrDefault(key, entry.line());
                    String text = entryText(key, entry);
                    String itemPath = draft.addItem(path, text == null ? key : text, line);
                    if (text == null) {
                        draft.violation(itemPath, "'" + key + "' must have a string or a list of strings as its value "
                                + "but has " + describe(entry), key, line);
                    }
                });
            }
        }

        /**
         * A feature written as an object ({@code - title: Add books / priority: must}), read as a Markdown table's
         * row is: the sentence from its {@code title} (or {@code feature}, {@code description}, ...), the group from
         * its {@code priority}; a key whose value would be lost is refused.
         */
        private void featureObject(MappingNode mapping, String path) {
            List<String> keys = List.copyOf(mapping.values.keySet());
            FeatureColumns.Roles roles = FeatureColumns.roles(keys);
            int line = mapping.line();
            if (!roles.lost().isEmpty()) {
                String lost = roles.lost().get(0);
                draft.violation(path, FeatureColumns.lostColumn(lost), lost, mapping.keyLines.getOrDefault(lost, line));
                return;
            }
            String text = scalarText(mapping.values.get(keys.get(roles.sentence())));
            String priorityName = roles.priority() < 0 ? null : keys.get(roles.priority());
            String priority = priorityName == null ? "" : scalarText(mapping.values.get(priorityName));
            if (text == null || priority == null) {
                draft.violation(path, "has a feature written as an object whose values are not all single strings; "
                        + "write 'title: the sentence' and, optionally, 'priority: must'", null, line);
                return;
            }
            FeatureColumns.add(draft, path, text, priorityName, priority, line);
        }

        /** @return a scalar's text, stripped ("" for null); null for any other shape */
        private static String scalarText(TreeNode node) {
            if (node instanceof ScalarNode scalar) {
                return scalar.text() == null ? "" : scalar.text().strip();
            }
            return null;
        }

        /** @return an item's text; for a null scalar the empty string (reported as blank); null for a wrong shape */
        private String itemText(TreeNode item) {
            if (item instanceof ScalarNode scalar) {
                return scalar.text() == null ? "" : scalar.text();
            }
            if (item instanceof MappingNode mapping && !mapping.values.isEmpty()) {
                List<String> parts = new ArrayList<>();
                for (Map.Entry<String, TreeNode> e : mapping.values.entrySet()) {
                    String part = entryText(e.getKey(), e.getValue());
                    if (part == null) {
                        return null;
                    }
                    parts.add(part);
                }
                return String.join("; ", parts);
            }
            return null;
        }

        /** {@code key: value} for a scalar or a list of scalars; null for a deeper shape. */
        private String entryText(String key, TreeNode value) {
            if (value instanceof ScalarNode scalar) {
                return scalar.text() == null ? key.strip() : key.strip() + ": " + scalar.text().strip();
            }
            if (value instanceof SequenceNode sequence) {
                List<String> parts = new ArrayList<>();
                for (TreeNode item : sequence.items) {
                    if (!(item instanceof ScalarNode scalar)) {
                        return null;
                    }
                    parts.add(scalar.text() == null ? "" : scalar.text().strip());
                }
                return key.strip() + ": " + String.join(", ", parts);
            }
            return null;
        }

        private void features(TreeNode value) {
            if (value instanceof SequenceNode) {
                items(value, SpecField.FeatureGroup.CORE.path());
            } else if (value instanceof MappingNode mapping) {
                Map<SpecField.FeatureGroup, String> groups = new EnumMap<>(SpecField.FeatureGroup.class);
                mapping.values.forEach((key, entry) -> {
                    int line = mapping.keyLines.getOrDefault(key, entry.line());
                    Optional<SpecField.FeatureGroup> group = SpecField.FeatureGroup.forKey(key);
                    if (group.isEmpty()) {
                        draft.violation("features." + key, "unknown feature group; valid keys are "
                                + SpecField.FeatureGroup.validKeys(), key, line);
                        return;
                    }
                    String previous = groups.putIfAbsent(group.get(), key);
                    if (previous != null) {
                        draft.violation(group.get().path(), "is given twice, as '" + previous + "' and as '" + key
                                + "'; keep one", key, line);
                        return;
                    }
                    draft.mark(group.get().path(), line);
                    items(entry, group.get().path());
                });
            } else if (!isEmpty((ScalarNode) value)) {
                draft.violation(SpecField.FEATURES.path(), "must be an object with the lists core and extended "
                        + "(or a plain list of core features) but is a single value", ((ScalarNode) value).text(),
                        value.line());
            }
        }

        private void extras(TreeNode value) {
            if (value instanceof MappingNode mapping) {
                mapping.values.forEach((key, entry) -> {
                    int line = mapping.keyLines.getOrDefault(key, entry.line());
                    draft.startExtra(key, line);
                    render(entry, SpecDraft.extrasPath(key)).forEach(text -> draft.addExtra(key, text, line));
                });
            } else if (!(value instanceof ScalarNode scalar && isEmpty(scalar))) {
                draft.violation(SpecField.EXTRAS.path(), "must be an object of section name to list of strings but is "
                        + describe(value), null, value.line());
            }
        }

        /** Renders any value as a list of strings: a list entry per element, {@code key: value} per object entry. */
        private List<String> render(TreeNode value, String path) {
            List<String> out = new ArrayList<>();
            if (value instanceof ScalarNode scalar) {
                if (scalar.text() != null) {
                    out.add(scalar.text());
                }
            } else if (value instanceof SequenceNode sequence) {
                for (TreeNode item : sequence.items) {
                    out.add(item instanceof ScalarNode s ? String.valueOf(s.text()) : compact(item, path));
                }
            } else {
                ((MappingNode) value).values.forEach((key, entry) -> out.add(key + ": "
                        + (entry instanceof ScalarNode s ? String.valueOf(s.text()) : compact(entry, path))));
            }
            return out;
        }

        /**
         * Renders a nested value on one line in a JSON-like form, without recursion and within
         * {@code maxStringLength} characters (an alias-heavy YAML value cannot expand past it).
         */
        private String compact(TreeNode node, String path) {
            StringBuilder s = new StringBuilder();
            Deque<Object> work = new ArrayDeque<>();
            work.push(node);
            while (!work.isEmpty()) {
                if (s.length() > limits.maxStringLength()) {
                    draft.violation(path, "expands to more than " + limits.maxStringLength() + " characters (through "
                            + "YAML aliases or deep nesting); write it out shorter or raise SpecLimits.maxStringLength",
                            null, node.line());
                    return s.substring(0, limits.maxStringLength());
                }
                Object next = work.pop();
                if (next instanceof String literal) {
                    s.append(literal);
                } else if (next instanceof ScalarNode scalar) {
                    s.append(scalar.text());
                } else if (next instanceof SequenceNode sequence) {
                    work.push("]");
                    for (int i = sequence.items.size() - 1; i >= 0; i--) {
                        work.push(sequence.items.get(i));
                        if (i > 0) {
                            work.push(", ");
                        }
                    }
                    work.push("[");
                } else {
                    List<Map.Entry<String, TreeNode>> entries = new ArrayList<>(((MappingNode) next).values.entrySet());
                    work.push("}");
                    for (int i = entries.size() - 1; i >= 0; i--) {
                        work.push(entries.get(i).getValue());
                        work.push(entries.get(i).getKey() + ": ");
                        if (i > 0) {
                            work.push(", ");
                        }
                    }
                    work.push("{");
                }
            }
            return s.toString();
        }
    }

    /** A null or blank scalar: {@code key:} with no value reads as "nothing here" for a list or object field. */
    private static boolean isEmpty(ScalarNode scalar) {
        return scalar.text() == null || scalar.text().isBlank();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}

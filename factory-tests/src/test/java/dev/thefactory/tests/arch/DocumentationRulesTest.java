package dev.thefactory.tests.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules about documentation that the compiler cannot check: Javadoc that renders, and user documents that only send
 * readers to public classes. Reads the repository's sources and Markdown as text.
 */
class DocumentationRulesTest {

    /** The repository root: the parent of this module's directory. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static final List<String> MODULES = List.of("factory-api", "factory-core", "factory-fallbacks",
            "factory-llm", "factory-temporal", "examples", "examples/custom-backend");

    private static final Pattern ONE_LINE_COMMENT = Pattern.compile("^\\s*/\\*\\*(.*)\\*/\\s*$");
    /** {@code Name}, {@code pkg.Name}, {@code Name.member()}, {@code Name#member}: how a document names a class. */
    private static final Pattern CLASS_REFERENCE = Pattern.compile("[A-Za-z_][\\w.#]*(\\(\\))?");
    private static final Pattern BLOCK_TAG = Pattern.compile("(?<![{\\w])@(param|return|throws|exception|see|since)\\b");

    @Test
    void noOneLineJavadocStacksBlockTags() {
        List<String> stacked = new ArrayList<>();
        for (Path file : javaSources()) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher comment = ONE_LINE_COMMENT.matcher(lines.get(i));
                if (!comment.matches()) {
                    continue;
                }
                String body = comment.group(1).strip();
                Matcher tag = BLOCK_TAG.matcher(body);
                int tags = 0;
                int first = -1;
                while (tag.find()) {
                    if (tags++ == 0) {
                        first = tag.start();
                    }
                }
                // Javadoc reads a block tag only at the start of a line: a second one on the line, or one after text,
                // is part of the text before it, and the rendered page loses it
                if (tags >= 2 || tags == 1 && first > 0) {
                    stacked.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + body);
                }
            }
        }
        assertThat(stacked).as("one-line Javadoc comments with a block tag that Javadoc will not read; write one "
                + "tag per line").isEmpty();
    }

    @Test
    void userDocumentsNameNoClassOfAnInternalPackage() {
        Set<String> internal = new TreeSet<>();
        Set<String> exported = new TreeSet<>();
        for (Path file : javaSources()) {
            String name = file.getFileName().toString().replace(".java", "");
            if (name.equals("package-info")) {
                continue;
            }
            (file.toString().contains("/internal/") ? internal : exported).add(name);
        }
        internal.removeAll(exported);
        Pattern code = Pattern.compile("`([^`]+)`");
        List<String> found = new ArrayList<>();
        for (Path doc : userDocuments()) {
            List<String> lines = read(doc);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.contains("dev.thefactory.internal") || line.matches(".*dev\\.thefactory\\.\\w+\\.internal.*")) {
                    found.add(ROOT.relativize(doc) + ":" + (i + 1) + ": names an internal package");
                }
                Matcher span = code.matcher(line);
                while (span.find()) {
                    if (!CLASS_REFERENCE.matcher(span.group(1)).matches()) {
                        continue; // prose or a spec line (`Language: Java 17`), not a reference to a class
                    }
                    for (String word : span.group(1).split("[^A-Za-z0-9_]+")) {
                        if (internal.contains(word)) {
                            found.add(ROOT.relativize(doc) + ":" + (i + 1) + ": `" + span.group(1) + "` names "
                                    + word + ", a class of an internal package");
                        }
                    }
                }
            }
        }
        assertThat(found).as("user documents send readers to internal classes").isEmpty();
    }

    private static List<Path> javaSources() {
        List<Path> files = new ArrayList<>();
        for (String module : MODULES) {
            Path sources = ROOT.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(sources)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(files).as("sources found under %s", ROOT).hasSizeGreaterThan(100);
        return files;
    }

    /** README.md, examples/README.md and docs/*.md, the decision records included. */
    private static List<Path> userDocuments() {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("examples/README.md")));
        try (Stream<Path> list = Files.list(ROOT.resolve("docs"))) {
            list.filter(p -> p.toString().endsWith(".md"))
                    .sorted().forEach(docs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

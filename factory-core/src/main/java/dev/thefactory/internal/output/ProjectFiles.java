package dev.thefactory.internal.output;

import dev.thefactory.spi.ValidationOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.CharBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Reading generated files and classifying them by name. Stateless and thread-safe; no argument may be null. */
final class ProjectFiles {

    /** Extensions of files that must be valid UTF-8 text. */
    static final Set<String> TEXT_EXTENSIONS = Set.of(
            "java", "kt", "kts", "groovy", "gradle", "scala", "clj", "json", "yaml", "yml", "xml", "xsd", "xsl",
            "properties", "md", "markdown", "txt", "adoc", "rst", "py", "pyi", "js", "mjs", "cjs", "ts", "tsx", "jsx",
            "vue", "svelte", "html", "htm", "css", "scss", "less", "sh", "bash", "zsh", "bat", "cmd", "ps1", "sql",
            "toml", "ini", "cfg", "conf", "env", "csv", "tsv", "svg", "go", "rs", "c", "h", "cc", "cpp", "hpp", "cs",
            "rb", "php", "swift", "dart", "lua", "r", "proto", "graphql", "tf", "hcl", "mod", "sum", "lock",
            "gitignore", "gitattributes", "editorconfig", "dockerignore", "npmrc", "nvmrc", "prettierrc", "eslintrc");
    /** Whole names (lower case) of files without a telling extension that must be valid UTF-8 text. */
    static final Set<String> TEXT_NAMES = Set.of(
            "dockerfile", "makefile", "license", "notice", "readme", "changelog", "authors", "contributing",
            "jenkinsfile", "procfile", "gemfile", "rakefile", "vagrantfile", "mvnw", "gradlew", "codeowners");

    private ProjectFiles() {
    }

    /**
     * Reads a file of a project without following a link at its name.
     *
     * @param projectRoot  the project root
     * @param relativePath the file, {@code /}-separated
     * @return its bytes
     * @throws IOException when it cannot be read (a link at the name fails)
     */
    static byte[] read(Path projectRoot, String relativePath) throws IOException {
        return read(SafePaths.resolve(projectRoot, relativePath));
    }

    /**
     * @param file a file (a link at its name is not followed)
     * @return its bytes
     * @throws IOException when it cannot be read
     */
    static byte[] read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readAllBytes();
        }
    }

    /**
     * @param relativePath a path
     * @return the lower-case text after the last dot of the file name, or ""
     */
    static String extension(String relativePath) {
        String name = fileName(relativePath);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * @param relativePath a path
     * @return true when the file's type is text, which must be valid UTF-8
     */
    static boolean isText(String relativePath) {
        String name = fileName(relativePath).toLowerCase(Locale.ROOT);
        return TEXT_NAMES.contains(name) || TEXT_EXTENSIONS.contains(extension(relativePath));
    }

    /**
     * @param content bytes
     * @return the offset of the first byte that is not part of valid UTF-8, or -1 when all of it is valid UTF-8
     */
    static int firstInvalidUtf8(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(8192);
        CoderResult result;
        do {
            result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            out.clear();
        } while (result.isOverflow());
        do {
            result = decoder.flush(out);
            out.clear();
        } while (result.isOverflow());
        return -1;
    }

    /**
     * @param content bytes known to be valid UTF-8
     * @return the text
     * @throws CharacterCodingException when they are not valid UTF-8
     */
    static String decodeUtf8(byte[] content) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content))
                .toString();
    }

    /**
     * @param relativePath the file
     * @param line         1-based line, or a value below 1 when unknown
     * @param message      what is wrong (collapsed to one line)
     * @return {@code path:line: message}, or {@code path: message} without a line
     */
    static String problem(String relativePath, long line, String message) {
        String oneLine = String.join(" ", message.strip().split("\\s*\\R\\s*"));
        return line > 0 ? relativePath + ":" + line + ": " + oneLine : relativePath + ": " + oneLine;
    }

    private static String fileName(String relativePath) {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? relativePath : relativePath.substring(slash + 1);
    }

    /**
     * Deletes a tree without following links: a link is deleted, never its target.
     *
     * @param top          the tree's root
     * @param includingTop whether {@code top} itself is deleted too, or only what is in it
     * @throws IOException when something cannot be deleted (what was deleted before stays deleted)
     */
    static void deleteTree(Path top, boolean includingTop) throws IOException {
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                if (includingTop || !dir.equals(top)) {
                    Files.delete(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Reads a project file and hands its bytes to a check; a file that cannot be read fails with that reason.
     *
     * @param projectRoot  the project's root
     * @param relativePath the file
     * @param check        what to do with its content
     * @return the check's outcome, or a failure naming the read error
     */
    static ValidationOutcome readAndCheck(Path projectRoot, String relativePath,
            Function<byte[], ValidationOutcome> check) {
        byte[] content;
        try {
            content = read(projectRoot, relativePath);
        } catch (IOException e) {
            return ValidationOutcome.failed(List.of(problem(relativePath, 0, "cannot be read: " + e)));
        }
        return check.apply(content);
    }
}

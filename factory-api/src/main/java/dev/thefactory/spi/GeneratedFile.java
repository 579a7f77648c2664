package dev.thefactory.spi;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A file an agent produced: a relative path with {@code /} separators and UTF-8 text. The core checks the path
 * again (normalized, confined to the output root, no reserved names) before writing. Immutable and thread-safe.
 *
 * @param path    relative path such as {@code src/main/java/com/acme/App.java}
 * @param content the file's text
 */
public record GeneratedFile(String path, String content) {

    /** @throws NullPointerException if a component is null */
    public GeneratedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }

    /** @return the content as UTF-8 bytes */
    public byte[] bytes() {
        return content.getBytes(StandardCharsets.UTF_8);
    }
}
